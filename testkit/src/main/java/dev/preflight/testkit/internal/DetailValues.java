package dev.preflight.testkit.internal;

import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** Compares detail values the way a test author means them: {@code 12} equals {@code 12L}. */
public final class DetailValues {

    private DetailValues() {
    }

    /**
     * @param key the detail's key
     * @param expected what the test expects, in any form {@code Result.Builder.detail} accepts
     * @param actual the stored value
     * @return whether they are the same detail value
     */
    public static boolean same(String key, Object expected, Object actual) {
        // Normalised by core itself, so an expected Set or enum compares as the probe's would be stored.
        Object normalised = Result.builder(Status.PASS).detail(key, expected).build().details().get(key);
        return equal(normalised, actual);
    }

    private static boolean equal(Object a, Object b) {
        if (a instanceof Number && b instanceof Number) {
            BigDecimal x = decimal((Number) a);
            BigDecimal y = decimal((Number) b);
            return x != null && y != null ? x.compareTo(y) == 0 : a.equals(b);
        }
        if (a instanceof List && b instanceof List) {
            List<?> x = (List<?>) a;
            List<?> y = (List<?>) b;
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!equal(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    private static BigDecimal decimal(Number n) {
        try {
            return new BigDecimal(n.toString());
        } catch (NumberFormatException e) {
            return null; // NaN and infinities
        }
    }
}

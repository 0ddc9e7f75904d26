package dev.preflight.testkit.internal;

import dev.preflight.Report;
import dev.preflight.probe.Result;
import dev.preflight.report.ReportFormat;
import dev.preflight.support.Redactor;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds forbidden strings (planted secrets) in a result's texts or a report's renderings. What it
 * returns describes each find with the string masked, so that the failure message is no leak itself.
 */
public final class Leaks {
    private static final int CONTEXT = 40;

    private Leaks() {
    }

    /**
     * @param result a result, as the probe returned it or as the runner redacted it
     * @param forbidden strings that must not appear
     * @return one line per find, naming the field; empty if there is none
     */
    public static List<String> inResult(Result result, List<String> forbidden) {
        List<String> found = new ArrayList<>();
        find("summary", result.summary(), forbidden, found);
        result.remediation().ifPresent(r -> find("remediation", r, forbidden, found));
        result.subject().ifPresent(s -> find("subject", s, forbidden, found));
        result.details().forEach((key, value) -> {
            find("a detail key", key, forbidden, found);
            find("detail '" + masked(key, forbidden) + "'", String.valueOf(value), forbidden, found);
        });
        return found;
    }

    /**
     * @param report a report
     * @param forbidden strings that must not appear, as written or once the format's escapes are undone
     * @return one line per find, naming the format; empty if there is none
     */
    public static List<String> inRenderings(Report report, List<String> forbidden) {
        List<String> found = new ArrayList<>();
        for (ReportFormat format : ReportFormat.values()) {
            String rendered = Renderings.render(report, format);
            List<String> inFormat = new ArrayList<>();
            find(format.name(), rendered, forbidden, inFormat);
            if (inFormat.isEmpty()) {
                find(format.name() + " (escaped)", Renderings.asRead(format, rendered), forbidden, inFormat);
            }
            found.addAll(inFormat);
        }
        return found;
    }

    private static void find(String where, String text, List<String> forbidden, List<String> found) {
        for (int i = 0; i < forbidden.size(); i++) {
            String secret = forbidden.get(i);
            if (secret != null && !secret.isEmpty() && text.contains(secret)) {
                found.add("#" + (i + 1) + " " + Redactor.mask(secret) + " in " + where + ": …"
                        + excerpt(text, secret, forbidden) + "…");
            }
        }
    }

    /** Masks before cutting, so that an excerpt cannot end inside a secret and show part of it. */
    private static String excerpt(String text, String secret, List<String> forbidden) {
        String masked = masked(text, forbidden);
        String mask = Redactor.mask(secret);
        int at = Math.max(0, masked.indexOf(mask));
        String around = masked.substring(Math.max(0, at - CONTEXT), Math.min(masked.length(), at + mask.length() + CONTEXT));
        return around.replaceAll("\\s+", " ").strip();
    }

    private static String masked(String text, List<String> forbidden) {
        String out = text;
        for (String secret : forbidden) {
            if (secret != null && !secret.isEmpty()) {
                out = out.replace(secret, Redactor.mask(secret));
            }
        }
        return out;
    }
}

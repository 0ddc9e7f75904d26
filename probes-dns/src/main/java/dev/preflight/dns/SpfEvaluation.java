package dev.preflight.dns;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link SpfEvaluator#checkHost} found: the RFC 7208 result, the term that decided it and why.
 * Immutable.
 *
 * <pre>{@code
 * SpfEvaluation spf = SpfEvaluator.using(dns).checkHost(client, "shop.example", "orders@shop.example");
 * // PASS, shop.example, include:_spf.mail.example > ip4:192.0.2.0/24,
 * //   "matched include:_spf.mail.example > ip4:192.0.2.0/24"
 * }</pre>
 *
 * @param result the result of {@code check_host()}
 * @param domain the domain whose policy was evaluated, as given
 * @param mechanism the mechanism that matched, as written, after the includes and redirects that led
 *     to it, e.g. {@code include:_spf.mail.example > ip4:192.0.2.0/24} or {@code -all}; empty when
 *     none matched (neutral by default, none, and the errors)
 * @param reason one sentence saying why, e.g. {@code no SPF record at shop.example},
 *     {@code 11 DNS lookups, over the limit of 10}, {@code matched -all}
 * @since 0.3
 */
public record SpfEvaluation(SpfResult result, String domain, Optional<String> mechanism, String reason) {

    /** @throws NullPointerException if any component is null */
    public SpfEvaluation {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(mechanism, "mechanism");
        Objects.requireNonNull(reason, "reason");
    }

    /** @return whether the domain authorises the client ({@link SpfResult#PASS}) */
    public boolean authorised() {
        return result == SpfResult.PASS;
    }

    /** @return e.g. {@code pass for shop.example: matched ip4:192.0.2.0/24} */
    @Override
    public String toString() {
        return result.name().toLowerCase(Locale.ROOT) + " for " + domain + ": " + reason;
    }
}

package dev.preflight.dns.internal;

import dev.preflight.dns.SpfResult;

/**
 * Ends an SPF evaluation at once, from however deep in its includes and redirects: a temperror (a DNS
 * server failed) or a permerror (a broken record, a limit passed). RFC 7208 4.6: both results end
 * {@code check_host()} as they occur, whatever the terms after them say.
 */
public final class SpfHalt extends Exception {
    private static final long serialVersionUID = 1L;

    private final SpfResult result;

    private SpfHalt(SpfResult result, String reason) {
        super(reason, null, false, false);
        this.result = result;
    }

    /** @param reason one sentence, e.g. {@code 3 void lookups, over the limit of 2} @return a permerror */
    public static SpfHalt permError(String reason) {
        return new SpfHalt(SpfResult.PERMERROR, reason);
    }

    /** @param reason one sentence naming the question that failed @return a temperror */
    public static SpfHalt tempError(String reason) {
        return new SpfHalt(SpfResult.TEMPERROR, reason);
    }

    /** @return {@link SpfResult#PERMERROR} or {@link SpfResult#TEMPERROR} */
    public SpfResult result() {
        return result;
    }

    /** @return why, one sentence */
    public String reason() {
        return getMessage();
    }
}

package dev.preflight.config.internal;

import dev.preflight.support.ProbeIds;
import java.util.Collection;

/** Suggestions for misspelt keys, ids and names. */
final class DidYouMean {
    private DidYouMean() {
    }

    /** @return {@code "; did you mean 'x'?"}, or an empty string when nothing is close */
    static String suggest(String input, Collection<String> candidates) {
        return ProbeIds.closest(input, candidates).map(s -> "; did you mean '" + s + "'?").orElse("");
    }
}

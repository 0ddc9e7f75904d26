package dev.preflight.http.internal;

/** Cuts text echoed from a target (a header, a cookie name, a URL) to a length a report can hold. */
public final class Shorten {

    private Shorten() {
    }

    /**
     * @param text the text
     * @param max the most characters to keep, the ellipsis included
     * @return the text, or its first {@code max - 1} characters and an ellipsis
     */
    public static String to(CharSequence text, int max) {
        return text.length() <= max ? text.toString() : text.subSequence(0, Math.max(0, max - 1)) + "…";
    }
}

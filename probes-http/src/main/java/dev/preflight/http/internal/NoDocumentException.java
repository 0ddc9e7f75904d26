package dev.preflight.http.internal;

/**
 * The target URL leads to no page of the site: its redirects loop, go on past the limit, or leave
 * the site. Probes that judge the page then cannot tell, and say why; the message is a finished
 * sentence.
 */
public final class NoDocumentException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String remediation;

    /**
     * @param message why there is no page, e.g. {@code https://shop.test/ redirects in a loop: / → /a → /}
     * @param remediation what to do about it
     */
    public NoDocumentException(String message, String remediation) {
        super(message, null, false, false);
        this.remediation = remediation;
    }

    /** @return what to do about it */
    public String remediation() {
        return remediation;
    }
}

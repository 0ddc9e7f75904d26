package dev.preflight.http.internal.storage;

/** A storage target that names no usable bucket or endpoint: a FAIL before any request. */
public final class BucketProblem extends Exception {
    private static final long serialVersionUID = 1L;
    private final String remediation;

    /**
     * @param summary what is wrong; may quote the bucket name, never a credential
     * @param remediation how to fix it
     */
    public BucketProblem(String summary, String remediation) {
        super(summary, null, false, false);
        this.remediation = remediation;
    }

    /** @return how to fix it */
    public String remediation() {
        return remediation;
    }
}

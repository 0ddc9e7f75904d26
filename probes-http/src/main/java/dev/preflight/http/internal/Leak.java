package dev.preflight.http.internal;

import dev.preflight.probe.Status;

/**
 * Something a front-end bundle should not carry, with its evidence in a printable form: a key is
 * masked ({@code sk_live_…4242}), a URL has neither credentials nor query.
 *
 * @param kind what it is
 * @param label e.g. {@code Stripe secret key}
 * @param evidence the printable form
 */
public record Leak(Kind kind, String label, String evidence) {

    /** Kinds of leaks, with their verdict and fix. */
    public enum Kind {
        /** A secret API key or signing secret: whoever loads the page has it. */
        SECRET_KEY(Status.FAIL, "Remove secret keys from front-end code: they belong on the server only. Roll the key"
                + " now (Stripe: Developers > API keys; AWS: IAM access keys), since anyone who loaded the page has it."),
        /** A test-mode publishable key: checkout takes no real payment. */
        TEST_KEY(Status.FAIL, "Build the production front end with live publishable keys (pk_live_, rzp_live_):"
                + " with test keys no real payment is taken."),
        /** A local development address: the production page calls the visitor's own machine. */
        LOCAL_URL(Status.FAIL, "Set the production API base URL at build time (e.g. VITE_API_URL, NEXT_PUBLIC_API_URL,"
                + " REACT_APP_API_URL) instead of a localhost address."),
        /** An API base URL over plain HTTP. */
        PLAIN_HTTP_API(Status.WARN, "Call the API over https://: browsers block plain-HTTP calls from an HTTPS page,"
                + " and the traffic travels unencrypted."),
        /** A source map anyone can download, with the original sources. */
        SOURCE_MAP(Status.WARN, "Do not serve source maps publicly (webpack: devtool false or 'hidden-source-map';"
                + " Vite: build.sourcemap false or 'hidden'; or deny *.map at the web server) and upload them to"
                + " your error tracker instead.");

        private final Status status;
        private final String remediation;

        Kind(Status status, String remediation) {
            this.status = status;
            this.remediation = remediation;
        }

        /** @return the verdict this kind of leak gets */
        public Status status() {
            return status;
        }

        /** @return what to change */
        public String remediation() {
            return remediation;
        }
    }
}

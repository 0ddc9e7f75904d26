package dev.preflight.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BundleScannerTest {
    private static final String SECRET = "sk_live_51HxQ2eKz9vT4bW7cR0aY4242";

    @Test
    void secretKeysAreReportedMaskedNeverWhole() {
        List<Leak> leaks = BundleScanner.scan("const stripe = Stripe(\"" + SECRET + "\");", true);

        assertThat(leaks).containsExactly(new Leak(Leak.Kind.SECRET_KEY, "Stripe secret key", "sk_live_…4242"));
        assertThat(leaks.toString()).doesNotContain(SECRET).doesNotContain("51HxQ2eKz9vT4bW7cR0aY");
    }

    @Test
    void everySecretShapeIsFound() {
        String text = "a='sk_test_4eC39HqLyjWDarjtT1zdp7dc' b='rk_live_abcdefghijklmnop1234'"
                + " c='whsec_abcdefghijklmnopqrstuvwx9876' d='AKIAQWERTYUIOPASDF12'";

        assertThat(BundleScanner.scan(text, true)).extracting(Leak::label, Leak::evidence).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Stripe secret key (test mode)", "sk_test_…p7dc"),
                org.assertj.core.groups.Tuple.tuple("Stripe restricted key", "rk_live_…1234"),
                org.assertj.core.groups.Tuple.tuple("Stripe webhook signing secret", "whsec_…9876"),
                org.assertj.core.groups.Tuple.tuple("AWS access key id", "AKIA…DF12"));
    }

    @Test
    void testModePublishableKeysAreTestKeysAndLiveOnesAreFine() {
        List<Leak> leaks = BundleScanner.scan("Stripe('pk_test_TYooMQauvdEDq54NiTphI7jx');"
                + " Razorpay({key: 'rzp_test_1DP5mmOlF5G5ag'}); Stripe('pk_live_51HxQ2eKz9vT4bW7cR0aYabcd')", false);

        assertThat(leaks).extracting(Leak::kind).containsOnly(Leak.Kind.TEST_KEY);
        assertThat(leaks).extracting(Leak::evidence).containsExactly("pk_test_…I7jx", "rzp_test_…G5ag");
    }

    @Test
    void barePrefixesAndDocumentationKeysAreNotKeys() {
        assertThat(BundleScanner.scan("if (key.startsWith('sk_live_')) warn(); x = /^pk_test_/;"
                + " aws = 'AKIAIOSFODNN7EXAMPLE'", true)).isEmpty();
    }

    @Test
    void localhostWithAPortOrAnApiPathIsALocalUrl() {
        List<Leak> leaks = BundleScanner.scan("const API=\"http://localhost:8080/api?token=abc\";"
                + " const WS='ws://127.0.0.1/api/socket'; const dev = \"0.0.0.0:3000\";"
                + " const B='https://localhost:8443'; const S=`wss://[::1]:9000/ws`;", true);

        assertThat(leaks).extracting(Leak::kind).containsOnly(Leak.Kind.LOCAL_URL);
        assertThat(leaks).extracting(Leak::evidence)
                .containsExactlyInAnyOrder("http://localhost:8080/api", "ws://127.0.0.1/api/socket", "0.0.0.0:3000",
                        "https://localhost:8443", "wss://[::1]:9000/ws");
    }

    @Test
    void localhostAsADummyBaseForUrlParsingIsNotReported() {
        assertThat(BundleScanner.scan("new URL(path, 'http://localhost'); new URL(p, \"http://localhost/\")", true))
                .isEmpty();
    }

    @Test
    void plainHttpApiUrlsAreLookedForInScriptsOnly() {
        String text = "fetch(\"http://api.shop.example/orders\"); base = 'http://shop.example/api/v1';"
                + " ns = \"http://www.w3.org/2000/svg\"; link = \"http://example.org/about\"";

        assertThat(BundleScanner.scan(text, true)).extracting(Leak::kind, Leak::evidence).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Leak.Kind.PLAIN_HTTP_API, "http://api.shop.example/orders"),
                org.assertj.core.groups.Tuple.tuple(Leak.Kind.PLAIN_HTTP_API, "http://shop.example/api/v1"));
        assertThat(BundleScanner.scan(text, false)).isEmpty();
    }

    @Test
    void printedUrlsLoseCredentialsAndQuery() {
        assertThat(BundleScanner.printable("http://dev:hunter2@localhost:8080/api?key=s3cr3t#x"))
                .isEqualTo("http://dev:***@localhost:8080/api");
    }
}

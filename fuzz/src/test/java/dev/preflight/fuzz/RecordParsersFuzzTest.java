package dev.preflight.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Hands arbitrary TXT record text to every record parser of probes-dns (SPF, DMARC, DKIM, the tag
 * list they share, TLS-RPT, MTA-STS), and the same bytes to probes-email's SMTP reply reader (with
 * its EHLO reading) and Authentication-Results parser, and checks {@link ParserInvariants} on what
 * comes back: a parser never throws, whatever a target publishes or sends, and what it accepts is
 * well formed.
 *
 * <p>One fuzz test for all parsers, because Jazzer fuzzes one test per JVM and each JVM costs about
 * 10 s to start with its agent. Every input reaches every parser: the version prefixes
 * ({@code v=spf1}, {@code v=DMARC1}, ...) in the seeds under
 * {@code RecordParsersFuzzTestInputs/anyTextIsParsedWithoutThrowing} steer the fuzzer to each.
 *
 * <p>Without {@code JAZZER_FUZZ} (an IDE run) this runs the seeds once, as regression tests; this
 * module's surefire sets it, so {@code mvn verify} fuzzes for {@code maxDuration}.
 */
class RecordParsersFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void anyTextIsParsedWithoutThrowing(byte[] input) {
        // DnsAnswer.texts() joins a TXT record's strings and decodes them as UTF-8, as here.
        String text = new String(input, StandardCharsets.UTF_8);
        ParserInvariants.spf(text);
        ParserInvariants.dmarc(text);
        ParserInvariants.dkim(text);
        ParserInvariants.tagList(text);
        ParserInvariants.tlsRpt(text);
        ParserInvariants.mtaSts(text);
        // A mail server's replies and a received message's Authentication-Results: what targets send.
        ParserInvariants.smtpReplies(input);
        ParserInvariants.authenticationResults(text);
    }
}

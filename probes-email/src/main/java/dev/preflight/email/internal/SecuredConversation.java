package dev.preflight.email.internal;

import dev.preflight.net.Network;
import dev.preflight.net.TlsSession;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.io.IOException;
import java.util.Optional;

/**
 * A conversation with a submission server taken as far as a careful client takes it before it logs
 * in: greeted and EHLO in plaintext ({@code smtp://}), then TLS (STARTTLS, or from the first byte
 * for {@code smtps://}), the session judged by {@link TlsJudgement}, and EHLO again over TLS. The
 * steps the probes share: {@code smtp.starttls}, {@code smtp.implicit-tls} and {@code smtp.auth}
 * each stop or go on where their question requires.
 *
 * <pre>{@code
 * try (SecuredConversation smtp = SecuredConversation.open(network, endpoint)) {
 *     if (!smtp.canSecure()) { ... }           // no STARTTLS offered
 *     Secured secured = smtp.secure();
 *     secured.certificate();                    // reads like tls.certificate
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one probe's conversation.
 */
public final class SecuredConversation implements AutoCloseable {
    private final Network network;
    private final SmtpEndpoint endpoint;
    private final SmtpDialogue smtp;
    private final EhloCapabilities plaintext;

    private SecuredConversation(Network network, SmtpEndpoint endpoint, SmtpDialogue smtp,
            EhloCapabilities plaintext) {
        this.network = network;
        this.endpoint = endpoint;
        this.smtp = smtp;
        this.plaintext = plaintext;
    }

    /**
     * Connects, shakes hands first for {@code smtps://}, reads the greeting, and for {@code smtp://}
     * sends EHLO in plaintext.
     *
     * @param network the check's network
     * @param endpoint the server
     * @return the conversation, before STARTTLS
     * @throws IOException as {@link SmtpDialogue#open(Network, SmtpEndpoint)} and {@link SmtpDialogue#ehlo()}
     */
    public static SecuredConversation open(Network network, SmtpEndpoint endpoint) throws IOException {
        SmtpDialogue smtp = SmtpDialogue.open(network, endpoint);
        try {
            EhloCapabilities plaintext = endpoint.implicitTls() ? null : smtp.ehlo();
            return new SecuredConversation(network, endpoint, smtp, plaintext);
        } catch (IOException | RuntimeException e) {
            smtp.close();
            throw e;
        }
    }

    /** @return what EHLO advertised before TLS; empty for implicit TLS, which has no plaintext phase */
    public Optional<EhloCapabilities> plaintext() {
        return Optional.ofNullable(plaintext);
    }

    /** @return whether TLS is at hand: implicit, or STARTTLS advertised */
    public boolean canSecure() {
        return plaintext == null || plaintext.startTls();
    }

    /** @return the dialogue itself, for commands of a probe's own */
    public SmtpDialogue dialogue() {
        return smtp;
    }

    /**
     * Sends STARTTLS unless TLS is already up, judges the session, and sends EHLO again (RFC 3207
     * section 4.2: the server forgets what it knew before TLS). Nothing secret is sent.
     *
     * @return the session, its judgement and the EHLO reply over TLS
     * @throws IOException if STARTTLS is refused or the handshake fails ({@link javax.net.ssl.SSLException}),
     *     or as {@link SmtpDialogue#command}
     */
    public Secured secure() throws IOException {
        TlsSession session = plaintext == null ? smtp.tls().orElseThrow() : smtp.startTls();
        Result certificate = TlsJudgement.of(network, endpoint.host(), endpoint.address(), session);
        return new Secured(session, certificate, smtp.ehloReply());
    }

    /** Says QUIT and closes the connection. */
    @Override
    public void close() {
        smtp.close();
    }

    /**
     * What securing the conversation established.
     *
     * @param session the TLS session
     * @param certificate its judgement, as {@link TlsJudgement} gives it
     * @param ehlo the reply to EHLO over TLS
     */
    public record Secured(TlsSession session, Result certificate, SmtpReply ehlo) {

        /** @return whether the judgement fails, so that a verifying client would not go on */
        public boolean certificateFails() {
            return certificate.status() == Status.FAIL;
        }

        /** @return what EHLO over TLS advertises; empty when it was refused */
        public Optional<EhloCapabilities> capabilities() {
            return ehlo.isPositive() ? Optional.of(EhloCapabilities.of(ehlo)) : Optional.empty();
        }
    }
}

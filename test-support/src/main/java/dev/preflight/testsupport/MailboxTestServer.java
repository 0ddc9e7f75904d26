package dev.preflight.testsupport;

import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.DummySSLServerSocketFactory;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A mailbox provider in the test's JVM (GreenMail): SMTPS submission with AUTH, and the mailbox over
 * IMAPS (and plain IMAP, which has no STARTTLS) on free ports of {@code 127.0.0.1}, with one user.
 * What arrives is filed the way the builder says: into {@code INBOX}, or into a spam folder as the
 * receiving side's filter would, and with {@code Authentication-Results} headers on top as a receiving
 * server adds them.
 *
 * <pre>{@code
 * try (MailboxTestServer mailbox = MailboxTestServer.builder()
 *         .spamFolder("Junk").filing("Junk")
 *         .authenticationResults("mx.preflight.test; spf=pass smtp.mailfrom=preflight.test")
 *         .start()) {
 *     URI submit = mailbox.smtpsUri();     // smtps://127.0.0.1:PORT, login inbox / inbox-pw
 *     URI read = mailbox.imapsUri();       // imaps://127.0.0.1:PORT
 * }
 * }</pre>
 *
 * <p>Both TLS ports present a chain for {@link #HOST_NAME} and 127.0.0.1 signed by {@link #root()}:
 * trust that root, and map the name to 127.0.0.1 or connect to the address. GreenMail reads its key store once per JVM, so this class mints the
 * chain once and points GreenMail at it before any GreenMail server starts; another GreenMail TLS
 * server started earlier in the same JVM makes {@link Builder#start()} fail saying so. SMTP requires
 * AUTH. {@link #close()} stops it. Thread-safe once started.
 *
 * @since 0.3
 */
public final class MailboxTestServer implements AutoCloseable {
    /** The name both TLS ports' certificate is for. */
    public static final String HOST_NAME = "mail.preflight.test";

    private static final String KEY_STORE_PASSWORD = "test-only";
    private static final HeldCertificate ROOT = TestCertificates.builder("Preflight mailbox test root")
            .validity(Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(365)))
            .certificateAuthority(0).build();
    private static final HeldCertificate LEAF = TestCertificates.builder(HOST_NAME).dnsNames(HOST_NAME)
            .ipAddresses(FreePorts.LOOPBACK.getHostAddress())
            .validity(Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(90)))
            .signedBy(ROOT).build();
    private static boolean keyStoreSet;

    private final GreenMail greenMail;
    private final GreenMailUser user;
    private final String password;

    private MailboxTestServer(GreenMail greenMail, GreenMailUser user, String password) {
        this.greenMail = greenMail;
        this.user = user;
        this.password = password;
    }

    /** @return a builder for a mailbox {@code inbox@preflight.test}, login {@code inbox}, password {@code inbox-pw} */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the root that signed the TLS ports' certificate: trust it in the test */
    public static HeldCertificate root() {
        return ROOT;
    }

    /** @return {@code smtps://127.0.0.1:PORT} */
    public URI smtpsUri() {
        return URI.create("smtps://127.0.0.1:" + greenMail.getSmtps().getPort());
    }

    /** @return {@code imaps://127.0.0.1:PORT} */
    public URI imapsUri() {
        return URI.create("imaps://127.0.0.1:" + greenMail.getImaps().getPort());
    }

    /** @return {@code imap://127.0.0.1:PORT}: plain IMAP without STARTTLS */
    public URI imapUri() {
        return URI.create("imap://127.0.0.1:" + greenMail.getImap().getPort());
    }

    /** @return the SMTPS port */
    public int smtpsPort() {
        return greenMail.getSmtps().getPort();
    }

    /** @return the IMAPS port */
    public int imapsPort() {
        return greenMail.getImaps().getPort();
    }

    /** @return the mailbox's address */
    public String address() {
        return user.getEmail();
    }

    /** @return the login name, for SMTP and IMAP */
    public String login() {
        return user.getLogin();
    }

    /** @return the password, for SMTP and IMAP */
    public String password() {
        return password;
    }

    /**
     * @param folder {@code INBOX} or another folder's full name
     * @return the messages in it now that are not flagged deleted, oldest first; empty if there is no such folder
     */
    public List<MimeMessage> messages(String folder) {
        ImapHostManager host = greenMail.getManagers().getImapHostManager();
        MailFolder mailFolder = host.getFolder(user, folder);
        List<MimeMessage> messages = new ArrayList<>();
        if (mailFolder != null) {
            for (StoredMessage m : mailFolder.getNonDeletedMessages()) {
                messages.add(m.getMimeMessage());
            }
        }
        return messages;
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    private static synchronized void useMintedKeyStore() throws IOException {
        if (keyStoreSet) {
            return;
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("mailbox", LEAF.privateKey(), KEY_STORE_PASSWORD.toCharArray(),
                    new Certificate[] {LEAF.certificate(), ROOT.certificate()});
            Path file = Files.createTempFile("preflight-mailbox", ".p12");
            file.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, KEY_STORE_PASSWORD.toCharArray());
            }
            System.setProperty(DummySSLServerSocketFactory.GREENMAIL_KEYSTORE_FILE_PROPERTY, file.toString());
            System.setProperty(DummySSLServerSocketFactory.GREENMAIL_KEYSTORE_PASSWORD_PROPERTY, KEY_STORE_PASSWORD);
            System.setProperty(DummySSLServerSocketFactory.GREENMAIL_KEY_PASSWORD_PROPERTY, KEY_STORE_PASSWORD);
            keyStoreSet = true;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot write the mailbox's key store", e);
        }
    }

    private static void checkKeyStoreInUse() {
        try {
            KeyStore inUse = ((DummySSLServerSocketFactory) DummySSLServerSocketFactory.getDefault()).getKeyStore();
            if (!LEAF.certificate().equals(inUse.getCertificate("mailbox"))) {
                throw new IllegalStateException("GreenMail loaded its TLS key store before MailboxTestServer set it"
                        + " (another GreenMail TLS server started first in this JVM): use MailboxTestServer for"
                        + " every GreenMail server of a test JVM");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read GreenMail's key store", e);
        }
    }

    /** Builds a {@link MailboxTestServer}. */
    public static final class Builder {
        private String address = "inbox@preflight.test";
        private String login = "inbox";
        private String password = "inbox-pw";
        private final List<String> folders = new ArrayList<>();
        private String filing = "INBOX";
        private final List<String> authenticationResults = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param address the mailbox's address
         * @param login the login name
         * @param password the password
         * @return this builder
         */
        public Builder user(String address, String login, String password) {
            this.address = address;
            this.login = login;
            this.password = password;
            return this;
        }

        /**
         * @param name a folder to create, e.g. {@code Junk}
         * @return this builder
         */
        public Builder spamFolder(String name) {
            folders.add(name);
            return this;
        }

        /**
         * Files every arriving message into this folder instead of {@code INBOX}, as a receiving side's
         * spam filter does.
         *
         * @param folder a folder created with {@link #spamFolder}
         * @return this builder
         */
        public Builder filing(String folder) {
            this.filing = folder;
            return this;
        }

        /**
         * @param values {@code Authentication-Results} header values the receiving side puts on top of each
         *     arriving message, the first topmost (RFC 8601 section 5: added at the top, as trace headers)
         * @return this builder
         */
        public Builder authenticationResults(String... values) {
            authenticationResults.addAll(List.of(values));
            return this;
        }

        /**
         * @return the started server, accepting connections
         * @throws IOException if it cannot listen
         */
        public MailboxTestServer start() throws IOException {
            useMintedKeyStore();
            String bind = FreePorts.LOOPBACK.getHostAddress();
            ServerSetup[] setups = {
                new ServerSetup(0, bind, ServerSetup.PROTOCOL_SMTPS).dynamicPort(),
                new ServerSetup(0, bind, ServerSetup.PROTOCOL_IMAPS).dynamicPort(),
                new ServerSetup(0, bind, ServerSetup.PROTOCOL_IMAP).dynamicPort()};
            GreenMail greenMail = new GreenMail(setups);
            GreenMailUser user = greenMail.setUser(address, login, password);
            UserManager users = greenMail.getUserManager();
            users.setAuthRequired(true);
            ImapHostManager host = greenMail.getManagers().getImapHostManager();
            try {
                for (String folder : folders) {
                    host.createMailbox(user, folder);
                }
            } catch (Exception e) {
                throw new IOException("cannot create the mailbox's folders", e);
            }
            users.setMessageDeliveryHandler((message, to) -> filed(users, host, to));
            try {
                greenMail.start();
            } catch (RuntimeException e) {
                throw new IOException("cannot start the mailbox server", e);
            }
            checkKeyStoreInUse();
            return new MailboxTestServer(greenMail, user, password);
        }

        private GreenMailUser filed(UserManager users, ImapHostManager host, MailAddress to) throws UserException {
            GreenMailUser recipient = users.getUserByEmail(to.getEmail());
            if (recipient == null) {
                recipient = users.createUser(to.getEmail(), to.getEmail(), to.getEmail());
            }
            return new FilingUser(recipient, host, filing, List.copyOf(authenticationResults));
        }
    }

    /** A recipient whose deliveries the receiving side files into a folder, under its own trace headers. */
    private static final class FilingUser implements GreenMailUser {
        private final GreenMailUser user;
        private final ImapHostManager host;
        private final String folder;
        private final List<String> authenticationResults;

        FilingUser(GreenMailUser user, ImapHostManager host, String folder, List<String> authenticationResults) {
            this.user = user;
            this.host = host;
            this.folder = folder;
            this.authenticationResults = authenticationResults;
        }

        @Override
        public void deliver(MovingMessage message) {
            deliver(message.getMessage());
        }

        @Override
        public void deliver(MimeMessage message) {
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                for (String value : authenticationResults) {
                    bytes.writeBytes(("Authentication-Results: " + value + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                message.writeTo(bytes);
                MimeMessage stamped = new MimeMessage(Session.getInstance(new Properties()),
                        new ByteArrayInputStream(bytes.toByteArray()));
                MailFolder target = "INBOX".equals(folder) ? host.getInbox(user) : host.getFolder(user, folder);
                target.store(stamped);
            } catch (Exception e) {
                // MailFolder.store declares Exception.
                throw new IllegalStateException("cannot file the message into " + folder, e);
            }
        }

        @Override
        public String getEmail() {
            return user.getEmail();
        }

        @Override
        public String getLogin() {
            return user.getLogin();
        }

        @Override
        public void create() {
            user.create();
        }

        @Override
        public void delete() {
            user.delete();
        }

        @Override
        public String getPassword() {
            return user.getPassword();
        }

        @Override
        public void setPassword(String password) {
            user.setPassword(password);
        }

        @Override
        public void authenticate(String password) throws UserException {
            user.authenticate(password);
        }

        @Override
        public String getQualifiedMailboxName() {
            return user.getQualifiedMailboxName();
        }
    }
}

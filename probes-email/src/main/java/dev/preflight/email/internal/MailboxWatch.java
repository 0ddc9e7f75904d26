package dev.preflight.email.internal;

import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Secret;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.search.HeaderTerm;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * A mailbox watched over IMAP for one test message: its inbox folder and every spam folder
 * ({@link SpamFolders}), searched on the server by the message's token header ({@code SEARCH HEADER},
 * RFC 9051 section 6.4.4) until it shows up or the time is up. One connection, closed with this.
 */
public final class MailboxWatch implements AutoCloseable {
    /** The first pause between searches; it doubles up to {@link #LONGEST_PAUSE}. */
    static final Duration FIRST_PAUSE = Duration.ofMillis(250);
    /** Mailbox providers file a message within seconds; a search every 4 s is polite and prompt enough. */
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(4);

    private final IMAPStore store;
    private final Folder inbox;
    private final List<Folder> spam;

    private MailboxWatch(IMAPStore store, Folder inbox, List<Folder> spam) {
        this.store = store;
        this.inbox = inbox;
        this.spam = spam;
    }

    /**
     * Logs in and finds the folders to search.
     *
     * @param context the check's context (its deadline bounds the connection)
     * @param mailbox where the mailbox is
     * @param password its password
     * @param spamNames the names of spam folders, besides those marked {@code \Junk}
     * @return the open watch
     * @throws MessagingException if the login is refused, STARTTLS is missing on {@code imap://}, or the
     *     inbox folder does not exist
     * @throws IOException if no time is left or the run's trust cannot be built
     */
    public static MailboxWatch open(ProbeContext context, MailboxUrl mailbox, Secret password, List<String> spamNames)
            throws MessagingException, IOException {
        IMAPStore store = (IMAPStore) MailSessions.imap(context, mailbox.host(), mailbox.implicitTls())
                .getStore(MailSessions.imapProtocol(mailbox.implicitTls()));
        context.onCancel(store);
        String address = MailSessions.address(context, mailbox.host(), mailbox.port());
        try {
            store.connect(address, mailbox.port(), mailbox.user(), password.reveal());
            Folder inbox = store.getFolder(mailbox.folder());
            if (!inbox.exists()) {
                throw new MessagingException("the mailbox has no folder '" + mailbox.folder() + "'");
            }
            List<Folder> spam = new ArrayList<>();
            for (Folder folder : store.getDefaultFolder().list("*")) {
                if (folder instanceof IMAPFolder imap && (folder.getType() & Folder.HOLDS_MESSAGES) != 0
                        && !folder.getFullName().equalsIgnoreCase(inbox.getFullName())
                        && SpamFolders.isSpam(folder.getFullName(), folder.getSeparator(), imap.getAttributes(),
                                spamNames)) {
                    spam.add(folder);
                }
            }
            return new MailboxWatch(store, inbox, List.copyOf(spam));
        } catch (MessagingException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** @return the spam folders found, by full name */
    public List<String> spamFolders() {
        return spam.stream().map(Folder::getFullName).toList();
    }

    /** @return the folders searched, inbox first */
    public List<String> folders() {
        List<String> all = new ArrayList<>();
        all.add(inbox.getFullName());
        all.addAll(spamFolders());
        return all;
    }

    /**
     * Searches every folder, pausing between rounds (250 ms, doubling up to 4 s), until the message is
     * found or {@code until}; a round is started only if, taking as long as the last one, it ends
     * before then, so that the deadline does not cut one off.
     *
     * @param headerName the token's header, e.g. {@code X-Preflight-Token}
     * @param token the message's token
     * @param until when to give up
     * @return where it landed; empty if it did not arrive in time
     * @throws MessagingException if a search fails
     * @throws InterruptedIOException if the check is cancelled while waiting
     */
    public Optional<Arrival> await(String headerName, String token, Instant until)
            throws MessagingException, InterruptedIOException {
        Duration pause = FIRST_PAUSE;
        while (true) {
            Instant start = Instant.now();
            Optional<Arrival> found = find(headerName, token);
            if (found.isPresent()) {
                return found;
            }
            Duration round = Duration.between(start, Instant.now());
            Duration left = Duration.between(Instant.now(), until);
            if (left.compareTo(round) <= 0) {
                return Optional.empty();
            }
            // The last pause is shortened so that the last search still ends by then.
            Duration sleep = left.minus(round).compareTo(pause) < 0 ? left.minus(round) : pause;
            try {
                Thread.sleep(sleep.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("cancelled while waiting for the message");
            }
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }

    /**
     * @param headerName the token's header
     * @param token the message's token
     * @return where it is now, if anywhere
     * @throws MessagingException if a search fails
     */
    public Optional<Arrival> find(String headerName, String token) throws MessagingException {
        List<Folder> all = new ArrayList<>();
        all.add(inbox);
        all.addAll(spam);
        for (Folder folder : all) {
            folder.open(Folder.READ_ONLY);
            try {
                Message[] found = folder.search(new HeaderTerm(headerName, token));
                if (found.length > 0) {
                    String[] headers = found[0].getHeader("Authentication-Results");
                    return Optional.of(new Arrival(folder.getFullName(), folder != inbox,
                            ((IMAPFolder) folder).getUID(found[0]), headers == null ? List.of() : List.of(headers)));
                }
            } finally {
                folder.close(false);
            }
        }
        return Optional.empty();
    }

    /**
     * Deletes the message: flags it {@code \Deleted} and expunges it alone with {@code UID EXPUNGE}
     * (RFC 4315). Without UIDPLUS it stays flagged: a plain EXPUNGE would also remove every other
     * message someone flagged deleted in that folder.
     *
     * @param arrival where the message is
     * @return what was done, e.g. {@code deleted}
     * @throws MessagingException if the server refuses
     */
    public String delete(Arrival arrival) throws MessagingException {
        IMAPFolder folder = (IMAPFolder) store.getFolder(arrival.folder());
        folder.open(Folder.READ_WRITE);
        try {
            Message message = folder.getMessageByUID(arrival.uid());
            if (message == null) {
                return "already gone";
            }
            message.setFlag(Flags.Flag.DELETED, true);
            if (store.hasCapability("UIDPLUS")) {
                folder.expunge(new Message[] {message});
                return "deleted";
            }
            return "flagged \\Deleted, not expunged (the server has no UIDPLUS; an EXPUNGE would also remove other"
                    + " messages flagged deleted)";
        } finally {
            folder.close(false);
        }
    }

    @Override
    public void close() {
        try {
            store.close();
        } catch (MessagingException e) {
            // The verdict is made; a failed LOGOUT changes nothing.
        }
    }
}

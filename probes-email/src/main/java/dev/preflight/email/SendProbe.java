package dev.preflight.email;

import dev.preflight.email.internal.Arrival;
import dev.preflight.email.internal.AuthenticationReport;
import dev.preflight.email.internal.AuthenticationResults;
import dev.preflight.email.internal.MailboxUrl;
import dev.preflight.email.internal.MailboxWatch;
import dev.preflight.email.internal.SendSettings;
import dev.preflight.email.internal.SmtpEndpoint;
import dev.preflight.email.internal.Submission;
import dev.preflight.email.internal.SubmissionVerdicts;
import dev.preflight.email.internal.TestMessage;
import dev.preflight.net.NetworkFailures;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code smtp.send}: a real test message is accepted by the submission server and, with a mailbox
 * configured, arrives in its inbox, with SPF, DKIM and DMARC passing at the receiving side. It
 * <b>sends mail</b>, so {@link #writes()} is true: it runs only when a run names it
 * ({@code --probe smtp.send}).
 *
 * <p>Submission: TLS first (an {@code smtps://} URL, or STARTTLS required on {@code smtp://}; the
 * chain checked against the run's trust and the host name), AUTH with the target's credentials, then
 * one plain-text message from {@code from} to {@code to} with a unique token in its subject and in an
 * {@code X-Preflight-Token} header. With {@code imap} set, the probe logs in to that mailbox and
 * searches its inbox and spam folders for the token (250 ms apart, doubling up to 4 s) until it
 * arrives, {@code wait} passes, or the deadline nears. It reads the {@code Authentication-Results}
 * header the receiving server added (the one whose server id shares the mailbox host's domain, else
 * the topmost), then deletes the message unless told not to.
 *
 * <p>Settings: {@code to} (required), {@code from} (else the target's {@code from} attribute;
 * required), {@code imap} (e.g. {@code imaps://user@imap.example.net/INBOX}), {@code imap-password}
 * (a secret; required with {@code imap}), {@code spam-folders} (default {@code Junk, Spam, Junk E-mail,
 * Junk Email, [Gmail]/Spam, [Google Mail]/Spam, Bulk Mail, Bulk}, besides folders marked {@code \Junk}),
 * {@code wait} (default: as long as the deadline allows), {@code delete} (default true: a mailbox
 * checked on every deploy would fill with test messages; the report keeps the evidence). The round
 * trip needs more than the default 10 s deadline: give the target {@code timeout: 60s}. The probe
 * keeps a tenth of its deadline (250 ms to 3 s) to report, so it ends with its own verdict.
 *
 * <p>PASS: accepted and, with {@code imap}, found in the inbox with every reported SPF, DKIM and
 * DMARC result {@code pass} (or none reported; a detail says so); without {@code imap}, accepted (the
 * summary says arrival was not verified). WARN: in the inbox, but a reported result is not
 * {@code pass}. FAIL: the login, {@code MAIL FROM}, {@code RCPT TO} or the message refused (5xx,
 * quoted); no STARTTLS on {@code smtp://} (nothing is sent); a certificate the run does not trust; the
 * message landed in a spam folder; it did not arrive in time. ERROR: a bad or missing setting; the
 * server cannot be reached or does not answer in time; a temporary refusal (4xx); the mailbox cannot
 * be read (the acceptance is still reported). Details: {@code from}, {@code to}, {@code reply},
 * {@code queueId}, {@code token}, {@code authenticated}, {@code mailbox}, {@code folders},
 * {@code landedIn}, {@code arrivedAfter}, {@code spf}, {@code dkim}, {@code dmarc},
 * {@code authservId}, {@code authenticationResults}, {@code deleted}.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.3
 */
public final class SendProbe extends SmtpProbe {
    /** The verdicts that matter for deliverability, RFC 7208, 6376 and 7489. */
    private static final List<String> METHODS = List.of("spf", "dkim", "dmarc");
    private static final Duration SMALLEST_MARGIN = Duration.ofMillis(250);
    private static final Duration LARGEST_MARGIN = Duration.ofSeconds(3);

    @Override
    public String id() {
        return "smtp.send";
    }

    @Override
    public String title() {
        return "A test message (sent only when named) is accepted and arrives in the inbox with SPF, DKIM and DMARC"
                + " passing";
    }

    @Override
    public boolean writes() {
        return true;
    }

    @Override
    Result check(ProbeContext context, SmtpEndpoint endpoint) throws Exception {
        SendSettings settings = SendSettings.read(context);
        Duration margin = context.remaining().dividedBy(10);
        margin = margin.compareTo(SMALLEST_MARGIN) < 0 ? SMALLEST_MARGIN
                : margin.compareTo(LARGEST_MARGIN) > 0 ? LARGEST_MARGIN : margin;
        ProbeContext early = context.withDeadline(context.deadline().minus(margin));
        String address = endpoint.address();
        String from = settings.from().getAddress();
        String to = settings.to().getAddress();

        TestMessage message = TestMessage.compose(Session.getInstance(new Properties()), settings.from(),
                settings.to(), context.clock().instant());
        Submission.Acceptance acceptance;
        try {
            acceptance = Submission.send(early, endpoint, message.message(), settings.from(), settings.to());
        } catch (Submission.Failure failure) {
            return SubmissionVerdicts.of(failure, endpoint, from, to).toBuilder().detail("from", from).detail("to", to)
                    .build();
        }
        Instant accepted = Instant.now();
        String queued = acceptance.queueId().map(id -> " (queued as " + id + ")").orElse("");
        Found found = new Found(address);
        found.put("from", from);
        found.put("to", to);
        found.put("reply", acceptance.reply());
        found.put("queueId", acceptance.queueId().orElse(null));
        found.put("token", message.token());
        found.put("authenticated", acceptance.authenticated());
        if (settings.mailbox().isEmpty()) {
            return found.result(Status.PASS).summary(address + " accepted the test message for " + to + queued
                    + "; arrival not verified: set smtp.send.imap (imaps://user@imap.host/INBOX) and"
                    + " smtp.send.imap-password to follow it to the mailbox").build();
        }
        String accepting = address + " accepted the test message" + queued;
        return watch(early, settings, message, found, accepted, accepting);
    }

    private static Result watch(ProbeContext early, SendSettings settings, TestMessage message, Found found,
            Instant accepted, String acceptance) {
        MailboxUrl mailbox = settings.mailbox().orElseThrow();
        found.put("mailbox", mailbox.shown());
        Instant stop = early.deadline();
        boolean cut = false;
        if (settings.arrivalWait().isPresent()) {
            Instant wanted = accepted.plus(settings.arrivalWait().get());
            cut = wanted.isAfter(stop);
            stop = cut ? stop : wanted;
        }
        try (MailboxWatch watch = MailboxWatch.open(early, mailbox, settings.mailboxPassword().orElseThrow(),
                settings.spamFolders())) {
            found.put("folders", watch.folders());
            Optional<Arrival> arrival = watch.await(TestMessage.TOKEN_HEADER, message.token(), stop);
            if (arrival.isEmpty()) {
                return notArrived(settings, found, watch, Duration.between(accepted, Instant.now()), cut, acceptance);
            }
            Arrival landed = arrival.get();
            found.put("landedIn", landed.folder());
            found.put("arrivedAfter", seconds(Duration.between(accepted, Instant.now())));
            Result verdict = judge(settings, found, landed, mailbox.host(), acceptance);
            if (settings.delete()) {
                verdict = verdict.toBuilder().detail("deleted", delete(watch, landed)).build();
            }
            return verdict;
        } catch (MessagingException e) {
            return found.result(Status.ERROR).summary(acceptance + ", but the mailbox " + mailbox.shown()
                    + " cannot be read, so arrival was not verified: " + mailboxProblem(e)).cause(e).build();
        } catch (IOException e) {
            return found.result(Status.ERROR).summary(acceptance + ", but " + NetworkFailures.describe(e,
                    "the mailbox " + mailbox.shown()) + ", so arrival was not verified").cause(e).build();
        }
    }

    private static Result judge(SendSettings settings, Found found, Arrival landed, String mailboxHost,
            String acceptance) {
        AuthenticationReport report = AuthenticationReport.of(landed.authenticationResults(), mailboxHost);
        List<String> notPassing = new ArrayList<>();
        if (report.chosen().isPresent()) {
            AuthenticationResults results = report.chosen().get();
            found.put("authservId", results.authservId().orElse(null));
            for (String method : METHODS) {
                List<String> r = results.results(method);
                found.put(method, r.isEmpty() ? "not reported" : String.join(", ", r));
                if (!r.isEmpty() && !results.passes(method)) {
                    notPassing.add(method + "=" + String.join(",", r));
                }
            }
        }
        if (!report.notes().isEmpty()) {
            found.put("authenticationResults", report.notes());
        }
        String to = settings.to().getAddress();
        if (landed.spam()) {
            return found.result(Status.FAIL).summary(acceptance + ", but it landed in the spam folder '"
                    + landed.folder() + "' of " + to
                    + (notPassing.isEmpty() ? "" : " (" + String.join(", ", notPassing) + ")"))
                    .remediation("Mail from " + settings.from().getAddress() + " is deemed spam: align SPF, DKIM and"
                            + " DMARC for the From domain (smtp.sender-alignment, dns.spf, dns.dkim, dns.dmarc), and"
                            + " check the sending IP's reputation and the message content.")
                    .build();
        }
        if (!notPassing.isEmpty()) {
            return found.result(Status.WARN).summary(acceptance + " and it arrived in " + landed.folder() + " of " + to
                    + ", but the receiving server reports " + String.join(", ", notPassing))
                    .remediation("Publish and align SPF, DKIM and DMARC for the From domain (smtp.sender-alignment,"
                            + " dns.spf, dns.dkim, dns.dmarc): providers send unauthenticated mail to spam or reject"
                            + " it.")
                    .build();
        }
        String authentication = report.chosen().isEmpty() ? "; the receiving server reports no SPF, DKIM or DMARC"
                + " results" : "";
        return found.result(Status.PASS).summary(acceptance + " and it arrived in " + landed.folder() + " of " + to
                + authentication).build();
    }

    private static Result notArrived(SendSettings settings, Found found, MailboxWatch watch, Duration waited,
            boolean cut, String acceptance) {
        String limit = cut ? " (the deadline cut the " + seconds(settings.arrivalWait().orElseThrow()) + " wait short)"
                : "";
        return found.result(Status.FAIL).summary(acceptance + ", but it was not delivered to "
                + settings.to().getAddress() + " within " + seconds(waited) + limit + "; searched "
                + String.join(", ", watch.folders()))
                .remediation(cut || settings.arrivalWait().isEmpty()
                        ? "If delivery is merely slow, give the target a longer timeout (e.g. timeout: 60s) or set"
                                + " smtp.send.wait; otherwise look up the queue id in the server's logs."
                        : "Look up the queue id in the sending server's logs, and check the recipient's quarantine and"
                                + " filters.")
                .build();
    }

    private static String delete(MailboxWatch watch, Arrival landed) {
        try {
            return watch.delete(landed);
        } catch (MessagingException e) {
            return "not deleted: " + mailboxProblem(e);
        }
    }

    private static String mailboxProblem(MessagingException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException io) {
                return NetworkFailures.describe(io, "the mailbox");
            }
        }
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        if (text.contains("STARTTLS") && text.toLowerCase(Locale.ROOT).contains("required")) {
            return "the server offers no STARTTLS on imap://, so the password was not sent (use imaps://)";
        }
        return (e instanceof jakarta.mail.AuthenticationFailedException ? "login refused: " : "")
                + text.replaceAll("\\r?\\n", " / ");
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    /** What was found so far, in order, to put into whichever verdict comes. */
    private static final class Found {
        private final String subject;
        private final Map<String, Object> details = new LinkedHashMap<>();

        Found(String subject) {
            this.subject = subject;
        }

        void put(String key, Object value) {
            details.put(key, value);
        }

        Result.Builder result(Status status) {
            Result.Builder builder = Result.builder(status).subject(subject);
            details.forEach(builder::detail);
            return builder;
        }
    }
}

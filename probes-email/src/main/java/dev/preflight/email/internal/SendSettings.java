package dev.preflight.email.internal;

import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.ProbeSettings;
import dev.preflight.probe.Secret;
import dev.preflight.support.Stage;
import dev.preflight.support.TemplateHosts;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The settings of {@code smtp.send}, read and checked before anything is sent: a bad or missing one
 * is an {@link dev.preflight.probe.InvalidSettingException} naming it, which the runner reports as
 * ERROR.
 *
 * @param to the recipient
 * @param from the From address
 * @param mailbox the mailbox to watch, if configured
 * @param mailboxPassword its password, present when {@code mailbox} is
 * @param spamFolders the names of spam folders
 * @param arrivalWait how long to wait for the message, at most; empty for as long as the deadline allows
 * @param delete whether to delete the message once found
 */
public record SendSettings(InternetAddress to, InternetAddress from, Optional<MailboxUrl> mailbox,
        Optional<Secret> mailboxPassword, List<String> spamFolders, Optional<Duration> arrivalWait, boolean delete) {

    /**
     * @param context the check's context
     * @return the settings
     * @throws dev.preflight.probe.InvalidSettingException naming a setting that is missing or unusable
     */
    public static SendSettings read(ProbeContext context) {
        ProbeSettings settings = context.settings();
        Stage stage = Stage.of(context.target());
        InternetAddress to = address(context, "to", settings.string("to"), stage,
                "is required: the address to send the test message to (a mailbox you can read, ideally at the"
                        + " provider your users use)");
        InternetAddress from = address(context, "from",
                settings.string("from").or(() -> context.target().attribute("from")).filter(s -> !s.isBlank()), stage,
                "is required: the From address the application sends with (or the target's 'from' attribute, which"
                        + " MAIL_FROM_ADDRESS and the like give)");
        Optional<MailboxUrl> mailbox = settings.string("imap").filter(s -> !s.isBlank()).map(url -> {
            try {
                return MailboxUrl.parse(url);
            } catch (IllegalArgumentException e) {
                throw settings.invalid("imap", e.getMessage());
            }
        });
        Optional<Secret> password = settings.string("imap-password").filter(s -> !s.isEmpty()).map(Secret::of)
                .or(() -> mailbox.flatMap(MailboxUrl::password));
        if (mailbox.isPresent() && password.isEmpty()) {
            throw settings.invalid("imap-password", "is required with imap: the mailbox's password");
        }
        List<String> spam = settings.list("spam-folders");
        Optional<Duration> wait = settings.string("wait").map(v -> settings.duration("wait", Duration.ZERO));
        if (wait.isPresent() && (wait.get().isZero() || wait.get().isNegative())) {
            throw settings.invalid("wait", "must be positive, such as 30s");
        }
        return new SendSettings(to, from, mailbox, password, spam.isEmpty() ? SpamFolders.DEFAULTS : spam, wait,
                settings.bool("delete", true));
    }

    private static InternetAddress address(ProbeContext context, String key, Optional<String> value, Stage stage,
            String missing) {
        ProbeSettings settings = context.settings();
        if (value.isEmpty() || value.get().isBlank()) {
            throw settings.invalid(key, missing);
        }
        InternetAddress address;
        try {
            address = new InternetAddress(value.get().strip(), true);
        } catch (AddressException e) {
            throw settings.invalid(key, "is not an e-mail address (" + e.getMessage() + ")");
        }
        if (address.getAddress().indexOf('@') < 0) {
            throw settings.invalid(key, "is not an e-mail address: it has no domain");
        }
        String domain = address.getAddress().substring(address.getAddress().lastIndexOf('@') + 1);
        Optional<String> template = TemplateHosts.reason(domain, stage);
        if (template.isPresent()) {
            throw settings.invalid(key, "is not a real address: its " + template.get());
        }
        return address;
    }
}

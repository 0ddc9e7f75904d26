package dev.preflight.config.internal;

import dev.preflight.ConfigException;
import dev.preflight.probe.Secret;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The mail server and sending domain an environment file configures, in the spellings of plain
 * {@code SMTP_*} variables, Django ({@code EMAIL_*}) and Laravel ({@code MAIL_*}).
 */
final class EnvMail {
    private static final List<String> FROM =
            List.of("DEFAULT_FROM_EMAIL", "EMAIL_FROM", "MAIL_FROM_ADDRESS", "SMTP_FROM");
    /** Where signing libraries (nodemailer, django-dkim, Laravel DKIM packages) read their selector. */
    private static final List<String> DKIM_SELECTOR =
            List.of("DKIM_SELECTOR", "MAIL_DKIM_SELECTOR", "EMAIL_DKIM_SELECTOR", "SMTP_DKIM_SELECTOR");
    private static final Pattern SELECTORS =
            Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*(\\s*,\\s*[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*)*");
    private static final Set<String> TRUE = Set.of("true", "1", "yes", "on");

    private EnvMail() {
    }

    /** @return the {@code smtp} target, from the first family whose host is set */
    static Optional<Target.Builder> smtp(Dotenv env) {
        if (env.value("SMTP_HOST").isPresent()) {
            String user = env.firstSet("SMTP_USER", "SMTP_USERNAME").orElse("");
            return Optional.of(smtp(env, "SMTP_HOST", "SMTP_PORT", user, "SMTP_PASSWORD", false));
        }
        // Django sends through SMTP unless EMAIL_BACKEND names another backend (console, file, ...).
        boolean djangoSmtp = env.value("EMAIL_BACKEND").map(b -> b.contains("smtp")).orElse(true);
        if (env.value("EMAIL_HOST").isPresent() && djangoSmtp) {
            boolean ssl = env.value("EMAIL_USE_SSL").map(v -> TRUE.contains(v.toLowerCase(Locale.ROOT))).orElse(false);
            return Optional.of(smtp(env, "EMAIL_HOST", "EMAIL_PORT", "EMAIL_HOST_USER", "EMAIL_HOST_PASSWORD", ssl));
        }
        // Laravel mails through SMTP only when MAIL_MAILER (MAIL_DRIVER before Laravel 7) says so.
        Optional<String> mailer = present(env, "MAIL_MAILER").or(() -> present(env, "MAIL_DRIVER"));
        if (present(env, "MAIL_HOST").isPresent() && mailer.map(m -> m.equalsIgnoreCase("smtp")).orElse(true)) {
            boolean ssl = present(env, "MAIL_ENCRYPTION").or(() -> present(env, "MAIL_SCHEME"))
                    .map(e -> e.equalsIgnoreCase("ssl") || e.equalsIgnoreCase("smtps")).orElse(false);
            return Optional.of(smtp(env, "MAIL_HOST", "MAIL_PORT", "MAIL_USERNAME", "MAIL_PASSWORD", ssl));
        }
        return Optional.empty();
    }

    // Laravel reads the string "null" as null; no other framework sets a credential to it.
    private static Optional<String> present(Dotenv env, String name) {
        return env.value(name).filter(v -> !v.equalsIgnoreCase("null"));
    }

    private static Target.Builder smtp(Dotenv env, String hostVar, String portVar, String userVar, String passwordVar,
            boolean ssl) {
        String host = env.value(hostVar).orElseThrow();
        int port = env.value(portVar).map(p -> port(env, portVar, p)).orElse(ssl ? 465 : 587);
        // Port 465 is implicit TLS (RFC 8314 section 3.3) whatever the flags say.
        String scheme = ssl || port == 465 ? "smtps" : "smtp";
        URI uri = Urls.tryParse(scheme + "://" + host + ":" + port).orElseThrow(() -> new ConfigException(env.file(),
                env.lineOf(hostVar), hostVar, "'" + host + "' is not a host name; write e.g. smtp.example.com"));
        Target.Builder b = Target.builder("smtp", TargetKind.SMTP).uri(uri)
                .attribute(EnvTargets.SOURCE, env.source(hostVar));
        present(env, userVar).ifPresent(u -> b.attribute("username", u));
        fromAddress(env).ifPresent(f -> b.attribute("from", f));
        dkimSelectors(env).ifPresent(s -> b.attribute("dkim-selectors", s));
        present(env, passwordVar).ifPresent(p -> b.secret("password", Secret.of(p)));
        return b;
    }

    private static int port(Dotenv env, String name, String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(env.file(), env.lineOf(name), name,
                "'" + text + "' is not a port number; write a number from 1 to 65535, e.g. 587");
    }

    /** @return the first From address set, as written ({@code Shop <no-reply@shop.example.com>}) */
    private static Optional<String> fromAddress(Dotenv env) {
        for (String name : FROM) {
            Optional<String> value = present(env, name).map(String::strip).filter(v -> addressDomain(v).isPresent());
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    /**
     * @return a {@code DOMAIN} target for the domain mail is sent from, with the DKIM selector the file
     *     signs with as the setting {@code dns.dkim.selectors}
     * @throws ConfigException at the selector's line, if it is not a DNS label (or a comma list of them)
     */
    static Optional<Target.Builder> domain(Dotenv env) {
        for (String name : FROM) {
            Optional<String> domain = env.value(name).flatMap(EnvMail::addressDomain);
            if (domain.isPresent()) {
                String d = domain.get();
                Target.Builder b = Target.builder(d, TargetKind.DOMAIN).attribute("domain", d).location(d)
                        .attribute(EnvTargets.SOURCE, env.source(name));
                dkimSelectors(env).ifPresent(s -> b.setting("dns.dkim.selectors", s));
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> dkimSelectors(Dotenv env) {
        for (String name : DKIM_SELECTOR) {
            Optional<String> value = present(env, name).map(String::strip).filter(v -> !v.isEmpty());
            if (value.isPresent()) {
                if (!SELECTORS.matcher(value.get()).matches()) {
                    throw new ConfigException(env.file(), env.lineOf(name), name, "'" + value.get()
                            + "' is not a DKIM selector; write the label before ._domainkey, e.g. s1");
                }
                return value;
            }
        }
        return Optional.empty();
    }

    /** @return the domain of {@code no-reply@shop.example.com} or {@code Shop <no-reply@shop.example.com>} */
    static Optional<String> addressDomain(String from) {
        String s = from.strip();
        int lt = s.lastIndexOf('<');
        int gt = s.lastIndexOf('>');
        if (lt >= 0 && gt > lt) {
            s = s.substring(lt + 1, gt);
        }
        int at = s.lastIndexOf('@');
        return at < 0 ? Optional.empty() : Domains.normalise(s.substring(at + 1).replace("\"", ""));
    }
}

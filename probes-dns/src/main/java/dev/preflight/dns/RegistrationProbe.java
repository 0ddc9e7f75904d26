package dev.preflight.dns;

import dev.preflight.dns.internal.OrganisationalDomains;
import dev.preflight.dns.internal.rdap.BootstrapCache;
import dev.preflight.dns.internal.rdap.BootstrapLoader;
import dev.preflight.dns.internal.rdap.MalformedRdapException;
import dev.preflight.dns.internal.rdap.RdapBootstrap;
import dev.preflight.dns.internal.rdap.RdapDomain;
import dev.preflight.dns.internal.rdap.RdapFetch;
import dev.preflight.dns.internal.rdap.RegistrationVerdict;
import dev.preflight.net.NetworkFailures;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.io.IOException;
import java.net.IDN;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import okhttp3.HttpUrl;

/**
 * {@code dns.registration}: the domain stays registered: its expiry is far enough away, it is not
 * being deleted or held, and it is locked against transfer. The "domain renewal" line of a launch
 * checklist, read from the registry over RDAP (RFC 7480-7484, RFC 9083).
 *
 * <p>The registered domain is the target's organisational domain ({@code shop.example.co.uk} asks
 * for {@code example.co.uk}). Its RDAP server comes from the IANA bootstrap registry (RFC 9224),
 * fetched once per run and kept on disk for a day under {@code $XDG_CACHE_HOME/preflight} (else
 * {@code ~/.cache/preflight}); a cache that cannot be written is skipped. The query is
 * {@code GET {base}domain/{name}} over verified https, following at most three redirects, each to
 * https (RFC 7480 5.2, RFC 7481 3).
 *
 * <p>Settings: {@code rdap-url} (an https base URL that bypasses the bootstrap, e.g. a registry's
 * server), {@code bootstrap-url} (default IANA's {@code dns.json}), {@code warn-days} (30),
 * {@code fail-days} (7), {@code expect-transfer-lock} (true).
 *
 * <p>PASS: an expiration date at least {@code warn-days} away, a transfer lock, no status that loses
 * the domain. WARN: fewer than {@code warn-days} left; no expiration date published (some ccTLD
 * registries publish none: the expiry cannot be verified, so never PASS); no transfer lock status;
 * a TLD without an RDAP service in the bootstrap registry, or only over http. FAIL: fewer than
 * {@code fail-days} left or already expired; status {@code redemption period}, {@code pending
 * delete}, {@code pending restore}, {@code client hold} or {@code server hold}; the RDAP server
 * answers 404: the registry has no record of the domain, so it is not registered. ERROR: the
 * bootstrap file or the RDAP server cannot be reached, answers 429 or 5xx, redirects to http or too
 * often, times out; an answer that is not JSON, not a domain object, for another name, or with an
 * expiration date that does not parse. Those answers are the registry's, not the domain owner's, and
 * say nothing about the domain, so they are ERROR rather than FAIL. SKIP: a target that names no
 * domain.
 *
 * <p>Why a missing transfer lock WARNs rather than being a detail: without
 * {@code clientTransferProhibited} a domain moves to another registrar with its auth code alone, so
 * a phished registrar account or a leaked code is enough to lose it, and it is the attack that ends
 * with the site and its mail gone; the lock is free, one switch at the registrar, and lifting it for
 * a wanted transfer takes a minute. Some registries (several ccTLDs) offer no such lock: there
 * {@code expect-transfer-lock: false} keeps it as the detail {@code transferLock} only.
 *
 * <p>Details: {@code domain}, {@code rdapUrl}, {@code bootstrap}, {@code expires}, {@code daysLeft},
 * {@code registered}, {@code lastChanged}, {@code statuses}, {@code transferLock}, {@code registrar},
 * {@code registrarIanaId}, {@code nameservers}, {@code redirects}, {@code problems}.
 *
 * <p>Stateless and thread-safe.
 *
 * <p>Gauge (for {@code preflight serve}): {@code domain_expiry_timestamp_seconds}, when an expiry is published.
 *
 * @since 0.2
 */
public final class RegistrationProbe extends DomainProbe {
    private static final String ACCEPT = "application/rdap+json, application/json;q=0.5";

    private final BootstrapLoader bootstraps;

    /** The probe with the bootstrap cached in the user's cache directory. */
    public RegistrationProbe() {
        this(BootstrapCache.defaultDirectory());
    }

    /** @param cacheDirectory where the bootstrap file is kept between runs, or null for nowhere */
    RegistrationProbe(Path cacheDirectory) {
        this.bootstraps = new BootstrapLoader(new BootstrapCache(cacheDirectory));
    }

    @Override
    public String id() {
        return "dns.registration";
    }

    @Override
    public String title() {
        return "The domain's registration is far from expiry, not being deleted, and locked against transfer";
    }

    @Override
    Result check(ProbeContext context, String target) throws Exception {
        int warnDays = context.settings().integer("warn-days", 30);
        int failDays = context.settings().integer("fail-days", 7);
        if (failDays < 0) {
            throw context.settings().invalid("fail-days", "must be 0 or more, got " + failDays);
        }
        if (warnDays < failDays) {
            throw context.settings().invalid("warn-days", "must be at least fail-days (" + failDays + "), got "
                    + warnDays);
        }
        RegistrationVerdict verdict = new RegistrationVerdict(warnDays, failDays,
                context.settings().bool("expect-transfer-lock", true));
        Optional<HttpUrl> rdapUrl = httpsSetting(context, "rdap-url");
        HttpUrl bootstrapUrl = httpsSetting(context, "bootstrap-url")
                .orElse(HttpUrl.get(RdapBootstrap.IANA_URL));
        String domain;
        try {
            domain = IDN.toASCII(OrganisationalDomains.of(target)).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Result.error("'" + target + "' is not a domain name RDAP can be asked about: "
                    + e.getMessage(), null);
        }

        HttpUrl base;
        String bootstrapNote = null;
        if (rdapUrl.isPresent()) {
            base = rdapUrl.get();
        } else {
            BootstrapLoader.Loaded loaded;
            try {
                loaded = bootstraps.load(context, bootstrapUrl);
            } catch (BootstrapLoader.UnavailableException e) {
                return Result.error(e.getMessage() + "; cannot find the RDAP server for " + domain, e.getCause());
            } catch (IOException e) {
                return Result.error(NetworkFailures.describe(e, "the RDAP bootstrap host " + bootstrapUrl.host())
                        + "; cannot find the RDAP server for " + domain, e);
            }
            bootstrapNote = loaded.source();
            String tld = domain.substring(domain.lastIndexOf('.') + 1);
            Optional<RdapBootstrap.Match> match = loaded.registry().serviceFor(domain);
            if (match.isEmpty() || match.get().https().isEmpty()) {
                String why = match.isEmpty() ? "no RDAP service for ." + tld + " in the bootstrap registry"
                        : "the RDAP service for ." + match.get().entry() + " is offered only over http ("
                                + String.join(", ", match.get().urls()) + "), which is not used";
                return Result.builder(Status.WARN).summary(why + "; cannot verify when " + domain + " expires")
                        .remediation("Check the expiry of " + domain + " at your registrar and turn on auto-renew;"
                                + " if the registry runs an RDAP server over https, set dns.registration.rdap-url"
                                + " to its base URL.")
                        .detail("domain", domain).detail("bootstrap", bootstrapNote).build();
            }
            base = HttpUrl.parse(match.get().https().get());
            if (base == null) {
                return Result.error("the bootstrap registry's URL for ." + match.get().entry() + " is not a URL: "
                        + match.get().https().get(), null);
            }
        }
        HttpUrl url = base.newBuilder().addPathSegment("domain").addPathSegment(domain).build();

        RdapFetch.Answer answer;
        try {
            answer = RdapFetch.oncePerRun(context, url, ACCEPT);
        } catch (IOException e) {
            return Result.builder(Status.ERROR).summary(NetworkFailures.describe(e, "the RDAP server "
                    + url.host()) + "; cannot tell when " + domain + " expires").cause(e)
                    .detail("domain", domain).detail("rdapUrl", url.toString()).build();
        }
        String note = bootstrapNote;
        String name = domain;
        Function<Status, Result.Builder> facts = status -> Result.builder(status).detail("domain", name)
                .detail("rdapUrl", answer.url()).detail("bootstrap", note)
                .detail("redirects", answer.redirects().isEmpty() ? null : answer.redirects());
        if (answer.problem() != null) {
            return facts.apply(Status.ERROR).summary(answer.problem() + "; cannot tell when " + domain + " expires")
                    .build();
        }
        if (answer.code() == 404) {
            return facts.apply(Status.FAIL).summary("the registry has no record of " + domain + ": it is not"
                    + " registered (RDAP " + answer.url() + " answered 404)")
                    .remediation("Register " + domain + " now, before someone else does; if it is registered, set"
                            + " dns.registration.rdap-url to the registry's RDAP server.").build();
        }
        if (answer.code() != 200) {
            String why = answer.code() == 429 ? "is rate-limiting this client (429"
                    + (answer.retryAfter() == null ? "" : ", Retry-After " + answer.retryAfter()) + ")"
                    : answer.code() >= 500 ? "failed (" + answer.code() + ")" : "answered " + answer.code();
            return facts.apply(Status.ERROR).summary("the RDAP server " + url.host() + " " + why
                    + "; cannot tell when " + domain + " expires").build();
        }
        RdapDomain record;
        try {
            record = RdapDomain.parse(answer.body());
        } catch (MalformedRdapException e) {
            return facts.apply(Status.ERROR).summary("the RDAP answer from " + url.host() + " cannot be used: "
                    + e.getMessage() + "; cannot tell when " + domain + " expires").build();
        }
        if (record.ldhName() != null && !record.ldhName().equals(domain)) {
            return facts.apply(Status.ERROR).summary("the RDAP server " + url.host() + " answered for "
                    + record.ldhName() + ", not " + domain + "; cannot tell when " + domain + " expires").build();
        }
        return verdict.judge(domain, record, context.clock().instant(), facts);
    }

    private static Optional<HttpUrl> httpsSetting(ProbeContext context, String key) {
        Optional<String> raw = context.settings().string(key).map(String::strip).filter(s -> !s.isEmpty());
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        HttpUrl url = HttpUrl.parse(raw.get());
        if (url == null || !url.scheme().equals("https")) {
            throw context.settings().invalid(key, "must be an https URL (RFC 7481 3), got '" + raw.get() + "'");
        }
        if (url.query() != null || url.fragment() != null) {
            throw context.settings().invalid(key, "must be a URL without query or fragment, got '" + raw.get() + "'");
        }
        if (key.equals("rdap-url") && !url.encodedPath().endsWith("/")) {
            url = url.newBuilder().addPathSegment("").build();
        }
        return Optional.of(url);
    }
}

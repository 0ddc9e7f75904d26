package dev.preflight.dns.internal.rdap;

import dev.preflight.net.DeadlineExceededException;
import dev.preflight.net.Network;
import dev.preflight.net.NetworkFailures;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.SharedKey;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import okhttp3.HttpUrl;

/**
 * Gets the bootstrap registry once per run (shared by every domain target through
 * {@link ProbeContext#shared}) and once per {@link BootstrapCache#TTL} on disk: a fresh copy on disk
 * is used as is; otherwise the file is fetched and stored. When fetching fails and an older copy is
 * on disk, the older copy serves (the registry changes rarely, and a stale entry at worst sends the
 * query to a server that redirects or answers 404, which the probe reports); when there is no copy
 * either, the failure is the caller's. A copy on disk that does not parse is ignored and replaced.
 */
public final class BootstrapLoader {
    private final BootstrapCache cache;

    /** @param cache the disk cache, possibly without a directory */
    public BootstrapLoader(BootstrapCache cache) {
        this.cache = cache;
    }

    /**
     * The registry and where it came from.
     *
     * @param registry the parsed registry
     * @param source e.g. {@code fetched from https://data.iana.org/rdap/dns.json}
     */
    public record Loaded(RdapBootstrap registry, String source) {
    }

    /** The bootstrap file could not be had, neither fetched nor from disk. */
    public static final class UnavailableException extends IOException {
        private static final long serialVersionUID = 1L;

        /** @param message why @param cause what a fetch threw, or null */
        UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * @param context the check
     * @param url the bootstrap URL, https
     * @return the registry
     * @throws UnavailableException if it can be neither fetched nor read from disk
     * @throws DeadlineExceededException if the deadline comes first
     * @throws IOException as the shared computation of another probe failed
     */
    public Loaded load(ProbeContext context, HttpUrl url) throws IOException {
        try {
            return context.shared(SharedKey.perRun("dns.registration.bootstrap@" + url, Loaded.class),
                    () -> loadNow(context, url));
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (TimeoutException e) {
            throw new DeadlineExceededException("still waiting for the RDAP bootstrap file at the deadline");
        } catch (Exception e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private Loaded loadNow(ProbeContext context, HttpUrl url) throws IOException {
        String key = url.toString();
        Optional<BootstrapCache.Copy> copy = cache.read(key);
        if (copy.isPresent() && copy.get().fresh(Instant.now())) {
            Optional<RdapBootstrap> cached = parse(copy.get().body());
            if (cached.isPresent()) {
                return new Loaded(cached.get(), "cached copy of " + url + " from " + when(copy.get()));
            }
        }
        String failure;
        IOException thrown = null;
        try {
            RdapFetch.Answer answer = RdapFetch.get(Network.of(context), url, "application/json");
            if (answer.problem() != null) {
                failure = answer.problem();
            } else if (answer.code() != 200) {
                failure = answer.url() + " answered " + answer.code();
            } else {
                try {
                    RdapBootstrap fetched = RdapBootstrap.parse(answer.body());
                    cache.write(key, answer.body());
                    return new Loaded(fetched, "fetched from " + url);
                } catch (MalformedRdapException e) {
                    failure = answer.url() + " is " + e.getMessage();
                }
            }
        } catch (DeadlineExceededException e) {
            throw e;
        } catch (IOException e) {
            if (NetworkFailures.isTimeout(e)) {
                throw e;
            }
            failure = NetworkFailures.describe(e, url.host());
            thrown = e;
        }
        if (copy.isPresent()) {
            Optional<RdapBootstrap> stale = parse(copy.get().body());
            if (stale.isPresent()) {
                return new Loaded(stale.get(), "cached copy of " + url + " from " + when(copy.get())
                        + ", older than a day: fetching it again failed (" + failure + ")");
            }
        }
        throw new UnavailableException("cannot get the RDAP bootstrap file: " + failure, thrown);
    }

    private static Optional<RdapBootstrap> parse(byte[] body) {
        try {
            return Optional.of(RdapBootstrap.parse(body));
        } catch (MalformedRdapException e) {
            return Optional.empty();
        }
    }

    private static String when(BootstrapCache.Copy copy) {
        return copy.fetched().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC).toString();
    }
}

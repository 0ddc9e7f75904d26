package dev.preflight.dns.internal.rdap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The bootstrap file kept on disk between runs, so that a CI job checking a domain every few
 * minutes asks IANA once a day, not every time (RFC 9224 asks clients not to fetch it for every
 * query).
 * One file per bootstrap URL, named by a hash of it, under {@link #defaultDirectory()}; its age is
 * its modification time, read against the system clock.
 *
 * <p>Best effort throughout: a directory that cannot be created or written, or a file that cannot
 * be read, is as if there were no cache. A file is replaced atomically (written beside it, then
 * moved over it), so a concurrent run reads the old file or the new one, never half of one. What the
 * file holds is not judged here: a caller that cannot parse it ignores it. Thread-safe.
 */
public final class BootstrapCache {
    /** How long a cached copy is used without asking again; the registry changes a few times a year. */
    public static final Duration TTL = Duration.ofHours(24);

    private final Path directory;

    /** @param directory where the files go, or null for no cache */
    public BootstrapCache(Path directory) {
        this.directory = directory;
    }

    /**
     * {@code $XDG_CACHE_HOME/preflight} when that is set to an absolute path (the XDG Base Directory
     * specification), else {@code ~/.cache/preflight}.
     *
     * @return the directory, or null when there is no home directory either
     */
    public static Path defaultDirectory() {
        try {
            String xdg = System.getenv("XDG_CACHE_HOME");
            if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
                return Path.of(xdg, "preflight");
            }
            String home = System.getProperty("user.home");
            return home == null || home.isBlank() ? null : Path.of(home, ".cache", "preflight");
        } catch (InvalidPathException | SecurityException e) {
            return null;
        }
    }

    /**
     * A cached copy.
     *
     * @param body the file as it was fetched
     * @param fetched when it was written
     */
    public record Copy(byte[] body, Instant fetched) {
        /** @param now the current instant @return whether it is younger than {@link #TTL} */
        public boolean fresh(Instant now) {
            return fetched.isAfter(now.minus(TTL)) && !fetched.isAfter(now.plusSeconds(300));
        }
    }

    /**
     * @param url the bootstrap URL the copy came from
     * @return the copy, if there is a readable one of at most {@link RdapJson#MAX_BYTES}
     */
    public Optional<Copy> read(String url) {
        if (directory == null) {
            return Optional.empty();
        }
        try {
            Path file = file(url);
            if (!Files.isRegularFile(file) || Files.size(file) > RdapJson.MAX_BYTES) {
                return Optional.empty();
            }
            Instant fetched = Files.getLastModifiedTime(file).toInstant();
            return Optional.of(new Copy(Files.readAllBytes(file), fetched));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /**
     * Stores a freshly fetched, parsed file; failures are ignored.
     *
     * @param url the bootstrap URL
     * @param body the file
     */
    public void write(String url, byte[] body) {
        if (directory == null) {
            return;
        }
        Path temporary = null;
        try {
            Files.createDirectories(directory);
            Path file = file(url);
            temporary = Files.createTempFile(directory, file.getFileName().toString(), ".part");
            Files.write(temporary, body);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            temporary = null;
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            // A read-only home or a full disk: the run goes on and fetches again next time.
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException | SecurityException e) {
                    // Nothing more to do.
                }
            }
        }
    }

    /** @param url a bootstrap URL @return where its copy is kept */
    public Path file(String url) {
        return directory.resolve("rdap-dns-bootstrap-" + hash(url) + ".json");
    }

    private static String hash(String url) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

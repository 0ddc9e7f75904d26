package dev.preflight.db.postgres.internal;

import dev.preflight.probe.Status;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Tells whether a file (or directory) is a usable {@code pg_dump} output, by its header: custom
 * format ({@code PGDMP}), directory format ({@code toc.dat}), tar format (a {@code toc.dat} entry
 * first), plain SQL ({@code -- PostgreSQL database dump}, and the closing
 * {@code -- PostgreSQL database dump complete} line, which a truncated file lacks), or any of these
 * in gzip, read through to its end so a truncated or corrupt stream shows, up to a byte limit and
 * the deadline (beyond either: not verified in full). Other compressions are recognised and not
 * read. Reads nothing but the file. Immutable.
 */
public final class DumpReader {
    private static final byte[] CUSTOM = "PGDMP".getBytes(StandardCharsets.US_ASCII);
    private static final int HEAD = 4096;
    private static final int TAIL = 4096;

    private final long byteLimit;
    private final Instant deadline;
    private final Clock clock;

    /**
     * @param byteLimit how many bytes of a gzip file to read at most
     * @param deadline when to stop reading
     * @param clock the run's clock
     */
    public DumpReader(long byteLimit, Instant deadline, Clock clock) {
        this.byteLimit = byteLimit;
        this.deadline = deadline;
        this.clock = clock;
    }

    /**
     * @param dump a dump file, or a directory-format dump
     * @return what its content shows
     * @throws IOException if the file cannot be read
     */
    public DumpCheck check(Path dump) throws IOException {
        if (Files.isDirectory(dump)) {
            Path toc = dump.resolve("toc.dat");
            if (!Files.isRegularFile(toc)) {
                return DumpCheck.broken("directory", "no toc.dat in the directory");
            }
            return startsWith(head(toc), CUSTOM) ? DumpCheck.usable("directory")
                    : DumpCheck.broken("directory", "toc.dat does not start with PGDMP");
        }
        byte[] head = head(dump);
        if (head.length == 0) {
            return DumpCheck.broken("empty", "the file is empty");
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return gzip(dump);
        }
        String other = otherCompression(head);
        if (other != null) {
            return DumpCheck.partly(other, "compressed with " + other + ", which Preflight does not read: content not"
                    + " verified");
        }
        return judge(head, () -> tail(dump), "");
    }

    private DumpCheck gzip(Path dump) throws IOException {
        byte[] head = new byte[HEAD];
        int headLength = 0;
        byte[] tail = new byte[TAIL];
        int tailLength = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream file = Files.newInputStream(dump);
                CountingInput counted = new CountingInput(file);
                GZIPInputStream in = new GZIPInputStream(counted, buffer.length)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (headLength < HEAD) {
                    int take = Math.min(n, HEAD - headLength);
                    System.arraycopy(buffer, 0, head, headLength, take);
                    headLength += take;
                }
                // The last TAIL bytes inflated so far.
                if (n >= TAIL) {
                    System.arraycopy(buffer, n - TAIL, tail, 0, TAIL);
                    tailLength = TAIL;
                } else {
                    int keep = Math.min(tailLength, TAIL - n);
                    System.arraycopy(tail, tailLength - keep, tail, 0, keep);
                    System.arraycopy(buffer, 0, tail, keep, n);
                    tailLength = keep + n;
                }
                if (counted.count() > byteLimit) {
                    return notRead(head, headLength, "only the first " + byteLimit + " bytes read (the read limit)");
                }
                if (!clock.instant().isBefore(deadline) || Thread.currentThread().isInterrupted()) {
                    return notRead(head, headLength, "only the first " + counted.count()
                            + " bytes read before the deadline");
                }
            }
        } catch (EOFException e) {
            return DumpCheck.broken("gzip", "the gzip stream is truncated (it ends before its end marker)");
        } catch (ZipException e) {
            return DumpCheck.broken("gzip", "the gzip stream is corrupt: " + e.getMessage());
        }
        byte[] inflatedTail = Arrays.copyOf(tail, tailLength);
        return judge(Arrays.copyOf(head, headLength), () -> inflatedTail, "gzip+");
    }

    private static DumpCheck notRead(byte[] head, int headLength, String why) throws IOException {
        DumpCheck start = judge(Arrays.copyOf(head, headLength), () -> null, "gzip+");
        if (start.status() == Status.FAIL) {
            return start;
        }
        return DumpCheck.partly(start.format(), "the gzip stream was not read to its end: " + why);
    }

    /** A null tail: not read, so a plain dump's last line is not judged. */
    private static DumpCheck judge(byte[] head, TailSource tailSource, String prefix) throws IOException {
        if (head.length == 0) {
            return DumpCheck.broken(prefix + "empty", "the dump is empty");
        }
        if (startsWith(head, CUSTOM)) {
            return DumpCheck.usable(prefix + "custom");
        }
        if (head.length >= 262 && new String(head, 257, 5, StandardCharsets.US_ASCII).equals("ustar")) {
            String first = new String(head, 0, 100, StandardCharsets.US_ASCII).replace("\0", "");
            return first.equals("toc.dat") ? DumpCheck.usable(prefix + "tar")
                    : DumpCheck.broken(prefix + "tar", "a tar archive whose first entry is not pg_dump's toc.dat");
        }
        String text = new String(head, StandardCharsets.UTF_8);
        if (text.startsWith("--") && (text.contains("-- PostgreSQL database dump")
                || text.contains("-- PostgreSQL database cluster dump"))) {
            byte[] tail = tailSource.read();
            if (tail == null) {
                return DumpCheck.usable(prefix + "plain");
            }
            String end = new String(tail, StandardCharsets.UTF_8);
            return end.contains("dump complete") ? DumpCheck.usable(prefix + "plain")
                    : DumpCheck.broken(prefix + "plain", "the SQL dump is truncated: it lacks pg_dump's closing"
                            + " '-- PostgreSQL database dump complete' line");
        }
        return DumpCheck.broken(prefix + "unknown", "no pg_dump header: neither custom (PGDMP), directory, tar nor"
                + " plain SQL ('-- PostgreSQL database dump')");
    }

    private static String otherCompression(byte[] head) {
        if (startsWith(head, new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd})) {
            return "zstd";
        }
        if (startsWith(head, new byte[] {0x04, 0x22, 0x4d, 0x18})) {
            return "lz4";
        }
        if (startsWith(head, new byte[] {(byte) 0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00})) {
            return "xz";
        }
        if (startsWith(head, "BZh".getBytes(StandardCharsets.US_ASCII))) {
            return "bzip2";
        }
        return null;
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD);
        }
    }

    private static byte[] tail(Path file) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            channel.position(Math.max(0, size - TAIL));
            try (InputStream in = Channels.newInputStream(channel)) {
                return in.readNBytes(TAIL);
            }
        }
    }

    @FunctionalInterface
    private interface TailSource {
        byte[] read() throws IOException;
    }
}

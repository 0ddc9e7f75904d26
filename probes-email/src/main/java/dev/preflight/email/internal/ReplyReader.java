package dev.preflight.email.internal;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads SMTP replies (RFC 5321 section 4.2) from a stream, bounded: a line of at most
 * {@value #MAX_LINE} bytes, a reply of at most {@value #MAX_LINES} lines, the same three-digit code
 * on every line. Anything else is a {@link MalformedReplyException}, so a server that speaks another
 * protocol, or never ends its reply, is a verdict and never a crash or a hang past the deadline.
 */
public final class ReplyReader {
    /** RFC 5321 4.5.3.1.5 allows 512 octets a reply line; real servers send longer text, never this long. */
    static final int MAX_LINE = 4096;
    /** More lines than any EHLO reply has: a bound against a server that never ends its reply. */
    static final int MAX_LINES = 256;

    private final InputStream in;
    private final LineGuard beforeLine;

    /**
     * @param in the server's stream, buffered
     * @param beforeLine runs before each line is read, e.g. to re-arm the read timeout to the deadline
     */
    public ReplyReader(InputStream in, LineGuard beforeLine) {
        this.in = in;
        this.beforeLine = beforeLine;
    }

    /** Work done before each line; may throw when no time is left. */
    @FunctionalInterface
    public interface LineGuard {
        /** @throws IOException to stop reading, e.g. at the deadline */
        void run() throws IOException;
    }

    /**
     * @return the next reply
     * @throws MalformedReplyException if what comes is not an SMTP reply
     * @throws EOFException if the server closed the connection before a reply began
     * @throws IOException if reading fails or times out
     */
    public SmtpReply read() throws IOException {
        List<String> lines = new ArrayList<>();
        int code = -1;
        while (true) {
            beforeLine.run();
            String line = readLine();
            if (!isReplyLine(line)) {
                throw new MalformedReplyException("'" + printable(line) + "' is not an SMTP reply line");
            }
            int lineCode = Integer.parseInt(line.substring(0, 3));
            if (code >= 0 && lineCode != code) {
                throw new MalformedReplyException("a reply mixes codes " + code + " and " + lineCode);
            }
            code = lineCode;
            lines.add(line.length() > 4 ? line.substring(4) : "");
            if (line.length() == 3 || line.charAt(3) == ' ') {
                return new SmtpReply(code, lines);
            }
            if (lines.size() >= MAX_LINES) {
                throw new MalformedReplyException("a reply of more than " + MAX_LINES + " lines");
            }
        }
    }

    /** @return whether bytes are waiting that no reply has asked for yet */
    public boolean hasUnread() throws IOException {
        return in.available() > 0;
    }

    private static boolean isReplyLine(String line) {
        return line.length() >= 3 && isDigit(line.charAt(0)) && isDigit(line.charAt(1)) && isDigit(line.charAt(2))
                && (line.length() == 3 || line.charAt(3) == ' ' || line.charAt(3) == '-');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (line.size() == 0) {
                    throw new EOFException("the server closed the connection");
                }
                throw new MalformedReplyException("the connection closed in the middle of a reply line");
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.UTF_8);
            }
            if (line.size() >= MAX_LINE) {
                throw new MalformedReplyException("a reply line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
    }

    private static String printable(String line) {
        String cut = line.length() > 60 ? line.substring(0, 60) + "…" : line;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}

package dev.preflight.config.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads configuration files, never more than {@link #MAX_BYTES}, and words read failures for people.
 */
final class TextFiles {
    /**
     * The largest file read: 4 MiB, far above any real {@code preflight.yml}, env file or CA bundle
     * (Mozilla's is about 220 KB), and small enough that {@code /dev/zero} fails fast.
     */
    static final int MAX_BYTES = 4 * 1024 * 1024;

    private TextFiles() {
    }

    /** @return the file's text, without a byte order mark */
    static String read(Path file) throws IOException {
        CharSequence decoded = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(readBytes(file)));
        String text = decoded.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * Reads at most {@link #MAX_BYTES} plus one from a stream rather than trusting the file's size,
     * which is 0 for devices, pipes and {@code /proc} files.
     *
     * @return the file's bytes
     * @throws TooLargeException if it holds more than {@link #MAX_BYTES}
     */
    static byte[] readBytes(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new TooLargeException(file);
            }
            return bytes;
        }
    }

    /**
     * @param e why reading failed
     * @param file the file
     * @return what went wrong and what to do, without the path: messages name the file already
     */
    static String problem(IOException e, Path file) {
        if (e instanceof TooLargeException) {
            return "the file is larger than " + MAX_BYTES / (1024 * 1024) + " MB, more than any configuration"
                    + " file holds; check the path (is it a device or a pipe?)";
        }
        if (Files.isDirectory(file)) {
            return "this is a directory; give the path of a file";
        }
        if (e instanceof NoSuchFileException) {
            return "the file does not exist; check the path";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied; make the file readable";
        }
        if (e instanceof CharacterCodingException) {
            return "the file is not UTF-8 text; save it as UTF-8";
        }
        return "cannot read the file (" + e.getClass().getSimpleName() + "); check the path and permissions";
    }

    /** A file beyond {@link #MAX_BYTES}. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(Path file) {
            super(file + " is larger than " + MAX_BYTES + " bytes");
        }
    }
}

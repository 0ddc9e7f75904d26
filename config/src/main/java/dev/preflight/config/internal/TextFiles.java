package dev.preflight.config.internal;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads configuration files and words read failures for people. */
final class TextFiles {
    private TextFiles() {
    }

    /** @return the file's text, without a byte order mark */
    static String read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * @param e why reading failed
     * @param file the file
     * @return what went wrong and what to do, without the path: messages name the file already
     */
    static String problem(IOException e, Path file) {
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
}

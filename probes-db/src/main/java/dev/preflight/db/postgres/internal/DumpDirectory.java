package dev.preflight.db.postgres.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A directory of {@code pg_dump} outputs: its files matching a glob (hidden ones left out), and its
 * subdirectories holding a {@code toc.dat} (directory-format dumps), newest first by modification
 * time (of the {@code toc.dat} for a directory). Not recursive. Immutable.
 */
public final class DumpDirectory {
    private final Path directory;
    private final String pattern;

    /**
     * @param directory the directory
     * @param pattern a glob of the dumps' names, e.g. {@code *.dump}; {@code *} for every file
     */
    public DumpDirectory(Path directory, String pattern) {
        this.directory = directory;
        this.pattern = pattern;
    }

    /**
     * @return the dumps, newest first
     * @throws IOException if the directory cannot be listed (missing: {@link java.nio.file.NoSuchFileException})
     */
    public List<Dump> dumps() throws IOException {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        List<Dump> dumps = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                Path name = entry.getFileName();
                if (name.toString().startsWith(".") || !matcher.matches(name)) {
                    continue;
                }
                if (Files.isRegularFile(entry)) {
                    dumps.add(new Dump(entry, Files.getLastModifiedTime(entry), Files.size(entry)));
                } else if (Files.isDirectory(entry) && Files.isRegularFile(entry.resolve("toc.dat"))) {
                    dumps.add(new Dump(entry, Files.getLastModifiedTime(entry.resolve("toc.dat")),
                            size(entry)));
                }
            }
        }
        dumps.sort(Comparator.comparing(Dump::modified).reversed());
        return List.copyOf(dumps);
    }

    /**
     * @return the newest dump, if any
     * @throws IOException if the directory cannot be listed
     */
    public Optional<Dump> newest() throws IOException {
        return dumps().stream().findFirst();
    }

    private static long size(Path dumpDirectory) throws IOException {
        long total = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dumpDirectory)) {
            for (Path file : files) {
                if (Files.isRegularFile(file)) {
                    total += Files.size(file);
                }
            }
        }
        return total;
    }

    /**
     * One dump.
     *
     * @param path the file, or the directory of a directory-format dump
     * @param modified when it was last written
     * @param size its bytes (a directory's: the sum of its files')
     */
    public record Dump(Path path, FileTime modified, long size) {
    }
}

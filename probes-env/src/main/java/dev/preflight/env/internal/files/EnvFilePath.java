package dev.preflight.env.internal.files;

import dev.preflight.probe.Target;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where an environment target's file is: the target attribute {@code source}, which the loader sets
 * to the path it read ({@code --env FILE}, a configuration's env target resolved against its file,
 * {@code Preflight.builder().envFile(…)}). A target built in code without it has no file to look at.
 *
 * @since 0.2
 */
public final class EnvFilePath {
    /** The target attribute holding the file's path. */
    public static final String ATTRIBUTE = "source";
    /** The SKIP reason when a target has no file. */
    public static final String NO_FILE =
            "the target names no file (attribute source): it was not read from an env file";

    private EnvFilePath() {
    }

    /**
     * @param target an ENV target
     * @return its file, absolute and normalised, if the target was read from one
     */
    public static Optional<Path> of(Target target) {
        try {
            return target.attribute(ATTRIBUTE).filter(s -> !s.isBlank())
                    .map(s -> Path.of(s).toAbsolutePath().normalize());
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}

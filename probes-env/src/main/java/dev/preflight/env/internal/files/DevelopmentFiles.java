package dev.preflight.env.internal.files;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The development env files that may sit beside a deployment's env file: the names dotenv loaders
 * and frameworks (Next.js, Vite, Symfony, Rails' dotenv) read in development. Sample files
 * ({@code .env.example}) are not among them: {@code env.secrets} compares with those.
 *
 * @since 0.2
 */
public final class DevelopmentFiles {
    /** The names looked for, in this order. */
    public static final List<String> NAMES = List.of(".env", ".env.development", ".env.development.local",
            ".env.dev", ".env.local");

    private DevelopmentFiles() {
    }

    /**
     * @param file the deployment's env file
     * @return the development files beside it that exist (whatever their type: links, directories and
     *     pipes included, for the caller to judge), never the file itself by name
     */
    public static List<Path> beside(Path file) {
        List<Path> found = new ArrayList<>();
        for (String name : NAMES) {
            Path sibling = file.resolveSibling(name);
            if (!name.equals(file.getFileName().toString()) && Files.exists(sibling, LinkOption.NOFOLLOW_LINKS)) {
                found.add(sibling);
            }
        }
        return found;
    }
}

package dev.preflight.config.internal;

import dev.preflight.ConfigException;
import dev.preflight.targets.TargetBlockReader;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/**
 * The target readers modules contribute, by block key. A reader that cannot be loaded is remembered,
 * not thrown, so a broken jar only matters to a file that uses its block; a malformed, reserved or
 * duplicate key is a packaging mistake and stops the load.
 */
public final class TargetBlockReaders {
    private static final System.Logger LOG = System.getLogger(TargetBlockReaders.class.getName());
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]*");
    /** Stops a broken iterator that keeps failing on the same entry from looping forever. */
    private static final int MAX_CONSECUTIVE_FAILURES = 100;

    private final Map<String, TargetBlockReader> byKey;
    private final List<String> failures;

    private TargetBlockReaders(Map<String, TargetBlockReader> byKey, List<String> failures) {
        this.byKey = byKey;
        this.failures = List.copyOf(failures);
    }

    /** @return no readers, for loads that read no YAML targets */
    public static TargetBlockReaders none() {
        return new TargetBlockReaders(Map.of(), List.of());
    }

    /**
     * @param readers readers passed explicitly, in order
     * @param reserved the keys a target's entry reads itself
     * @return them, by key
     * @throws ConfigException for a malformed, reserved or duplicate key
     */
    static TargetBlockReaders of(Collection<TargetBlockReader> readers, Collection<String> reserved) {
        return build(readers, List.of(), reserved);
    }

    /**
     * @param classLoader where to look
     * @return the readers found, by key, in discovery order
     * @throws ConfigException for a malformed, reserved or duplicate key
     */
    public static TargetBlockReaders discover(ClassLoader classLoader) {
        List<TargetBlockReader> found = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Iterator<ServiceLoader.Provider<TargetBlockReader>> it =
                ServiceLoader.load(TargetBlockReader.class, classLoader).stream().iterator();
        int consecutiveFailures = 0;
        while (consecutiveFailures < MAX_CONSECUTIVE_FAILURES) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                ServiceLoader.Provider<TargetBlockReader> provider = it.next();
                found.add(provider.get());
                consecutiveFailures = 0;
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                failures.add(String.valueOf(e.getMessage()));
                consecutiveFailures++;
            }
        }
        return build(found, failures, TargetReader.RESERVED);
    }

    private static TargetBlockReaders build(Collection<TargetBlockReader> readers, List<String> failures,
            Collection<String> reserved) {
        Map<String, TargetBlockReader> byKey = new LinkedHashMap<>();
        for (TargetBlockReader reader : readers) {
            String key = reader.key();
            String who = reader.getClass().getName() + " (" + location(reader.getClass()) + ")";
            if (key == null || !KEY.matcher(key).matches()) {
                throw new ConfigException("target reader " + who + " has the malformed block key '" + key
                        + "'; a key is lower case, a letter followed by letters, digits or '-'");
            }
            if (reserved.contains(key)) {
                throw new ConfigException("target reader " + who + " claims the block key '" + key
                        + "', which preflight.yml reads itself; choose another key");
            }
            TargetBlockReader earlier = byKey.putIfAbsent(key, reader);
            if (earlier != null) {
                throw new ConfigException("two target readers claim the block key '" + key + "': "
                        + earlier.getClass().getName() + " (" + location(earlier.getClass()) + ") and " + who
                        + "; remove one of the jars from the class path");
            }
            LOG.log(System.Logger.Level.DEBUG, () -> "found target reader for '" + key + ":' " + who);
        }
        return new TargetBlockReaders(byKey, failures);
    }

    private static String location(Class<?> type) {
        CodeSource source = type.getProtectionDomain() == null ? null : type.getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null ? "unknown location" : source.getLocation().getPath();
    }

    /** @return the block keys, in discovery order */
    List<String> keys() {
        return List.copyOf(byKey.keySet());
    }

    Optional<TargetBlockReader> reader(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** @return why readers could not be loaded, for messages about an unknown key */
    List<String> failures() {
        return failures;
    }
}

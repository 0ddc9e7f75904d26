package dev.preflight;

/**
 * A probe provider that {@link java.util.ServiceLoader} found but could not load or instantiate. A
 * run reports each as an ERROR outcome instead of crashing.
 *
 * <pre>{@code
 * catalog.failures().forEach(f -> log.warn(f.provider() + " from " + f.location() + ": " + f.problem()));
 * }</pre>
 *
 * @param provider the provider class name, or what the services file named
 * @param location the jar or directory the provider came from, or {@code "unknown"}
 * @param problem what went wrong, e.g. {@code "constructor threw IllegalStateException"}
 * @since 0.1
 */
public record ProbeLoadFailure(String provider, String location, String problem) {
}

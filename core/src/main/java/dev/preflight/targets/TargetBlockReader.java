package dev.preflight.targets;

import dev.preflight.probe.Target;
import java.util.List;

/**
 * Reads the {@code preflight.yml} block that declares a target of a module's own kind, so that a
 * probe module, not the configuration module, owns the keys of its targets. Found with
 * {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/dev.preflight.targets.TargetBlockReader}.
 *
 * <pre>{@code
 * targets:
 *   payments:
 *     stripe:                          # key()
 *       secret-key: ${STRIPE_SECRET_KEY}
 * }</pre>
 *
 * <pre>{@code
 * public final class StripeBlockReader implements TargetBlockReader {
 *     public String key() { return "stripe"; }
 *     public List<String> keys() { return List.of("secret-key", "webhook-url"); }
 *     public Target.Builder read(String name, TargetBlock block) {
 *         return Target.builder(name, TargetKind.STRIPE)
 *                 .secret("secret-key", block.requiredSecret("secret-key", "a stripe block needs secret-key"));
 *     }
 * }
 * }</pre>
 *
 * <p>Implementations have a public no-argument constructor and are stateless and thread-safe. The
 * configuration module checks the block's keys against {@link #keys()} before calling {@link #read}
 * (an unknown key is reported with its line and a did-you-mean), then applies the keys every target
 * shares ({@code timeout}, {@code include}, {@code exclude}, {@code environment}, {@code settings})
 * to the builder returned. A problem in the block is reported by throwing what
 * {@link TargetBlock#error} returns, or what its accessors throw; any other exception is a bug in the
 * reader and stops the load.
 *
 * @since 0.1
 */
public interface TargetBlockReader {

    /**
     * The key that declares a target of this kind inside a target's entry: lower case, a letter
     * followed by letters, digits or {@code -}, unique on the class path and none of the keys the
     * configuration reads itself ({@code url}, {@code domain}, {@code env-file}, {@code kind},
     * {@code attributes}, {@code secrets} and the shared keys).
     *
     * @return e.g. {@code "stripe"}
     */
    String key();

    /**
     * @return the keys allowed inside the block, in the order error messages list them
     */
    List<String> keys();

    /**
     * Reads one block.
     *
     * @param name the target's name, to start the builder with: {@code Target.builder(name, kind)}
     * @param block the block's entries, already checked against {@link #keys()}
     * @return a builder for the target, never null; the caller adds the shared keys and builds it
     * @throws dev.preflight.ConfigException for a problem in the block, from {@link TargetBlock}
     */
    Target.Builder read(String name, TargetBlock block);
}

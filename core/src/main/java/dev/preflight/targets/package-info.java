/**
 * The target-block SPI: how a module reads the {@code preflight.yml} block that declares a target of
 * its own kind ({@code stripe:}, {@code razorpay:}, …) without depending on a YAML library.
 *
 * <p>A module implements {@link dev.preflight.targets.TargetBlockReader} and lists it in
 * {@code META-INF/services/dev.preflight.targets.TargetBlockReader}; {@code preflight-config} hands it
 * each block as a {@link dev.preflight.targets.TargetBlock}.
 */
package dev.preflight.targets;

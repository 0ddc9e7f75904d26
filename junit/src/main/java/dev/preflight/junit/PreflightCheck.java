package dev.preflight.junit;

import dev.preflight.junit.internal.PreflightExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs Preflight on a {@code preflight.yml}, an environment file or both, once before the annotated test
 * method, and injects the {@link dev.preflight.Report} into the method's parameter of that type.
 *
 * <pre>{@code
 * class ProductionReadinessTest {
 *     @TestFactory
 *     @PreflightCheck(env = "../deploy/.env.production", probes = "env.*")
 *     Stream<DynamicNode> production(Report report) {
 *         return PreflightTests.of(report);
 *     }
 * }
 * }</pre>
 *
 * <p>Paths are relative to the working directory, which under Maven Surefire and Failsafe is the
 * module's directory. With neither {@link #config()} nor {@link #env()} set, {@code preflight.yml} in the
 * working directory is read. Probes are discovered on the test class's class path.
 *
 * <p>A configuration problem (a missing file, an unknown key, a glob that matches no probe, a bad
 * duration) fails the annotated method with the {@link dev.preflight.ConfigException} itself, whose
 * message names the file, line and key. The extension needs no other registration: this annotation
 * carries {@code @ExtendWith}.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ExtendWith(PreflightExtension.class)
public @interface PreflightCheck {

    /** @return a {@code preflight.yml} to load; empty for none */
    String config() default "";

    /** @return a dotenv file to check and derive targets from; empty for none */
    String env() default "";

    /** @return probe ids or globs ({@code env.*}) to limit the run to; empty runs every probe that applies */
    String[] probes() default {};

    /** @return probe ids or globs never to run */
    String[] exclude() default {};

    /** @return each probe's deadline, such as {@code 10s} or {@code 500ms}; empty keeps the configured one */
    String timeout() default "";
}

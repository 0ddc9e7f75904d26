package dev.preflight.junit.internal;

import dev.preflight.Report;
import dev.preflight.junit.PreflightCheck;
import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs the checks a {@link PreflightCheck} describes once per annotated method and resolves its
 * {@link Report} parameter. Registered by the annotation itself:
 *
 * <pre>{@code
 * @TestFactory
 * @PreflightCheck(env = ".env.production")
 * Stream<DynamicNode> production(Report report) { return PreflightTests.of(report); }
 * }</pre>
 *
 * <p>The run happens before each annotated method rather than during parameter resolution, so that a
 * {@link dev.preflight.ConfigException} fails the method as itself instead of inside a
 * {@code ParameterResolutionException}. Stateless; the report lives in the method's store.
 *
 * @since 0.1
 */
public final class PreflightExtension implements BeforeEachCallback, ParameterResolver {
    private static final Namespace NAMESPACE = Namespace.create(PreflightExtension.class);
    private static final String REPORT = "report";

    /** Creates the extension; JUnit does, through {@code @PreflightCheck}. */
    public PreflightExtension() {
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        check(context.getRequiredTestMethod()).ifPresent(check -> report(context, check));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Report.class && check(parameter.getDeclaringExecutable()).isPresent();
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return report(context, check(parameter.getDeclaringExecutable()).orElseThrow());
    }

    private static Optional<PreflightCheck> check(AnnotatedElement element) {
        return AnnotationSupport.findAnnotation(element, PreflightCheck.class);
    }

    private static Report report(ExtensionContext context, PreflightCheck check) {
        Store store = context.getStore(NAMESPACE);
        Report report = store.get(REPORT, Report.class);
        if (report == null) {
            report = AnnotatedPreflight.from(check, context.getRequiredTestClass().getClassLoader()).run();
            store.put(REPORT, report);
        }
        return report;
    }
}

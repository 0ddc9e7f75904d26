package dev.preflight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.Preflight;
import dev.preflight.ProbeOutcome;
import dev.preflight.Report;
import dev.preflight.probe.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deploys each {@link EnvExampleCorpus sample file} unchanged as {@code .env.production} and checks
 * it the way {@code preflight check --env} does, with every offline probe that reads it: no template
 * may PASS, and every template must be named as one by a FAIL or WARN.
 */
class EnvExampleCorpusTest {
    private static final String[] PROBES = {"env.*", "stripe.key-mode", "razorpay.key-mode"};

    @TempDir
    Path dir;

    @Test
    void theCorpusCoversThirtyEcosystems() {
        assertThat(EnvExampleCorpus.FILES).hasSizeGreaterThanOrEqualTo(30);
    }

    @Test
    void noProbePassesATemplateAndEveryTemplateIsNamed() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> sample : EnvExampleCorpus.FILES.entrySet()) {
            Path folder = Files.createDirectories(dir.resolve(sample.getKey()));
            Path file = Files.writeString(folder.resolve(".env.production"), sample.getValue());
            Set<String> templates = templates(sample.getValue());
            Report report = Preflight.builder().envFile(file).environment(Map.of()).probes(PROBES).build().run();
            for (ProbeOutcome o : report.outcomes()) {
                if (o.status() == Status.ERROR) {
                    problems.add(sample.getKey() + ": " + o.probeId() + " crashed: " + o.result().summary());
                }
                if (o.status() == Status.PASS) {
                    concerned(o).stream().filter(templates::contains).forEach(t -> problems.add(sample.getKey() + ": "
                            + o.probeId() + " PASSes on template " + t + " (" + o.result().summary() + ")"));
                }
            }
            for (String template : templates) {
                if (report.outcomes().stream().noneMatch(o -> namesAsTemplate(o, template))) {
                    problems.add(sample.getKey() + ": no FAIL or WARN names " + template + " as a template");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** The variables an outcome judged, and for a derived payment target the variables it came from. */
    private static Set<String> concerned(ProbeOutcome o) {
        Set<String> names = new TreeSet<>();
        if (o.subject() != null) {
            names.add(o.subject());
        }
        Object checked = o.result().details().get("checked");
        if (checked instanceof List<?> list) {
            list.forEach(n -> names.add(String.valueOf(n)));
        }
        if (o.probeId().equals("stripe.key-mode")) {
            names.addAll(List.of("STRIPE_SECRET_KEY", "STRIPE_PUBLISHABLE_KEY", "NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY"));
        }
        if (o.probeId().equals("razorpay.key-mode")) {
            names.add("RAZORPAY_KEY_ID");
        }
        return names;
    }

    private static boolean namesAsTemplate(ProbeOutcome o, String variable) {
        if (o.status() != Status.FAIL && o.status() != Status.WARN) {
            return false;
        }
        Stream<String> lines = Stream.concat(list(o, "failures"), list(o, "warnings"));
        boolean inEnvResult = lines.anyMatch(l -> l.startsWith(variable + ": ") && isTemplateReason(l));
        boolean inPaymentResult = concerned(o).contains(variable) && !o.probeId().startsWith("env.")
                && isTemplateReason(o.result().summary());
        return inEnvResult || inPaymentResult;
    }

    private static boolean isTemplateReason(String text) {
        return text.matches("(?is).*(template|placeholder|sample value).*");
    }

    private static Stream<String> list(ProbeOutcome o, String key) {
        Object value = o.result().details().get(key);
        return value instanceof List<?> list ? list.stream().map(String::valueOf) : Stream.empty();
    }

    /** The names of the lines marked {@code #tpl}. */
    private static Set<String> templates(String text) {
        return text.lines().filter(l -> l.strip().endsWith("#tpl")).map(l -> l.substring(0, l.indexOf('=')))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}

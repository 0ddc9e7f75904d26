package dev.preflight.serve.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.preflight.probe.Target;
import dev.preflight.report.ReportFormat;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The exporter's endpoints besides {@code /metrics}: {@code /probe}, {@code /report},
 * {@code /-/healthy}, {@code /-/ready}, {@code /-/reload} and an index at {@code /}. A request
 * names a target of the configuration by name, never a host. Every answer is complete before it is
 * sent, so a failure midway is a clean 500, not half an exposition.
 */
public final class Routes implements HttpHandler {
    /** Prometheus sends its scrape timeout; the run ends this much earlier, to leave time to answer. */
    private static final Duration ANSWER_MARGIN = Duration.ofMillis(500);
    private static final Duration MIN_DEADLINE = Duration.ofMillis(500);

    private final Supplier<Optional<Fleet>> fleet;
    private final OutcomeCache cache;
    private final ExporterMetrics metrics;
    private final Supplier<String> reload;
    private final Duration defaultDeadline;
    private final Clock clock;
    private final ExpositionFormats formats = ExpositionFormats.init();

    /**
     * @param fleet the configuration in force, empty until one loaded
     * @param cache the outcomes
     * @param metrics the exporter's own metrics
     * @param reload reloads the configuration; returns null when taken, else why not
     * @param defaultDeadline how long a run may take when the scraper sends no timeout
     * @param clock the exporter's clock
     */
    public Routes(Supplier<Optional<Fleet>> fleet, OutcomeCache cache, ExporterMetrics metrics, Supplier<String> reload,
            Duration defaultDeadline, Clock clock) {
        this.fleet = fleet;
        this.cache = cache;
        this.metrics = metrics;
        this.reload = reload;
        this.defaultDeadline = defaultDeadline;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Answer answer;
        try {
            answer = switch (path) {
                case "/probe" -> get(exchange, () -> probe(exchange));
                case "/report" -> get(exchange, () -> report(exchange));
                case "/-/healthy" -> get(exchange, () -> Answer.text(200, "Healthy\n"));
                case "/-/ready" -> get(exchange, () -> fleet.get().isPresent() ? Answer.text(200, "Ready\n")
                        : Answer.text(503, "Not ready: no configuration loaded\n"));
                case "/-/reload" -> reload(exchange);
                case "/" -> get(exchange, this::index);
                default -> Answer.text(404, "Not found: " + path + "\n");
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer = Answer.text(503, "The exporter is stopping\n");
        } catch (RuntimeException e) {
            answer = Answer.text(500, "The exporter failed: " + e.getClass().getSimpleName() + "\n");
        }
        metrics.request(endpoint(path), answer.code());
        send(exchange, answer);
    }

    private Answer probe(HttpExchange exchange) throws InterruptedException {
        ExpositionFormatWriter writer = formats.findWriter(exchange.getRequestHeaders().getFirst("Accept"));
        return served(exchange, run -> {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            try {
                writer.write(body, ProbeMetrics.of(run, clock.instant()));
            } catch (IOException e) {
                throw new IllegalStateException("cannot render the metrics", e);
            }
            return new Answer(200, writer.getContentType(), body.toByteArray());
        });
    }

    private Answer report(HttpExchange exchange) throws InterruptedException {
        String formatName = Query.of(exchange.getRequestURI()).get("format").orElse("json");
        if (!formatName.equals("json") && !formatName.equals("markdown")) {
            return Answer.text(400, "format must be json or markdown, not '" + printable(formatName) + "'\n");
        }
        return served(exchange, run -> {
            StringBuilder out = new StringBuilder();
            try {
                ReportFormat.parse(formatName).writer(false).write(run.report(), out);
            } catch (IOException e) {
                throw new IllegalStateException("cannot render the report", e);
            }
            String type = formatName.equals("json") ? "application/json" : "text/markdown; charset=utf-8";
            return new Answer(200, type, out.toString().getBytes(StandardCharsets.UTF_8));
        });
    }

    /** Selects the target and probes the request names, gets their outcomes, and renders them. */
    private Answer served(HttpExchange exchange, Function<OutcomeCache.Served, Answer> render)
            throws InterruptedException {
        Selection selection = select(exchange);
        if (selection.problem() != null) {
            return selection.problem();
        }
        try {
            return render.apply(run(selection, deadline(exchange)));
        } catch (OutcomeCache.BusyException e) {
            return Answer.text(503, e.getMessage() + "\n");
        }
    }

    private OutcomeCache.Served run(Selection selection, Duration deadline)
            throws OutcomeCache.BusyException, InterruptedException {
        Instant asked = clock.instant();
        Fleet f = selection.fleet();
        OutcomeCache.Served served = cache.get(selection.target().name(), selection.probeIds(),
                id -> f.minInterval(selection.target(), id),
                stale -> f.preflight(selection.target(), stale, deadline).run(), deadline);
        metrics.served(selection.target().name(), served, asked);
        return served;
    }

    /** The target and probes a request names, or the answer that refuses it. */
    private record Selection(Fleet fleet, Target target, Set<String> probeIds, Answer problem) {
        static Selection refused(Answer problem) {
            return new Selection(null, null, null, problem);
        }
    }

    private Selection select(HttpExchange exchange) {
        Optional<Fleet> current = fleet.get();
        if (current.isEmpty()) {
            return Selection.refused(Answer.text(503, "Not ready: no configuration loaded\n"));
        }
        Query query = Query.of(exchange.getRequestURI());
        Optional<String> name = query.get("target");
        if (name.isEmpty()) {
            return Selection.refused(Answer.text(400, "name a target of the configuration: /probe?target=NAME\n"));
        }
        Optional<Target> target = current.get().target(name.get());
        if (target.isEmpty()) {
            // No echo of an arbitrary string beyond a bounded, printable form: it is the caller's input.
            return Selection.refused(Answer.text(404, "no target named '" + printable(name.get()) + "' in the"
                    + " configuration; the exporter checks only its configured targets\n"));
        }
        Set<String> allowed = current.get().probeIds(target.get());
        Set<String> probeIds = allowed;
        Optional<String> asked = query.get("probe");
        if (asked.isPresent()) {
            probeIds = new TreeSet<>();
            for (String id : Arrays.stream(asked.get().split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .toList()) {
                if (!allowed.contains(id)) {
                    return Selection.refused(Answer.text(400, "probe '" + printable(id) + "' does not run on target '"
                            + target.get().name() + "' from here: it is unknown, of another target kind, not selected"
                            + " by the configuration, or it writes (writing probes never run from /probe)\n"));
                }
                probeIds.add(id);
            }
        }
        if (probeIds.isEmpty()) {
            return Selection.refused(Answer.text(400, "no probe applies to target '" + target.get().name() + "'\n"));
        }
        return new Selection(current.get(), target.get(), probeIds, null);
    }

    private Duration deadline(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("X-Prometheus-Scrape-Timeout-Seconds");
        if (header != null) {
            try {
                double seconds = Double.parseDouble(header.strip());
                if (seconds > 0 && Double.isFinite(seconds)) {
                    Duration fitted = Duration.ofMillis((long) (seconds * 1000)).minus(ANSWER_MARGIN);
                    return fitted.compareTo(MIN_DEADLINE) < 0 ? MIN_DEADLINE : fitted;
                }
            } catch (NumberFormatException e) {
                // Not a number: use the default, as if the header were absent.
            }
        }
        return defaultDeadline;
    }

    private Answer reload(HttpExchange exchange) {
        if (!exchange.getRequestMethod().equals("POST")) {
            return Answer.text(405, "reload with POST /-/reload\n");
        }
        String problem = reload.get();
        return problem == null ? Answer.text(200, "configuration reloaded\n")
                : Answer.text(500, "kept the old configuration: " + problem + "\n");
    }

    private Answer index() {
        StringBuilder text = new StringBuilder("Preflight exporter\n\n")
                .append("/probe?target=NAME[&probe=ID,...]  the target's probes as Prometheus metrics\n")
                .append("/report?target=NAME&format=json|markdown  the same run as a report\n")
                .append("/metrics  the exporter's own metrics\n")
                .append("/-/healthy, /-/ready, POST /-/reload\n");
        fleet.get().ifPresent(f -> text.append("\ntargets: ").append(String.join(", ", f.targetNames())).append('\n'));
        return Answer.text(200, text.toString());
    }

    private static Answer get(HttpExchange exchange, Endpoint endpoint) throws InterruptedException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return Answer.text(405, "use GET\n");
        }
        return endpoint.answer();
    }

    /** An endpoint's work. */
    @FunctionalInterface
    private interface Endpoint {
        Answer answer() throws InterruptedException;
    }

    private static String endpoint(String path) {
        return switch (path) {
            case "/probe", "/report", "/-/healthy", "/-/ready", "/-/reload", "/" -> path;
            default -> "other";
        };
    }

    private static String printable(String text) {
        String cut = text.length() > 100 ? text.substring(0, 100) + "…" : text;
        return cut.replaceAll("[^\\p{Print}]", "?");
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(answer.code(), head ? -1 : answer.body().length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
            }
        }
    }

    /** A complete answer. */
    private record Answer(int code, String contentType, byte[] body) {
        static Answer text(int code, String text) {
            return new Answer(code, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
        }
    }
}

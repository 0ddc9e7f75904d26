package dev.preflight.config;

import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import dev.preflight.targets.TargetBlock;
import dev.preflight.targets.TargetBlockReader;
import java.util.List;

/** A module's reader for its own {@code acme-queue:} block, found on the test class path as a real one would be. */
public final class AcmeQueueBlockReader implements TargetBlockReader {
    static final TargetKind KIND = TargetKind.of("acme-queue");

    @Override
    public String key() {
        return "acme-queue";
    }

    @Override
    public List<String> keys() {
        return List.of("host", "access", "topics", "options");
    }

    @Override
    public Target.Builder read(String name, TargetBlock block) {
        String host = block.required("host", "an acme-queue block needs host, e.g. host: queue.internal");
        if (host.contains("/")) {
            throw block.error("host", "write the host alone, without scheme or path");
        }
        Target.Builder b = Target.builder(name, KIND).location(host).attribute("host", host)
                .attribute("topics", String.join(",", block.list("topics")));
        block.secret("access").ifPresent(s -> b.secret("access", s));
        block.map("options").forEach((k, v) -> b.attribute("option." + k, v));
        return b;
    }
}

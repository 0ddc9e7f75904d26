package dev.preflight.testkit.internal;

import dev.preflight.probe.Secret;
import dev.preflight.probe.Target;
import java.util.ArrayList;
import java.util.List;

/** Looks for planted secrets in a target, to tell a contract subclass that forgot to plant them. */
final class TargetScan {

    private TargetScan() {
    }

    static boolean carriesAny(Target target, List<String> secrets) {
        List<String> texts = new ArrayList<>();
        target.uri().ifPresent(u -> texts.add(u.toString()));
        target.secrets().values().stream().map(Secret::reveal).forEach(texts::add);
        texts.addAll(target.variables().values());
        texts.addAll(target.sampleVariables().values());
        texts.addAll(target.attributes().values());
        texts.addAll(target.settings().values());
        return texts.stream().anyMatch(t -> t != null && secrets.stream().anyMatch(t::contains));
    }
}

package dev.preflight.net;

import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import dev.preflight.testkit.ProbeTestKit;
import java.time.Clock;
import java.time.Duration;

/** Contexts as the runner makes them, for calling the network layer directly. */
final class Contexts {

    private Contexts() {
    }

    static ProbeContext with(NetworkSettings network, Duration timeout) {
        return with(network, timeout, Clock.systemUTC());
    }

    static ProbeContext with(NetworkSettings network, Duration timeout, Clock clock) {
        return ProbeTestKit.forProbe(new Idle()).target(Target.web("https://shop.test/")).network(network)
                .timeout(timeout).clock(clock).context();
    }

    /** A probe that is never run: the kit needs one to make a context. */
    private static final class Idle implements Probe {
        @Override
        public String id() {
            return "test.idle";
        }

        @Override
        public String title() {
            return "does nothing";
        }

        @Override
        public TargetKind targetKind() {
            return TargetKind.WEB;
        }

        @Override
        public Result check(dev.preflight.probe.ProbeContext context) {
            return Result.skip("never run");
        }
    }
}

package com.example.preflight;

import dev.preflight.probe.Probe;
import dev.preflight.probe.Secret;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import dev.preflight.testkit.ContractTargets;
import dev.preflight.testkit.ProbeContractTest;
import java.util.List;
import java.util.Map;

/** Preflight's probe contract for the example probes: id, registration, results, deadlines, no secret in any report. */
class ExampleProbesContractTest extends ProbeContractTest {

    @Override
    protected List<Probe> probes() {
        return List.of(new FeatureFlagsProbe(), new MongoAuthProbe(), new RobotsProbe());
    }

    @Override
    protected Target targetFor(Probe probe, ContractTargets targets) {
        if (probe instanceof RobotsProbe) {
            // A server that accepts and never answers, behind credentials the report must not show.
            return Target.web("http://deploy:" + targets.plantedPassword() + "@" + targets.silentServer() + "/");
        }
        if (probe instanceof MongoAuthProbe) {
            return Target.builder("orders-db", MongoAuthProbe.MONGODB)
                    .uri(java.net.URI.create("mongodb://app:" + targets.plantedPassword() + "@127.0.0.1:27017/orders"))
                    .secret("password", Secret.of(targets.plantedToken()))
                    .build();
        }
        return Target.builder(".env.production", TargetKind.ENV)
                .variables(Map.of(
                        "FEATURE_EXPERIMENTAL_CHECKOUT", "true",
                        "STRIPE_SECRET_KEY", targets.plantedApiKey(),
                        "DATABASE_URL", "postgresql://app:" + targets.plantedPassword() + "@db.internal/app",
                        "SECRET_KEY", targets.plantedToken()))
                .build();
    }

    /** Only the robots probe opens a connection; the others read their target alone. */
    @Override
    protected boolean usesNetwork(Probe probe) {
        return probe instanceof RobotsProbe;
    }
}

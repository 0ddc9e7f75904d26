package dev.preflight.junit;

import dev.preflight.Preflight;
import dev.preflight.Report;
import dev.preflight.Waiver;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Runs of scripted probes through the real runner: an env target {@code shop.env} with one check per
 * status plus a waived FAIL, and a web target with one PASS.
 */
final class ScriptedRuns {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC);
    static final String FAIL_MESSAGE = String.join("\n",
            "FAIL: SECRET_KEY is a placeholder word",
            "Fix: Set SECRET_KEY to a real secret, e.g. openssl rand -hex 32.",
            "Subject: SECRET_KEY",
            "length: 8",
            "checked: [SECRET_KEY, JWT_SECRET]");

    private ScriptedRuns() {
    }

    /** Every status once on {@code shop.env}, a waived FAIL, and a PASS on a web target. */
    static Preflight everyStatus() {
        return base()
                .addProbe(ScriptedProbe.env("demo.pass", "Debug mode is off", Result.pass("debug is off")))
                .addProbe(ScriptedProbe.env("demo.warn", "Access tokens are short-lived",
                        Result.warn("tokens live 7d", "Set ACCESS_TOKEN_EXPIRE_MINUTES=15.")))
                .addProbe(ScriptedProbe.env("demo.fail", "Secrets are not placeholders", Result.builder(Status.FAIL)
                        .summary("SECRET_KEY is a placeholder word")
                        .remediation("Set SECRET_KEY to a real secret, e.g. openssl rand -hex 32.")
                        .subject("SECRET_KEY")
                        .detail("length", 8)
                        .detail("checked", List.of("SECRET_KEY", "JWT_SECRET"))
                        .build()))
                .addProbe(ScriptedProbe.env("demo.error", "The database answers",
                        Result.error("connection refused by db.internal:5432", new IllegalStateException("boom"))))
                .addProbe(ScriptedProbe.env("demo.skip", "Redis uses TLS", Result.skip("REDIS_URL is not set")))
                .addProbe(ScriptedProbe.env("demo.waived", "Sessions are short",
                        Result.fail("sessions last 30d", "Shorten sessions.")))
                .waiver(new Waiver("demo.waived", null, "mobile app needs refresh tokens first (SHOP-412)",
                        LocalDate.parse("2027-02-01")))
                .addProbe(new ScriptedProbe("demo.web", "The site answers", TargetKind.WEB, Result.pass("200 OK")))
                .target(Target.web("https://shop.example.com"))
                .build();
    }

    static Report everyStatusReport() {
        return everyStatus().run();
    }

    /** A builder with discovery off, the fixed clock and the env target {@code shop.env}. */
    static Preflight.Builder base() {
        return Preflight.builder().discoverProbes(false).clock(CLOCK)
                .target(Target.builder("shop.env", TargetKind.ENV).build());
    }
}

package dev.preflight.env;

import dev.preflight.env.internal.Findings;
import dev.preflight.env.internal.ValueLists;
import dev.preflight.env.internal.Variables;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.TargetKind;
import dev.preflight.support.Stage;
import dev.preflight.support.TemplateHosts;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code env.allowed-hosts}: Django's host allow-list names real hosts. With {@code *}, Django trusts
 * any {@code Host} header, which enables host-header attacks such as poisoned password-reset links
 * (Django docs, "ALLOWED_HOSTS" and the deployment checklist; OWASP Web Security Testing Guide,
 * "Testing for Host Header Injection").
 *
 * <p>Reads {@code ALLOWED_HOSTS} and {@code DJANGO_ALLOWED_HOSTS}, comma- or space-separated or a
 * JSON-style list. An entry {@code *} FAILs. A leading-dot entry ({@code .example.com}, Django's
 * subdomain wildcard) is fine. {@code *.example.com} WARNs: Django matches it literally, so it allows
 * nothing. An empty list WARNs: with {@code DEBUG} off Django then rejects every request. A
 * {@linkplain TemplateHosts template host} ({@code your-domain.com}, {@code .example.com}) FAILs:
 * the real host is missing. Applies in every stage. Neither set: SKIP.
 *
 * @since 0.1
 */
public final class AllowedHostsProbe implements Probe {
    static final List<String> VARIABLES = List.of("ALLOWED_HOSTS", "DJANGO_ALLOWED_HOSTS");

    /** Creates the probe; stateless. */
    public AllowedHostsProbe() {
    }

    @Override
    public String id() {
        return "env.allowed-hosts";
    }

    @Override
    public String title() {
        return "Allowed hosts name real hosts, not *";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.ENV;
    }

    @Override
    public Result check(ProbeContext context) {
        Map<String, String> lists = Variables.named(context.target().variables(), VARIABLES);
        if (lists.isEmpty()) {
            return Result.skip("no host allow-list set (looked for " + Variables.list(VARIABLES) + ")");
        }
        String file = context.target().location();
        Stage stage = Stage.of(context.target());
        Findings findings = new Findings();
        lists.forEach((name, value) -> {
            findings.checked(name);
            List<String> hosts = ValueLists.split(value);
            if (hosts.isEmpty()) {
                findings.warn(name, "is empty, so Django rejects every request when DEBUG is off",
                        "Set " + name + " in " + file + " to the site's host names, e.g. shop.example.com,.example.com.");
            }
            for (String host : hosts) {
                Optional<String> template = TemplateHosts.reason(host.startsWith(".") ? host.substring(1) : host, stage);
                if (template.isPresent()) {
                    findings.fail(name, template.get().replaceFirst("^host ", "has "), "Replace the template host in "
                            + name + " in " + file + " with the site's real host names.");
                } else if (host.equals("*")) {
                    findings.fail(name, "allows any host (*)", "Replace * in " + name + " in " + file
                            + " with the site's host names, e.g. shop.example.com; use .example.com for all subdomains.");
                } else if (host.startsWith("*.")) {
                    findings.warn(name, "contains " + Variables.show(host) + ", which Django matches literally",
                            "Write " + host.substring(1) + " (leading dot) in " + name + " in " + file
                                    + " to allow every subdomain.");
                }
            }
        });
        return findings.toResult("allowed hosts are explicit (" + String.join(", ", lists.keySet()) + ")");
    }
}

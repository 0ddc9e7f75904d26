package dev.preflight.env;

import dev.preflight.env.internal.AnalyticsIds;
import dev.preflight.env.internal.Findings;
import dev.preflight.env.internal.Hosts;
import dev.preflight.env.internal.SecretVariables;
import dev.preflight.env.internal.Variables;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.TargetKind;
import dev.preflight.support.SecretNames;
import dev.preflight.support.Stage;
import dev.preflight.support.TemplateHosts;
import dev.preflight.support.Templates;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code env.analytics-ids}: the analytics and tag ids the site ships are real ones. A template id
 * ({@code G-XXXXXXXXXX}) or a retired one sends every visit nowhere, and nobody notices until a report
 * is empty. Analytics is optional, so this probe WARNs and never FAILs.
 *
 * <p>Reads the variables {@link AnalyticsIds} recognises: Google Analytics ({@code GA_MEASUREMENT_ID},
 * {@code GOOGLE_ANALYTICS_ID}, {@code NEXT_PUBLIC_GOOGLE_ANALYTICS}, {@code NEXT_PUBLIC_GA_ID},
 * {@code VITE_GA_…_ID}), Google Tag Manager ({@code GTM_ID}, {@code GOOGLE_TAG_MANAGER_ID}), Segment
 * ({@code SEGMENT_WRITE_KEY}), Mixpanel ({@code MIXPANEL_TOKEN}), PostHog ({@code POSTHOG_KEY}),
 * Amplitude ({@code AMPLITUDE_API_KEY}), Hotjar ({@code HOTJAR_ID}), Plausible
 * ({@code PLAUSIBLE_DOMAIN}) and the Meta Pixel ({@code FACEBOOK_PIXEL_ID}, {@code META_PIXEL_ID}), each
 * also with a {@code NEXT_PUBLIC_}, {@code VITE_} or {@code REACT_APP_} prefix; plus the names of the
 * setting {@code variable-name}, whose ids are judged for emptiness and templates only. Each WARNs
 * when it is empty, a {@linkplain Templates template} ({@code G-XXXXXXXXXX}, {@code UA-XXXXXXX-X},
 * {@code GTM-XXXXXXX}, {@code YOUR_GA_ID}), a Universal Analytics id ({@code UA-…}: it stopped
 * processing data on 1 July 2023), a PostHog personal key ({@code phx_…}, a secret, not a project key),
 * a Plausible domain that is a template host or localhost, or not of its provider's shape. Otherwise
 * PASS. None set: SKIP. Applies in every stage. Values under secret-like names ({@code …_KEY},
 * {@code …_TOKEN}) are never quoted.
 *
 * <p>Details: {@code checked}, {@code warnings}, {@code ids} ({@code NAME: provider} of each id that
 * passed).
 *
 * <p>Settings: {@code env.analytics-ids.variable-name}, further names of analytics id variables,
 * comma-separated, {@code *} matching any run of characters.
 *
 * @since 0.1
 */
public final class AnalyticsIdsProbe implements Probe {
    private static final Pattern UNIVERSAL = Pattern.compile("UA-\\d+-\\d+");

    /** Creates the probe; stateless. */
    public AnalyticsIdsProbe() {
    }

    @Override
    public String id() {
        return "env.analytics-ids";
    }

    @Override
    public String title() {
        return "Analytics ids are real";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.ENV;
    }

    @Override
    public Result check(ProbeContext context) {
        Pattern added = SecretVariables.globs(context.settings().list("variable-name"));
        Map<String, String> ids = Variables.matching(context.target().variables(),
                name -> AnalyticsIds.of(name).isPresent() || added.matcher(name).matches());
        if (ids.isEmpty()) {
            return Result.skip("no analytics id set (looked for Google Analytics, Tag Manager, Segment, Mixpanel,"
                    + " PostHog, Amplitude, Hotjar, Plausible and Meta Pixel names such as GA_MEASUREMENT_ID, GTM_ID,"
                    + " SEGMENT_WRITE_KEY, FACEBOOK_PIXEL_ID)");
        }
        Stage stage = Stage.of(context.target());
        String file = context.target().location();
        Findings findings = new Findings();
        List<String> passed = new ArrayList<>();
        ids.forEach((name, value) -> {
            findings.checked(name);
            Optional<AnalyticsIds> provider = AnalyticsIds.of(name.toUpperCase(Locale.ROOT));
            String label = provider.map(AnalyticsIds::label).orElse("the analytics provider");
            String fix = "Set " + name + " to the id from " + label + "'s settings in " + file
                    + ", or remove it if the site does not use " + label + ".";
            Optional<String> problem = problem(name, value, provider, stage);
            if (problem.isPresent()) {
                String reason = problem.get();
                findings.warn(name, reason, reason.contains("Universal Analytics")
                        ? "Create a GA4 property and set " + name + " to its measurement id (G-…) in " + file + "."
                        : reason.contains("personal") ? "Revoke that key in PostHog and set " + name
                                + " to the project API key (phc_…) in " + file + "." : fix);
            } else {
                passed.add(name + ": " + label);
            }
        });
        findings.detail("ids", passed);
        return findings.toResult("analytics ids are set and of their provider's shape (" + String.join(", ", ids.keySet())
                + ")");
    }

    private static Optional<String> problem(String name, String value, Optional<AnalyticsIds> provider, Stage stage) {
        if (value.isEmpty()) {
            return Optional.of("is empty, so no data is sent");
        }
        Optional<String> template = Templates.reason(value);
        if (template.isPresent()) {
            return template;
        }
        if (provider.isEmpty()) {
            return Optional.empty();
        }
        AnalyticsIds p = provider.get();
        String shown = SecretNames.isSecret(name) ? "" : " (" + Variables.show(value) + ")";
        if (p == AnalyticsIds.GOOGLE_ANALYTICS && UNIVERSAL.matcher(value).matches()) {
            return Optional.of("is a Universal Analytics id" + shown + "; Universal Analytics stopped processing data on"
                    + " 1 July 2023");
        }
        if (p == AnalyticsIds.POSTHOG && value.startsWith("phx_")) {
            return Optional.of("is a PostHog personal API key, a secret, not a project key");
        }
        if (p == AnalyticsIds.PLAUSIBLE) {
            for (String domain : value.split(",")) {
                Optional<String> host = TemplateHosts.reason(domain.strip(), stage);
                if (host.isPresent()) {
                    return Optional.of("is a template: " + host.get());
                }
                if (Hosts.isLoopback(domain.strip())) {
                    return Optional.of("names localhost, not the site");
                }
            }
        }
        return p.fits(value) ? Optional.empty() : Optional.of("is not " + p.expected() + shown);
    }
}

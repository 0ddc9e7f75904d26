package com.example.preflight;

import dev.preflight.net.Network;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.TargetKind;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A third-party network probe: the staging site's {@code robots.txt} ({@code Disallow: /} for every
 * crawler) must not ship to production, where it keeps the site out of search engines.
 *
 * <p>It has no network code of its own: {@link Network#http()} ends the request at the probe's
 * deadline and honours {@code --resolve}, {@code --dns-server} and {@code --ca-file}.
 */
public final class RobotsProbe implements Probe {

    @Override
    public String id() {
        return "example.robots";
    }

    @Override
    public String title() {
        return "robots.txt does not keep search engines out";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.WEB;
    }

    @Override
    public Result check(ProbeContext context) throws IOException {
        URI site = context.target().uri().orElseThrow();
        HttpUrl robots = HttpUrl.get(site.resolve("/robots.txt").toString());
        try (Response response = Network.of(context).http().newCall(new Request.Builder().url(robots).build()).execute()) {
            if (response.code() == 404) {
                return Result.pass("no robots.txt, so crawlers may index the site");
            }
            if (response.code() != 200) {
                return Result.warn("robots.txt answers " + response.code(), "Serve robots.txt with 200, or remove it.");
            }
            return judge(response.body().string());
        }
    }

    private static Result judge(String robots) {
        boolean everyone = false;
        for (String raw : robots.split("\n")) {
            String line = raw.replaceAll("#.*", "").strip().toLowerCase(Locale.ROOT);
            if (line.startsWith("user-agent:")) {
                everyone = line.substring("user-agent:".length()).strip().equals("*");
            } else if (everyone && line.replace(" ", "").equals("disallow:/")) {
                return Result.fail("robots.txt tells every crawler to stay out (Disallow: /)",
                        "Ship the production robots.txt, not the staging one.");
            }
        }
        return Result.pass("robots.txt lets crawlers in");
    }
}

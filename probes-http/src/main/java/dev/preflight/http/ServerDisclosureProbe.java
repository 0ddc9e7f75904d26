package dev.preflight.http;

import dev.preflight.http.internal.HeaderField;
import dev.preflight.http.internal.Page;
import dev.preflight.http.internal.PerAddress;
import dev.preflight.http.internal.ProductVersions;
import dev.preflight.http.internal.Shorten;
import dev.preflight.http.internal.Site;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.TargetKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code http.server-disclosure}: no response on the way to the document reveals which software
 * versions serve it, which would let anyone match the site against published vulnerabilities.
 *
 * <p>Every hop of the target URL's redirect chain is read (the answers the site's other probes fetch
 * anyway): {@code Server}, {@code X-Powered-By}, {@code X-AspNet-Version},
 * {@code X-AspNetMvc-Version}, {@code X-Generator}, {@code X-Runtime}, {@code X-Powered-CMS}. WARN
 * when one holds a version ({@code nginx/1.22.1}, {@code PHP/8.1.2}, {@code Jetty(9.4.44)},
 * {@code WordPress 6.4.2}, any {@code X-AspNet-Version}), naming the header and value, with the
 * server's or framework's switch in the remediation. A bare product name ({@code Server: nginx},
 * {@code X-Powered-By: Express}) is a PASS, listed in the details: a name alone matches no advisory
 * and servers are easy to fingerprint anyway; set {@code warn-on-product-names} ({@code false}) to
 * WARN on those too, except {@code Server}, which every server sends. {@code X-Runtime} (Rack's
 * request timing) is listed but never judged. SKIP for a target without an {@code http(s)} URL;
 * ERROR when the site does not answer.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class ServerDisclosureProbe implements Probe {
    private static final List<String> BANNERS = List.of("Server", "X-Powered-By", "X-AspNet-Version",
            "X-AspNetMvc-Version", "X-Generator", "X-Runtime", "X-Powered-CMS");
    private static final int MAX_VALUE = 120;

    @Override
    public String id() {
        return "http.server-disclosure";
    }

    @Override
    public String title() {
        return "Server and X-Powered-By headers reveal no software versions";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.WEB;
    }

    @Override
    public Result check(ProbeContext context) throws Exception {
        Site site = Site.of(context).orElse(null);
        if (site == null) {
            return Result.skip("the target has no http:// or https:// URL");
        }
        boolean strict = context.settings().bool("warn-on-product-names", false);
        return PerAddress.check(site, address -> judge(site.landingChain(address), strict));
    }

    private static Result judge(List<Page> hops, boolean strict) {
        Set<HeaderField> banners = new LinkedHashSet<>();
        for (Page hop : hops) {
            for (HeaderField h : hop.headers()) {
                BANNERS.stream().filter(h::is).findFirst()
                        .ifPresent(name -> banners.add(new HeaderField(name, shorten(h.value().strip()))));
            }
        }
        List<String> disclosed = banners.stream().map(h -> h.name() + ": " + h.value()).toList();
        List<String> versions = new ArrayList<>();
        List<String> revealing = new ArrayList<>();
        Set<String> remedies = new LinkedHashSet<>();
        for (HeaderField h : banners) {
            boolean versioned = !h.is("X-Runtime") && !ProductVersions.in(h.name(), h.value()).isEmpty();
            boolean named = strict && !h.is("Server") && !h.is("X-Runtime") && !h.value().isEmpty();
            if (versioned) {
                versions.addAll(ProductVersions.in(h.name(), h.value()));
            }
            if (versioned || named) {
                revealing.add(h.name() + ": " + h.value());
                remedies.add(ProductVersions.remedy(h.name(), h.value()));
            }
        }
        Result.Builder result;
        if (revealing.isEmpty()) {
            result = Result.builder(Status.PASS).summary(disclosed.isEmpty() ? "no Server or X-Powered-By header"
                    : "no version revealed (" + String.join("; ", disclosed) + ")");
        } else {
            boolean anyVersion = !versions.isEmpty();
            result = Result.builder(Status.WARN)
                    .summary(String.join("; ", revealing) + (revealing.size() == 1 ? " reveals " : " reveal ")
                            + (anyVersion ? "the software version" : "the software in use"))
                    .remediation(String.join(" ", remedies));
            result.detail("revealing", revealing);
        }
        return result.detail("versions", versions.isEmpty() ? null : versions)
                .detail("disclosed", disclosed.isEmpty() ? null : disclosed)
                .detail("url", hops.get(0).url().toString()).build();
    }

    private static String shorten(String value) {
        return Shorten.to(value, MAX_VALUE + 1);
    }
}

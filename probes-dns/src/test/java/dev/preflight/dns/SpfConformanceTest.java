package dev.preflight.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.net.Network;
import dev.preflight.probe.NetworkSettings;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.DnsTestServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link SpfEvaluator} against the cases of the openspf RFC 7208 test suite, restated in
 * {@code spf-conformance.txt}: one private knotd per section serves the section's records in a root
 * zone, so a name the data does not hold is NXDOMAIN, as on the Internet.
 */
class SpfConformanceTest {
    private static final String DATA = "spf-conformance.txt";
    private static final AtomicInteger RAN = new AtomicInteger();
    private static final AtomicInteger AGREED = new AtomicInteger();

    /** One case: the client, the MAIL FROM (empty: the HELO's domain is checked), the HELO, the accepted results. */
    record Case(String name, String ip, String mailFrom, String helo, Set<SpfResult> accepted) {
    }

    /** A section: the root zone's records, the zones answering SERVFAIL, the cases. */
    record Section(String title, List<String> records, List<String> failing, List<Case> cases) {
    }

    @BeforeAll
    static void knotdIsThere() {
        DnsTestServer.assumeAvailable();
    }

    @AfterAll
    static void tally() {
        // The figure the evaluator is held to; printed once so a build log shows it.
        System.out.println("SPF conformance (openspf RFC 7208 suite, restated): " + AGREED.get() + " of " + RAN.get()
                + " cases agree");
    }

    static List<Named<Section>> sections() {
        return read().stream().map(s -> Named.of(s.title() + " (" + s.cases().size() + " cases)", s)).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sections")
    void everyCaseGivesAResultTheSuiteAccepts(Section section) throws IOException {
        DnsTestServer.Builder builder = DnsTestServer.builder().zone(".", rootZone(section.records()));
        section.failing().forEach(builder::unloadableZone);
        List<String> disagreements = new ArrayList<>();
        try (DnsTestServer dns = builder.start()) {
            for (Case c : section.cases()) {
                SpfEvaluation found = evaluate(dns, c);
                RAN.incrementAndGet();
                if (c.accepted().contains(found.result())) {
                    AGREED.incrementAndGet();
                } else {
                    disagreements.add(c.name() + ": expected " + c.accepted() + ", got " + found);
                }
            }
        }
        assertThat(disagreements).as(section.title()).isEmpty();
    }

    private static SpfEvaluation evaluate(DnsTestServer dns, Case c) throws IOException {
        var context = ProbeTestKit.forProbe(new SpfProbe()).target(DnsZones.domain("conformance.test"))
                .timeout(Duration.ofSeconds(10))
                .network(NetworkSettings.builder().dnsServer(dns.address()).build()).context();
        SpfEvaluator spf = SpfEvaluator.using(Network.of(context).resolver());
        boolean nullSender = c.mailFrom().isEmpty();
        String domain = nullSender ? c.helo() : c.mailFrom().substring(c.mailFrom().lastIndexOf('@') + 1);
        String sender = nullSender ? "postmaster@" + c.helo() : c.mailFrom();
        return spf.checkHost(InetAddress.getByName(c.ip()), domain, sender, c.helo());
    }

    private static String rootZone(List<String> records) {
        return "$ORIGIN .\n$TTL 300\n"
                + "@ SOA ns.root.test. hostmaster.root.test. 1 3600 600 86400 300\n"
                + "@ NS ns.root.test.\nns.root.test. A 127.0.0.1\n"
                + String.join("\n", records) + "\n";
    }

    private static List<Section> read() {
        List<Section> sections = new ArrayList<>();
        try (InputStream in = SpfConformanceTest.class.getResourceAsStream(DATA);
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("section ")) {
                    sections.add(new Section(line.substring(8).strip(), new ArrayList<>(), new ArrayList<>(),
                            new ArrayList<>()));
                } else if (line.startsWith("servfail ")) {
                    last(sections).failing().add(line.substring(9).strip());
                } else if (line.startsWith("case ")) {
                    last(sections).cases().add(parseCase(line.substring(5)));
                } else {
                    last(sections).records().add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sections;
    }

    private static Case parseCase(String text) {
        String[] f = text.split("\\|", -1);
        if (f.length != 5) {
            throw new IllegalArgumentException(DATA + ": a case has 5 fields: " + text);
        }
        Set<SpfResult> accepted = Arrays.stream(f[4].strip().split("\\s+"))
                .map(r -> SpfResult.valueOf(r.toUpperCase(Locale.ROOT))).collect(Collectors.toSet());
        return new Case(f[0].strip(), f[1].strip(), f[2].strip(), f[3].strip(), accepted);
    }

    private static Section last(List<Section> sections) {
        if (sections.isEmpty()) {
            throw new IllegalArgumentException(DATA + ": a record or case before the first section");
        }
        return sections.get(sections.size() - 1);
    }
}

package dev.preflight.dns;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.ProbeOutcome;
import dev.preflight.dns.RdapStandIn.Reply;
import dev.preflight.probe.HostOverride;
import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.Result;
import dev.preflight.testkit.ContractTargets;
import dev.preflight.testkit.ProbeTestKit;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dns.registration} against a loopback HTTPS stand-in for IANA's bootstrap host and for RDAP
 * servers, answering with domain objects shaped as a gTLD registry's (RFC 9083 5.3, the ICANN
 * response profile: upper-case ldhName, registrar entity with its IANA id, RDAP-database event),
 * judged at a fixed instant.
 */
class RegistrationProbeTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final String REGISTRY = "rdap.registry.test";
    private static final String BOOTSTRAP = "bootstrap.iana.test";
    private static final List<String> LOCKED = List.of("client delete prohibited", "client transfer prohibited",
            "client update prohibited");

    private static RdapStandIn standIn;

    @TempDir
    Path cache;

    @BeforeAll
    static void serve() throws IOException {
        standIn = new RdapStandIn();
        domain("far.com", NOW.plus(Duration.ofDays(400)), LOCKED);
        domain("soon.com", NOW.plus(Duration.ofDays(20)), LOCKED);
        domain("urgent.com", NOW.plus(Duration.ofDays(3)), LOCKED);
        domain("expired.com", NOW.minus(Duration.ofDays(2)), LOCKED);
        domain("undated.com", null, LOCKED);
        domain("unlocked.com", NOW.plus(Duration.ofDays(400)), List.of("active"));
        domain("redeeming.com", NOW.minus(Duration.ofDays(40)), List.of("redemption period"));
        domain("example.co.uk", NOW.plus(Duration.ofDays(200)), LOCKED);
        domain("held.com", NOW.plus(Duration.ofDays(200)), List.of("server hold", "client transfer prohibited"));
        standIn.route(REGISTRY, "/rdap/domain/nostatus.com", Reply.json(domainObject("nostatus.com",
                NOW.plus(Duration.ofDays(400)), List.of()).replace("\"status\": [],", "")));
        standIn.route("rdap.couk.test", "/couk/domain/example.co.uk",
                Reply.json(domainObject("example.co.uk", NOW.plus(Duration.ofDays(200)), LOCKED)));
        standIn.route(REGISTRY, "/rdap/domain/broken.com", Reply.json("{\"objectClassName\": \"domain\", \"ldhName\":"));
        standIn.route(REGISTRY, "/rdap/domain/baddate.com", Reply.json(domainObject("baddate.com", null, LOCKED)
                .replace("\"events\": [", "\"events\": [{\"eventAction\": \"expiration\", \"eventDate\": \"next year\"},")));
        standIn.route(REGISTRY, "/rdap/domain/wrongname.com",
                Reply.json(domainObject("other.com", NOW.plus(Duration.ofDays(400)), LOCKED)));
        standIn.route(REGISTRY, "/rdap/domain/busy.com", new Reply(429, Map.of("Retry-After", "60"), ""));
        standIn.route(REGISTRY, "/rdap/domain/moved.com",
                new Reply(302, Map.of("Location", "https://rdap.registrar.test:{port}/v1/domain/moved.com"
                        .replace("{port}", String.valueOf(standIn.port()))), ""));
        standIn.route("rdap.registrar.test", "/v1/domain/moved.com",
                Reply.json(domainObject("moved.com", NOW.plus(Duration.ofDays(90)), LOCKED)));
        standIn.route(REGISTRY, "/rdap/domain/downgraded.com",
                new Reply(301, Map.of("Location", "http://rdap.registrar.test/v1/domain/downgraded.com"), ""));
        standIn.route(BOOTSTRAP, "/rdap/dns.json", new Reply(200, Map.of("Content-Type", "application/json"),
                bootstrapFile()));
        standIn.route(BOOTSTRAP, "/broken/dns.json", new Reply(503, Map.of(), "down for maintenance"));
    }

    @AfterAll
    static void stop() {
        if (standIn != null) {
            standIn.close();
        }
    }

    private static void domain(String name, Instant expiry, List<String> statuses) {
        standIn.route(REGISTRY, "/rdap/domain/" + name, Reply.json(domainObject(name, expiry, statuses)));
    }

    /** The shape of a thick gTLD registry's answer (RFC 9083 5.3 and its examples). */
    private static String domainObject(String name, Instant expiry, List<String> statuses) {
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        String status = statuses.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(", "));
        return """
                {
                  "objectClassName": "domain",
                  "handle": "2336799_DOMAIN_COM-EXAMPLE",
                  "ldhName": "%1$s",
                  "links": [{"value": "https://rdap.registry.test/rdap/domain/%1$s", "rel": "self",
                    "href": "https://rdap.registry.test/rdap/domain/%1$s", "type": "application/rdap+json"}],
                  "status": [%2$s],
                  "entities": [{
                    "objectClassName": "entity", "handle": "292", "roles": ["registrar"],
                    "publicIds": [{"type": "IANA Registrar ID", "identifier": "292"}],
                    "vcardArray": ["vcard", [["version", {}, "text", "4.0"], ["fn", {}, "text", "Example Registrar, Inc."]]],
                    "entities": [{"objectClassName": "entity", "roles": ["abuse"],
                      "vcardArray": ["vcard", [["version", {}, "text", "4.0"], ["fn", {}, "text", ""],
                        ["tel", {"type": "voice"}, "uri", "tel:+1.2083895740"],
                        ["email", {}, "text", "abuse@registrar.example"]]]}]
                  }],
                  "events": [
                    {"eventAction": "registration", "eventDate": "1997-09-15T04:00:00Z"},
                    %3$s
                    {"eventAction": "last changed", "eventDate": "2024-08-14T07:01:34Z"},
                    {"eventAction": "last update of RDAP database", "eventDate": "2026-06-01T11:58:02Z"}
                  ],
                  "secureDNS": {"delegationSigned": false},
                  "nameservers": [
                    {"objectClassName": "nameserver", "ldhName": "NS1.REGISTRAR-DNS.NET"},
                    {"objectClassName": "nameserver", "ldhName": "NS2.REGISTRAR-DNS.NET"}
                  ],
                  "rdapConformance": ["rdap_level_0", "icann_rdap_technical_implementation_guide_0",
                    "icann_rdap_response_profile_0"],
                  "notices": [{"title": "Terms of Use", "description": ["Service subject to Terms of Use."]}]
                }
                """.formatted(upper, status, expiry == null ? ""
                : "{\"eventAction\": \"expiration\", \"eventDate\": \"" + expiry + "\"},");
    }

    /** IANA's shape (RFC 9224 3): one service for "uk", a longer one for "co.uk" listing http first. */
    private static String bootstrapFile() {
        int port = standIn.port();
        return """
                {
                  "description": "RDAP bootstrap file for Domain Name System registrations",
                  "publication": "2026-05-28T18:00:01Z",
                  "services": [
                    [["uk"], ["https://rdap.uk.test:%1$d/uk/"]],
                    [["com", "net"], ["https://rdap.registry.test:%1$d/rdap/"]],
                    [["co.uk"], ["http://rdap.couk.test/couk/", "https://rdap.couk.test:%1$d/couk"]]
                  ],
                  "version": "1.0"
                }
                """.formatted(port);
    }

    private static NetworkSettings network(String... extraHosts) {
        NetworkSettings.Builder network = NetworkSettings.builder().trust(List.of(standIn.root()));
        Stream.concat(Stream.of(RdapStandIn.HOSTS), Stream.of(extraHosts)).forEach(host ->
                network.hostOverride(new HostOverride(host, 0, InetAddress.getLoopbackAddress())));
        return network.build();
    }

    private ProbeTestKit kit(String domain) {
        return ProbeTestKit.forProbe(new RegistrationProbe(cache)).target(DnsZones.domain(domain)).network(network())
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .setting("bootstrap-url", standIn.origin(BOOTSTRAP) + "/rdap/dns.json");
    }

    private Result check(String domain) {
        return kit(domain).setting("rdap-url", standIn.origin(REGISTRY) + "/rdap/").run().result();
    }

    @Test
    void aFarExpiryWithATransferLockPasses() {
        assertThat(check("www.far.com")).isPass()
                .hasSummary("far.com is registered until 2027-07-06 (400 days left) at Example Registrar, Inc.,"
                        + " locked against transfer")
                .hasDetail("domain", "far.com").hasDetail("daysLeft", 400L).hasDetail("registrarIanaId", "292")
                .hasDetail("nameservers", List.of("ns1.registrar-dns.net", "ns2.registrar-dns.net"))
                .hasDetail("registered", "1997-09-15T04:00:00Z").hasDetail("lastChanged", "2024-08-14T07:01:34Z")
                .hasDetail("transferLock", true)
                .hasGauge("domain_expiry_timestamp_seconds",
                        t -> Math.abs(t - NOW.plus(java.time.Duration.ofDays(400)).getEpochSecond()) < 86_400);
    }

    @Test
    void twentyDaysLeftWarns() {
        assertThat(check("soon.com")).isWarn().hasSummary("soon.com expires in 20 days, on 2026-06-21")
                .hasRemediationContaining("Renew soon.com at Example Registrar, Inc.");
    }

    @Test
    void threeDaysLeftFails() {
        assertThat(check("urgent.com")).isFail().hasSummary("urgent.com expires in 3 days, on 2026-06-04");
    }

    @Test
    void theThresholdsAreSettings() {
        assertThat(kit("soon.com").setting("rdap-url", standIn.origin(REGISTRY) + "/rdap/")
                .setting("warn-days", "14").run().result()).isPass();
        assertThat(kit("soon.com").setting("rdap-url", standIn.origin(REGISTRY) + "/rdap/")
                .setting("warn-days", "60").setting("fail-days", "21").run().result()).isFail();
    }

    @Test
    void anExpiredDomainFails() {
        assertThat(check("expired.com")).isFail().hasSummary("expired.com expired on 2026-05-30")
                .hasDetail("daysLeft", -2L);
    }

    @Test
    void aDomainInRedemptionFails() {
        assertThat(check("redeeming.com")).isFail()
                .hasSummaryContaining("redeeming.com is in its redemption period")
                .hasSummaryContaining("(and 2 more problems)");
    }

    @Test
    void aDomainOnHoldFails() {
        assertThat(check("held.com")).isFail().hasSummaryContaining("held.com is on hold at the registry (server hold)")
                .hasRemediationContaining("have it lifted");
    }

    @Test
    void aRegistryThatPublishesNoStatusWarnsThatNoLockCanBeSeen() {
        assertThat(check("nostatus.com")).isWarn()
                .hasSummary("the registry publishes no status for nostatus.com, so no transfer lock can be seen");
    }

    @Test
    void noExpirationEventWarnsAndNeverPasses() {
        assertThat(check("undated.com")).isWarn()
                .hasSummary("the registry publishes no expiration date for undated.com; cannot verify that it will"
                        + " be renewed");
    }

    @Test
    void noTransferLockWarns() {
        assertThat(check("unlocked.com")).isWarn()
                .hasSummaryContaining("unlocked.com is not locked against transfer")
                .hasRemediationContaining("to set the transfer lock").hasDetail("transferLock", false);
    }

    @Test
    void noTransferLockIsOnlyADetailWhereTheRegistryOffersNone() {
        assertThat(kit("unlocked.com").setting("rdap-url", standIn.origin(REGISTRY) + "/rdap/")
                .setting("expect-transfer-lock", "false").run().result()).isPass()
                .hasDetail("transferLock", false);
    }

    @Test
    void aDomainTheRegistryDoesNotKnowFails() {
        assertThat(check("unregistered.com")).isFail()
                .hasSummaryContaining("the registry has no record of unregistered.com: it is not registered");
    }

    @Test
    void malformedJsonIsAnErrorNamingTheProblem() {
        assertThat(check("broken.com")).isError().hasSummaryContaining("cannot be used: not valid JSON");
    }

    @Test
    void anExpirationDateThatDoesNotParseIsAnError() {
        assertThat(check("baddate.com")).isError()
                .hasSummaryContaining("the eventDate of 'expiration' is not an RFC 3339 date: 'next year'");
    }

    @Test
    void anAnswerForAnotherNameIsAnError() {
        assertThat(check("wrongname.com")).isError().hasSummaryContaining("answered for other.com, not wrongname.com");
    }

    @Test
    void rateLimitingIsAnError() {
        assertThat(check("busy.com")).isError().hasSummaryContaining("rate-limiting this client (429, Retry-After 60)");
    }

    @Test
    void aRedirectToAnotherHttpsServerIsFollowed() {
        assertThat(check("moved.com")).isPass().hasDetail("rdapUrl",
                standIn.origin("rdap.registrar.test") + "/v1/domain/moved.com").hasDetail("daysLeft", 90L);
    }

    @Test
    void aRedirectToHttpIsNotFollowed() {
        assertThat(check("downgraded.com")).isError().hasSummaryContaining("which is not https");
    }

    @Test
    void theBootstrapPicksTheLongestSuffixAndHttpsAndIsCachedOnDisk() {
        int before = standIn.requests(BOOTSTRAP, "/rdap/dns.json");
        Result first = kit("shop.example.co.uk").run().result();
        Result second = kit("mail.example.co.uk").run().result();

        assertThat(first).isPass().hasDetail("domain", "example.co.uk")
                .hasDetail("rdapUrl", standIn.origin("rdap.couk.test") + "/couk/domain/example.co.uk")
                .hasDetail("bootstrap", "fetched from " + standIn.origin(BOOTSTRAP) + "/rdap/dns.json");
        assertThat(second).isPass();
        assertThat(second.details().get("bootstrap").toString()).startsWith("cached copy of ");
        assertThat(standIn.requests(BOOTSTRAP, "/rdap/dns.json")).isEqualTo(before + 1);
        assertThat(standIn.requests("rdap.couk.test", "/couk/domain/example.co.uk")).isPositive();
    }

    @Test
    void aCorruptCacheFileIsIgnoredAndReplaced() throws IOException {
        String url = standIn.origin(BOOTSTRAP) + "/rdap/dns.json";
        Path file = new dev.preflight.dns.internal.rdap.BootstrapCache(cache).file(url);
        Files.writeString(file, "{\"services\": [[[\"com\"], [\"https://elsewhere");
        int before = standIn.requests(BOOTSTRAP, "/rdap/dns.json");

        assertThat(kit("far.com").run().result()).isPass();
        assertThat(standIn.requests(BOOTSTRAP, "/rdap/dns.json")).isEqualTo(before + 1);
        assertThat(Files.readString(file)).contains("rdap.couk.test");
    }

    @Test
    void aStaleCacheServesWhenTheBootstrapHostFails() throws IOException {
        String url = standIn.origin(BOOTSTRAP) + "/broken/dns.json";
        Path file = new dev.preflight.dns.internal.rdap.BootstrapCache(cache).file(url);
        Files.writeString(file, bootstrapFile());
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofDays(3))));

        Result result = kit("far.com").setting("bootstrap-url", url).run().result();

        assertThat(result).isPass();
        assertThat(result.details().get("bootstrap").toString()).contains("older than a day")
                .contains("answered 503");
    }

    @Test
    void noBootstrapAndNoCacheIsAnError() {
        assertThat(kit("far.com").setting("bootstrap-url", standIn.origin(BOOTSTRAP) + "/broken/dns.json").run()
                .result()).isError().hasSummaryContaining("cannot get the RDAP bootstrap file")
                .hasSummaryContaining("answered 503");
    }

    @Test
    void anUnwritableCacheDirectoryIsSkipped() throws IOException {
        Path notADirectory = Files.writeString(cache.resolve("file"), "x");
        Result result = ProbeTestKit.forProbe(new RegistrationProbe(notADirectory.resolve("preflight")))
                .target(DnsZones.domain("far.com")).network(network()).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .setting("bootstrap-url", standIn.origin(BOOTSTRAP) + "/rdap/dns.json").run().result();

        assertThat(result).isPass();
    }

    @Test
    void aTldWithoutAnRdapServiceWarns() {
        assertThat(kit("shop.example.org").run().result()).isWarn()
                .hasSummary("no RDAP service for .org in the bootstrap registry; cannot verify when example.org"
                        + " expires")
                .hasRemediationContaining("dns.registration.rdap-url");
    }

    @Test
    void aServerThatNeverAnswersIsAnErrorAtTheDeadline() {
        try (ContractTargets targets = ContractTargets.open()) {
            int port = targets.silentServerAddress().getPort();
            ProbeOutcome outcome = ProbeTestKit.forProbe(new RegistrationProbe(cache))
                    .target(DnsZones.domain("far.com")).network(network("rdap.silent.test"))
                    .setting("rdap-url", "https://rdap.silent.test:" + port + "/rdap/")
                    .timeout(Duration.ofSeconds(1)).run();

            // The probe's own "no answer ... before the deadline" and the runner's cancellation race; both are ERROR.
            assertThat(outcome.result()).isError();
            assertThat(outcome.duration()).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void anRdapServerWhoseCertificateIsNotTrustedIsAnError() {
        Result result = ProbeTestKit.forProbe(new RegistrationProbe(cache)).target(DnsZones.domain("far.com"))
                .network(NetworkSettings.builder().hostOverride(new HostOverride(REGISTRY, 0,
                        InetAddress.getLoopbackAddress())).build())
                .setting("rdap-url", standIn.origin(REGISTRY) + "/rdap/").run().result();

        assertThat(result).isError().hasSummaryContaining("TLS handshake with the RDAP server rdap.registry.test")
                .hasSummaryContaining("cannot tell when far.com expires");
    }

    @Test
    void anHttpRdapUrlIsASettingsError() {
        assertThat(kit("far.com").setting("rdap-url", "http://rdap.registry.test/rdap/").run().result()).isError()
                .hasSummaryContaining("dns.registration.rdap-url must be an https URL");
    }

    @Test
    void warnDaysBelowFailDaysIsASettingsError() {
        assertThat(kit("far.com").setting("warn-days", "5").run().result()).isError()
                .hasSummaryContaining("dns.registration.warn-days must be at least fail-days (7)");
    }

    @Test
    void aTargetWithoutADomainSkips() {
        assertThat(ProbeTestKit.forProbe(new RegistrationProbe(cache))
                .target(dev.preflight.probe.Target.builder("mail", dev.preflight.probe.TargetKind.DOMAIN).build())
                .run().result()).isSkip();
    }
}

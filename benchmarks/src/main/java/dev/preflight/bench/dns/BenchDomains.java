package dev.preflight.bench.dns;

import dev.preflight.testsupport.DnsZone;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's mail domains, {@code d0001.bench.test} …, all in one zone {@code bench.test}, each
 * with the three records the mail probes read, written as real domains publish them:
 *
 * <ul>
 *   <li>SPF at the domain: {@code ip4:} of its own sender, and for three domains in four an include
 *       of {@value #SHARED_INCLUDE} (a mail provider's record that every customer includes: ranges
 *       only, so it needs no further lookup), ending in {@code -all}, or {@code ~all} for one in
 *       five; every other domain also has a site-verification TXT beside it, as most do;
 *   <li>DMARC at {@code _dmarc}: {@code p=reject} or {@code p=quarantine}, {@code p=none} for one in
 *       ten, aggregate reports to an address of the domain itself (no external destination to
 *       authorise, so no extra lookup);
 *   <li>DKIM at {@value #SELECTOR}{@code ._domainkey}: a 2048-bit RSA key, about 400 bytes of Base64
 *       split into 255-byte strings.
 * </ul>
 *
 * <p>The keys are {@value #KEYS} key pairs used in turn: minting a thousand RSA keys takes minutes,
 * and an answer costs the same whichever key it carries.
 */
final class BenchDomains {
    static final String ZONE = "bench.test";
    static final String SHARED_INCLUDE = "_spf.shared." + ZONE;
    static final String SELECTOR = "sel1";
    private static final int KEYS = 8;

    private final int count;

    BenchDomains(int count) {
        this.count = count;
    }

    int count() {
        return count;
    }

    static String domain(int index) {
        return String.format(Locale.ROOT, "d%04d.%s", index, ZONE);
    }

    /** @return every name the probes must ask TXT of, once each: what a run needs at least */
    List<String> neededTxtNames() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String domain = domain(i);
            names.add(domain);
            names.add("_dmarc." + domain);
            names.add(SELECTOR + "._domainkey." + domain);
        }
        if (count >= 1) {
            names.add(SHARED_INCLUDE);
        }
        return names;
    }

    /** @return the zone file of {@value #ZONE} */
    String zoneFile() throws NoSuchAlgorithmException {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        List<String> keys = new ArrayList<>();
        for (int k = 0; k < KEYS; k++) {
            KeyPair pair = rsa.generateKeyPair();
            keys.add(Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        }
        DnsZone zone = DnsZone.named(ZONE).a("ns1", "127.0.0.1")
                .txt(SHARED_INCLUDE + ".", "v=spf1 ip4:192.0.2.0/24 ip4:198.51.100.0/24 ip6:2001:db8::/32 -all");
        for (int i = 1; i <= count; i++) {
            String domain = domain(i) + ".";
            String own = "ip4:203.0." + (113 + i / 65536 % 2) + "." + i % 256;
            String include = i % 4 != 0 ? " include:" + SHARED_INCLUDE : "";
            zone.txt(domain, "v=spf1 " + own + include + (i % 5 == 0 ? " ~all" : " -all"));
            if (i % 2 == 0) {
                zone.txt(domain, String.format(Locale.ROOT, "site-verification=%032x", (long) i * 0x9E3779B97F4A7C15L));
            }
            String policy = i % 10 == 0 ? "none" : i % 3 == 0 ? "quarantine" : "reject";
            zone.txt("_dmarc." + domain, "v=DMARC1; p=" + policy + "; rua=mailto:dmarc-reports@" + domain(i)
                    + "; adkim=r; aspf=r");
            zone.txt(SELECTOR + "._domainkey." + domain, "v=DKIM1; k=rsa; p=" + keys.get(i % KEYS));
        }
        return zone.text();
    }

    /** @return a preflight.yml with one domain target per domain, DKIM asked at the one selector */
    String config() {
        StringBuilder yaml = new StringBuilder("version: 1\ntargets:\n");
        for (int i = 1; i <= count; i++) {
            yaml.append("  d").append(String.format(Locale.ROOT, "%04d", i)).append(":\n")
                    .append("    domain: ").append(domain(i)).append('\n')
                    .append("    settings: { dns.dkim.selectors: ").append(SELECTOR).append(" }\n");
        }
        return yaml.toString();
    }

    /** @return {@code dig -f} lines: one TXT question a line, the needed names in order */
    String digBatch() {
        StringBuilder lines = new StringBuilder();
        for (String name : neededTxtNames()) {
            lines.append(name).append(" TXT\n");
        }
        return lines.toString();
    }
}

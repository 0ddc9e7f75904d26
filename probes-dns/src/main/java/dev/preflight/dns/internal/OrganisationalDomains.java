package dev.preflight.dns.internal;

import java.util.Locale;
import java.util.Set;

/**
 * An approximation of a name's organisational domain (RFC 7489 3.2) without the Public Suffix List:
 * the last two labels, or the last three under a well-known two-level public suffix such as
 * {@code co.uk} or {@code com.au}. It is wrong for names under private or other multi-label suffixes
 * (say {@code github.io} or {@code s3.amazonaws.com}), where the DMARC probe may look for, or accept,
 * a policy one level too high; the probe names the organisational domain it used in its details.
 */
public final class OrganisationalDomains {
    private static final Set<String> TWO_LEVEL_SUFFIXES = Set.of(
            "co.uk", "org.uk", "me.uk", "ltd.uk", "plc.uk", "net.uk", "ac.uk", "gov.uk", "sch.uk", "nhs.uk",
            "com.au", "net.au", "org.au", "edu.au", "gov.au", "asn.au", "id.au",
            "co.nz", "net.nz", "org.nz", "govt.nz", "ac.nz",
            "co.jp", "ne.jp", "or.jp", "ac.jp", "go.jp",
            "co.za", "org.za", "web.za", "gov.za",
            "com.br", "net.br", "org.br", "gov.br",
            "com.cn", "net.cn", "org.cn", "gov.cn",
            "com.mx", "org.mx", "gob.mx",
            "co.in", "net.in", "org.in", "firm.in", "gen.in", "ind.in", "gov.in",
            "co.kr", "or.kr", "ne.kr", "go.kr",
            "com.sg", "org.sg", "gov.sg", "com.hk", "org.hk", "com.tw", "org.tw", "com.tr", "org.tr",
            "co.il", "org.il", "ac.il", "com.ar", "co.id", "com.my", "com.ph", "com.vn", "com.ua", "co.th",
            "com.pl", "com.es", "com.pt", "com.co", "com.pe", "com.ng", "com.eg", "com.sa", "co.ke");

    private OrganisationalDomains() {
    }

    /**
     * @param name a domain name, e.g. {@code mail.shop.example.co.uk}
     * @return its approximate organisational domain, e.g. {@code example.co.uk}; the name itself when
     *     it has too few labels
     */
    public static String of(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".")) {
            lower = lower.substring(0, lower.length() - 1);
        }
        String[] labels = lower.split("\\.");
        if (labels.length <= 2) {
            return lower;
        }
        String lastTwo = labels[labels.length - 2] + "." + labels[labels.length - 1];
        int keep = TWO_LEVEL_SUFFIXES.contains(lastTwo) ? 3 : 2;
        StringBuilder out = new StringBuilder();
        for (int i = labels.length - keep; i < labels.length; i++) {
            out.append(out.length() == 0 ? "" : ".").append(labels[i]);
        }
        return out.toString();
    }
}

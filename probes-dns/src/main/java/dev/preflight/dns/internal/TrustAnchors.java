package dev.preflight.dns.internal;

import dev.preflight.probe.ProbeSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * The keys DNSSEC validation starts from: the root zone's key-signing keys by default, or the DS and
 * DNSKEY records of a file given with the {@code trust-anchor} setting (a private zone, a lab, a test).
 *
 * @param text the records in zone-file syntax, as dnsjava's validator reads them
 * @param description e.g. {@code the IANA root KSKs (20326, 38696)}
 * @param names the names anchored, e.g. {@code .} or {@code example.com}
 */
public record TrustAnchors(String text, String description, List<String> names) {
    /** The setting naming a file of DS/DNSKEY records. */
    public static final String SETTING = "trust-anchor";

    /**
     * The root KSKs as DS records: KSK-2017 (20326) and KSK-2024 (38696), RSA/SHA-256, SHA-256 digests,
     * from IANA's https://data.iana.org/root-anchors/root-anchors.xml (format: RFC 9718). Both are
     * listed, so that the rollover to KSK-2024 needs no new release.
     */
    private static final String ROOT = """
            . IN DS 20326 8 2 E06D44B80B8F1D39A95C0B0D7C65D08458E880409BBC683457104237C7F8EC8D
            . IN DS 38696 8 2 683D2D0ACB8C9B712A1948B27F741219298D0A450D612C483AF444A4C0FB2B16
            """;

    /** Copies the list. */
    public TrustAnchors {
        names = List.copyOf(names);
    }

    /** @return the IANA root KSKs */
    public static TrustAnchors root() {
        return new TrustAnchors(ROOT, "the IANA root KSKs (20326, 38696)", List.of("."));
    }

    /**
     * @param settings the probe's settings
     * @return the anchors of the {@code trust-anchor} file, else the root's
     * @throws dev.preflight.probe.InvalidSettingException naming the key if the file cannot be read,
     *     does not parse, or holds no DS or DNSKEY record
     */
    public static TrustAnchors from(ProbeSettings settings) {
        Optional<String> file = settings.string(SETTING).map(String::strip).filter(s -> !s.isEmpty());
        if (file.isEmpty()) {
            return root();
        }
        Path path = Paths.get(file.get());
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw settings.invalid(SETTING, "cannot read " + path + " (" + e.getClass().getSimpleName() + ")");
        }
        List<String> names = new ArrayList<>();
        try (InputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
                Master master = new Master(in, Name.root, 0)) {
            for (Record r = master.nextRecord(); r != null; r = master.nextRecord()) {
                String owner = DomainNames.relative(r.getName().toString());
                if ((r instanceof DSRecord || r instanceof DNSKEYRecord) && !names.contains(owner)) {
                    names.add(owner);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw settings.invalid(SETTING, path + " is not a zone file of DS/DNSKEY records: " + e.getMessage());
        }
        if (names.isEmpty()) {
            throw settings.invalid(SETTING, path + " holds no DS or DNSKEY record");
        }
        return new TrustAnchors(text, "the trust anchor file " + path + " (" + String.join(", ", names) + ")", names);
    }
}

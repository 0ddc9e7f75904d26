package dev.preflight.http.internal;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Why a cipher suite must not be accepted, as read from its IANA name. */
public enum SuiteWeakness {
    /** No encryption at all. */
    NULL("NULL", "no encryption"),
    /** 40- and 56-bit export-grade keys (FREAK, Logjam). */
    EXPORT("EXPORT", "export-grade keys"),
    /** RC4, prohibited by RFC 7465. */
    RC4("RC4", "RC4, prohibited by RFC 7465"),
    /** Single DES, a 56-bit key. */
    DES("DES", "single DES, a 56-bit key"),
    /** Triple DES, a 64-bit block (Sweet32, CVE-2016-2183). */
    TRIPLE_DES("3DES", "a 64-bit block cipher (Sweet32)"),
    /** No server authentication: anyone in the path can answer. */
    ANONYMOUS("anonymous", "no server authentication");

    private final String label;
    private final String why;

    SuiteWeakness(String label, String why) {
        this.label = label;
        this.why = why;
    }

    /** @return the category as reports name it, e.g. {@code 3DES} */
    public String label() {
        return label;
    }

    /** @return what is wrong with it, in a few words */
    public String why() {
        return why;
    }

    /**
     * @param ianaName a suite's IANA name, e.g. {@code TLS_DH_anon_WITH_RC4_128_MD5}
     * @return every weakness the name shows; empty for a sound suite
     */
    public static Set<SuiteWeakness> of(String ianaName) {
        String name = ianaName.toUpperCase(Locale.ROOT);
        Set<SuiteWeakness> found = EnumSet.noneOf(SuiteWeakness.class);
        if (name.contains("WITH_NULL_")) {
            found.add(NULL);
        }
        if (name.contains("EXPORT")) {
            found.add(EXPORT);
        }
        if (name.contains("RC4")) {
            found.add(RC4);
        }
        if (name.contains("WITH_DES_CBC")) {
            found.add(DES);
        }
        if (name.contains("3DES")) {
            found.add(TRIPLE_DES);
        }
        if (name.contains("_ANON_")) {
            found.add(ANONYMOUS);
        }
        return found;
    }
}

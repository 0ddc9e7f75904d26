package dev.preflight.net.internal;

import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.security.auth.x500.X500Principal;

/**
 * A run's trusted roots, indexed by subject. A chain can end only in a root named as its last
 * certificate's issuer, and PKIX tries no other (its selector matches the subject first), so a
 * chain is checked against those few roots rather than against all ~150: picking them from the whole
 * set cost every site a pass over each root's name and key identifier.
 */
public final class TrustRoots {
    private final Map<X500Principal, List<TrustAnchor>> bySubject;

    private TrustRoots(Map<X500Principal, List<TrustAnchor>> bySubject) {
        this.bySubject = bySubject;
    }

    /**
     * @param roots the trusted root certificates (duplicates are kept once)
     * @return them, indexed by subject
     */
    public static TrustRoots of(Collection<X509Certificate> roots) {
        Map<X500Principal, List<TrustAnchor>> bySubject = new HashMap<>();
        for (X509Certificate root : roots) {
            List<TrustAnchor> named = bySubject.computeIfAbsent(root.getSubjectX500Principal(), n -> new ArrayList<>());
            if (named.stream().noneMatch(a -> a.getTrustedCert().equals(root))) {
                named.add(new TrustAnchor(root, null));
            }
        }
        bySubject.replaceAll((name, anchors) -> List.copyOf(anchors));
        return new TrustRoots(Map.copyOf(bySubject));
    }

    /**
     * @param subject a distinguished name, compared as X.500 names are (canonical form)
     * @return the roots with that subject, usually one; empty if none
     */
    public List<TrustAnchor> named(X500Principal subject) {
        return bySubject.getOrDefault(subject, List.of());
    }

    /**
     * @param certificate any certificate
     * @return whether it is one of the roots, byte for byte
     */
    public boolean contains(X509Certificate certificate) {
        return named(certificate.getSubjectX500Principal()).stream()
                .anyMatch(anchor -> anchor.getTrustedCert().equals(certificate));
    }
}

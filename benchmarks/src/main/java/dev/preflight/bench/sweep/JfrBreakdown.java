package dev.preflight.bench.sweep;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a sweep's Java CPU samples went, from a JFR recording of the Preflight JVM
 * ({@code SWEEP_JAVA_OPTS=-XX:StartFlightRecording=filename=sweep.jfr,settings=profile}): each
 * {@code jdk.ExecutionSample} is put in the first category whose marker appears anywhere in its
 * stack. JIT and GC threads are not sampled; {@code PreflightSweep} prints their CPU from /proc.
 *
 * <p>Arguments: {@code FILE.jfr [top-frames]}; with a second argument, the most frequent top
 * frames of the "other" category are listed too.
 */
public final class JfrBreakdown {
    /** Category to the class/method prefixes that mark it, in priority order. */
    private static final Map<String, List<String>> CATEGORIES = new LinkedHashMap<>();

    static {
        CATEGORIES.put("chain judged by tls.certificate (ChainJudge: PKIX, names, dates)",
                List.of("dev.preflight.http.internal.ChainJudge"));
        CATEGORIES.put("trust anchors built (TrustAnchors.of)", List.of("dev.preflight.http.internal.TrustAnchors"));
        CATEGORIES.put("handshake: x25519 key share", List.of("sun.security.util.math.intpoly.IntegerPolynomial25519",
                "sun.security.ec.XECOperations", "sun.security.ec.XDHKeyPairGenerator", "sun.security.ec.XDHKeyAgreement"));
        CATEGORIES.put("handshake: secp256r1 key share (unused by the server)", List.of(
                "sun.security.util.math.intpoly.IntegerPolynomialP256", "sun.security.ec.ECOperations",
                "sun.security.ec.ECKeyPairGenerator", "sun.security.util.math.intpoly.P256OrderField"));
        CATEGORIES.put("handshake: server signature (RSA verify)", List.of("sun.security.rsa.RSASignature.engineVerify",
                "sun.security.rsa.RSAPSSSignature.engineVerify"));
        CATEGORIES.put("handshake: certificates parsed", List.of("sun.security.ssl.CertificateMessage"));
        CATEGORIES.put("handshake: other", List.of("sun.security.ssl."));
        CATEGORIES.put("okhttp/okio (request, response, pool)", List.of("okhttp3.", "okio."));
        CATEGORIES.put("probes other than the chain judgement", List.of("dev.preflight.http."));
        CATEGORIES.put("Preflight runner and report", List.of("dev.preflight."));
        CATEGORIES.put("class loading and reflection", List.of("java.lang.ClassLoader", "jdk.internal.loader."));
    }

    private JfrBreakdown() {
    }

    /** @param args the recording, and optionally anything to list the "other" top frames */
    public static void main(String[] args) throws Exception {
        Map<String, Integer> counts = new LinkedHashMap<>();
        CATEGORIES.keySet().forEach(c -> counts.put(c, 0));
        counts.put("other", 0);
        Map<String, Integer> otherTops = new TreeMap<>();
        int total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null) {
                continue;
            }
            total++;
            String category = categorize(stack.getFrames());
            counts.merge(category, 1, Integer::sum);
            if (category.equals("other") && !stack.getFrames().isEmpty()) {
                otherTops.merge(name(stack.getFrames().get(0)), 1, Integer::sum);
            }
        }
        System.out.printf(Locale.ROOT, "%d CPU samples of Java threads%n", total);
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            System.out.printf(Locale.ROOT, "%6.1f%%  %5d  %s%n", 100.0 * e.getValue() / Math.max(1, total), e.getValue(),
                    e.getKey());
        }
        if (args.length > 1) {
            otherTops.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(25)
                    .forEach(e -> System.out.printf(Locale.ROOT, "        %5d  %s%n", e.getValue(), e.getKey()));
        }
    }

    private static String categorize(List<RecordedFrame> frames) {
        for (Map.Entry<String, List<String>> category : CATEGORIES.entrySet()) {
            for (RecordedFrame frame : frames) {
                String name = name(frame);
                for (String marker : category.getValue()) {
                    if (name.startsWith(marker)) {
                        return category.getKey();
                    }
                }
            }
        }
        return "other";
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}

package dev.preflight.http.internal;

import java.util.Locale;
import java.util.Set;

/** Which answers are text worth compressing, and how an answer was compressed. */
public final class ContentCoding {
    private static final Set<String> TEXT_TYPES = Set.of("application/json", "application/javascript",
            "application/x-javascript", "application/ecmascript", "application/xml", "image/svg+xml",
            "application/manifest+json");

    private ContentCoding() {
    }

    /**
     * @param mediaType a media type without parameters, lower case (see {@link Page#mediaType})
     * @return whether it is text: {@code text/*}, JSON, JavaScript, XML, SVG, {@code +json} and {@code +xml} types
     */
    public static boolean isText(String mediaType) {
        return mediaType.startsWith("text/") || TEXT_TYPES.contains(mediaType) || mediaType.endsWith("+json")
                || mediaType.endsWith("+xml");
    }

    /**
     * @param page an answer
     * @return its content coding, lower case ({@code gzip}, {@code br}, {@code zstd}), or empty for none or
     *     {@code identity}
     */
    public static String of(Page page) {
        String coding = page.header("Content-Encoding").orElse("").strip().toLowerCase(Locale.ROOT);
        return coding.equals("identity") ? "" : coding;
    }
}

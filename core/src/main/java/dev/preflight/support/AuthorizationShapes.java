package dev.preflight.support;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Credentials in the shape of an {@code Authorization} header value (RFC 7617 {@code Basic}, RFC 6750
 * {@code Bearer}), masked even when the run does not know them: a server that echoes a request shows
 * the header it was sent. The shape tests keep prose such as "Basic authentication" intact.
 */
final class AuthorizationShapes {
    private static final Pattern SCHEME_AND_TOKEN =
            Pattern.compile("(?i)\\b(basic|bearer)((?:\\s|%20|\\+)+)([A-Za-z0-9+/_~.-]{8,}=*)(…?)");

    private AuthorizationShapes() {
    }

    /**
     * @param text any text
     * @return the text with Basic credentials shown as {@code Basic …} and Bearer tokens masked
     */
    static String masked(String text) {
        if (!mentionsScheme(text)) {
            // Most texts name neither scheme; the pattern would still be tried at every position.
            return text;
        }
        return SCHEME_AND_TOKEN.matcher(text).replaceAll(m -> {
            String token = m.group(3);
            boolean cut = !m.group(4).isEmpty();
            boolean basic = m.group(1).equalsIgnoreCase("basic");
            if (basic ? cut || isUserAndPassword(token) : cut || looksRandom(token)) {
                return Matcher.quoteReplacement(m.group(1) + m.group(2) + (basic || cut ? "…" : Redactor.mask(token)));
            }
            return Matcher.quoteReplacement(m.group());
        });
    }

    /** @return whether "basic" or "bearer" occurs in any case: what every match starts with */
    private static boolean mentionsScheme(String text) {
        for (int i = 0; i + 5 <= text.length(); i++) {
            char c = text.charAt(i);
            if ((c == 'b' || c == 'B')
                    && (text.regionMatches(true, i, "basic", 0, 5) || text.regionMatches(true, i, "bearer", 0, 6))) {
                return true;
            }
        }
        return false;
    }

    /** What {@code Basic} carries: Base64 of UTF-8 {@code user:password}. */
    private static boolean isUserAndPassword(String token) {
        for (Base64.Decoder decoder : new Base64.Decoder[] {Base64.getDecoder(), Base64.getUrlDecoder()}) {
            try {
                String decoded = StandardCharsets.UTF_8.newDecoder()
                        .decode(ByteBuffer.wrap(decoder.decode(token))).toString();
                if (decoded.indexOf(':') >= 0 && decoded.codePoints().noneMatch(Character::isISOControl)) {
                    return true;
                }
            } catch (IllegalArgumentException | CharacterCodingException e) {
                // not this alphabet, or not text
            }
        }
        return false;
    }

    /** A token, unlike a word: long, with a digit or with several capitals among small letters. */
    private static boolean looksRandom(String token) {
        if (token.length() < 12) {
            return false;
        }
        long upper = token.chars().filter(Character::isUpperCase).count();
        long lower = token.chars().filter(Character::isLowerCase).count();
        return token.chars().anyMatch(Character::isDigit) || upper >= 2 && lower >= 2;
    }
}

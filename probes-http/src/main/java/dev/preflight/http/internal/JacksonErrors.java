package dev.preflight.http.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.CharConversionException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Jackson's account of a bad document into a {@link MalformedJsonException} a report can show:
 * short, in the terms of RFC 8259 rather than of Jackson's features, and echoing nothing of the
 * input but a duplicate member name (cut to 60 characters) or one character (Jackson quotes up to
 * 256 characters of an unrecognised token, which may be anything the target sent). Jackson's wording is matched loosely: a message it has not seen before
 * still yields its first clause, cut short.
 */
final class JacksonErrors {
    private static final Pattern CODE = Pattern.compile("code (\\d+)\\)");
    private static final Pattern QUOTED = Pattern.compile("'(.*)'");
    private static final Pattern CLOSER = Pattern.compile("expected ('.')");
    private static final Pattern LIMIT = Pattern.compile("maximum allowed \\((\\d+)");
    private static final int SHOWN_NAME_CHARS = 60;
    private static final int SHOWN_MESSAGE_CHARS = 100;

    private JacksonErrors() {
    }

    /**
     * @param error what Jackson threw while {@code parser} read
     * @param parser the parser, for where it stopped
     * @param base the offset of the parser's first character in the text the caller reports on
     * @return the problem and where it is
     */
    static MalformedJsonException describe(Exception error, JsonParser parser, int base) {
        String message = error instanceof JsonProcessingException j && j.getOriginalMessage() != null
                ? j.getOriginalMessage() : "";
        // Jackson's own location is the character it stopped at; the parser has already moved past it.
        int here = base + offset(error instanceof JsonProcessingException j && j.getLocation() != null
                ? j.getLocation() : parser.currentLocation());
        // A bad token (a number, an unterminated string) is best shown where it starts, which the
        // parser knows outside objects; inside one it knows only where the member's name starts.
        int token = parser.getParsingContext().inObject() ? here : base + offset(parser.currentTokenLocation());
        if (error instanceof NumberFormatException) {
            return new MalformedJsonException("number out of range", token);
        }
        if (error instanceof StreamConstraintsException) {
            return overLimit(message, token, here);
        }
        if (message.startsWith("Duplicate")) {
            return new MalformedJsonException("duplicate member name \"" + Shorten.to(quoted(message),
                    SHOWN_NAME_CHARS) + "\"", here);
        }
        if (message.startsWith("Unexpected end-of-input")) {
            // Jackson words this one differently when it reads bytes and when it reads text.
            return message.contains("VALUE_STRING") || message.contains("closing quote")
                    ? new MalformedJsonException("unterminated string", token)
                    : new MalformedJsonException(unterminated(message), here);
        }
        if (message.contains("Leading zeroes")) {
            return new MalformedJsonException("number with a leading zero", token);
        }
        if (message.startsWith("Unrecognized token")) {
            return new MalformedJsonException(unexpectedWord(quoted(message)), here);
        }
        if (message.startsWith("Unexpected close marker")) {
            Matcher expected = CLOSER.matcher(message);
            return new MalformedJsonException("unexpected " + first(quoted(message))
                    + (expected.find() ? ", expected " + expected.group(1) : " with nothing open"), here);
        }
        if (message.startsWith("Non-standard token")) {
            // Reported where the word ends, unlike an unrecognized one.
            String word = quoted(message);
            return new MalformedJsonException(unexpectedWord(word), here - word.length());
        }
        if (message.startsWith("Trailing token")) {
            return new MalformedJsonException("unexpected content after the value", token);
        }
        if (message.startsWith("Invalid UTF-8")) {
            return new MalformedJsonException("invalid UTF-8", here);
        }
        if (error instanceof CharConversionException) {
            return new MalformedJsonException("unreadable character encoding", here);
        }
        String found = code(message);
        if (message.startsWith("Illegal unquoted character")) {
            return new MalformedJsonException("unescaped control character " + found + " in a string", here);
        }
        if (message.startsWith("Unrecognized character escape")) {
            String escaped = quoted(message);
            return new MalformedJsonException("invalid escape " + (escaped.length() == 1 && character(escaped.charAt(0))
                    .startsWith("'") ? "\\" + escaped : found), here);
        }
        if (message.contains("hex-digit for character escape")) {
            return new MalformedJsonException("\\u needs four hex digits", here);
        }
        if (message.startsWith("Unexpected character")) {
            return new MalformedJsonException(unexpected(message, found), here);
        }
        if (message.startsWith("Illegal character")) {
            // A control character between tokens is reported one past where it is.
            return new MalformedJsonException(unexpected(message, found), here - 1);
        }
        return new MalformedJsonException(Shorten.to(message.lines().findFirst().orElse("not JSON"),
                SHOWN_MESSAGE_CHARS), here);
    }

    private static MalformedJsonException overLimit(String message, int token, int here) {
        Matcher limit = LIMIT.matcher(message);
        String max = limit.find() ? limit.group(1) : "the limit";
        if (message.contains("nesting depth")) {
            // The parser stands just past the bracket that went too deep.
            return new MalformedJsonException("nested deeper than " + max + " levels", here - 1);
        }
        String what = message.startsWith("Number") ? "number" : message.startsWith("Name") ? "member name" : "string";
        return new MalformedJsonException(what + " longer than " + max + " characters", token);
    }

    private static String unterminated(String message) {
        if (message.contains("field name")) {
            return "unterminated member name";
        }
        if (message.contains("Object")) {
            return "unterminated object";
        }
        return message.contains("Array") ? "unterminated array" : "unexpected end of input";
    }

    private static String unexpectedWord(String word) {
        return "unexpected " + first(word) + ", expected a value";
    }

    private static String unexpected(String message, String found) {
        String expected;
        if (message.contains("double-quote to start field name")) {
            expected = "expected a member name in double quotes";
        } else if (message.contains("colon to separate")) {
            expected = "expected ':' after the member name";
        } else if (message.contains("comma to separate Object")) {
            expected = "expected ',' or '}' after a member";
        } else if (message.contains("comma to separate Array")) {
            expected = "expected ',' or ']' after an element";
        } else if (message.contains("comment")) {
            return "unexpected " + found + " (comments are not JSON)";
        } else if (message.contains("numeric value")) {
            return "unexpected " + found + " in a number";
        } else if (message.contains("white space")) {
            return "unexpected control character " + found;
        } else if (message.contains("root-level")) {
            return "unexpected " + found + " after the value";
        } else {
            return "unexpected " + found + ", expected a value";
        }
        return expected + ", found " + found;
    }

    /** @return the character Jackson names by its code, as {@link #character(char)} shows it */
    private static String code(String message) {
        Matcher code = CODE.matcher(message);
        return code.find() ? character((char) Integer.parseInt(code.group(1))) : "a character";
    }

    /** @return the first character of a word from the input: never more, as it may be anything */
    private static String first(String word) {
        return word.isEmpty() ? "a word" : character(word.charAt(0));
    }

    private static String quoted(String message) {
        Matcher quoted = QUOTED.matcher(message);
        return quoted.find() ? quoted.group(1) : "";
    }

    private static int offset(JsonLocation location) {
        // Parsers over bytes count bytes and leave the character offset at -1; over text, the reverse.
        return (int) Math.max(0, Math.max(location.getByteOffset(), location.getCharOffset()));
    }

    /** A character as a reader would want it shown: printable ASCII quoted, anything else as U+XXXX. */
    static String character(char c) {
        return c > 0x20 && c < 0x7f ? "'" + c + "'" : String.format(Locale.ROOT, "U+%04X", (int) c);
    }
}

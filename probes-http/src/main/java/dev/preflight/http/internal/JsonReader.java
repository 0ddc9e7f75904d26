package dev.preflight.http.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * Jackson, set up to read what a target answers strictly (RFC 8259): none of Jackson's leniencies
 * (comments, single quotes, unquoted names, trailing commas, leading zeros or plus signs, NaN,
 * unescaped control characters) and nothing after the value. Duplicate member names are refused:
 * section 4 leaves their meaning open, and a condition on an ambiguous document proves nothing.
 *
 * <p>Limits keep a hostile body cheap: at most {@value #MAX_BYTES} bytes (checked before Jackson
 * sees the body, and the most {@code http.health} fetches), {@value #MAX_DEPTH} levels of nesting
 * and numbers of {@value #MAX_NUMBER_CHARS} characters, through Jackson's
 * {@link StreamReadConstraints}; strings and names are bounded by the document size. Numbers are
 * read exactly, as {@link java.math.BigDecimal} or integer nodes. A leading byte order mark is
 * skipped (section 8.1); besides UTF-8, Jackson recognises UTF-16 and UTF-32 by their first bytes.
 *
 * <p>A document that breaks a rule is a {@link MalformedJsonException} naming the first problem
 * and its offset, never an unchecked exception. Stateless and thread-safe.
 */
public final class JsonReader {
    /** The largest document read. */
    public static final int MAX_BYTES = 256 * 1024;
    /** The deepest nesting of objects and arrays read. */
    public static final int MAX_DEPTH = 64;
    /** The longest number read, in characters. */
    public static final int MAX_NUMBER_CHARS = 256;

    private static final JsonMapper MAPPER = JsonMapper.builder(strictFactory())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // Exact numbers, so that a condition compares 2 and 2.0 by value and 1e400 is not Infinity.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .build();
    private static final ObjectReader DOCUMENT = MAPPER.readerFor(JsonNode.class);
    private static final ObjectReader PREFIX = DOCUMENT.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonReader() {
    }

    private static JsonFactory strictFactory() {
        JsonFactoryBuilder factory = new JsonFactoryBuilder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxNumberLength(MAX_NUMBER_CHARS)
                        .maxStringLength(MAX_BYTES)
                        .maxNameLength(MAX_BYTES)
                        .build());
        // All off by default; turned off by name so that no default of a later Jackson loosens us.
        for (JsonReadFeature leniency : JsonReadFeature.values()) {
            factory.disable(leniency);
        }
        return factory.build();
    }

    /**
     * @param body a document, as a target sent it
     * @return its value
     * @throws MalformedJsonException if it is not exactly one JSON value, or is over a limit; offsets
     *     count bytes
     */
    public static JsonNode read(byte[] body) throws MalformedJsonException {
        if (body.length > MAX_BYTES) {
            throw new MalformedJsonException("larger than " + MAX_BYTES + " bytes", 0);
        }
        JsonNode value = parse(() -> MAPPER.createParser(body), DOCUMENT, 0).value();
        if (value == null || value.isMissingNode()) {
            throw new MalformedJsonException(body.length == 0 ? "empty" : "only whitespace", body.length);
        }
        return value;
    }

    /**
     * One value embedded in other text, such as a literal in a condition.
     *
     * @param value the value read, or null if there was only whitespace
     * @param end the offset just after it (and perhaps one whitespace character)
     */
    record Prefix(JsonNode value, int end) {
    }

    /**
     * @param text text holding a value at {@code offset}, after optional whitespace
     * @param offset where to start
     * @return the value and where it ends; what follows is the caller's
     * @throws MalformedJsonException if no value starts there; offsets count characters of {@code text}
     */
    static Prefix readPrefix(String text, int offset) throws MalformedJsonException {
        Prefix prefix = parse(() -> MAPPER.createParser(text.substring(offset)), PREFIX, offset);
        if (prefix.value() == null || prefix.value().isMissingNode()) {
            throw new MalformedJsonException("expected a value, found the end", text.length());
        }
        return prefix;
    }

    private interface ParserSource {
        JsonParser open() throws IOException;
    }

    /**
     * The parser reads memory, not a stream: every IOException is Jackson refusing the input (a
     * CharConversionException for bad UTF-32, say), and NumberFormatException is how it lets an
     * exponent too large for a BigDecimal escape.
     */
    private static Prefix parse(ParserSource source, ObjectReader reader, int base) throws MalformedJsonException {
        JsonParser parser = null;
        try {
            parser = source.open();
            JsonNode value = reader.readTree(parser);
            return new Prefix(value, base + (int) parser.currentLocation().getCharOffset());
        } catch (IOException | NumberFormatException e) {
            // Opening fails only on the encoding, e.g. bytes that look like UCS-4 in an unusual order.
            throw parser == null ? new MalformedJsonException("unreadable character encoding", base)
                    : JacksonErrors.describe(e, parser, base);
        } finally {
            // After describing: closing moves the parser to the end of the input.
            release(parser);
        }
    }

    private static void release(JsonParser parser) {
        try {
            if (parser != null) {
                parser.close();
            }
        } catch (IOException e) {
            // Nothing to release but buffers: a parser over memory has no stream to fail on close.
        }
    }
}

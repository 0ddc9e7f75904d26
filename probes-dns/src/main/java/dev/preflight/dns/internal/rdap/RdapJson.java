package dev.preflight.dns.internal.rdap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * Jackson, set up for what an RDAP server or the bootstrap registry sends: strict JSON (RFC 8259),
 * one value and nothing after it, duplicate member names refused, and limits that keep a hostile
 * body cheap ({@value #MAX_BYTES} bytes, {@value #MAX_DEPTH} levels). Stateless and thread-safe.
 */
public final class RdapJson {
    /** The largest body read: IANA's dns.json is about 40 KiB, a domain answer a few KiB. */
    public static final int MAX_BYTES = 1024 * 1024;
    /** The deepest nesting read; RDAP answers nest a handful of levels (entities in entities). */
    public static final int MAX_DEPTH = 64;

    private static final JsonMapper MAPPER = JsonMapper.builder(strictFactory())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private RdapJson() {
    }

    private static JsonFactory strictFactory() {
        JsonFactoryBuilder factory = new JsonFactoryBuilder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                        .maxNumberLength(64).maxStringLength(MAX_BYTES).maxNameLength(MAX_BYTES).build());
        for (JsonReadFeature leniency : JsonReadFeature.values()) {
            factory.disable(leniency);
        }
        return factory.build();
    }

    /**
     * @param body a body as the server sent it
     * @return its one JSON value
     * @throws MalformedRdapException if it is empty, too large or not exactly one JSON value
     */
    public static JsonNode read(byte[] body) throws MalformedRdapException {
        if (body.length > MAX_BYTES) {
            throw new MalformedRdapException("larger than " + MAX_BYTES + " bytes");
        }
        try {
            JsonNode value = MAPPER.readTree(body);
            if (value == null || value.isMissingNode()) {
                throw new MalformedRdapException("empty, not JSON");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new MalformedRdapException("not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at byte " + e.getLocation().getByteOffset()));
        } catch (IOException | RuntimeException e) {
            // Reading memory fails only on the content (an unreadable encoding, a number too large).
            throw new MalformedRdapException("not valid JSON: " + e.getMessage());
        }
    }
}

package dev.preflight.dns.internal;

import dev.preflight.net.DnsAnswer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.xbill.DNS.TXTRecord;

/**
 * Each TXT record's character-strings joined, as their bytes (UTF-8) rather than in presentation
 * format: {@link DnsAnswer#texts()} reads dnsjava's {@code getStrings()}, which escapes a tab as
 * {@code \009} and a quote as {@code \"}, and a DKIM key with a tab inside would not decode.
 */
public final class TxtTexts {

    private TxtTexts() {
    }

    /** @param answer a TXT answer @return one text per TXT record, in the order sent */
    public static List<String> of(DnsAnswer answer) {
        return answer.records(TXTRecord.class).stream().map(TxtTexts::join).toList();
    }

    private static String join(TXTRecord record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        record.getStringsAsByteArrays().forEach(b -> out.write(b, 0, b.length));
        return out.toString(StandardCharsets.UTF_8);
    }
}

package dev.preflight.dns.internal;

import dev.preflight.net.DnsMessages;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;
import org.xbill.DNS.dnssec.ValidatingResolver;

/**
 * What dnsjava's validating resolver concluded about a zone's SOA, asked of the run's DNS servers
 * from the given trust anchors: secure (the AD flag), bogus (SERVFAIL with the validator's reason), or
 * insecure (an answer without AD). A SERVFAIL without a reason, or another error code, is the
 * server's failure, not the zone's.
 *
 * @param state the conclusion
 * @param reason the validator's words, or null
 * @param rcode the response code, e.g. {@code NOERROR}
 */
public record DnssecValidation(State state, String reason, String rcode) {
    /** The validator may quote a whole RRset; the summary needs its gist. */
    private static final int MAX_REASON = 300;

    /** The validator's conclusion. */
    public enum State {
        /** A chain of trust from an anchor verified the answer. */
        SECURE,
        /** No chain of trust covers the answer: unsigned, or a chain that ends above it. */
        INSECURE,
        /** A chain of trust covers the answer and it does not verify. */
        BOGUS,
        /** The server failed to answer; nothing is known about the zone. */
        SERVER_FAILURE
    }

    /**
     * Validates the SOA record set at a zone's apex.
     *
     * @param dns the run's DNS servers
     * @param anchors where chains of trust start
     * @param clock the check's clock, against which signatures' validity periods are judged
     * @param apex the zone's apex
     * @return the conclusion
     * @throws IOException if the servers could not be asked or the deadline passed
     */
    public static DnssecValidation of(DnsMessages dns, TrustAnchors anchors, Clock clock, Name apex)
            throws IOException {
        ValidatingResolver validating = new ValidatingResolver(dns.resolver(), clock);
        validating.loadTrustAnchors(new ByteArrayInputStream(anchors.text().getBytes(StandardCharsets.UTF_8)));
        Message answer = dns.send(validating, Message.newQuery(Record.newRecord(apex, Type.SOA, DClass.IN)));
        String reason = reason(answer).orElse(null);
        int rcode = answer.getRcode();
        State state;
        if (answer.getHeader().getFlag(Flags.AD)) {
            state = State.SECURE;
        } else if (rcode == Rcode.SERVFAIL && reason != null) {
            state = State.BOGUS;
        } else if (rcode == Rcode.NOERROR) {
            state = State.INSECURE;
        } else {
            state = State.SERVER_FAILURE;
        }
        return new DnssecValidation(state, reason, Rcode.string(rcode));
    }

    /** @return the reason, if the validator gave one */
    public Optional<String> why() {
        return Optional.ofNullable(reason);
    }

    private static Optional<String> reason(Message answer) {
        return answer.getSection(Section.ADDITIONAL).stream()
                .filter(r -> r.getDClass() == ValidatingResolver.VALIDATION_REASON_QCLASS && r instanceof TXTRecord)
                .map(r -> String.join("", ((TXTRecord) r).getStrings())).map(String::strip)
                .map(s -> s.length() > MAX_REASON ? s.substring(0, MAX_REASON) + "…" : s).findFirst();
    }
}

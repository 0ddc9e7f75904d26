package dev.preflight.net;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * What a DNS server said about one name and type: records, no records of that type (NODATA), no such
 * name (NXDOMAIN), or a failure of the zone (SERVFAIL, a CNAME loop). A server that said nothing in
 * time is not an answer: {@link Resolver} throws {@link DeadlineExceededException} then. Immutable.
 *
 * <pre>{@code
 * DnsAnswer dmarc = network.resolver().txt("_dmarc.example.com");
 * if (dmarc.outcome() == DnsAnswer.Outcome.NO_SUCH_NAME) { ... }
 * List<String> policies = dmarc.texts();
 * }</pre>
 *
 * @since 0.2
 */
public final class DnsAnswer {

    /** How the server answered. */
    public enum Outcome {
        /** One or more records of the type. */
        FOUND,
        /** The name exists but has no record of the type (NODATA). */
        NO_RECORDS,
        /** The name does not exist (NXDOMAIN). */
        NO_SUCH_NAME,
        /** The server could not answer (SERVFAIL), or the zone's data is broken (a CNAME loop). */
        SERVER_FAILURE
    }

    private final String name;
    private final int type;
    private final Outcome outcome;
    private final List<Record> records;
    private final String server;
    private final String reason;
    private final boolean authoritative;

    /**
     * @param name the name asked for, as asked
     * @param type the record type, a {@link Type} code
     * @param outcome how the server answered
     * @param records the records of the type, empty unless {@code FOUND}
     * @param server where the question went, e.g. {@code 127.0.0.1:5353} or {@code the system's DNS servers}
     * @param reason the server's or resolver's words for a failure, or null
     */
    public DnsAnswer(String name, int type, Outcome outcome, List<Record> records, String server, String reason) {
        this(name, type, outcome, records, server, reason, false);
    }

    /**
     * @param name the name asked for, as asked
     * @param type the record type, a {@link Type} code
     * @param outcome how the server answered
     * @param records the records of the type, empty unless {@code FOUND}
     * @param server where the question went, e.g. {@code 127.0.0.1:5353}
     * @param reason the server's or resolver's words for a failure, e.g. {@code REFUSED}, or null
     * @param authoritative whether the server set the AA flag: it serves the name's zone itself
     * @since 0.2
     */
    public DnsAnswer(String name, int type, Outcome outcome, List<Record> records, String server, String reason,
            boolean authoritative) {
        this.name = name;
        this.type = type;
        this.outcome = outcome;
        this.records = List.copyOf(records);
        this.server = server;
        this.reason = reason;
        this.authoritative = authoritative;
    }

    /** @return the name asked for */
    public String name() {
        return name;
    }

    /** @return the record type's mnemonic, e.g. {@code TXT} */
    public String type() {
        return Type.string(type);
    }

    /** @return how the server answered */
    public Outcome outcome() {
        return outcome;
    }

    /** @return whether records of the type were found */
    public boolean found() {
        return outcome == Outcome.FOUND;
    }

    /** @return the records, in the order the server sent them; empty unless found */
    public List<Record> records() {
        return records;
    }

    /**
     * @param kind a dnsjava record class, e.g. {@code MXRecord.class}
     * @param <R> the record class
     * @return the records of that class
     */
    public <R extends Record> List<R> records(Class<R> kind) {
        return records.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /**
     * Each TXT record's character-strings joined without separators, as SPF (RFC 7208 3.3), DMARC and
     * DKIM read a record split into several strings. The strings' own bytes, read as UTF-8, not their
     * presentation form: a tab stays a tab rather than {@code \009}, a quote a quote.
     *
     * @return one text per TXT record
     */
    public List<String> texts() {
        return records(TXTRecord.class).stream().map(DnsAnswer::joined).toList();
    }

    private static String joined(TXTRecord record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        record.getStringsAsByteArrays().forEach(b -> out.write(b, 0, b.length));
        return out.toString(StandardCharsets.UTF_8);
    }

    /** @return where the question went */
    public String server() {
        return server;
    }

    /** @return the server's or resolver's words for a failure */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    /**
     * Whether the server claimed authority for the answer (the AA flag): true when a name server
     * answers about a zone it serves itself. Known only for an answer from
     * {@link Resolver#lookupAt}; an answer through the run's resolver reads false.
     *
     * @return whether the answer is authoritative
     * @since 0.2
     */
    public boolean authoritative() {
        return authoritative;
    }

    /** @return e.g. {@code TXT _dmarc.example.com: no such name (127.0.0.1:5353)} */
    public String describe() {
        String what = switch (outcome) {
            case FOUND -> records.size() + " record" + (records.size() == 1 ? "" : "s");
            case NO_RECORDS -> "no " + type() + " record";
            case NO_SUCH_NAME -> "no such name";
            case SERVER_FAILURE -> "server failure" + (reason == null ? "" : ": " + reason);
        };
        return type() + " " + name + ": " + what + " (" + server + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}

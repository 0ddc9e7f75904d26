package dev.preflight.dns.internal;

import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/** The raw questions DNSSEC diagnostics ask, and the records read from their answers. */
public final class DnssecQuestions {
    /** RFC 9715's advice for a UDP payload that avoids fragmentation; larger answers come over TCP. */
    private static final int PAYLOAD = 1232;

    private DnssecQuestions() {
    }

    /**
     * A question with DO (send the signatures) and CD (checking disabled): a validating resolver in the
     * path then passes bogus data on instead of SERVFAIL, so a broken zone is told from a failed server.
     *
     * @param name the name
     * @param type a {@link org.xbill.DNS.Type} code
     * @return the query
     */
    public static Message query(Name name, int type) {
        Message query = Message.newQuery(Record.newRecord(name, type, DClass.IN));
        query.getHeader().setFlag(Flags.CD);
        query.addRecord(new OPTRecord(PAYLOAD, 0, 0, ExtendedFlags.DO), Section.ADDITIONAL);
        return query;
    }

    /**
     * @param message an answer
     * @param section a {@link Section} code
     * @param owner the owner name
     * @param kind the record class
     * @param <R> the record class
     * @return the records of that class owned by {@code owner}
     */
    public static <R extends Record> List<R> records(Message message, int section, Name owner, Class<R> kind) {
        return message.getSection(section).stream().filter(kind::isInstance).map(kind::cast)
                .filter(r -> r.getName().equals(owner)).toList();
    }

    /**
     * @param message an answer
     * @param owner the owner name
     * @param covered the type the signatures cover
     * @return the answer's RRSIGs over that RRset
     */
    public static List<RRSIGRecord> signatures(Message message, Name owner, int covered) {
        return records(message, Section.ANSWER, owner, RRSIGRecord.class).stream()
                .filter(s -> s.getTypeCovered() == covered).toList();
    }
}

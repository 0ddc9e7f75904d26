package dev.preflight.fuzz;

import dev.preflight.dns.internal.DkimKey;
import dev.preflight.dns.internal.DmarcRecord;
import dev.preflight.dns.internal.MtaSts;
import dev.preflight.dns.internal.Problem;
import dev.preflight.dns.internal.SpfRecord;
import dev.preflight.dns.internal.SpfTerm;
import dev.preflight.dns.internal.TagList;
import dev.preflight.dns.internal.TlsRptRecord;
import dev.preflight.email.internal.AuthenticationResults;
import dev.preflight.email.internal.EhloCapabilities;
import dev.preflight.email.internal.MalformedReplyException;
import dev.preflight.email.internal.ReplyReader;
import dev.preflight.email.internal.SmtpReply;
import dev.preflight.probe.Status;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * What must hold for whatever text each parser is given. Each method parses the text (an exception
 * escaping it is a finding) and throws {@link AssertionError} when the result breaks an invariant.
 * The invariants are cheap, so the fuzzer's executions stay fast.
 */
final class ParserInvariants {
    private static final Pattern TAG_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Set<String> POLICIES = Set.of("none", "quarantine", "reject");
    /** DkimKey and DmarcRecord turn an unexpected exception into a problem worded so: a bug all the same. */
    private static final List<String> CAUGHT = List.of("the key record could not be read: ",
            "the record could not be read: ");

    private ParserInvariants() {
    }

    static void spf(String text) {
        SpfRecord record = SpfRecord.parse(text);
        check(record.text().equals(text), () -> "SPF text() is not the text given");
        check(SpfRecord.isSpf(text) || !record.problems().isEmpty(), () -> "a text without v=spf1 has no problem");
        int previous = 0;
        for (SpfTerm term : record.terms()) {
            check(term.position() > previous, () -> "SPF terms out of order: " + record.terms());
            previous = term.position();
            check(text.startsWith(term.text(), term.offset() - 1), () -> "term " + term + " is not at its offset");
            check(term.modifier() ? term.qualifier() == 0 : "+-~?".indexOf(term.qualifier()) >= 0,
                    () -> "bad qualifier in " + term);
            check(term.name().equals(term.name().toLowerCase(Locale.ROOT)), () -> "name not lower case: " + term);
            check(term.cidr4() >= -1 && term.cidr4() <= 32 && term.cidr6() >= -1 && term.cidr6() <= 128,
                    () -> "CIDR out of range: " + term);
            term.queriesDns();
            term.where();
        }
        record.all();
        record.redirect();
        if (record.problems().isEmpty()) {
            // A record without problems is its terms: written back with single spaces, it reads the same.
            String rebuilt = "v=spf1" + record.terms().stream().map(t -> " " + t.text()).collect(Collectors.joining());
            SpfRecord again = SpfRecord.parse(rebuilt);
            check(again.problems().isEmpty(), () -> "rebuilt '" + rebuilt + "' has problems " + again.problems());
            check(withoutPlaces(again.terms()).equals(withoutPlaces(record.terms())),
                    () -> "rebuilt '" + rebuilt + "' reads differently");
        }
    }

    static void dmarc(String text) {
        DmarcRecord record = DmarcRecord.parse(text);
        problems("DMARC", record.problems());
        check(DmarcRecord.isDmarc(text) || !record.problems().isEmpty(),
                () -> "a text without v=DMARC1 has no problem");
        check(record.pct() >= 0 && record.pct() <= 100, () -> "pct " + record.pct());
        record.policy().ifPresent(p -> check(POLICIES.contains(p), () -> "policy " + p));
        record.subdomainPolicy().ifPresent(p -> check(POLICIES.contains(p), () -> "subdomain policy " + p));
        for (String uri : concat(record.rua(), record.ruf())) {
            check(!uri.isBlank(), () -> "a blank report URI");
            // dns.dmarc asks DNS about an external report domain: it must be a name DNS can carry.
            DmarcRecord.mailDomain(uri).ifPresent(domain -> check(isDnsName(domain),
                    () -> "report domain '" + domain + "' is no DNS name"));
        }
        check(!record.problems().isEmpty() || record.policy().isPresent(), () -> "no problem, yet no policy");
    }

    static void dkim(String text) {
        DkimKey key = DkimKey.parse(text);
        problems("DKIM", key.problems());
        key.looksLikeKey();
        key.keyBits().ifPresent(bits -> check(bits > 0, () -> "a key of " + bits + " bits"));
        check(!key.revoked() || key.keyBits().isEmpty(), () -> "a revoked key has bits");
        check(!key.revoked() || !key.problems().isEmpty(), () -> "a revoked key has no problem");
        if (key.problems().isEmpty()) {
            // Nothing wrong means a key was read, and one of a size verifiers take.
            int least = key.keyType().equals("ed25519") ? 256 : 2048;
            check(key.keyBits().orElse(0) >= least, () -> "no problem, yet key bits " + key.keyBits());
        }
    }

    static void tagList(String text) {
        for (boolean caseSensitive : new boolean[] {true, false}) {
            TagList tags = TagList.parse(text, caseSensitive);
            for (TagList.Tag tag : tags.tags()) {
                check(TAG_NAME.matcher(tag.name()).matches(), () -> "tag name '" + tag.name() + "'");
                check(caseSensitive || tag.name().equals(tag.name().toLowerCase(Locale.ROOT)),
                        () -> "tag name not lowered: " + tag.name());
                check(tag.value().equals(tag.value().strip()) && tag.value().indexOf(';') < 0,
                        () -> "tag value '" + tag.value() + "'");
                check(tags.get(tag.name()) != null && tags.indexOf(tag.name()) >= 0, () -> "tag not found: " + tag);
            }
            check(tags.tags().stream().map(TagList.Tag::name).toList().containsAll(tags.duplicates()),
                    () -> "a duplicate that is no tag: " + tags.duplicates());
            // The tags written back as name=value;... read the same, without syntax errors.
            String rebuilt = tags.tags().stream().map(t -> t.name() + "=" + t.value()).collect(Collectors.joining(";"));
            TagList again = TagList.parse(rebuilt, caseSensitive);
            check(again.syntaxErrors().isEmpty() && again.tags().equals(tags.tags()),
                    () -> "tags written back as '" + rebuilt + "' read as " + again.tags());
        }
    }

    static void tlsRpt(String text) {
        TlsRptRecord record = TlsRptRecord.parse(text);
        problems("TLS-RPT", record.problems());
        TlsRptRecord.looksLikeTlsRpt(text);
        check(TlsRptRecord.isTlsRpt(text) || !record.problems().isEmpty(),
                () -> "a text without v=TLSRPTv1 has no problem");
        record.rua().forEach(uri -> check(!uri.isEmpty(), () -> "an empty rua URI"));
        check(!record.problems().isEmpty() || !record.rua().isEmpty(), () -> "no problem, yet no rua");
    }

    static void mtaSts(String text) {
        MtaSts.TxtRecord record = MtaSts.parseRecord(text);
        problems("MTA-STS record", record.problems());
        MtaSts.looksLikeStsRecord(text);
        check((record.id() == null) == !record.problems().isEmpty(),
                () -> "id " + record.id() + " with " + record.problems());
        MtaSts.Policy policy = MtaSts.parsePolicy(text);
        problems("MTA-STS policy", policy.problems());
        check(policy.maxAge() >= -1 && policy.maxAge() <= MtaSts.MAX_AGE_LIMIT, () -> "max_age " + policy.maxAge());
        check(policy.mode() == null || Set.of("enforce", "testing", "none").contains(policy.mode()),
                () -> "mode " + policy.mode());
        for (String mx : policy.mx()) {
            check(mx.equals(mx.toLowerCase(Locale.ROOT)) && !mx.endsWith("."), () -> "mx pattern " + mx);
            MtaSts.covering(policy.mx(), mx.replace("*", "any"));
        }
    }

    private static void problems(String parser, List<Problem> problems) {
        for (Problem p : problems) {
            check(p.status() == Status.FAIL || p.status() == Status.WARN,
                    () -> parser + " problem of status " + p.status());
            check(!p.text().isBlank() && !p.fix().isBlank(), () -> parser + " problem without words: " + p);
            check(CAUGHT.stream().noneMatch(p.text()::startsWith),
                    () -> parser + " parser threw, and caught it: " + p.text());
        }
    }

    /**
     * A server's bytes, read as SMTP replies until the stream ends: only a malformed-reply or
     * end-of-stream exception may stop it, every reply keeps within the reader's bounds, and its EHLO
     * reading never throws.
     */
    static void smtpReplies(byte[] bytes) {
        ReplyReader reader = new ReplyReader(new java.io.ByteArrayInputStream(bytes), () -> { });
        for (int replies = 0; replies <= bytes.length; replies++) {
            SmtpReply reply;
            try {
                reply = reader.read();
            } catch (MalformedReplyException | java.io.EOFException e) {
                return;
            } catch (java.io.IOException e) {
                throw new AssertionError("reading from memory threw " + e);
            }
            SmtpReply r = reply;
            check(r.code() >= 0 && r.code() <= 999, () -> "reply code " + r.code());
            check(!r.lines().isEmpty() && r.lines().size() <= 256, () -> "a reply of " + r.lines().size() + " lines");
            EhloCapabilities capabilities = EhloCapabilities.of(r);
            check(capabilities.keywords().stream().allMatch(k -> k.equals(k.toUpperCase(java.util.Locale.ROOT))),
                    () -> "a keyword not in upper case: " + capabilities.keywords());
        }
        throw new AssertionError("more replies than bytes");
    }

    /** An Authentication-Results header: parsed or refused with a ParseException, and what is read is lower case. */
    static void authenticationResults(String text) {
        AuthenticationResults read;
        try {
            read = AuthenticationResults.parse(text);
        } catch (java.text.ParseException e) {
            return;
        }
        read.results().forEach((method, results) -> check(method.equals(method.toLowerCase(java.util.Locale.ROOT))
                && results.stream().allMatch(r -> r.equals(r.toLowerCase(java.util.Locale.ROOT))),
                () -> "not lower case: " + read.results()));
    }

    private static boolean isDnsName(String name) {
        try {
            Name.fromString(name, Name.root);
            return true;
        } catch (TextParseException e) {
            return false;
        }
    }

    /** @return the terms without their position and offset, which a rebuilt record moves */
    private static List<List<Object>> withoutPlaces(List<SpfTerm> terms) {
        return terms.stream().map(t -> List.<Object>of(t.text(), t.modifier(), t.qualifier(), t.name(),
                String.valueOf(t.domainSpec()), t.hasMacro(), t.cidr4(), t.cidr6())).toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    /** The message is built only on failure: the fuzzer runs these checks thousands of times a second. */
    private static void check(boolean holds, Supplier<String> what) {
        if (!holds) {
            throw new AssertionError(what.get());
        }
    }
}

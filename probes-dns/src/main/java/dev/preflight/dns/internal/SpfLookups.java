package dev.preflight.dns.internal;

import dev.preflight.net.DnsAnswer;
import dev.preflight.net.Resolver;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Follows an SPF record through its includes and redirects, counting the terms that ask DNS (RFC 7208
 * 4.6.4: at most 10) and the void lookups (at most 2), and noting loops, includes without a record,
 * {@code ptr} and DNS failures. Counts the worst case: every term, as if no earlier one matched.
 * Belongs to one check; not thread-safe.
 */
public final class SpfLookups {
    /** RFC 7208 4.6.4: terms that ask DNS, per evaluation. */
    public static final int LOOKUP_LIMIT = 10;
    /** RFC 7208 4.6.4: lookups that find nothing, per evaluation. */
    public static final int VOID_LIMIT = 2;
    /** RFC 7208 4.6.4: MX hosts one mx mechanism may look at. */
    public static final int MX_LIMIT = 10;
    /** Past this many lookups the verdict is settled; stop asking DNS. */
    private static final int STOP_AFTER = 40;

    private final Resolver dns;
    private int lookups;
    private int voids;
    private boolean stopped;
    private final List<String> tree = new ArrayList<>();
    private final List<String> permErrors = new ArrayList<>();
    private final List<String> tempErrors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<String> voidLookups = new ArrayList<>();
    private String effectiveAll;

    private SpfLookups(Resolver dns) {
        this.dns = dns;
    }

    /** What a name's TXT records hold of SPF. */
    public record Fetched(DnsAnswer answer, List<String> records) {
        /** @return the one SPF record's text, when there is exactly one */
        public Optional<String> single() {
            return records.size() == 1 ? Optional.of(records.get(0)) : Optional.empty();
        }
    }

    /**
     * @param dns the check's resolver
     * @param name a domain
     * @return its TXT answer and the texts among them that are SPF records
     * @throws IOException if the DNS server did not answer in time
     */
    public static Fetched fetch(Resolver dns, String name) throws IOException {
        DnsAnswer answer = dns.txt(name);
        return new Fetched(answer, answer.texts().stream().filter(SpfRecord::isSpf).toList());
    }

    /**
     * @param dns the check's resolver
     * @param domain the domain whose record this is
     * @param record its SPF record
     * @return the walk's findings
     * @throws IOException if a DNS server did not answer in time
     */
    public static SpfLookups walk(Resolver dns, String domain, SpfRecord record) throws IOException {
        SpfLookups walk = new SpfLookups(dns);
        walk.effectiveAll = walk.visit(domain, record, List.of(domain), 0);
        return walk;
    }

    /** @return how many terms ask DNS, through every include and redirect */
    public int lookups() {
        return lookups;
    }

    /** @return how many lookups found no such name or no records */
    public int voids() {
        return voids;
    }

    /** @return the lookups as an indented tree, one line a term */
    public List<String> tree() {
        return List.copyOf(tree);
    }

    /** @return what makes the record fail to evaluate (permerror), besides the counts */
    public List<String> permErrors() {
        return List.copyOf(permErrors);
    }

    /** @return DNS failures met while following (temperror) */
    public List<String> tempErrors() {
        return List.copyOf(tempErrors);
    }

    /** @return what is not wrong but should change (ptr, macros that cannot be followed) */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** @return the lookups that found nothing */
    public List<String> voidLookups() {
        return List.copyOf(voidLookups);
    }

    /** @return whether the walk stopped following early, the limit being long passed */
    public boolean stopped() {
        return stopped;
    }

    /**
     * @return the qualifier of the {@code all} that ends evaluation ({@code + - ~ ?}), following
     *     redirects; {@code none} when there is neither all nor redirect; {@code unknown} when a redirect
     *     could not be followed
     */
    public String effectiveAll() {
        return effectiveAll;
    }

    private String visit(String domain, SpfRecord record, List<String> path, int depth) throws IOException {
        String indent = "  ".repeat(depth);
        String at = depth == 0 ? "" : " (in " + domain + ")";
        boolean afterAll = false;
        for (SpfTerm term : record.terms()) {
            if (term.modifier()) {
                if (term.name().equals("redirect") && record.all().isPresent()) {
                    warnings.add(term.text() + at + " is ignored: a record with all never redirects (RFC 7208 6.1)");
                }
                continue;
            }
            if (afterAll) {
                warnings.add(term.where() + at + " comes after all and is never evaluated");
                continue;
            }
            if (term.name().equals("all")) {
                afterAll = true;
                continue;
            }
            openRange(term, at);
            if (!term.queriesDns()) {
                continue;
            }
            lookups++;
            switch (term.name()) {
                case "include" -> include(domain, term, path, depth, indent, at);
                case "ptr" -> {
                    tree.add(indent + term.text() + " (1 lookup)");
                    warnings.add(term.text() + at + " uses ptr, which RFC 7208 5.5 says not to use");
                }
                case "exists" -> {
                    if (term.hasMacro()) {
                        tree.add(indent + term.text() + " (1 lookup; has macros, needs a sender, not asked)");
                    } else {
                        tree.add(indent + term.text() + " (1 lookup)");
                        addresses(term, term.domainSpec(), at, false);
                    }
                }
                default -> {
                    String target = term.domainSpec() == null ? domain : term.domainSpec();
                    if (term.hasMacro()) {
                        tree.add(indent + term.text() + " (1 lookup; has macros, needs a sender, not asked)");
                    } else if (term.name().equals("a")) {
                        tree.add(indent + term.text() + " (1 lookup)");
                        addresses(term, target, at, true);
                    } else {
                        tree.add(indent + term.text() + " (1 lookup)");
                        mx(term, target, at);
                    }
                }
            }
        }
        Optional<SpfTerm> all = record.all();
        if (all.isPresent()) {
            return String.valueOf(all.get().qualifier());
        }
        Optional<SpfTerm> redirect = record.redirect();
        if (redirect.isEmpty()) {
            return "none";
        }
        lookups++;
        return redirect(domain, redirect.get(), path, depth, indent);
    }

    private void openRange(SpfTerm term, String at) {
        if (term.qualifier() != '+') {
            return;
        }
        if (term.cidr4() == 0 || term.cidr6() == 0) {
            permErrors.add(term.text() + at + " covers every " + (term.cidr4() == 0 ? "IPv4" : "IPv6")
                    + " address, as +all does: any server may send");
        } else if ((term.cidr4() > 0 && term.cidr4() < 8) || (term.cidr6() > 0 && term.cidr6() < 16)) {
            warnings.add(term.text() + at + " covers a vast range of addresses; list your senders' own ranges");
        }
    }

    private void include(String domain, SpfTerm term, List<String> path, int depth, String indent, String at)
            throws IOException {
        if (term.hasMacro()) {
            tree.add(indent + term.text() + " (1 lookup; target has macros, needs a sender, not followed)");
            warnings.add(term.text() + at + " has macros, so its lookups could not be counted without a sender");
            return;
        }
        String target = DomainNames.relative(term.domainSpec());
        if (path.contains(target)) {
            tree.add(indent + term.text() + " (loop)");
            permErrors.add("include loop: " + String.join(" → ", path) + " → " + target);
            return;
        }
        if (stopped || lookups > STOP_AFTER) {
            stopped = true;
            tree.add(indent + term.text() + " (1 lookup; not followed, the limit is long passed)");
            return;
        }
        int line = tree.size();
        tree.add(indent + term.text());
        int before = lookups;
        Optional<SpfRecord> included = follow(target, term, at);
        if (included.isPresent()) {
            List<String> deeper = new ArrayList<>(path);
            deeper.add(target);
            String all = visit(target, included.get(), deeper, depth + 1);
            if (all.equals("+") && term.qualifier() == '+') {
                permErrors.add(term.text() + at + " ends in +all, so it matches every sender");
            }
        }
        int count = lookups - before + 1;
        tree.set(line, tree.get(line) + " (" + count + " lookup" + (count == 1 ? "" : "s") + ")");
    }

    private String redirect(String domain, SpfTerm term, List<String> path, int depth, String indent)
            throws IOException {
        String at = depth == 0 ? "" : " (in " + domain + ")";
        if (term.hasMacro()) {
            tree.add(indent + term.text() + " (1 lookup; target has macros, needs a sender, not followed)");
            warnings.add(term.text() + at + " has macros, so where it leads could not be followed");
            return "unknown";
        }
        String target = DomainNames.relative(term.domainSpec());
        if (path.contains(target)) {
            tree.add(indent + term.text() + " (loop)");
            permErrors.add("redirect loop: " + String.join(" → ", path) + " → " + target);
            return "unknown";
        }
        if (stopped || lookups > STOP_AFTER) {
            stopped = true;
            tree.add(indent + term.text() + " (1 lookup; not followed, the limit is long passed)");
            return "unknown";
        }
        int line = tree.size();
        tree.add(indent + term.text());
        int before = lookups;
        Optional<SpfRecord> next = follow(target, term, at);
        String all = "unknown";
        if (next.isPresent()) {
            List<String> deeper = new ArrayList<>(path);
            deeper.add(target);
            all = visit(target, next.get(), deeper, depth + 1);
        }
        int count = lookups - before + 1;
        tree.set(line, tree.get(line) + " (" + count + " lookup" + (count == 1 ? "" : "s") + ")");
        return all;
    }

    /** @return why the name cannot be asked of DNS (RFC 1035 2.3.4), if it cannot */
    static Optional<String> malformed(String name) {
        String bare = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (bare.length() > 253) {
            return Optional.of("is longer than 253 characters");
        }
        for (String label : bare.split("\\.", -1)) {
            if (label.isEmpty()) {
                return Optional.of("has an empty label");
            }
            if (label.length() > 63) {
                return Optional.of("has a label longer than 63 characters");
            }
        }
        try {
            // SPF's grammar allows any visible character; a backslash starts a DNS escape (\046).
            Name.fromString(bare, Name.root);
        } catch (TextParseException e) {
            String message = String.valueOf(e.getMessage());
            return Optional.of("is not a DNS name (" + message.substring(message.lastIndexOf(": ") + 1).strip() + ")");
        }
        return Optional.empty();
    }

    private boolean badName(SpfTerm term, String name, String at) {
        Optional<String> why = malformed(name);
        why.ifPresent(w -> permErrors.add(term.where() + at + ": '" + name + "' " + w + ", so it is no domain name"));
        return why.isPresent();
    }

    private Optional<SpfRecord> follow(String target, SpfTerm term, String at) throws IOException {
        if (badName(term, target, at)) {
            return Optional.empty();
        }
        Fetched fetched = fetch(dns, target);
        DnsAnswer answer = fetched.answer();
        if (answer.outcome() == DnsAnswer.Outcome.SERVER_FAILURE) {
            tempErrors.add("TXT " + target + " for " + term.text() + at + ": server failure"
                    + answer.reason().map(r -> " (" + r + ")").orElse("") + " (temperror)");
            return Optional.empty();
        }
        if (!answer.found()) {
            voids++;
            voidLookups.add("TXT " + target + ": " + (answer.outcome() == DnsAnswer.Outcome.NO_SUCH_NAME
                    ? "no such name" : "no records"));
        }
        if (fetched.records().isEmpty()) {
            permErrors.add(term.text() + at + ": " + target + " has no SPF record (permerror)");
            return Optional.empty();
        }
        if (fetched.records().size() > 1) {
            permErrors.add(term.text() + at + ": permerror: " + fetched.records().size() + " SPF records at " + target);
            return Optional.empty();
        }
        SpfRecord record = SpfRecord.parse(fetched.records().get(0));
        record.problems().forEach(p -> permErrors.add(target + ": " + p));
        return Optional.of(record);
    }

    private void addresses(SpfTerm term, String name, String at, boolean both) throws IOException {
        if (lookups > STOP_AFTER) {
            stopped = true;
            return;
        }
        String host = DomainNames.relative(name);
        if (badName(term, host, at)) {
            return;
        }
        DnsAnswer a = dns.lookup(host, Type.A);
        DnsAnswer aaaa = both && a.outcome() != DnsAnswer.Outcome.NO_SUCH_NAME ? dns.lookup(host, Type.AAAA) : null;
        if (a.outcome() == DnsAnswer.Outcome.SERVER_FAILURE
                || (aaaa != null && aaaa.outcome() == DnsAnswer.Outcome.SERVER_FAILURE)) {
            tempErrors.add(term.text() + at + ": server failure asking the addresses of " + host + " (temperror)");
            return;
        }
        if (!a.found() && (aaaa == null || !aaaa.found())) {
            voids++;
            voidLookups.add(term.text() + at + ": " + host + (a.outcome() == DnsAnswer.Outcome.NO_SUCH_NAME
                    ? " does not exist" : " has no address"));
        }
    }

    private void mx(SpfTerm term, String name, String at) throws IOException {
        if (lookups > STOP_AFTER) {
            stopped = true;
            return;
        }
        String host = DomainNames.relative(name);
        if (badName(term, host, at)) {
            return;
        }
        DnsAnswer answer = dns.mx(host);
        if (answer.outcome() == DnsAnswer.Outcome.SERVER_FAILURE) {
            tempErrors.add(term.text() + at + ": server failure asking MX " + host + " (temperror)");
            return;
        }
        if (!answer.found()) {
            voids++;
            voidLookups.add(term.text() + at + ": " + host + (answer.outcome() == DnsAnswer.Outcome.NO_SUCH_NAME
                    ? " does not exist" : " has no MX record"));
            return;
        }
        int hosts = answer.records(MXRecord.class).size();
        if (hosts > MX_LIMIT) {
            permErrors.add(term.text() + at + ": " + host + " has " + hosts + " MX hosts; SPF looks at no more than "
                    + MX_LIMIT + " (RFC 7208 4.6.4)");
        }
    }
}

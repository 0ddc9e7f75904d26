package dev.preflight.dns.internal;

import dev.preflight.dns.SpfEvaluation;
import dev.preflight.dns.SpfResult;
import dev.preflight.net.DnsAnswer;
import dev.preflight.net.Resolver;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * RFC 7208 4: {@code check_host()}, for one client address and sender, through includes and
 * redirects. Records are read with {@link SpfRecord}, so a record the {@code dns.spf} probe calls
 * malformed is a permerror here. Belongs to one evaluation; not thread-safe.
 */
public final class SpfCheck {
    private final SpfQueries queries;
    private final SpfMacros macros;
    private final InetAddress ip;

    private SpfCheck(Resolver dns, InetAddress ip, String sender, String helo) {
        this.ip = ip;
        this.queries = new SpfQueries(dns, ip);
        this.macros = new SpfMacros(sender, ip, helo, this::validatedName);
    }

    /**
     * @param dns the check's resolver
     * @param ip the client address
     * @param domain the domain whose policy applies
     * @param sender the MAIL FROM, {@code local@domain}; empty or without a local part means {@code postmaster}
     * @param helo the HELO/EHLO name, for {@code %{h}}
     * @return the result, with the matching term and the reason
     * @throws IOException only {@link dev.preflight.net.DeadlineExceededException} or an interruption:
     *     every other DNS failure is a temperror
     */
    public static SpfEvaluation run(Resolver dns, InetAddress ip, String domain, String sender, String helo)
            throws IOException {
        String bare = domain == null ? "" : domain.strip();
        SpfCheck check = new SpfCheck(dns, SpfNetworks.canonical(ip), sender(sender, bare), helo);
        try {
            SpfEvaluation found = check.evaluate(bare);
            return new SpfEvaluation(found.result(), bare, found.mechanism(), found.reason());
        } catch (SpfHalt halt) {
            return new SpfEvaluation(halt.result(), bare, Optional.empty(), halt.reason());
        }
    }

    /** RFC 7208 4.3: a sender without a local part is {@code postmaster} at its domain. */
    private static String sender(String sender, String domain) {
        String s = sender == null ? "" : sender.strip();
        int at = s.lastIndexOf('@');
        if (s.isEmpty()) {
            return "postmaster@" + domain;
        }
        if (at < 0) {
            return "postmaster@" + s;
        }
        return at == 0 ? "postmaster" + s : s;
    }

    /** @return why the name cannot be an SPF domain (RFC 7208 4.3), if it cannot */
    static Optional<String> invalidDomain(String name) {
        if (name.isEmpty()) {
            return Optional.of("no domain was given");
        }
        if (name.startsWith("[")) {
            return Optional.of("'" + name + "' is an address literal, not a domain name");
        }
        Optional<String> malformed = SpfLookups.malformed(name);
        if (malformed.isPresent()) {
            return Optional.of("'" + name + "' " + malformed.get() + ", so it is no domain name");
        }
        String bare = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        return bare.indexOf('.') < 0 ? Optional.of("'" + name + "' is not a multi-label domain name")
                : Optional.empty();
    }

    /** @return a result other than temperror and permerror, which are thrown */
    private SpfEvaluation evaluate(String domain) throws IOException, SpfHalt {
        Optional<String> invalid = invalidDomain(domain);
        if (invalid.isPresent()) {
            return outcome(SpfResult.NONE, domain, null, invalid.get());
        }
        DnsAnswer answer = queries.txt(domain);
        if (answer.outcome() == DnsAnswer.Outcome.NO_SUCH_NAME) {
            return outcome(SpfResult.NONE, domain, null, domain + " does not exist (NXDOMAIN)");
        }
        List<String> records = answer.texts().stream().filter(SpfRecord::isSpf).toList();
        if (records.isEmpty()) {
            return outcome(SpfResult.NONE, domain, null, "no SPF record at " + domain);
        }
        if (records.size() > 1) {
            throw SpfHalt.permError(records.size() + " SPF records at " + domain + "; RFC 7208 4.5 allows one");
        }
        SpfRecord record = SpfRecord.parse(records.get(0));
        if (!record.problems().isEmpty()) {
            throw SpfHalt.permError("the SPF record at " + domain + " is malformed: " + record.problems().get(0));
        }
        for (SpfTerm term : record.terms()) {
            if (term.modifier()) {
                continue;
            }
            Optional<String> matched = matches(term, domain);
            if (matched.isPresent()) {
                return outcome(result(term.qualifier()), domain, matched.get(), "matched " + matched.get());
            }
        }
        Optional<SpfTerm> redirect = record.redirect();
        if (redirect.isPresent()) {
            return redirect(redirect.get(), domain);
        }
        return outcome(SpfResult.NEUTRAL, domain, null, "no mechanism matched at " + domain
                + " and it has no redirect (the default is neutral, RFC 7208 4.7)");
    }

    private SpfEvaluation redirect(SpfTerm term, String domain) throws IOException, SpfHalt {
        queries.count();
        String target = macros.domain(term.domainSpec(), domain);
        SpfEvaluation next = evaluate(target);
        if (next.result() == SpfResult.NONE) {
            // RFC 7208 6.1: a redirect to a domain without a record (or no domain at all) is a permerror.
            throw SpfHalt.permError(term.text() + " at " + domain + " leads nowhere: " + next.reason());
        }
        String path = term.text() + next.mechanism().map(m -> " > " + m).orElse("");
        return outcome(next.result(), domain, next.mechanism().isPresent() ? path : null,
                next.mechanism().isPresent() ? "matched " + path : next.reason());
    }

    private Optional<String> matches(SpfTerm term, String domain) throws IOException, SpfHalt {
        if (term.queriesDns()) {
            queries.count();
        }
        if (term.name().equals("include")) {
            return include(term, domain).map(inside -> term.text() + " > " + inside);
        }
        boolean matched = switch (term.name()) {
            case "all" -> true;
            case "ip4", "ip6" -> network(term);
            case "a" -> {
                Optional<String> target = target(term, domain);
                yield target.isPresent() && anyWithin(term, queries.addresses(target.get(), true));
            }
            case "mx" -> mx(term, domain);
            case "ptr" -> ptr(term, domain);
            case "exists" -> {
                Optional<String> target = target(term, domain);
                yield target.isPresent() && queries.exists(target.get());
            }
            default -> false;
        };
        return matched ? Optional.of(term.text()) : Optional.empty();
    }

    /** RFC 7208 5.2: pass matches; fail, softfail and neutral do not; none is a permerror. */
    private Optional<String> include(SpfTerm term, String domain) throws IOException, SpfHalt {
        String target = macros.domain(term.domainSpec(), domain);
        SpfEvaluation inside = evaluate(target);
        return switch (inside.result()) {
            case PASS -> Optional.of(inside.mechanism().orElse("?"));
            case NONE -> throw SpfHalt.permError(term.text() + " at " + domain + " leads nowhere: " + inside.reason());
            default -> Optional.empty();
        };
    }

    private boolean network(SpfTerm term) throws SpfHalt {
        InetAddress network;
        try {
            // A literal, checked by SpfRecord: no lookup happens.
            network = InetAddress.getByName(term.network());
        } catch (IOException e) {
            throw SpfHalt.permError(term.where() + " holds no address");
        }
        boolean v6 = term.name().equals("ip6");
        if (v6 == (network instanceof Inet4Address)) {
            // An IPv4-mapped ip6 network: only IPv4 clients carry such addresses, and they match ip4 alone.
            return false;
        }
        int prefix = v6 ? term.cidr6() : term.cidr4();
        return SpfNetworks.contains(network, prefix < 0 ? network.getAddress().length * 8 : prefix, ip);
    }

    private boolean mx(SpfTerm term, String domain) throws IOException, SpfHalt {
        Optional<String> target = target(term, domain);
        if (target.isEmpty()) {
            return false;
        }
        for (String host : queries.mxHosts(target.get())) {
            if (SpfLookups.malformed(host).isEmpty() && anyWithin(term, queries.addresses(host, false))) {
                return true;
            }
        }
        return false;
    }

    private boolean ptr(SpfTerm term, String domain) throws IOException, SpfHalt {
        Optional<String> target = target(term, domain);
        if (target.isEmpty()) {
            return false;
        }
        String suffix = DomainNames.relative(target.get());
        return queries.validatedNames().stream().anyMatch(n -> n.equals(suffix) || n.endsWith("." + suffix));
    }

    private boolean anyWithin(SpfTerm term, List<InetAddress> addresses) {
        boolean v4 = ip instanceof Inet4Address;
        int prefix = v4 ? term.cidr4() : term.cidr6();
        int bits = prefix < 0 ? (v4 ? 32 : 128) : prefix;
        return addresses.stream().anyMatch(a -> SpfNetworks.contains(a, bits, ip));
    }

    /**
     * @return the name a, mx, ptr or exists asks about: its domain-spec expanded, or the current domain;
     *     empty when an expansion made a name DNS cannot hold (no match, as for a name that does not exist)
     * @throws SpfHalt a permerror when the record itself names something that is no domain name
     */
    private Optional<String> target(SpfTerm term, String domain) throws IOException, SpfHalt {
        if (term.domainSpec() == null) {
            return Optional.of(domain);
        }
        String name = macros.domain(term.domainSpec(), domain);
        Optional<String> malformed = SpfLookups.malformed(name);
        if (malformed.isPresent() && !term.hasMacro()) {
            throw SpfHalt.permError(term.where() + " at " + domain + ": '" + name + "' " + malformed.get()
                    + ", so it is no domain name");
        }
        return malformed.isPresent() ? Optional.empty() : Optional.of(name);
    }

    /** RFC 7208 7.3: the validated name of the client in the domain, else any validated name, else unknown. */
    private String validatedName(String domain) throws IOException {
        List<String> names = queries.validatedNames();
        String own = DomainNames.relative(domain);
        return names.stream().filter(n -> n.equals(own) || n.endsWith("." + own)).findFirst()
                .orElse(names.isEmpty() ? "unknown" : names.get(0));
    }

    private static SpfResult result(char qualifier) {
        return switch (qualifier) {
            case '-' -> SpfResult.FAIL;
            case '~' -> SpfResult.SOFTFAIL;
            case '?' -> SpfResult.NEUTRAL;
            default -> SpfResult.PASS;
        };
    }

    private static SpfEvaluation outcome(SpfResult result, String domain, String mechanism, String reason) {
        return new SpfEvaluation(result, domain, Optional.ofNullable(mechanism), reason);
    }
}

package dev.preflight.email.internal.align;

import dev.preflight.dns.SpfEvaluation;
import dev.preflight.dns.SpfEvaluator;
import dev.preflight.dns.SpfResult;
import dev.preflight.dns.internal.ServerFailures;
import dev.preflight.dns.internal.SpfLookups;
import dev.preflight.dns.internal.SpfRecord;
import dev.preflight.email.internal.align.OutboundAddresses.Kind;
import dev.preflight.net.DnsAnswer;
import dev.preflight.net.Resolver;
import dev.preflight.probe.Status;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether the envelope domain's SPF policy authorises the addresses a relay sends from: RFC 7208
 * {@code check_host()} for each, by the DNS module's evaluator. PASS only when every address gets
 * {@code pass}; a relay whose outbound addresses are only guessed is never failed on the guess.
 *
 * @param part the verdict and its lines
 * @param authorised whether every outbound address gets {@code pass}: SPF can then align
 */
public record SpfReading(Part part, boolean authorised) {
    /** The local part check_host() is asked about: any address at the domain gets the same policy. */
    private static final String SENDER = "postmaster@";

    /**
     * @param dns the check's resolver
     * @param out the relay's outbound addresses
     * @param domain the envelope (MAIL FROM) domain whose policy applies
     * @return the reading
     * @throws IOException if a DNS server did not answer before the deadline
     */
    public static SpfReading of(Resolver dns, OutboundAddresses out, String domain) throws IOException {
        if (out.failure().isPresent()) {
            return error(ServerFailures.describe(out.failure().get()) + ", reading the addresses " + out.relay()
                    + " sends from", List.of());
        }
        if (out.kind() == Kind.PRIVATE) {
            return new SpfReading(new Part("spf", Status.WARN, out.relay() + " is on this machine or a private network:"
                    + " the public address it sends from is not known here", List.of(),
                    "Set smtp.sender-alignment.outbound-addresses to the public addresses your mail leaves from (or"
                            + " provider-include to your relay's SPF include), so that " + domain
                            + "'s SPF can be checked for them."), false);
        }
        if (out.kind() == Kind.PROVIDER && out.addresses().isEmpty()) {
            return includes(dns, out, domain);
        }
        SpfEvaluator spf = SpfEvaluator.using(dns);
        List<String> lines = new ArrayList<>();
        Status status = Status.PASS;
        String summary = null;
        String fix = "";
        for (InetAddress address : out.addresses()) {
            SpfEvaluation found = spf.checkHost(address, domain, SENDER + domain);
            lines.add(address.getHostAddress() + ": " + found.result().name().toLowerCase(Locale.ROOT)
                    + found.mechanism().map(m -> " (matched " + m + ")").orElse(" (" + found.reason() + ")"));
            Verdict verdict = judge(found, address, out, domain);
            if (verdict.status.severity() > status.severity()) {
                status = verdict.status;
                summary = verdict.summary;
                fix = verdict.fix;
            }
        }
        if (status == Status.PASS) {
            summary = domain + "'s SPF authorises " + describe(out);
        }
        return new SpfReading(new Part("spf", status, summary, lines, fix), status == Status.PASS);
    }

    private record Verdict(Status status, String summary, String fix) {
    }

    private static Verdict judge(SpfEvaluation found, InetAddress address, OutboundAddresses out, String domain) {
        String ip = address.getHostAddress();
        String result = found.result().name().toLowerCase(Locale.ROOT);
        String matched = found.mechanism().map(m -> " (matched " + m + ")").orElse("");
        return switch (found.result()) {
            case PASS -> new Verdict(Status.PASS, null, "");
            case NONE -> new Verdict(Status.FAIL, domain + " has no SPF record: receivers cannot tell mail from "
                    + out.relay() + " from forgeries", "Publish one TXT record at " + domain + ": 'v=spf1 "
                    + authorise(out, address) + " -all'.");
            case PERMERROR -> new Verdict(Status.FAIL, domain + "'s SPF cannot be evaluated (permerror): "
                    + found.reason(), "Fix " + domain + "'s SPF record (dns.spf names what is wrong): receivers treat"
                    + " a broken record as a failure.");
            case TEMPERROR -> new Verdict(Status.ERROR, "could not evaluate " + domain + "'s SPF for " + ip
                    + " (temperror): " + found.reason(), "Check that the DNS servers of " + domain
                    + " and of the domains it includes answer, then run again.");
            case NEUTRAL -> new Verdict(Status.WARN, ip + " gets neutral from " + domain + "'s SPF" + matched
                    + ": no SPF protection for mail from " + out.relay(), "Add " + authorise(out, address) + " to "
                    + domain + "'s SPF record and end it with -all (or ~all).");
            case FAIL, SOFTFAIL -> out.kind() == Kind.UNKNOWN_RELAY ? new Verdict(Status.WARN, ip + " ("
                    + out.relay() + ") gets " + result + " from " + domain + "'s SPF" + matched + "; if " + out.relay()
                    + " sends from other addresses, add its include", "If " + out.relay() + " is your relay, add the"
                    + " SPF include its documentation gives to " + domain + "'s record, then set"
                    + " smtp.sender-alignment.provider-include to it (or outbound-addresses) so that this check knows"
                    + " where its mail leaves from.")
                    : new Verdict(Status.FAIL, ip + " (" + describeSource(out, address) + ") gets " + result + " from "
                    + domain + "'s SPF" + matched + ": receivers " + (found.result() == SpfResult.FAIL
                    ? "reject or junk" : "mark") + " its mail", "Add " + authorise(out, address) + " to " + domain
                    + "'s SPF record, before its all.");
        };
    }

    /** For a provider whose record lists no ranges: does the domain's SPF include the provider's domain? */
    private static SpfReading includes(Resolver dns, OutboundAddresses out, String domain) throws IOException {
        String include = out.provider().map(RelayProvider::include).orElse("?");
        SpfLookups.Fetched fetched = SpfLookups.fetch(dns, domain);
        if (fetched.answer().outcome() == DnsAnswer.Outcome.SERVER_FAILURE) {
            return error(ServerFailures.describe(fetched.answer()) + " (temperror)", out.notes());
        }
        List<String> lines = new ArrayList<>(out.notes());
        boolean included = false;
        if (fetched.single().isPresent()) {
            SpfLookups walk = SpfLookups.walk(dns, domain, SpfRecord.parse(fetched.single().get()));
            lines.addAll(walk.tree());
            included = walk.tree().stream().map(String::strip)
                    .anyMatch(t -> t.toLowerCase(Locale.ROOT).matches("\\+?include:" + Pattern.quote(include)
                            + "\\.?( .*)?"));
        }
        if (included) {
            return new SpfReading(new Part("spf", Status.PASS, domain + "'s SPF includes " + include + " ("
                    + out.relay() + "; its record lists no address ranges to sample)", lines, ""), true);
        }
        return new SpfReading(new Part("spf", Status.FAIL, domain + "'s SPF does not include " + include + ", the"
                + " include " + out.relay() + " documents", lines, "Add include:" + include + " to " + domain
                + "'s SPF record, before its all."), false);
    }

    private static SpfReading error(String summary, List<String> lines) {
        return new SpfReading(new Part("spf", Status.ERROR, summary, lines,
                "Check that the DNS servers answer, then run again."), false);
    }

    private static String authorise(OutboundAddresses out, InetAddress address) {
        if (out.provider().isPresent()) {
            return "include:" + out.provider().get().include();
        }
        return (address.getAddress().length == 4 ? "ip4:" : "ip6:") + address.getHostAddress();
    }

    private static String describeSource(OutboundAddresses out, InetAddress address) {
        return switch (out.kind()) {
            case STATED -> "from outbound-addresses";
            case PROVIDER -> out.relay() + ", its range " + out.ranges().get(out.addresses().indexOf(address));
            default -> out.relay();
        };
    }

    private static String describe(OutboundAddresses out) {
        int n = out.addresses().size();
        String count = n == 1 ? "address" : n + " addresses";
        return switch (out.kind()) {
            case STATED -> (n == 1 ? "the address" : "the " + count) + " in outbound-addresses";
            case PROVIDER -> out.relay() + " (" + (n == 1 ? "1 address" : count) + " sampled from include:"
                    + out.provider().get().include() + ")";
            case SELF_HOSTED -> out.relay() + " (its " + count + ", self-hosted)";
            default -> out.relay() + " (its own " + count + "; it may send from others)";
        };
    }
}

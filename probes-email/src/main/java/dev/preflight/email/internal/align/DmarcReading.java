package dev.preflight.email.internal.align;

import dev.preflight.dns.internal.DmarcLookup;
import dev.preflight.dns.internal.DmarcRecord;
import dev.preflight.dns.internal.OrganisationalDomains;
import dev.preflight.dns.internal.ServerFailures;
import dev.preflight.probe.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether mail from the relay can pass DMARC (RFC 7489 3.1, 4.2): SPF passes for an envelope domain
 * aligned with the From domain ({@code aspf}: strict, the same domain; relaxed, the same
 * organisational domain), or a usable DKIM key is published under an aligned domain ({@code adkim}).
 * When neither can, a policy of quarantine or reject decides what receivers do with the mail.
 *
 * @param part the verdict and its lines
 */
public record DmarcReading(Part part) {

    /**
     * What the other two readings established, and how sure they are.
     *
     * @param fromDomain the From domain
     * @param envelopeDomain the envelope (MAIL FROM) domain SPF was checked for
     * @param envelopeKnown false when a provider sends with its own envelope domain unless set up
     *     otherwise, and no {@code envelope-domain} says it was
     * @param outboundKnown false when the addresses evaluated are only a guess (another organisation's
     *     relay, or one on a private network): a failing SPF then proves nothing
     * @param relay the relay's name, for messages
     * @param spf the SPF reading
     * @param dkim the DKIM reading
     */
    public record Evidence(String fromDomain, String envelopeDomain, boolean envelopeKnown, boolean outboundKnown,
            String relay, SpfReading spf, DkimReading dkim) {
    }

    /**
     * @param found the DMARC record lookup for the From domain
     * @param evidence the SPF and DKIM readings
     * @return the reading
     */
    public static DmarcReading of(DmarcLookup found, Evidence evidence) {
        if (found.failure().isPresent()) {
            return new DmarcReading(new Part("dmarc", Status.ERROR, ServerFailures.describe(found.failure().get()),
                    List.of(), "Check that the DNS servers answer, then run again."));
        }
        Optional<DmarcRecord> record = found.record();
        String spfMode = record.map(DmarcRecord::spfAlignment).orElse("r");
        List<String> lines = new ArrayList<>();
        Optional<String> policy = record.flatMap(found::policy);
        record.ifPresent(r -> {
            lines.add("record at _dmarc." + found.recordDomain() + ": " + r.text());
            lines.add("policy " + policy.orElse("(invalid)") + ", adkim=" + r.dkimAlignment() + ", aspf="
                    + r.spfAlignment());
        });
        String spfGap = spfGap(evidence, spfMode);
        String dkimGap = evidence.dkim().aligned().isEmpty() ? evidence.dkim().part().summary() : "";
        lines.add("spf alignment: " + (spfGap.isEmpty() ? "possible, " + evidence.envelopeDomain() + " passes"
                : "not shown: " + spfGap));
        lines.add("dkim alignment: " + (dkimGap.isEmpty() ? "possible, key at " + String.join(", ",
                evidence.dkim().aligned()) : "not shown: " + dkimGap));
        boolean aligns = spfGap.isEmpty() || dkimGap.isEmpty();

        if (found.records().isEmpty()) {
            String where = "_dmarc." + evidence.fromDomain() + (found.inherited() ? " nor at _dmarc."
                    + found.organisationalDomain() : "");
            return warn("no DMARC record at " + where + ": receivers apply no policy to mail from "
                    + evidence.fromDomain() + (aligns ? "" : ", and it would not align"), lines,
                    "Publish 'v=DMARC1; p=none; rua=mailto:dmarc-reports@" + evidence.fromDomain() + "' at _dmarc."
                            + evidence.fromDomain() + ", check the reports, then enforce (dns.dmarc checks the"
                            + " record).");
        }
        if (found.records().size() > 1) {
            return warn(found.records().size() + " DMARC records at _dmarc." + found.recordDomain()
                    + ": receivers apply none of them", lines, "Keep exactly one DMARC record (dns.dmarc checks it).");
        }
        if (policy.isEmpty()) {
            return warn("the DMARC record at _dmarc." + found.recordDomain() + " states no valid policy", lines,
                    "Fix the record's p= (dns.dmarc names what is wrong).");
        }
        if (aligns) {
            String through = dkimGap.isEmpty() ? "DKIM" + (spfGap.isEmpty() ? " and SPF" : "") : "SPF";
            return new DmarcReading(new Part("dmarc", Status.PASS, "mail can pass DMARC (p=" + policy.get()
                    + ") through " + through, lines, ""));
        }
        String why = "neither SPF (" + spfGap + ") nor DKIM (" + dkimGap + ") aligns with " + evidence.fromDomain();
        String fix = "Publish the DKIM key your relay signs with for " + evidence.fromDomain() + " (and have it sign"
                + " with d=" + evidence.fromDomain() + "), or authorise it in the SPF of an aligned envelope domain.";
        if (evidence.spf().part().status() == Status.ERROR || evidence.dkim().part().status() == Status.ERROR) {
            return new DmarcReading(new Part("dmarc", Status.ERROR, "could not tell whether mail aligns for DMARC: "
                    + why, lines, fix));
        }
        boolean unsure = !evidence.outboundKnown() || !evidence.envelopeKnown();
        if (policy.get().equals("none")) {
            return warn("mail from " + evidence.relay() + " would fail DMARC (p=none only reports it): " + why, lines,
                    fix);
        }
        if (unsure) {
            return warn("DMARC alignment is not shown (p=" + policy.get() + "): " + why, lines, fix);
        }
        String fate = policy.get().equals("reject") ? "rejected" : "quarantined";
        return new DmarcReading(new Part("dmarc", Status.FAIL, "mail from " + evidence.relay() + " will be " + fate
                + " (p=" + policy.get() + "): " + why, lines, fix));
    }

    private static String spfGap(Evidence evidence, String mode) {
        if (!evidence.spf().authorised()) {
            return (evidence.outboundKnown() ? "it does not pass for " : "it is not shown to pass for ")
                    + evidence.envelopeDomain();
        }
        String envelope = evidence.envelopeDomain();
        String from = evidence.fromDomain();
        boolean aligned = mode.equals("s") ? envelope.equals(from)
                : OrganisationalDomains.of(envelope).equals(OrganisationalDomains.of(from));
        if (!aligned) {
            return "envelope domain " + envelope + " is not aligned with " + from + " (aspf=" + mode + ")";
        }
        if (!evidence.envelopeKnown()) {
            return evidence.relay() + " sends with its own envelope domain unless a custom one under " + from
                    + " is set up (set smtp.sender-alignment.envelope-domain to check it)";
        }
        return "";
    }

    private static DmarcReading warn(String summary, List<String> lines, String fix) {
        return new DmarcReading(new Part("dmarc", Status.WARN, summary, lines, fix));
    }
}

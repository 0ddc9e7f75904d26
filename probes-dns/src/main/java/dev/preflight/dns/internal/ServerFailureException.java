package dev.preflight.dns.internal;

import dev.preflight.net.DnsMessages;
import java.io.IOException;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * A DNS server answered with an error code other than NXDOMAIN (SERVFAIL, REFUSED): nothing is known
 * about the zone, so the probe reports ERROR with this message.
 */
public final class ServerFailureException extends IOException {
    private static final long serialVersionUID = 1L;

    private ServerFailureException(String message) {
        super(message);
    }

    /**
     * @param dns where the question went
     * @param answer its answer
     * @return the answer, if its code is NOERROR or NXDOMAIN
     * @throws ServerFailureException otherwise, naming the question, the server and the code
     */
    public static Message check(DnsMessages dns, Message answer) throws ServerFailureException {
        int rcode = answer.getRcode();
        if (rcode == Rcode.NOERROR || rcode == Rcode.NXDOMAIN) {
            return answer;
        }
        String question = answer.getQuestion() == null ? "a question"
                : Type.string(answer.getQuestion().getType()) + " "
                        + DomainNames.relative(answer.getQuestion().getName().toString());
        throw new ServerFailureException(dns.describe() + " could not answer " + question + " ("
                + Rcode.string(rcode) + ")");
    }
}

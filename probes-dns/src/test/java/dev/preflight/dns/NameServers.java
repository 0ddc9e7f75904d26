package dev.preflight.dns;

import dev.preflight.testsupport.DnsTestServer;
import dev.preflight.testsupport.DnsZone;
import dev.preflight.testsupport.FreePorts;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;

/**
 * The run's DNS server (knotd on {@code 127.0.0.1}) and two name servers of the zones it delegates
 * (knotd on {@code 127.0.0.2} and {@code 127.0.0.3}, sharing one port as name servers share port 53).
 */
final class NameServers implements AutoCloseable {
    static final String FIRST = "127.0.0.2";
    static final String SECOND = "127.0.0.3";

    private final DnsTestServer run;
    private final DnsTestServer first;
    private final DnsTestServer second;

    private NameServers(DnsTestServer run, DnsTestServer first, DnsTestServer second) {
        this.run = run;
        this.first = first;
        this.second = second;
    }

    /**
     * @param origin the zone
     * @param serial its SOA serial
     * @return a zone whose NS records name {@code ns1} at {@value #FIRST} and {@code ns2} at {@value #SECOND}
     */
    static DnsZone delegated(String origin, long serial) {
        return DnsZone.named(origin).record("@", "SOA", "ns1 hostmaster " + serial + " 3600 600 86400 300")
                .ns("@", "ns1").ns("@", "ns2").a("ns1", FIRST).a("ns2", SECOND);
    }

    /**
     * @param run the zones the run's DNS server serves
     * @param onFirst the zones {@value #FIRST} serves
     * @param onSecond the zones {@value #SECOND} serves
     * @return the three servers, started
     * @throws IOException if one does not start
     */
    static NameServers start(List<DnsZone> run, List<DnsZone> onFirst, List<DnsZone> onSecond) throws IOException {
        DnsTestServer runServer = serve(DnsTestServer.builder(), run);
        try {
            IOException last = null;
            for (int attempt = 0; attempt < FreePorts.ATTEMPTS; attempt++) {
                DnsTestServer first = serve(DnsTestServer.builder().listen(InetAddress.getByName(FIRST), 0), onFirst);
                try {
                    DnsTestServer second = serve(DnsTestServer.builder()
                            .listen(InetAddress.getByName(SECOND), first.port()), onSecond);
                    return new NameServers(runServer, first, second);
                } catch (IOException portTakenOnTheSecondAddress) {
                    first.close();
                    last = portTakenOnTheSecondAddress;
                }
            }
            throw last;
        } catch (IOException | RuntimeException e) {
            runServer.close();
            throw e;
        }
    }

    private static DnsTestServer serve(DnsTestServer.Builder builder, List<DnsZone> zones) throws IOException {
        zones.forEach(builder::zone);
        return builder.start();
    }

    /** @return the run's DNS server */
    DnsTestServer run() {
        return run;
    }

    /** @return the port both name servers listen on */
    int port() {
        return first.port();
    }

    @Override
    public void close() {
        second.close();
        first.close();
        run.close();
    }
}

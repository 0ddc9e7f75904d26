package dev.preflight.testkit;

import dev.preflight.testkit.internal.SilentServer;
import java.util.List;

/**
 * What {@link ProbeContractTest} offers for building targets: a server that never answers, an
 * address where nothing listens, and secrets to plant in targets so that a leak shows up.
 *
 * <pre>{@code
 * Target.forUrl("postgresql://shop:" + targets.plantedPassword() + "@" + targets.silentServer() + "/shop");
 * }</pre>
 *
 * <p>Addresses are {@code host:port} on the loopback interface ({@code 127.0.0.1:49152}), to put
 * after any scheme. The silent server starts on first use and accepts every connection, reads what
 * is sent and never answers; it counts both. Each contract check gets a fresh instance and closes
 * it. Thread-safe; also usable in a probe's own tests, in try-with-resources.
 *
 * @since 0.1
 */
public final class ContractTargets implements AutoCloseable {
    private static final String API_KEY = "sk_live_51PlantedKey7Qm2Xv9Lr4Tz8Wc3Nb6Hd";
    private static final String WEBHOOK_SECRET = "whsec_PlantedWebhook5Jx8Kp2Rv7Yq4Mz9Ls3";
    private static final String PASSWORD = "Planted-Pa55-g7Kq2Vx9";
    private static final String TOKEN = "plantedtoken9f3a7c1e5b2d8f4a6c0e9b7d1f3a5c7e";

    private SilentServer server;
    private String unreachable;

    private ContractTargets() {
    }

    /** @return a new instance; start nothing until asked */
    public static ContractTargets open() {
        return new ContractTargets();
    }

    /** @return {@code host:port} of a server that accepts connections and never answers */
    public synchronized String silentServer() {
        if (server == null) {
            server = SilentServer.start();
        }
        return server.authority();
    }

    /**
     * @return the silent server's address, for settings that take one: it never answers a DNS
     *     question either, over UDP or TCP ({@code NetworkSettings.builder().dnsServer(...)})
     * @since 0.2
     */
    public synchronized java.net.InetSocketAddress silentServerAddress() {
        silentServer();
        return server.address();
    }

    /** @return {@code host:port} on the loopback interface where nothing listens: connections are refused */
    public synchronized String unreachable() {
        if (unreachable == null) {
            unreachable = SilentServer.unreachableAuthority();
        }
        return unreachable;
    }

    /** @return how many connections the silent server has accepted; 0 if it never started */
    public synchronized int silentServerConnections() {
        return server == null ? 0 : server.connections();
    }

    /** @return how many bytes the silent server has received; 0 if it never started */
    public synchronized long silentServerBytesReceived() {
        return server == null ? 0 : server.bytesReceived();
    }

    /**
     * Every planted secret; the contract fails if any of them appears in a result or a report.
     *
     * @return {@link #plantedApiKey()}, {@link #plantedWebhookSecret()}, {@link #plantedPassword()}
     *     and {@link #plantedToken()}, in that order
     */
    public List<String> plantedSecrets() {
        return List.of(API_KEY, WEBHOOK_SECRET, PASSWORD, TOKEN);
    }

    /** @return a live Stripe secret key, {@code sk_live_…}, for key variables and secret attributes */
    public String plantedApiKey() {
        return API_KEY;
    }

    /** @return a webhook signing secret, {@code whsec_…} */
    public String plantedWebhookSecret() {
        return WEBHOOK_SECRET;
    }

    /** @return a password that is safe in a URL's user information without encoding */
    public String plantedPassword() {
        return PASSWORD;
    }

    /** @return a long random-looking token, for signing secrets such as {@code SECRET_KEY} */
    public String plantedToken() {
        return TOKEN;
    }

    /** Stops the silent server and closes its connections. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
        }
    }
}

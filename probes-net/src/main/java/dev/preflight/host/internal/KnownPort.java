package dev.preflight.host.internal;

/**
 * A TCP port and the service that usually listens on it.
 *
 * @param port 1 to 65535
 * @param service e.g. {@code Redis}
 * @param exposure what an open port means
 */
public record KnownPort(int port, String service, Exposure exposure) {

    /** @return e.g. {@code Redis (6379)} */
    public String label() {
        return service + " (" + port + ")";
    }
}

package dev.preflight.http.internal;

/** Small facts about host strings. */
public final class Hosts {

    private Hosts() {
    }

    /**
     * @param host a host as it appears in a URL, IPv6 with or without brackets
     * @return whether it is an IP address rather than a name
     */
    public static boolean isIpLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    /**
     * @param host a host
     * @return the host as it goes into a URL: IPv6 in brackets
     */
    public static String forUrl(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}

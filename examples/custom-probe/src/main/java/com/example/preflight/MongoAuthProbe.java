package com.example.preflight;

import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A probe for a target kind Preflight does not know: {@code kind: mongodb} in {@code preflight.yml}.
 * Offline, from the connection string alone, the application should sign in (a user name in the
 * URL) and encrypt the connection ({@code tls=true}, or {@code mongodb+srv://}, where TLS is on unless
 * turned off: https://www.mongodb.com/docs/manual/reference/connection-string-options/#tls-options).
 *
 * <pre>{@code
 * targets:
 *   orders-db:
 *     kind: mongodb
 *     url: mongodb://app@db.internal:27017/orders?tls=true
 *     secrets: { password: ${MONGO_PASSWORD} }
 * }</pre>
 *
 * <p>The password may sit in the URL or under {@code secrets: password}; either way it is redacted
 * from every report, and this probe never reads it.
 */
public final class MongoAuthProbe implements Probe {
    /** The kind this module brings; any label Preflight's own modules do not use. */
    public static final TargetKind MONGODB = TargetKind.of("mongodb");

    @Override
    public String id() {
        return "example.mongo-auth";
    }

    @Override
    public String title() {
        return "MongoDB connections sign in and use TLS";
    }

    @Override
    public TargetKind targetKind() {
        return MONGODB;
    }

    @Override
    public Result check(ProbeContext context) {
        Target target = context.target();
        URI uri = target.uri().orElse(null);
        if (uri == null) {
            return Result.skip("no url: give the connection string, e.g. url: mongodb://app@db.internal/orders");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("mongodb") && !scheme.equals("mongodb+srv")) {
            return Result.skip(target.location() + " is not a mongodb:// or mongodb+srv:// URL");
        }
        List<String> problems = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        if (user(uri).isEmpty()) {
            problems.add("names no user");
            fixes.add("enable access control, create a user for the application and name it in the URL"
                    + " (mongodb://app@host/db), with its password under secrets: password");
        }
        if (!tls(uri, scheme)) {
            problems.add("does not turn TLS on");
            fixes.add("add tls=true to the URL, and serve TLS on the database (net.tls.mode: requireTLS)");
        }
        if (problems.isEmpty()) {
            return Result.pass("signs in as " + user(uri) + " over TLS");
        }
        return Result.fail(target.location() + " " + String.join(" and ", problems),
                capitalised(String.join("; ", fixes)) + ".");
    }

    /** The user name; the password after it, if any, is never looked at. */
    private static String user(URI uri) {
        String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
        int at = authority.lastIndexOf('@');
        if (at < 0) {
            return "";
        }
        String info = authority.substring(0, at);
        int colon = info.indexOf(':');
        return colon < 0 ? info : info.substring(0, colon);
    }

    private static boolean tls(URI uri, String scheme) {
        String query = uri.getQuery() == null ? "" : uri.getQuery().toLowerCase(Locale.ROOT);
        List<String> options = Arrays.asList(query.split("&"));
        if (options.contains("tls=false") || options.contains("ssl=false")) {
            return false;
        }
        return scheme.equals("mongodb+srv") || options.contains("tls=true") || options.contains("ssl=true");
    }

    private static String capitalised(String text) {
        return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}

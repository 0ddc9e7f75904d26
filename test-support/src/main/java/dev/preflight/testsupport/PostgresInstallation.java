package dev.preflight.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the PostgreSQL binaries are and which system user runs them. initdb, pg_ctl and postgres
 * refuse to run as root, so when this JVM is root they run as the Debian package's {@code postgres}
 * user, through {@code setpriv} (util-linux): it execs the binary in its own place, so the process
 * this JVM started is postgres itself, signalled and waited for by its own pid, where
 * {@code runuser} would stay in between as a parent. Otherwise they run as this JVM's user. Stateless.
 */
final class PostgresInstallation {
    /** The Debian package's system user, which owns the files when this JVM is root. */
    static final String SYSTEM_USER = "postgres";

    private static final Path DEFAULT_BIN = Paths.get("/usr/lib/postgresql/15/bin");

    private PostgresInstallation() {
    }

    /** @return the directory of initdb, postgres, psql and pg_basebackup ({@code $POSTGRES_BIN} or Debian's) */
    static Path bin() {
        return Servers.binary("POSTGRES_BIN", DEFAULT_BIN);
    }

    /** @param name e.g. {@code psql} @return its path */
    static String binary(String name) {
        return bin().resolve(name).toString();
    }

    static boolean runsAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** @return the system user the server runs as */
    static String serverUser() {
        return runsAsRoot() ? SYSTEM_USER : System.getProperty("user.name");
    }

    /**
     * @param command a server-side binary and its arguments
     * @return the command to start, prefixed to drop root when this JVM is root
     */
    static List<String> asServerUser(List<String> command) {
        if (!runsAsRoot()) {
            return command;
        }
        List<String> dropped = new ArrayList<>(List.of("/usr/bin/setpriv", "--reuid=" + SYSTEM_USER,
                "--regid=" + SYSTEM_USER, "--clear-groups", "--"));
        dropped.addAll(command);
        return dropped;
    }

    /**
     * Gives files this JVM created to the server's user, when this JVM is root.
     *
     * @param paths files or directories (not recursive)
     * @throws IOException if the {@code postgres} user does not exist or a change fails
     */
    static void own(Path... paths) throws IOException {
        if (!runsAsRoot()) {
            return;
        }
        UserPrincipalLookupService lookup = paths[0].getFileSystem().getUserPrincipalLookupService();
        UserPrincipal user;
        GroupPrincipal group;
        try {
            user = lookup.lookupPrincipalByName(SYSTEM_USER);
            group = lookup.lookupPrincipalByGroupName(SYSTEM_USER);
        } catch (UserPrincipalNotFoundException e) {
            throw new IOException("PostgreSQL refuses to run as root and there is no '" + SYSTEM_USER
                    + "' user to run it as (Debian package postgresql)", e);
        }
        for (Path path : paths) {
            PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
            view.setOwner(user);
            view.setGroup(group);
        }
    }
}

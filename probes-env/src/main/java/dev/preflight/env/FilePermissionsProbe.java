package dev.preflight.env;

import dev.preflight.env.internal.files.EnvFilePath;
import dev.preflight.env.internal.files.PosixMode;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.TargetKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code env.file-permissions}: the environment file is readable by its owner only. The file holds
 * every secret of the deployment; mode {@code 0644}, the default of most editors and {@code cp}, lets
 * every account on the machine (a compromised worker, a shared CI runner) read them (CWE-732,
 * Incorrect Permission Assignment for Critical Resource).
 *
 * <p>The file is the one the target was read from (its attribute {@code source}). A symlink is
 * followed and the file it points to is judged; the result says so.
 * <ul>
 *   <li>PASS: no permission for group or others ({@code 0600}, {@code 0400}, {@code 0700}).</li>
 *   <li>WARN: the group or others may read it, or the group may change it (the mode is named; fix:
 *       {@code chmod 600}).</li>
 *   <li>FAIL: every user may change it, and so replace its secrets or its URLs; a symlink that
 *       points nowhere or loops; a path that is not a regular file.</li>
 *   <li>SKIP: the target was not read from a file, or the file system keeps no POSIX permissions
 *       (Windows, some network mounts).</li>
 *   <li>ERROR: the file's attributes cannot be read (gone since it was loaded, no permission).</li>
 * </ul>
 *
 * <p>No settings. Details: {@code mode} (octal), {@code owner}, and {@code linksTo} for a symlink.
 * Applies in every stage: a staging file's secrets open staging's database.
 *
 * @since 0.2
 */
public final class FilePermissionsProbe implements Probe {

    /** Creates the probe; stateless. */
    public FilePermissionsProbe() {
    }

    @Override
    public String id() {
        return "env.file-permissions";
    }

    @Override
    public String title() {
        return "The env file is readable by its owner only";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.ENV;
    }

    @Override
    public Result check(ProbeContext context) throws IOException {
        Optional<Path> found = EnvFilePath.of(context.target());
        if (found.isEmpty()) {
            return Result.skip(EnvFilePath.NO_FILE);
        }
        Path file = found.get();
        String name = file.toString();
        boolean link = Files.isSymbolicLink(file);
        if (link && !Files.exists(file)) {
            return Result.fail(name + " is a symlink that points to a missing file or loops",
                    "Point " + name + " at the real env file, or replace the link with the file.");
        }
        if (!Files.isRegularFile(file) && Files.exists(file)) {
            return Result.fail(name + " is not a regular file (a directory, pipe or device)",
                    "Point the target at the env file itself.");
        }
        Optional<PosixMode> read = PosixMode.of(file);
        if (read.isEmpty()) {
            return Result.skip("the file system of " + name + " keeps no POSIX permissions; restrict access with its"
                    + " own means (e.g. an ACL)");
        }
        PosixMode mode = read.get();
        String shown = link ? name + " (a symlink; judged the file it points to, " + file.toRealPath() + ")" : name;
        Status status = mode.worldWritable() ? Status.FAIL : mode.ownerOnly() ? Status.PASS : Status.WARN;
        Result.Builder b = Result.builder(status).subject(name).detail("mode", mode.octal())
                .detail("owner", mode.owner());
        if (link) {
            b.detail("linksTo", file.toRealPath().toString());
        }
        if (status == Status.PASS) {
            return b.summary(shown + " has mode " + mode.octal() + ": only its owner (" + mode.owner() + ") has access")
                    .build();
        }
        String what = mode.worldWritable() ? "every user may change it (and so swap its secrets or URLs)"
                : mode.whoElse() + " may read or change its secrets";
        return b.summary(shown + " has mode " + mode.octal() + ": " + what)
                .remediation("Run chmod 600 " + name + " so that only its owner can read and write it, and make sure"
                        + " the owner (" + mode.owner() + ") is the account the application runs as.")
                .build();
    }
}

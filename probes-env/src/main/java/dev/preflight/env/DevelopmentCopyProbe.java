package dev.preflight.env;

import dev.preflight.ConfigException;
import dev.preflight.config.EnvFile;
import dev.preflight.env.internal.EnvUrl;
import dev.preflight.env.internal.Findings;
import dev.preflight.env.internal.SecretVariables;
import dev.preflight.env.internal.Variables;
import dev.preflight.env.internal.files.DevelopmentFiles;
import dev.preflight.env.internal.files.EnvFilePath;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.TargetKind;
import dev.preflight.support.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code env.dev-copy}: the deployment's secrets were rotated from development. A production file
 * made by copying {@code .env} shares its secrets with every laptop, CI job and screenshot the
 * development file has been on; whoever holds the development file can sign production sessions
 * or reach the production accounts.
 *
 * <p>The file is the one the target was read from (its attribute {@code source}); the development
 * files are those beside it named {@code .env}, {@code .env.development}, {@code .env.development.local},
 * {@code .env.dev} and {@code .env.local} (never the file itself; {@code .env.example} is
 * {@code env.secrets}' to compare with). Secrets are the variables {@code env.secrets} treats as
 * secrets, and the passwords inside URL values under any name. Values are compared after the
 * loader's unquoting; non-secret values (hosts, flags, names) may well be equal and are not read.
 * <ul>
 *   <li>PASS: no secret has the same non-empty value in a development file.</li>
 *   <li>WARN: a development file is present but cannot be read (not UTF-8, malformed, over 4 MB, a
 *       pipe or a directory), so it was not compared.</li>
 *   <li>FAIL: the file is a byte-for-byte copy of a development file, or the same file (a link);
 *       or secrets have the same value as in a development file (named, values never shown).</li>
 *   <li>SKIP: no development file beside it; the target was not read from a file; the target's
 *       stage ({@code environment} attribute) is development.</li>
 *   <li>ERROR: the file itself is gone, or is not a regular file.</li>
 * </ul>
 *
 * <p>Settings: {@code env.dev-copy.variable-name}, further names of variables that hold secrets,
 * comma-separated, {@code *} as a wildcard (as {@code env.secrets.variable-name}). Details:
 * {@code compared} (the development files read), {@code checked}, {@code failures},
 * {@code warnings}.
 *
 * @since 0.2
 */
public final class DevelopmentCopyProbe implements Probe {
    /** The loader reads no env file larger than this (4 MB), so a larger pair is no env file. */
    private static final long MAX_COMPARED = 4L * 1024 * 1024;

    /** Creates the probe; stateless. */
    public DevelopmentCopyProbe() {
    }

    @Override
    public String id() {
        return "env.dev-copy";
    }

    @Override
    public String title() {
        return "Secrets were rotated from the development env file";
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
        if (Stage.of(context.target()).name().equals("development")) {
            return Result.skip("the target's stage is development: it may share the development file's secrets");
        }
        Path file = found.get();
        if (!Files.isRegularFile(file)) {
            // A pipe would block the comparison below; env.file-permissions names what the path is.
            return Result.error(file + " is gone or not a regular file, so it was not compared", null);
        }
        List<Path> devFiles = DevelopmentFiles.beside(file);
        if (devFiles.isEmpty()) {
            return Result.skip("no development file beside " + file + " (" + String.join(", ", DevelopmentFiles.NAMES)
                    + ")");
        }
        Predicate<String> secret = SecretVariables.names(context.settings().list("variable-name"));
        Map<String, String> variables = context.target().variables();
        Findings findings = new Findings();
        List<String> compared = new ArrayList<>();
        Set<String> checked = new HashSet<>();
        for (Path dev : devFiles) {
            String devName = dev.getFileName().toString();
            if (Files.exists(dev) && Files.isSameFile(file, dev)) {
                return copy(file, devName, "is the same file as " + devName + " (a link)");
            }
            if (!Files.isRegularFile(dev)) {
                // A pipe would block the read; a directory or dangling link has nothing to compare.
                findings.warn(devName, "is not a regular file, so it was not compared",
                        "Remove or rename " + dev + " if it is not a development env file.");
                continue;
            }
            if (Files.size(dev) == Files.size(file) && Files.size(file) <= MAX_COMPARED
                    && Files.mismatch(dev, file) == -1) {
                return copy(file, devName, "is a copy of " + devName + ", byte for byte");
            }
            Map<String, String> devVariables;
            try {
                devVariables = EnvFile.parse(dev).variables();
            } catch (ConfigException e) {
                findings.warn(devName, "cannot be read (" + e.problem() + "), so it was not compared",
                        "Fix or remove " + dev + ", then run the check again.");
                continue;
            }
            compared.add(devName);
            compare(variables, devVariables, secret, devName, file, findings).forEach(checked::add);
        }
        findings.detail("compared", compared);
        if (compared.isEmpty()) {
            return findings.toResult("no development file could be compared");
        }
        return findings.toResult("no secret shares its value with " + String.join(", ", compared) + " ("
                + Variables.count(checked.size(), "secret") + " compared)");
    }

    /** @return the names of the secrets compared */
    private static List<String> compare(Map<String, String> variables, Map<String, String> devVariables,
            Predicate<String> secret, String devName, Path file, Findings findings) {
        List<String> checked = new ArrayList<>();
        Variables.matching(variables, name -> true).forEach((name, value) -> {
            String devValue = Variables.clean(devVariables.get(name));
            Optional<String> password = urlPassword(value);
            if (password.isPresent()) {
                checked.add(name);
                findings.checked(name);
                if (password.equals(urlPassword(devValue))) {
                    findings.fail(name, "has the same URL password as in " + devName, rotate(file, devName));
                }
            } else if (secret.test(name.toUpperCase(Locale.ROOT)) && !isUrl(value)) {
                checked.add(name);
                findings.checked(name);
                if (!value.isEmpty() && value.equals(devValue)) {
                    findings.fail(name, "has the same value as in " + devName, rotate(file, devName));
                }
            }
        });
        return checked;
    }

    private static String rotate(Path file, String devName) {
        return "Generate production values of their own for the secrets shared with " + devName
                + " (openssl rand -hex 32; new keys and passwords from each provider) and set them in " + file + ".";
    }

    private static Result copy(Path file, String devName, String what) {
        return Result.builder(Status.FAIL).subject(file.toString())
                .summary(file + " " + what + ": production uses the development secrets")
                .remediation("Write " + file + " afresh: generate new secrets (openssl rand -hex 32, new keys and"
                        + " passwords from each provider) rather than copying " + devName + ".")
                .detail("compared", List.of(devName)).build();
    }

    private static Optional<String> urlPassword(String value) {
        if (!isUrl(value)) {
            return Optional.empty();
        }
        try {
            return EnvUrl.parse(value).password().filter(p -> !p.isEmpty());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean isUrl(String value) {
        return EnvUrl.schemeOf(value).isPresent();
    }
}

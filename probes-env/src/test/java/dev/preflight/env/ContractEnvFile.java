package dev.preflight.env;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The files the env target of the contract and leak tests is read from, for the probes that look at
 * the file on disk: the env file itself (world-readable), a development {@code .env} sharing its
 * secrets, and a key file that holds a planted secret instead of a key; so each of those probes
 * reports on planted secrets and must not show them.
 */
final class ContractEnvFile {
    private ContractEnvFile() {
    }

    /**
     * @param dir a fresh directory
     * @param variables the target's variables; a {@code JWT_PRIVATE_KEY_PATH} is added, naming the key file
     * @param planted a secret to write into the key file
     * @return the env file's path, for the target's {@code source} attribute
     */
    static Path write(Path dir, Map<String, String> variables, String planted) {
        try {
            Files.writeString(dir.resolve("jwt.pem"), "-----BEGIN PRIVATE KEY-----\n" + planted
                    + "\n-----END PRIVATE KEY-----\n");
            variables.put("JWT_PRIVATE_KEY_PATH", "jwt.pem");
            String text = variables.entrySet().stream().map(e -> e.getKey() + "='" + e.getValue() + "'")
                    .collect(Collectors.joining("\n", "", "\n"));
            Files.writeString(dir.resolve(".env"), text + "DEBUG=true\n");
            return Files.writeString(dir.resolve(".env.production"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

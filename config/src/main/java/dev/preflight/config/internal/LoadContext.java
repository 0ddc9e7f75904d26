package dev.preflight.config.internal;

import java.nio.file.Path;

/**
 * What every node of one YAML file shares: the file name for messages, the directory relative paths
 * start from, interpolation, the secret collector, the known probe ids and the target readers.
 *
 * @param file the file as the user gave it
 * @param baseDir the directory relative paths in the file are resolved against
 * @param interpolator expands variable references
 * @param secrets collects secret values
 * @param probes validates probe ids
 * @param readers read the blocks of kinds that modules own
 */
record LoadContext(String file, Path baseDir, Interpolator interpolator, SecretCollector secrets, KnownProbes probes,
        TargetBlockReaders readers) {

    /** @return this context with interpolation that also sees an environment file's variables */
    LoadContext withInterpolator(Interpolator interpolator) {
        return new LoadContext(file, baseDir, interpolator, secrets, probes, readers);
    }
}

package dev.preflight.config.internal;

import dev.preflight.ConfigException;
import dev.preflight.Waiver;
import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.Target;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Loads a {@code preflight.yml} and, optionally, an environment file into {@link ConfigParts}.
 *
 * <p>The environment file is read first, because its variables are visible to interpolation in the
 * rest of the YAML file. The {@code env-file:} key itself is interpolated from the real environment
 * only, and an environment file given explicitly replaces it, as command-line options override files.
 */
public final class ConfigReader {
    /** Stage of targets when the YAML file names none. */
    static final String DEFAULT_ENVIRONMENT = "production";

    private static final List<String> KEYS =
            List.of("version", "environment", "env-file", "defaults", "network", "targets", "waivers");

    private final Map<String, String> environment;
    private final KnownProbes probes;
    private final SecretCollector secrets;
    private final ClassLoader classLoader;

    /**
     * @param environment the real environment, consulted first by interpolation
     * @param probes the known probe ids
     * @param secrets receives every secret value met
     * @param classLoader where the target readers of modules are looked for
     */
    public ConfigReader(Map<String, String> environment, KnownProbes probes, SecretCollector secrets,
            ClassLoader classLoader) {
        this.environment = environment;
        this.probes = probes;
        this.secrets = secrets;
        this.classLoader = classLoader;
    }

    /**
     * @param yaml the YAML file, or null
     * @param envFile the environment file, or null to use the YAML file's {@code env-file:}
     * @return what the files configure
     * @throws ConfigException for any problem in either file
     */
    public ConfigParts read(Path yaml, Path envFile) {
        if (yaml == null) {
            return readEnvOnly(envFile);
        }
        Path baseDir = yaml.getParent() != null ? yaml.getParent() : Path.of("");
        Node rootNode = YamlDocument.read(yaml, yaml.toString()).orElse(null);
        Interpolator fromEnvironment = new Interpolator(environment, Map.of(), secrets);
        LoadContext envOnly = new LoadContext(yaml.toString(), baseDir, fromEnvironment, secrets, probes,
                TargetBlockReaders.discover(classLoader));
        ConfigMap first = ConfigNode.root(envOnly, rootNode).map(KEYS);
        Path envPath = envFile != null ? envFile
                : first.get("env-file").map(n -> baseDir.resolve(n.string().strip())).orElse(null);
        Dotenv env = envPath == null ? null : Dotenv.parse(envPath);

        LoadContext context = env == null ? envOnly
                : envOnly.withInterpolator(envOnly.interpolator().withFileVariables(env.variables()));
        ConfigMap root = ConfigNode.root(context, rootNode).map(KEYS);
        root.get("version").ifPresent(ConfigReader::checkVersion);
        String stage = root.get("environment").map(n -> n.string().strip()).filter(s -> !s.isEmpty())
                .orElse(DEFAULT_ENVIRONMENT);
        RunDefaults defaults = root.get("defaults").map(RunDefaults::read).orElse(RunDefaults.none());
        NetworkSettings network = root.get("network").map(NetworkReader::read).orElse(NetworkSettings.system());
        List<Target> targets = new ArrayList<>(
                root.get("targets").map(n -> TargetReader.readAll(n, stage)).orElse(List.of()));
        if (env != null) {
            TargetIdentity.appendNew(targets, EnvTargets.derive(envPath, env, stage, secrets));
        }
        List<String> names = targets.stream().map(Target::name).toList();
        List<Waiver> waivers = root.get("waivers").map(n -> WaiverReader.readAll(n, names)).orElse(List.of());
        return new ConfigParts(targets, waivers, network, defaults);
    }

    private ConfigParts readEnvOnly(Path envFile) {
        List<Target> targets = new ArrayList<>();
        Dotenv env = Dotenv.parse(envFile);
        TargetIdentity.appendNew(targets, EnvTargets.derive(envFile, env, DEFAULT_ENVIRONMENT, secrets));
        return new ConfigParts(targets, List.of(), NetworkSettings.system(), RunDefaults.none());
    }

    private static void checkVersion(ConfigNode node) {
        String version = node.string().strip();
        if (!version.equals("1")) {
            throw node.error(node.show(version) + " is not a supported version; this Preflight reads version 1");
        }
    }
}

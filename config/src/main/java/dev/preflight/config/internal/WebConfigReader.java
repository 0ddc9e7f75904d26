package dev.preflight.config.internal;

import dev.preflight.ConfigException;
import dev.preflight.config.WebConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads a {@code web.yml} of the Prometheus exporter toolkit's format into a {@link WebConfig}. */
public final class WebConfigReader {
    /** A bcrypt hash as htpasswd and the toolkit write it: $2a$, $2b$ or $2y$, a cost, 53 characters. */
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$\\d{2}\\$[./A-Za-z0-9]{53}");
    private static final Map<String, String> VERSIONS = Map.of("TLS12", "TLSv1.2", "TLS13", "TLSv1.3");

    private WebConfigReader() {
    }

    /**
     * @param file a {@code web.yml}
     * @return what it says
     * @throws ConfigException naming the file, line and key of the first problem
     */
    public static WebConfig read(Path file) {
        String shown = file.toString();
        Optional<Node> root = YamlDocument.read(file, shown);
        Path base = file.toAbsolutePath().getParent();
        LoadContext context = new LoadContext(shown, base, new Interpolator(Map.of(), Map.of(), new SecretCollector()),
                new SecretCollector(), new KnownProbes(List.of()), TargetBlockReaders.none());
        ConfigNode node = ConfigNode.root(context, root.orElse(null));
        ConfigMap top = node.map(List.of("tls_server_config", "basic_auth_users"));
        WebConfig.Tls tls = top.get("tls_server_config").map(t -> tls(t, base)).orElse(null);
        Map<String, String> users = new LinkedHashMap<>();
        top.get("basic_auth_users").ifPresent(u -> {
            ConfigMap map = u.map(null);
            for (ConfigNode user : map.entries()) {
                String hash = user.string();
                if (!BCRYPT.matcher(hash).matches()) {
                    throw user.error("not a bcrypt hash; make one with: htpasswd -nBC 10 \"\" | tr -d ':\\n'");
                }
                users.put(user.name(), hash);
            }
        });
        return new WebConfig(tls, users);
    }

    private static WebConfig.Tls tls(ConfigNode node, Path base) {
        ConfigMap tls = node.map(List.of("cert_file", "key_file", "client_auth_type", "client_ca_file", "min_version"));
        Path cert = file(tls.require("cert_file", "give cert_file: the PEM certificate chain, leaf first"), base);
        Path key = file(tls.require("key_file", "give key_file: the PEM private key"), base);
        String clientAuth = tls.get("client_auth_type").map(ConfigNode::string).orElse("NoClientCert");
        Optional<Path> clientCa = Optional.empty();
        switch (clientAuth) {
            case "NoClientCert" -> {
                if (tls.has("client_ca_file")) {
                    throw tls.at("client_ca_file").error("client_ca_file needs client_auth_type:"
                            + " RequireAndVerifyClientCert");
                }
            }
            case "RequireAndVerifyClientCert" -> clientCa = Optional.of(file(tls.require("client_ca_file",
                    "give client_ca_file: the CAs client certificates must chain to"), base));
            default -> throw tls.at("client_auth_type").error("'" + clientAuth + "' is not supported; use NoClientCert"
                    + " or RequireAndVerifyClientCert");
        }
        String min = tls.get("min_version").map(ConfigNode::string).orElse("TLS12");
        if (!VERSIONS.containsKey(min)) {
            throw tls.at("min_version").error("'" + min + "' is not a version Preflight serves; use TLS12 or TLS13");
        }
        return new WebConfig.Tls(cert, key, clientCa, VERSIONS.get(min));
    }

    private static Path file(ConfigNode node, Path base) {
        Path path = base.resolve(node.string());
        if (!Files.isReadable(path)) {
            throw node.error("cannot read " + path);
        }
        return path;
    }
}

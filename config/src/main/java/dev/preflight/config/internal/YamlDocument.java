package dev.preflight.config.internal;

import dev.preflight.ConfigException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads a YAML file into a node tree. Nodes rather than Java objects, because every node keeps the
 * line it starts on, which error messages need.
 */
final class YamlDocument {
    private YamlDocument() {
    }

    /**
     * @param file the file
     * @param shown the file name for messages
     * @return the root node, empty for an empty document
     * @throws ConfigException if the file cannot be read or is not well-formed YAML
     */
    static Optional<Node> read(Path file, String shown) {
        String text;
        try {
            text = TextFiles.read(file);
        } catch (IOException e) {
            throw new ConfigException(shown, 0, null, TextFiles.problem(e, file));
        }
        LoadSettings settings = LoadSettings.builder().setLabel(shown)
                // Takes effect only when constructing objects; ConfigMap checks duplicates among nodes.
                .setAllowDuplicateKeys(false)
                .build();
        try {
            return new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
            String problem = (e.getContext() != null && !e.getContext().isBlank() ? e.getContext() + ": " : "")
                    + (e.getProblem() != null ? e.getProblem() : "");
            throw new ConfigException(shown, mark.map(m -> m.getLine() + 1).orElse(0), null,
                    "YAML syntax error (" + problem.strip() + "); check indentation and quoting around this line");
        } catch (YamlEngineException e) {
            throw new ConfigException(shown, 0, null, "YAML error: " + e.getMessage());
        }
    }
}

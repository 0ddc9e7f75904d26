package dev.preflight.config.internal;

import dev.preflight.ConfigException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.CollectionEndEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads a YAML file into a node tree. Nodes rather than Java objects, because every node keeps the
 * line it starts on, which error messages need. The file is at most {@link TextFiles#MAX_BYTES} and
 * nests at most {@link #MAX_DEPTH} collections deep.
 */
final class YamlDocument {
    /**
     * The deepest nesting of maps and lists accepted. A {@code preflight.yml} needs about six levels;
     * SnakeYAML Engine's composer recurses once per level and has no limit of its own (2.10), so
     * {@code [[[[…]]]]} a few thousand deep would overflow the stack.
     */
    static final int MAX_DEPTH = 64;

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
                .setCodePointLimit(TextFiles.MAX_BYTES)
                .build();
        try {
            Parser parser = new DepthLimit(new ParserImpl(settings, new StreamReader(settings, text)), shown);
            return new Composer(settings, parser).getSingleNode();
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

    /** Hands events on to the composer, refusing a collection nested deeper than {@link #MAX_DEPTH}. */
    private static final class DepthLimit implements Parser {
        private final Parser parser;
        private final String shown;
        private int depth;

        DepthLimit(Parser parser, String shown) {
            this.parser = parser;
            this.shown = shown;
        }

        @Override
        public boolean checkEvent(Event.ID id) {
            return parser.checkEvent(id);
        }

        @Override
        public Event peekEvent() {
            return parser.peekEvent();
        }

        @Override
        public boolean hasNext() {
            return parser.hasNext();
        }

        @Override
        public Event next() {
            Event event = parser.next();
            if (event instanceof CollectionStartEvent && ++depth > MAX_DEPTH) {
                throw new ConfigException(shown, event.getStartMark().map(m -> m.getLine() + 1).orElse(0), null,
                        "maps and lists nest more than " + MAX_DEPTH + " levels deep; a preflight.yml needs a"
                                + " handful, so check the brackets and indentation around this line");
            }
            if (event instanceof CollectionEndEvent) {
                depth--;
            }
            return event;
        }
    }
}

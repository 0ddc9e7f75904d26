package dev.preflight.config.internal;

import dev.preflight.ConfigException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses dotenv text: {@code NAME=value} lines with an optional {@code export} prefix, {@code #}
 * comments and blank lines. Single-quoted values are literal; double-quoted values understand
 * {@code \n \r \t \" \\}; both may span lines (private keys). Unquoted values are trimmed and lose an
 * inline comment that starts with whitespace and {@code #}. Values are never expanded: {@code ${X}}
 * stays as written, as in Docker Compose env files. A name set twice keeps the last value.
 */
final class DotenvParser {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");
    private static final Pattern INLINE_COMMENT = Pattern.compile("\\s#.*$");

    private final String file;
    private final String[] lines;
    private final Map<String, String> variables = new LinkedHashMap<>();
    private final Map<String, Integer> lineOf = new LinkedHashMap<>();
    private int next;

    DotenvParser(String file, String text) {
        this.file = file;
        this.lines = text.split("\r?\n", -1);
    }

    Dotenv parse() {
        while (next < lines.length) {
            int lineNo = next + 1;
            String line = lines[next++].stripLeading();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ") || line.startsWith("export\t")) {
                line = line.substring("export".length()).strip();
            }
            int eq = line.indexOf('=');
            // The text before '=' is not echoed: on a broken line it may be part of a secret.
            if (eq <= 0 || !NAME.matcher(line.substring(0, eq).strip()).matches()) {
                throw new ConfigException(file, lineNo, null,
                        "expected NAME=value, where NAME is letters, digits, '_' and '.' and does not start"
                                + " with a digit");
            }
            String name = line.substring(0, eq).strip();
            String rest = line.substring(eq + 1).stripLeading();
            String value = rest.startsWith("\"") || rest.startsWith("'") ? quoted(name, lineNo, rest)
                    : INLINE_COMMENT.matcher(rest).replaceFirst("").strip();
            variables.put(name, value);
            lineOf.put(name, lineNo);
        }
        return new Dotenv(file, variables, lineOf);
    }

    /** Reads a quoted value from {@code rest} on, continuing on the following lines until it closes. */
    private String quoted(String name, int lineNo, String rest) {
        char quote = rest.charAt(0);
        StringBuilder value = new StringBuilder();
        String text = rest.substring(1);
        while (true) {
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == quote) {
                    String tail = text.substring(i + 1).strip();
                    if (!tail.isEmpty() && !tail.startsWith("#")) {
                        throw new ConfigException(file, next, name,
                                "expected NAME=value: only a # comment may follow the closing quote");
                    }
                    return value.toString();
                }
                if (c == '\\' && quote == '"' && i + 1 < text.length()) {
                    value.append(unescape(text.charAt(i + 1)));
                    i += 2;
                } else {
                    value.append(c);
                    i++;
                }
            }
            if (next >= lines.length) {
                throw new ConfigException(file, lineNo, name,
                        "the " + quote + " quote opened here is never closed; close it at the end of the value");
            }
            value.append('\n');
            text = lines[next++];
        }
    }

    private static String unescape(char c) {
        return switch (c) {
            case 'n' -> "\n";
            case 'r' -> "\r";
            case 't' -> "\t";
            case '"' -> "\"";
            case '\\' -> "\\";
            default -> "\\" + c;
        };
    }
}

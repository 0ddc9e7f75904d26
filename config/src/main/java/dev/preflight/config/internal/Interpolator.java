package dev.preflight.config.internal;

import dev.preflight.support.SecretNames;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Expands {@code ${VAR}} and {@code ${VAR:-default}} in configuration values, shell style: the
 * default applies when the variable is unset or empty, and is taken literally. {@code $$} is a
 * literal {@code $}; any other {@code $} is kept as it is, so passwords containing one need no
 * escaping. Variables come from the environment first, then from the environment file.
 */
final class Interpolator {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

    private final Map<String, String> environment;
    private final Map<String, String> fileVariables;
    private final SecretCollector secrets;

    Interpolator(Map<String, String> environment, Map<String, String> fileVariables, SecretCollector secrets) {
        this.environment = Map.copyOf(environment);
        this.fileVariables = Map.copyOf(fileVariables);
        this.secrets = secrets;
    }

    /** @return an interpolator that also sees an environment file's variables */
    Interpolator withFileVariables(Map<String, String> variables) {
        return new Interpolator(environment, variables, secrets);
    }

    /**
     * @param text a raw value
     * @return the value with references replaced
     * @throws IllegalArgumentException naming the problem, for an unset variable or a malformed reference
     */
    String expand(String text) {
        if (text.indexOf('$') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (c == '$' && next == '$') {
                out.append('$');
                i += 2;
            } else if (c == '$' && next == '{') {
                int end = text.indexOf('}', i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("a ${ is never closed; write ${NAME}, or $$ for a literal $");
                }
                out.append(resolve(text.substring(i + 2, end)));
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private String resolve(String reference) {
        int sep = reference.indexOf(":-");
        String name = sep < 0 ? reference : reference.substring(0, sep);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'${" + name + (sep < 0 ? "}" : ":-…}")
                    + "' is not a variable reference; write ${NAME} or ${NAME:-default}, or $$ for a literal $");
        }
        String value = environment.containsKey(name) ? environment.get(name) : fileVariables.get(name);
        if (sep >= 0 && (value == null || value.isEmpty())) {
            return reference.substring(sep + 2);
        }
        if (value == null) {
            throw new IllegalArgumentException("variable " + name + " is not set; set it in the environment or the"
                    + " env file, or give a default with ${" + name + ":-value}");
        }
        if (SecretNames.isSecret(name)) {
            secrets.add(value);
        }
        return value;
    }
}

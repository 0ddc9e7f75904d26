package dev.preflight.cli;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * Whether standard output is an interactive terminal that understands colour.
 *
 * @param colour whether to use ANSI colour
 */
record Terminal(boolean colour) {
    static final Terminal PLAIN = new Terminal(false);

    /** Colour only on a TTY, and never when {@code NO_COLOR} is set (no-color.org) or TERM is dumb. */
    static Terminal detect(Map<String, String> environment) {
        if (environment.containsKey("NO_COLOR") || "dumb".equals(environment.get("TERM"))) {
            return PLAIN;
        }
        return new Terminal(isTerminal(System.console()));
    }

    private static boolean isTerminal(Console console) {
        if (console == null) {
            return false;
        }
        try {
            // JDK 22+ returns a Console even when redirected; isTerminal() tells the truth there.
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}

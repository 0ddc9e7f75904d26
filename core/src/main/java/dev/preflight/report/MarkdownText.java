package dev.preflight.report;

/** Target-controlled text made inert in Markdown (CommonMark and GitHub Flavored Markdown). */
final class MarkdownText {
    /** Characters that could start emphasis, code, links, HTML, tables, headings or entities. */
    private static final String SPECIAL = "\\`*_[]<>|#~&!";

    private MarkdownText() {
    }

    /**
     * Escapes every markup character with a backslash and folds line breaks into spaces, so the text
     * cannot end its list item or open a block of its own.
     */
    static String escape(String text) {
        String line = text.strip().replaceAll("\\s*\\R\\s*", " ");
        StringBuilder out = new StringBuilder(line.length() + 8);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(Character.isISOControl(c) ? ' ' : c);
        }
        return out.toString();
    }

    /** @return the text as a code span, or escaped when a backtick or line break would break out of one */
    static String code(String text) {
        return text.indexOf('`') < 0 && !text.matches("(?s).*\\R.*") ? "`" + text + "`" : escape(text);
    }
}

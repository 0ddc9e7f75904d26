package dev.preflight.report;

/** Text made safe for XML 1.0, which cannot carry some characters even as references. */
final class XmlText {
    private XmlText() {
    }

    /** @return the text without characters XML 1.0 forbids: most controls, lone surrogates, U+FFFE, U+FFFF */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(XmlText::allowed).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** @return the text cleaned and on one line, for attribute values, where parsers fold line breaks anyway */
    static String attribute(String text) {
        return clean(text).replaceAll("\\s*\\R\\s*", " ");
    }

    private static boolean allowed(int c) {
        return c == 0x9 || c == 0xA || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}

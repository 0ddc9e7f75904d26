package dev.preflight.dns.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code tag=value; tag=value} syntax DKIM (RFC 6376 3.2) and DMARC (RFC 7489 6.4) records share.
 * Never throws: a malformed part becomes a syntax problem and is left out of the tags.
 */
public final class TagList {
    /** RFC 6376 3.2: tag-name = ALPHA *ALNUMPUNC; ALNUMPUNC = ALPHA / DIGIT / "_". */
    private static final Pattern TAG = Pattern.compile("[ \\t\\r\\n]*([A-Za-z][A-Za-z0-9_]*)[ \\t\\r\\n]*=(.*)",
            Pattern.DOTALL);

    /**
     * One tag.
     *
     * @param name the name, lower case unless read case-sensitively
     * @param value the value, stripped of surrounding whitespace
     */
    public record Tag(String name, String value) {
    }

    private final List<Tag> tags;
    private final List<String> syntaxErrors;

    private TagList(List<Tag> tags, List<String> syntaxErrors) {
        this.tags = List.copyOf(tags);
        this.syntaxErrors = List.copyOf(syntaxErrors);
    }

    /**
     * @param text a record's text, possibly null
     * @param caseSensitive whether tag names keep their case (DKIM) or are lowered (DMARC)
     * @return the tags in order, and one error per part that is not {@code name=value}
     */
    public static TagList parse(String text, boolean caseSensitive) {
        List<Tag> tags = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        if (text == null) {
            return new TagList(tags, List.of("the record is empty"));
        }
        for (String part : text.split(";", -1)) {
            if (part.isBlank()) {
                continue;
            }
            Matcher m = TAG.matcher(part);
            if (!m.matches()) {
                errors.add("'" + shorten(part.strip()) + "' is not a tag=value pair");
                continue;
            }
            String name = caseSensitive ? m.group(1) : m.group(1).toLowerCase(Locale.ROOT);
            tags.add(new Tag(name, m.group(2).strip()));
        }
        return new TagList(tags, errors);
    }

    /** @return the tags, in the order written */
    public List<Tag> tags() {
        return tags;
    }

    /** @return one line per part that is not a tag */
    public List<String> syntaxErrors() {
        return syntaxErrors;
    }

    /** @return the names of tags that appear more than once, each once */
    public List<String> duplicates() {
        List<String> seen = new ArrayList<>();
        List<String> twice = new ArrayList<>();
        for (Tag t : tags) {
            if (seen.contains(t.name()) && !twice.contains(t.name())) {
                twice.add(t.name());
            }
            seen.add(t.name());
        }
        return twice;
    }

    /** @param name a tag name as stored @return its first value, or null */
    public String get(String name) {
        return tags.stream().filter(t -> t.name().equals(name)).map(Tag::value).findFirst().orElse(null);
    }

    /** @param name a tag name @return its position, or -1 */
    public int indexOf(String name) {
        for (int i = 0; i < tags.size(); i++) {
            if (tags.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** @param s any text @return it, cut to 60 characters */
    public static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}

package dev.preflight.http.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where an answer repeats a name the request planted: the {@code Location} header, any other
 * header, or the body. A planted name is random and under {@code .invalid} (RFC 6761), so any
 * occurrence is the server echoing the request, never a coincidence.
 */
public final class Reflections {

    private Reflections() {
    }

    /**
     * @param page the answer
     * @param planted the name the request carried, e.g. {@code pf-3f9a1c.invalid}
     * @return the places it appears, e.g. {@code the Location header}, {@code the Link header},
     *     {@code the body}; empty when nowhere
     */
    public static List<String> of(Page page, String planted) {
        String needle = planted.toLowerCase(Locale.ROOT);
        List<String> places = new ArrayList<>();
        for (HeaderField header : page.headers()) {
            String place = "the " + header.name() + " header";
            if (header.value().toLowerCase(Locale.ROOT).contains(needle) && !places.contains(place)) {
                places.add(place);
            }
        }
        if (page.text().toLowerCase(Locale.ROOT).contains(needle)) {
            places.add("the body");
        }
        return List.copyOf(places);
    }
}

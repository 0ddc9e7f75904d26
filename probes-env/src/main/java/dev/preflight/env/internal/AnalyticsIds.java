package dev.preflight.env.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The analytics and tag providers whose ids environment files carry, how their variables are named and
 * what their ids look like. The shapes are the providers' documented or stable forms: a GA4 measurement
 * id is {@code G-} and letters and digits ({@code G-PSW1MY7HB4}, Google's "[GA4] Measurement ID"); a
 * Universal Analytics {@code UA-…-…} property stopped processing on 1 July 2023; a Tag Manager container
 * is {@code GTM-} and letters and digits; a Meta (Facebook) Pixel id is 15 or 16 digits; a PostHog
 * project key starts {@code phc_} ({@code phx_} is a personal key, a secret); Mixpanel project tokens
 * and Amplitude API keys are 32 hexadecimal digits; a Hotjar site id is a number; a Plausible site is a
 * domain name.
 *
 * @since 0.1
 */
public enum AnalyticsIds {
    /** Google Tag Manager; before Google Analytics, whose words its names share. */
    GOOGLE_TAG_MANAGER("Google Tag Manager", "GTM- and letters and digits", Pattern.compile("GTM-[A-Z0-9]{4,12}"),
            "GTM", "TAG_MANAGER"),
    /** Google Analytics 4; a Universal Analytics id is judged apart. */
    GOOGLE_ANALYTICS("Google Analytics", "a GA4 measurement id, G- and letters and digits",
            Pattern.compile("G-[A-Z0-9]{4,16}"), "GA", "GA4", "GOOGLE_ANALYTICS"),
    /** Segment's write key. */
    SEGMENT("Segment", "a write key of 16 to 64 letters and digits", Pattern.compile("[A-Za-z0-9]{16,64}"), "SEGMENT"),
    /** Mixpanel's project token. */
    MIXPANEL("Mixpanel", "a project token of 32 hexadecimal digits", Pattern.compile("[0-9a-f]{32}"), "MIXPANEL"),
    /** PostHog's project API key. */
    POSTHOG("PostHog", "a project API key, phc_ and letters and digits", Pattern.compile("phc_[A-Za-z0-9]{16,64}"),
            "POSTHOG"),
    /** Amplitude's API key. */
    AMPLITUDE("Amplitude", "an API key of 32 hexadecimal digits", Pattern.compile("[0-9a-f]{32}"), "AMPLITUDE"),
    /** Hotjar's site id. */
    HOTJAR("Hotjar", "a site id of 4 to 10 digits", Pattern.compile("\\d{4,10}"), "HOTJAR"),
    /** Plausible's site domain. */
    PLAUSIBLE("Plausible", "the site's domain names, comma-separated, in lower case",
            Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)+(,[a-z0-9-]+(\\.[a-z0-9-]+)+)*"), "PLAUSIBLE"),
    /** The Meta (Facebook) Pixel. */
    META_PIXEL("Meta Pixel", "a pixel id of 15 or 16 digits", Pattern.compile("\\d{15,16}"), "PIXEL");

    /** The last words of a name that holds an id, rather than a URL, a switch or a secret. */
    private static final Set<String> ID_WORDS = Set.of("ID", "KEY", "TOKEN", "CODE", "DOMAIN", "GA", "GA4",
            "ANALYTICS", "GTM", "PIXEL");

    private final String label;
    private final String expected;
    private final Pattern shape;
    private final List<String> words;

    AnalyticsIds(String label, String expected, Pattern shape, String... words) {
        this.label = label;
        this.expected = expected;
        this.shape = shape;
        this.words = List.of(words);
    }

    /**
     * @param upperCaseName a variable name in upper case, e.g. {@code NEXT_PUBLIC_GA_MEASUREMENT_ID}
     * @return the provider whose id it holds; empty for other names, and for a provider's URLs, switches,
     *     secrets and other domains ({@code POSTHOG_HOST}, {@code GA_DEBUG}, {@code MIXPANEL_API_SECRET},
     *     {@code GA_COOKIE_DOMAIN})
     */
    public static Optional<AnalyticsIds> of(String upperCaseName) {
        List<String> tokens = Arrays.asList(upperCaseName.split("_"));
        if (tokens.isEmpty() || !ID_WORDS.contains(tokens.get(tokens.size() - 1)) || upperCaseName.contains("SECRET")) {
            return Optional.empty();
        }
        String padded = "_" + upperCaseName + "_";
        boolean domain = tokens.get(tokens.size() - 1).equals("DOMAIN");
        // A Plausible site is its domain; any other provider's *_DOMAIN is a cookie or host setting.
        return Arrays.stream(values()).filter(p -> p.words.stream().anyMatch(w -> padded.contains("_" + w + "_")))
                .findFirst().filter(p -> domain == (p == PLAUSIBLE));
    }

    /** @return the provider's name, e.g. {@code Google Analytics} */
    public String label() {
        return label;
    }

    /** @return the id's shape in words, for messages: {@code a pixel id of 15 or 16 digits} */
    public String expected() {
        return expected;
    }

    /**
     * @param value a cleaned, non-empty value
     * @return whether it has the provider's id shape
     */
    public boolean fits(String value) {
        return shape.matcher(value).matches();
    }
}

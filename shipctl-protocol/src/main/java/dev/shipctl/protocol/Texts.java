package dev.shipctl.protocol;

import java.util.regex.Pattern;

/**
 * Text conventions of the game: a {@code "\tE"} (English) or {@code "\tJ"} (Japanese) marker before text,
 * {@code "\tC<x>"} colour escapes, and Tethealla's {@code "$"} standing for a tab in mail it broadcasts.
 */
public final class Texts {
    /** The English marker the game puts before chat and names. */
    public static final String ENGLISH = "\tE";
    private static final Pattern COLOUR = Pattern.compile("\tC[0-9A-Za-z]");

    private Texts() {}

    /** Drops one leading language marker, if present. */
    public static String stripMarker(String text) {
        if (text.length() >= 2 && text.charAt(0) == '\t' && (text.charAt(1) == 'E' || text.charAt(1) == 'J')) {
            return text.substring(2);
        }
        return text;
    }

    /** Text as a person should see it: no language markers, no colour escapes. */
    public static String display(String text) {
        return COLOUR.matcher(text.replace("\tE", "").replace("\tJ", "")).replaceAll("");
    }
}

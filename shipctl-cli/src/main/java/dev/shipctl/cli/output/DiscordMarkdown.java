package dev.shipctl.cli.output;

/**
 * Game text made inert for a Discord message: Markdown characters are escaped with a backslash (so a name such as
 * {@code **Bob**} shows as typed, and {@code [x](https://…)} is no masked link), {@code @} gets a zero-width space
 * after it (so {@code @everyone}, {@code @here} and {@code <@123>} are plain text even where a client ignores
 * {@code allowed_mentions}), and control characters become spaces.
 */
public final class DiscordMarkdown {
    /** What Discord's Markdown reads as syntax; a backslash before each makes it literal. */
    private static final String SPECIAL = "\\*_~`|>#-[]()<:";

    private DiscordMarkdown() {}

    /** {@code text} as literal text in a message's content or an embed's description. */
    public static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                b.append(' ');
            } else if (c == '@') {
                b.append("@\u200B");
            } else {
                if (SPECIAL.indexOf(c) >= 0) b.append('\\');
                b.append(c);
            }
        }
        return b.toString();
    }
}

package dev.shipctl.cli.terminal;

import org.jline.utils.WCWidth;

/**
 * How many columns text takes on a terminal: East Asian wide characters (ナイト, 騎士) take two, combining marks none,
 * by JLine's {@link WCWidth} (Unicode's East Asian Width and general categories). Plain ASCII is counted without it,
 * so a one-shot verb whose tables are ASCII never loads JLine.
 */
public final class DisplayWidth {
    private DisplayWidth() {}

    /** The columns {@code text} takes (control characters count none: shown text has had them escaped). */
    public static int of(CharSequence text) {
        if (isPrintableAscii(text)) return text.length();
        int columns = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            columns += Math.max(0, WCWidth.wcwidth(cp));
            i += Character.charCount(cp);
        }
        return columns;
    }

    /** {@code text} followed by spaces up to {@code columns} columns (as it is when already that wide or wider). */
    public static String padRight(String text, int columns) {
        int missing = columns - of(text);
        return missing > 0 ? text + " ".repeat(missing) : text;
    }

    private static boolean isPrintableAscii(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E) return false;
        }
        return true;
    }
}

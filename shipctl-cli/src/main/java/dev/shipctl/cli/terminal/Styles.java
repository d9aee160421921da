package dev.shipctl.cli.terminal;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * The styles {@link Terminal} colours with, written as escape sequences by JLine's {@link AttributedString}. Only a
 * colouring terminal reaches this class, so a run without colour never loads JLine for it.
 */
final class Styles {
    static final int BOLD = -1;
    static final int FAINT = -2;
    static final int GREEN = AttributedStyle.GREEN;
    static final int RED = AttributedStyle.RED;
    static final int YELLOW = AttributedStyle.YELLOW;
    static final int CYAN = AttributedStyle.CYAN;

    private Styles() {}

    /** {@code text} (which must hold no escape of its own) in a style, as ANSI escape sequences. */
    static String ansi(String text, int style) {
        AttributedStyle s = switch (style) {
            case BOLD -> AttributedStyle.DEFAULT.bold();
            case FAINT -> AttributedStyle.DEFAULT.faint();
            default -> AttributedStyle.DEFAULT.foreground(style);
        };
        return new AttributedString(text, s).toAnsi();
    }
}

package dev.shipctl.cli.terminal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code --color}: whether shipctl colours what it writes. {@link #AUTO} (the default) colours on a terminal unless
 * {@code NO_COLOR} is set (to anything but the empty string, as no-color.org says) or {@code TERM} is {@code dumb};
 * {@link #ALWAYS} and {@link #NEVER} decide whatever the terminal and the environment say.
 */
public enum ColourChoice {
    AUTO, ALWAYS, NEVER;

    /** The spellings {@code --color} takes, for help and messages. */
    public static final String NAMES = "auto, always or never";

    /** Whether to colour output written to a terminal ({@code tty}) or not, in this environment. */
    public boolean colour(boolean tty, Map<String, String> env) {
        return switch (this) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> tty && !hasValue(env.get("NO_COLOR")) && !"dumb".equals(env.get("TERM"));
        };
    }

    /** The choice an argument names, in any case; empty for anything else. */
    public static Optional<ColourChoice> named(String name) {
        for (ColourChoice c : values()) {
            if (c.name().equals(name.strip().toUpperCase(Locale.ROOT))) return Optional.of(c);
        }
        return Optional.empty();
    }

    private static boolean hasValue(String s) {
        return s != null && !s.isEmpty();
    }
}

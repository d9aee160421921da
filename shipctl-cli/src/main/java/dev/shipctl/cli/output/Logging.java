package dev.shipctl.cli.output;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.util.HashMap;
import java.util.Map;

/**
 * Log level control: warnings by default, debug with -v; logs go to stderr ({@link LogSetup}). Setting a level does
 * not start Logback: the levels are kept here and applied when the first logger is asked for (most one-shot verbs
 * never ask), and at once after that.
 */
public final class Logging {
    private static Level root = Level.WARN;
    private static final Map<String, Level> levels = new HashMap<>();
    /** Logback's context once {@link LogSetup} configured it; null before. */
    private static LoggerContext context;

    private Logging() {}

    /** Whether -v asked for debug logs: the root level is DEBUG or finer. */
    public static synchronized boolean verbose() {
        return root.levelInt <= Level.DEBUG_INT;
    }

    /** Sets the root level. */
    public static synchronized void level(Level level) {
        root = level;
        if (context != null) context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(level);
    }

    /** Sets one logger's level (e.g. the sandbox's server log at INFO, whatever the root says); {@code null} inherits. */
    public static synchronized void level(String logger, Level level) {
        if (level == null) levels.remove(logger);
        else levels.put(logger, level);
        if (context != null) context.getLogger(logger).setLevel(level);
    }

    /** Called by {@link LogSetup} when Logback configures itself: applies the levels set so far. */
    static synchronized void configured(LoggerContext configured) {
        context = configured;
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(root);
        levels.forEach((name, level) -> context.getLogger(name).setLevel(level));
    }
}

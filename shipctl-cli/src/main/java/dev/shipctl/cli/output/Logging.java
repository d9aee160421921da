package dev.shipctl.cli.output;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Log level control: warnings by default, debug with -v. Logs go to stderr (logback.xml). */
public final class Logging {
    private Logging() {}

    /** Whether -v asked for debug logs: the root logger is at DEBUG. */
    public static boolean verbose() {
        return LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).isDebugEnabled();
    }

    public static void level(Level level) {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(level);
        }
    }

    /** Sets one logger's level (e.g. the sandbox's server log at INFO, whatever the root says); {@code null} inherits. */
    public static void level(String logger, Level level) {
        if (LoggerFactory.getLogger(logger) instanceof Logger l) {
            l.setLevel(level);
        }
    }
}

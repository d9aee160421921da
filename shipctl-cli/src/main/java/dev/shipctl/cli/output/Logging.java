package dev.shipctl.cli.output;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Log level control: warnings by default, debug with -v. Logs go to stderr (logback.xml). */
final class Logging {
    private Logging() {}

    static void level(Level level) {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(level);
        }
    }

    /** Sets one logger's level (e.g. the sandbox's server log at INFO, whatever the root says); {@code null} inherits. */
    static void level(String logger, Level level) {
        if (LoggerFactory.getLogger(logger) instanceof Logger l) {
            l.setLevel(level);
        }
    }
}

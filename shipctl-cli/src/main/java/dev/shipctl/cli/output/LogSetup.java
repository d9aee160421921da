package dev.shipctl.cli.output;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's configuration, in code: found by Logback through {@code ServiceLoader} when the first logger is asked
 * for, so no XML is parsed (Logback's Joran and the JDK's XML parser would cost a one-shot verb a good part of its
 * start-up) and nothing at all happens when a verb logs nothing. One appender on stderr; the message and the stack
 * trace go through {@link SafeLogConverters} (text from servers is shown as text); the levels are {@link Logging}'s
 * (warnings, or debug with {@code -v}).
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
    /** The line: time, level, logger's simple name, then the message and any stack trace, made safe. */
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0}: %safeMsg%n%safeEx";

    /** Logback creates it through ServiceLoader. */
    public LogSetup() {}

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        // the appender builds its layout at the first line logged: most one-shot runs log nothing at their level
        OnFirstLine stderr = new OnFirstLine(context);
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(stderr);
        Logging.configured(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** The console appender on stderr with {@link #PATTERN}, started. */
    static ConsoleAppender<ILoggingEvent> consoleAppender(LoggerContext context) {
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.getInstanceConverterMap().put("safeMsg", SafeLogConverters.Message::new);
        layout.getInstanceConverterMap().put("safeEx", SafeLogConverters.StackTrace::new);
        layout.setPattern(PATTERN);
        layout.start();

        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();

        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err"); // System.err at each write: a test that replaces it sees the lines
        stderr.setEncoder(encoder);
        stderr.start();
        return stderr;
    }

    /**
     * Hands every line to the {@link #consoleAppender}, made when the first line comes: parsing the pattern and
     * starting the encoder cost a one-shot run milliseconds of start-up it mostly never needs. Logback calls
     * {@link #append} under this appender's lock.
     */
    static final class OnFirstLine extends AppenderBase<ILoggingEvent> {
        private final LoggerContext context;
        private ConsoleAppender<ILoggingEvent> console;

        OnFirstLine(LoggerContext context) {
            this.context = context;
        }

        @Override
        protected void append(ILoggingEvent event) {
            if (console == null) console = consoleAppender(context);
            console.doAppend(event);
        }
    }
}

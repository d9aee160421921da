package dev.shipctl.cli.output;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import dev.shipctl.cli.terminal.TerminalText;
import java.util.stream.Collectors;

/**
 * Log lines go to stderr, a terminal for a person, and quote what servers sent (packets, refusal texts): {@link LogSetup}
 * prints the message and the stack trace through these converters, which apply {@link TerminalText}'s rule.
 */
public final class SafeLogConverters {
    private SafeLogConverters() {}

    /** {@code %safeMsg}: the formatted message as one line by the rule. */
    public static final class Message extends MessageConverter {
        @Override
        public String convert(ILoggingEvent event) {
            return TerminalText.sanitize(super.convert(event));
        }
    }

    /** {@code %safeEx}: the stack trace, each of its lines by the rule (the leading tab of a frame as spaces). */
    public static final class StackTrace extends ThrowableProxyConverter {
        @Override
        protected String throwableProxyToString(IThrowableProxy proxy) {
            return super.throwableProxyToString(proxy).lines()
                    .map(l -> TerminalText.sanitize(l.startsWith("\t") ? "    " + l.substring(1) : l))
                    .collect(Collectors.joining(System.lineSeparator(), "", System.lineSeparator()));
        }
    }
}

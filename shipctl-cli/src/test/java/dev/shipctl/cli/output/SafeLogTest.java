package dev.shipctl.cli.output;

import static dev.shipctl.cli.terminal.TerminalTest.HOSTILE;
import static dev.shipctl.cli.terminal.TerminalTest.SHOWN;
import static dev.shipctl.cli.terminal.TerminalTextTest.assertSafe;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Log lines (stderr, as LogSetup configures Logback) quote servers: their messages and stack traces follow the terminal rule. */
class SafeLogTest {
    @Test
    void aLoggedMessageAndStackTraceShowReceivedTextAsText() {
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            LoggerFactory.getLogger("dev.shipctl.internal.ChainContext")
                    .warn("while waiting for 0x67: skipped {}", "ServerChat[text=" + HOSTILE + "]", new IllegalStateException(HOSTILE));
        } finally {
            System.setErr(saved);
        }

        String log = captured.toString(StandardCharsets.UTF_8);
        assertSafe(log);
        assertThat(log).contains("WARN  ChainContext: while waiting for 0x67: skipped ServerChat[text=" + SHOWN + "]")
                .contains("java.lang.IllegalStateException: " + SHOWN)
                // a frame is indented by four spaces; inside the module it names the module first ("dev.shipctl.cli@VERSION/")
                .containsPattern(java.util.regex.Pattern.quote(System.lineSeparator()) + "    at (dev\\.shipctl\\.cli@[^/]+/)?dev\\.shipctl\\.cli\\.output\\.SafeLogTest");
    }
}

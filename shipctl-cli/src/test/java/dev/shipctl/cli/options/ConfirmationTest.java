package dev.shipctl.cli.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipctl.cli.common.CliContext;
import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.common.UserError;
import dev.shipctl.cli.terminal.Terminal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code --yes}: what counts as a yes on the terminal, and the refusal off one. */
class ConfirmationTest {
    private static CliContext offTerminal() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        return new CliContext(new Terminal(sink, sink, false), Map.of(), Optional.empty(), Path.of("unused"));
    }

    @Test
    void onlyYOrYesIsAYes() {
        assertThat(Confirmation.isYes("y")).isTrue();
        assertThat(Confirmation.isYes(" YES \n")).isTrue();
        assertThat(Confirmation.isYes("")).isFalse();
        assertThat(Confirmation.isYes("n")).isFalse();
        assertThat(Confirmation.isYes("yeah")).isFalse();
        assertThat(Confirmation.isYes(null)).as("end of input").isFalse();
    }

    @Test
    void offATerminalWithoutYesItIsAUsageErrorSayingWhatWasNotDoneAndWithYesItGoesOn() {
        Confirmation c = new Confirmation();
        assertThatThrownBy(() -> c.confirm(offTerminal(), "dcall", "disconnect everyone")).isInstanceOf(UserError.class)
                .hasMessage("dcall would disconnect everyone; not on a terminal to ask, so nothing was sent: add --yes to do it")
                .satisfies(e -> assertThat(((UserError) e).exitCode()).isEqualTo(ExitCodes.USAGE));
        c.yes = true;
        c.confirm(offTerminal(), "dcall", "disconnect everyone"); // no exception
        assertThat(c.given()).isTrue();
    }
}

package dev.shipctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;

/** The root command: help lists every command; a one-shot run builds only the command it runs. */
class MainTest {
    @TempDir
    Path config;

    @Test
    void aOneShotRunRegistersOnlyItsCommand() {
        assertThat(Main.named(new String[] {"check", "-u", "x"})).isEqualTo(CheckCommand.class);
        assertThat(Main.named(new String[] {"-v", "announce", "hi"})).isEqualTo(AnnounceCommand.class);
        assertThat(Main.named(new String[] {"--help", "check"})).isNull();
        assertThat(Main.named(new String[] {"help", "check"})).isNull();
        assertThat(Main.named(new String[] {"no-such-command"})).isNull();
        assertThat(Main.named(new String[] {})).isNull();
    }

    @Test
    void helpListsEveryCommandWithItsSummaryAndTheExitCodes() {
        Cli.Run run = new Cli(config).run("--help");
        assertThat(run.exitCode()).isZero();
        for (Class<?> c : Main.COMMANDS) {
            assertThat(run.out()).contains("  " + c.getAnnotation(Command.class).name() + " ");
        }
        assertThat(run.out()).contains("Exit codes:").contains("7   no reply or refused");
    }

    @Test
    void everyCommandsHelpHasAnExample() {
        for (Class<?> c : Main.COMMANDS) {
            String name = c.getAnnotation(Command.class).name();
            Cli.Run run = new Cli(config).run(name, "--help");
            assertThat(run.exitCode()).as(name).isZero();
            assertThat(run.out()).as(name + " --help").contains("Usage: shipctl " + name).contains("Example");
            assertThat(new Cli(config).run("help", name).out()).as("help " + name).contains("Usage: shipctl " + name);
        }
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        Cli.Run run = new Cli(config).run("annonce", "hi");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Unmatched argument").contains("announce");
    }
}

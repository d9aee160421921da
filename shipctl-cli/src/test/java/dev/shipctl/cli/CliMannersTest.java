package dev.shipctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.fixtures.Cli;
import dev.shipctl.testkit.SandboxExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's manners, end to end against the sandbox: {@code -h} before a host is a mistake, not help; every
 * usage mistake is one line naming the help to read; {@code --color} decides colour.
 */
class CliMannersTest {
    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.withDemoAccounts();

    @TempDir
    Path config;
    Cli cli;

    @BeforeEach
    void start() {
        cli = new Cli(config).env("SHIPCTL_PASSWORD", "gmadmin123");
    }

    String port() {
        return String.valueOf(SANDBOX.loginPort());
    }

    @Test
    void helpBeforeAHostIsAUsageErrorAndNothingIsSent() {
        Cli.Run check = cli.run("check", "-h", "127.0.0.1", "-p", port(), "-u", "gmadmin");
        assertThat(check.exitCode()).as(check.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(check.err()).isEqualTo("shipctl: -h is help; did you mean -H 127.0.0.1?" + System.lineSeparator());
        assertThat(check.out()).isEmpty();

        Cli.Run announce = cli.run("announce", "-h", "pso.example.org", "-p", port(), "-u", "gmadmin", "Restart in 5");
        assertThat(announce.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(announce.err()).contains("-h is help; did you mean -H pso.example.org?");

        Cli.Run longHelp = cli.run("who", "--help", "localhost:" + port(), "-u", "gmadmin");
        assertThat(longHelp.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(longHelp.err()).contains("--help is help; did you mean -H localhost:" + port() + "?");

        assertThat(SANDBOX.sandbox().events().history()).as("no connection at all").isEmpty();
    }

    @Test
    void helpIsStillHelpWhereNoHostFollows() {
        for (List<String> args : List.of(List.of("check", "-h"), List.of("check", "-h", "-u", "monitor"), List.of("check", "--help"),
                List.of("-h"), List.of("help", "check"))) {
            Cli.Run run = cli.run(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(String.join(" ", args)).isZero();
            assertThat(run.out()).as(String.join(" ", args)).contains("Usage: shipctl");
        }
    }

    @Test
    void everyUsageMistakeIsOneLineWithTheHelpToRead() {
        record Mistake(List<String> args, String says, String help) {}
        List<Mistake> mistakes = List.of(
                new Mistake(List.of("check", "--port", "abc"), "Invalid value for option '--port': 'abc' is not an int", "shipctl check"),
                new Mistake(List.of("kick", "notanumber"), "'notanumber' is not a guild card number", "shipctl kick"),
                new Mistake(List.of("kick"), "Missing required parameter: 'GC'", "shipctl kick"),
                new Mistake(List.of("check", "--timeout", "1x"), "'1x' is not a duration (examples: 90s, 1m30s, 10m, 1h, 1d, 500ms)", "shipctl check"),
                new Mistake(List.of("check", "--frobnicate"), "Unknown option: '--frobnicate'", "shipctl check"),
                new Mistake(List.of("annonce", "hi"), "'annonce' is not a command; did you mean announce?", "shipctl"),
                new Mistake(List.of("profile", "ad"), "unexpected argument 'ad'; did you mean add?", "shipctl profile"),
                new Mistake(List.of(), "no command given", "shipctl"),
                new Mistake(List.of("check", "--color=sometimes"), "--color takes auto, always or never, not 'sometimes'", "shipctl"));
        for (Mistake m : mistakes) {
            Cli.Run run = cli.run(m.args().toArray(String[]::new));
            String what = String.join(" ", m.args());
            assertThat(run.exitCode()).as(what).isEqualTo(ExitCodes.USAGE);
            assertThat(run.out()).as(what).isEmpty();
            assertThat(run.err().lines().toList()).as(what).hasSize(1).first().asString()
                    .startsWith("shipctl: ").contains(m.says()).endsWith("(see `" + m.help() + " --help`)");
        }
        assertThat(SANDBOX.sandbox().events().history()).isEmpty();
    }

    @Test
    void colourIsWhatColorSaysAndOnlyStylesGetThrough() {
        Pattern anyEscape = Pattern.compile("\u001b");
        Pattern sgrOnly = Pattern.compile("\u001b\\[[0-9;]*m");

        Cli.Run always = cli.run("check", "--color=always", "-p", port(), "-u", "gmadmin"); // NO_COLOR=1 is set: always wins
        assertThat(always.exitCode()).as(always.toString()).isZero();
        assertThat(always.out()).contains("\u001b[32mOK\u001b[0m");
        assertThat(sgrOnly.matcher(always.out() + always.err()).replaceAll("")).as("nothing but colours").doesNotContain("\u001b");

        Cli.Run never = cli.run("--color", "never", "check", "-p", port(), "-u", "gmadmin");
        assertThat(never.exitCode()).as(never.toString()).isZero();
        assertThat(never.out()).contains("OK");
        assertThat(anyEscape.matcher(never.out() + never.err()).find()).isFalse();

        Cli.Run auto = new Cli(config).env("SHIPCTL_PASSWORD", "gmadmin123").env("NO_COLOR", "")
                .run("check", "--color=auto", "-p", port(), "-u", "gmadmin"); // not a terminal: no colour
        assertThat(auto.exitCode()).as(auto.toString()).isZero();
        assertThat(anyEscape.matcher(auto.out() + auto.err()).find()).isFalse();
    }
}

package dev.shipctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.cli.admin.AnnounceCommand;
import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.diagnostics.CheckCommand;
import dev.shipctl.cli.diagnostics.SwarmCommand;
import dev.shipctl.cli.fixtures.Cli;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
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
        // where the verb is, for what runs before picocli (the swarm's share of the cores)
        assertThat(Main.verbIndex(new String[] {"-v", "--color", "never", "swarm", "--sandbox"})).isEqualTo(3);
        assertThat(Main.named(new String[] {"--color", "never", "swarm"})).isEqualTo(SwarmCommand.class);
        assertThat(Main.named(new String[] {"announce", "--sandbox", "--sessions", "10"})).isNotEqualTo(SwarmCommand.class);
        assertThat(Main.verbIndex(new String[] {"-V", "swarm"})).isEqualTo(-1);
    }

    @Test
    void theTableOfCommandsNamesEachByItsOwnAnnotation() {
        Main.COMMANDS.forEach((name, command) ->
                assertThat(command.getAnnotation(Command.class).name()).as(command.getSimpleName()).isEqualTo(name));
    }

    @Test
    void theAnnotationsReadAheadAreThoseOfTheCommandAndEveryMixinBelowIt() {
        java.util.Set<Class<?>> read = new java.util.HashSet<>();
        Main.readAnnotations(AnnounceCommand.class, read);
        assertThat(read).contains(AnnounceCommand.class, dev.shipctl.cli.options.ConnectOptions.class,
                dev.shipctl.cli.output.OutputOptions.class, dev.shipctl.cli.options.FastLogin.class);
    }

    @Test
    void helpListsEveryCommandWithItsSummaryAndTheExitCodes() {
        Cli.Run run = new Cli(config).run("--help");
        assertThat(run.exitCode()).isZero();
        for (Class<?> c : Main.COMMANDS.values()) {
            assertThat(run.out()).contains("  " + c.getAnnotation(Command.class).name() + " ");
        }
        assertThat(run.out()).contains("Exit codes:").containsPattern("(?m)^  7 +no reply or refused")
                .containsPattern("(?m)^  10 +sent but unconfirmed").containsPattern("(?m)^  130 +cancelled");
    }

    @Test
    void everyCommandsHelpHasAnExample() {
        for (Class<?> c : Main.COMMANDS.values()) {
            String name = c.getAnnotation(Command.class).name();
            Cli.Run run = new Cli(config).run(name, "--help");
            assertThat(run.exitCode()).as(name).isZero();
            assertThat(run.out()).as(name + " --help").contains("Usage: shipctl " + name).contains("Example");
            assertThat(new Cli(config).run("help", name).out()).as("help " + name).contains("Usage: shipctl " + name);
        }
    }

    @Test
    void helpNeverBreaksAnExampleLineHoweverNarrowTheTerminal() {
        CommandLine cli = Main.commandLine(new Cli(config).context());
        cli.setUsageHelpAutoWidth(false);
        cli.setUsageHelpWidth(55); // picocli's narrowest; every command has examples longer than that
        List<CommandLine> all = new ArrayList<>();
        collect(cli, all);
        int examples = 0;
        for (CommandLine c : all) {
            List<String> help = c.getUsageMessage().lines().toList();
            for (String example : c.getCommandSpec().usageMessage().footer()) {
                assertThat(help).as(c.getCommandName() + " --help").contains(String.format(example).stripTrailing());
                examples++;
            }
        }
        assertThat(examples).isGreaterThan(all.size());
    }

    /**
     * picocli wraps each element of a description to the terminal's width and starts the next on a new line: a
     * sentence split over two elements breaks in the middle on any terminal narrower or wider than its source.
     */
    @Test
    void noDescriptionParagraphIsSplitMidSentence() {
        List<CommandLine> all = new ArrayList<>();
        collect(Main.commandLine(new Cli(config).context()), all);
        List<String> split = new ArrayList<>();
        for (CommandLine c : all) {
            String[] d = c.getCommandSpec().usageMessage().description();
            for (int i = 0; i + 1 < d.length; i++) {
                String line = d[i].strip();
                String next = d[i + 1].strip();
                if (!line.isEmpty() && !next.isEmpty() && !line.matches(".*[.:;!?)]$") && !next.matches("^[-*A-Z0-9'\"`].*")) {
                    split.add(c.getCommandName() + ": '" + line + "' / '" + next + "'");
                }
            }
        }
        assertThat(split).isEmpty();
    }

    private static void collect(CommandLine c, List<CommandLine> into) {
        into.add(c);
        c.getSubcommands().values().forEach(s -> collect(s, into));
    }

    @Test
    void helpIsAsWideAsTheTerminal() {
        CommandLine cli = Main.commandLine(new Cli(config).context());
        List<CommandLine> all = new ArrayList<>();
        collect(cli, all);
        assertThat(all).allSatisfy(c -> assertThat(c.isUsageHelpAutoWidth()).as(c.getCommandName()).isTrue());
    }

    @Test
    void versionSaysTheCommitAndTheBuildDate() throws Exception {
        Cli.Run run = new Cli(config).run("--version");
        assertThat(run.exitCode()).isZero();
        // build.properties is written by the build (target/classes): a test run from Maven sees the commit it built
        String commit = headCommit().orElse("unknown");
        assertThat(run.outLines().getFirst())
                .matches("shipctl \\d+\\.\\d+\\.\\d+\\S* \\(commit " + commit + "( with uncommitted changes)?, built \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\)");
        assertThat(run.outLines().get(1)).startsWith("Java " + Runtime.version());
    }

    @Test
    void theVersionPrintedWithoutPicocliIsWhatPicocliPrints() {
        Cli cli = new Cli(config);
        java.io.StringWriter viaPicocli = new java.io.StringWriter();
        Main.commandLine(cli.context()).printVersionHelp(new java.io.PrintWriter(viaPicocli, true));
        for (String[] args : List.of(new String[] {"--version"}, new String[] {"-V"}, new String[] {"-v", "--version"})) {
            Cli.Run run = cli.run(args);
            assertThat(run.exitCode()).isZero();
            assertThat(run.outLines()).as(String.join(" ", args)).isEqualTo(viaPicocli.toString().lines().toList());
        }
        assertThat(Main.onlyVersion(new String[] {"--version"})).isTrue();
        assertThat(Main.onlyVersion(new String[] {"check", "--version"})).isFalse(); // the command's own version option
        assertThat(Main.onlyVersion(new String[] {"--version", "--help"})).isFalse();
        assertThat(Main.onlyVersion(new String[] {"-v"})).isFalse();
    }

    /** The checkout's commit as the build reads it, or empty when this is no git checkout (a source archive). */
    private static java.util.Optional<String> headCommit() throws Exception {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short=10", "HEAD").redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(git.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
            return git.waitFor() == 0 && out.matches("[0-9a-f]+") ? java.util.Optional.of(out) : java.util.Optional.empty();
        } catch (java.io.IOException noGit) {
            return java.util.Optional.empty();
        }
    }

    @Test
    void aBuildWithoutItsRecordSaysSo() {
        assertThat(new BuildInfo(null, "unknown", false, "unknown").describe())
                .isEqualTo("(development build) (commit unknown, built unknown)");
        assertThat(new BuildInfo("1.0", "0123456789", true, "2026-01-02T03:04:05Z").describe())
                .isEqualTo("1.0 (commit 0123456789 with uncommitted changes, built 2026-01-02T03:04:05Z)");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        Cli.Run run = new Cli(config).run("annonce", "hi");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).isEqualTo("shipctl: 'annonce' is not a command; did you mean announce? (see `shipctl --help`)"
                + System.lineSeparator());
    }
}

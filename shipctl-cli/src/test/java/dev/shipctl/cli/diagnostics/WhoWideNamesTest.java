package dev.shipctl.cli.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.Credentials;
import dev.shipctl.Session;
import dev.shipctl.ShipClient;
import dev.shipctl.cli.fixtures.Cli;
import dev.shipctl.cli.terminal.DisplayWidth;
import dev.shipctl.sandbox.Account;
import dev.shipctl.sandbox.Accounts;
import dev.shipctl.sandbox.Password;
import dev.shipctl.testkit.SandboxExtension;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code who} aligns its columns by what a terminal shows: a Japanese name takes two columns per character. */
class WhoWideNamesTest {
    static final String WIDE = "ナイト騎士"; // 5 characters, 10 columns
    static final int WIDE_GC = 42000004;
    static final int NARROW_GC = 42000005;

    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.withAccounts(Accounts.of(List.of(
            new Account("gmadmin", new Password.Plain("gmadmin123"), 42000001, true, "GMBot", false),
            new Account("knight", new Password.Plain("knight123"), WIDE_GC, false, WIDE, false),
            new Account("ranger", new Password.Plain("ranger123"), NARROW_GC, false, "Ranger", false))));

    @TempDir
    Path config;

    Session player(String user, String password) throws Exception {
        return ShipClient.builder().server("127.0.0.1", SANDBOX.loginPort()).block("1").build().connect(new Credentials(user, password));
    }

    @Test
    void aJapaneseNameIsAlignedWithTheOthers() throws Exception {
        try (Session knight = player("knight", "knight123"); Session ranger = player("ranger", "ranger123")) {
            Cli.Run run = new Cli(config).env("SHIPCTL_PASSWORD", "gmadmin123")
                    .run("who", "-p", String.valueOf(SANDBOX.loginPort()), "-u", "gmadmin");
            assertThat(run.exitCode()).as(run.toString()).isZero();

            String wide = line(run, WIDE);
            String narrow = line(run, "Ranger");
            assertThat(wide).as(run.out()).contains(Integer.toString(WIDE_GC));
            int wideColumn = DisplayWidth.of(wide.substring(0, wide.indexOf(Integer.toString(WIDE_GC))));
            int narrowColumn = DisplayWidth.of(narrow.substring(0, narrow.indexOf(Integer.toString(NARROW_GC))));
            assertThat(wideColumn).as("the guild cards start in the same column:%n%s%n%s", wide, narrow).isEqualTo(narrowColumn);
            // and that column is the wider name's end plus the two spaces between columns
            assertThat(wideColumn).isEqualTo("    ".length() + 2 * WIDE.length() + 2);
        }
    }

    private static String line(Cli.Run run, String name) {
        return run.outLines().stream().filter(l -> l.contains(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no line with " + name + " in\n" + run));
    }
}

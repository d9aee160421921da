package dev.shipctl.cli.config;

import static dev.shipctl.cli.fixtures.FileModes.chmod;
import static dev.shipctl.cli.fixtures.FileModes.file;
import static dev.shipctl.cli.fixtures.FileModes.giveToNobody;
import static dev.shipctl.cli.fixtures.FileModes.mode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.fixtures.AdminHarness;
import dev.shipctl.cli.fixtures.Cli;
import dev.shipctl.cli.options.PasswordSource;
import dev.shipctl.cli.output.Json;
import dev.shipctl.sandbox.Accounts;
import dev.shipctl.sandbox.Sandbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11, findings 3 and 6, end to end through the command line: {@code --trace FILE}, password files, the
 * profiles file, the shell history and the config directory. Refusals happen before any connection: port 1 on
 * loopback is never reached.
 */
class LocalFilesTest {
    private static final String PASSWORD = "Xq7-pass";

    @TempDir
    Path dir;

    Sandbox sandbox;
    Path config;
    Cli cli;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.builder().loginPort(0).accounts(Accounts.parse("""
                [[accounts]]
                user = "filer"
                password = "%s"
                guild_card = 42000011
                character = "Filer"
                """.formatted(PASSWORD), "test")).build().start();
        config = dir.resolve("config");
        cli = new Cli(config).env("SHIPCTL_PASSWORD", PASSWORD);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    /** A check that is refused (exit 9, one line) before it connects anywhere. */
    private Cli.Run refusedCheck(Cli with, String... extra) {
        Cli.Run run = with.run(concat(new String[] {"check", "-p", "1", "-u", "filer"}, extra));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.CONFIG);
        assertThat(run.err().strip()).as("one line").doesNotContain("\n").startsWith("shipctl: ").doesNotContain(PASSWORD);
        return run;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private String port() {
        return String.valueOf(sandbox.loginPort());
    }

    // ---- --trace ------------------------------------------------------------------------------------------

    @Test
    void traceOntoASymbolicLinkIsRefusedAndItsTargetStaysAsItWas() throws Exception {
        Path victim = file(dir.resolve("victim"), "precious\n", "rw-------");
        Path link = Files.createSymbolicLink(dir.resolve("trace.jsonl"), victim);

        Cli.Run run = refusedCheck(cli, "--trace", link.toString());

        assertThat(run.err()).contains("the trace file " + link + " is a symbolic link");
        assertThat(Files.readString(victim)).isEqualTo("precious\n");
    }

    @Test
    void traceOntoAFileOfAnotherUserIsRefused() throws Exception {
        Path theirs = giveToNobody(file(dir.resolve("trace.jsonl"), "", "rw-------"));

        Cli.Run run = refusedCheck(cli, "--trace", theirs.toString());

        assertThat(run.err()).contains("belongs to nobody, not to you");
        assertThat(Files.size(theirs)).isZero();
    }

    @Test
    void traceOntoAFileOpenToOthersIsRefused() throws Exception {
        Path open = file(dir.resolve("trace.jsonl"), "", "rw-rw-rw-");

        Cli.Run run = refusedCheck(cli, "--trace", open.toString());

        assertThat(run.err()).contains("(mode 0666); run: chmod 600 " + open);
        assertThat(Files.size(open)).isZero();
    }

    @Test
    void traceStopsAtItsLimitWithOneWarningAndWholeLines() throws Exception {
        Path trace = dir.resolve("traces/trace.jsonl");

        Cli.Run run = cli.run("check", "-p", port(), "-u", "filer", "--trace", trace.toString(), "--trace-max", "3kB");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.size(trace)).isPositive().isLessThanOrEqualTo(3000);
        assertThat(mode(trace)).isEqualTo("0600");
        assertThat(mode(trace.getParent())).as("a folder it made").isEqualTo("0700");
        assertThat(Files.readAllLines(trace)).allSatisfy(l -> assertThat(Json.MAPPER.readTree(l).has("hex")).isTrue());
        assertThat(run.err().lines().filter(l -> l.contains("trace"))).containsExactly(
                "shipctl: the trace file " + trace + " reached its limit of 3 kB (--trace-max); later packets are not recorded");

        Cli.Run again = cli.run("check", "-p", port(), "-u", "filer", "--trace", trace.toString(), "--trace-max", "3kB");
        assertThat(again.exitCode()).isZero();
        assertThat(Files.size(trace)).as("a full trace stays full").isLessThanOrEqualTo(3000);
        assertThat(again.err()).contains("reached its limit of 3 kB");
    }

    // ---- password files -----------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"rw--w--w-", "rw-r--r--", "rw-r-----", "rw-rw-rw-", "rw-----w-"})
    void passwordFilesOpenToOthersAreRefusedNamingTheFix(String permissions) throws Exception {
        Path f = file(dir.resolve("pw"), PASSWORD + "\n", permissions);

        Cli.Run run = refusedCheck(cli, "--password-file", f.toString());

        assertThat(run.err()).contains("the password file " + f + " is open to other users (mode " + mode(f) + "); run: chmod 600 " + f);
    }

    @Test
    void aPasswordFileBehindASymbolicLinkIsRefused() throws Exception {
        Path real = file(dir.resolve("real-pw"), PASSWORD + "\n", "rw-------");
        Path link = Files.createSymbolicLink(dir.resolve("pw"), real);

        assertThat(refusedCheck(cli, "--password-file", link.toString()).err()).contains("the password file " + link + " is a symbolic link");
    }

    @Test
    void aPasswordFileOfAnotherUserIsRefused() throws Exception {
        Path theirs = giveToNobody(file(dir.resolve("pw"), PASSWORD + "\n", "rw-------"));

        assertThat(refusedCheck(cli, "--password-file", theirs.toString()).err()).contains("the password file " + theirs + " belongs to nobody");
    }

    @Test
    void anOwnerOnlyPasswordFileLogsInEvenWithAByteOrderMarkAndCrlf() throws Exception {
        Path plain = file(dir.resolve("plain"), PASSWORD + "\n", "rw-------");
        Path notepad = dir.resolve("notepad");
        Files.write(notepad, concatBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, (PASSWORD + "\r\nsecond line\r\n").getBytes(StandardCharsets.UTF_8)));
        chmod(notepad, "rw-------");
        Cli noEnv = new Cli(config);

        for (Path f : new Path[] {plain, notepad}) {
            Cli.Run run = noEnv.run("check", "-p", port(), "-u", "filer", "--password-file", f.toString());
            assertThat(run.exitCode()).as(f + ": " + run.err()).isZero();
        }
    }

    @Test
    void aPasswordFileIsReadAsCharactersWithoutMarkOrLineEnd() throws Exception {
        Path f = dir.resolve("pw");
        Files.write(f, concatBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "pässwort\r\n".getBytes(StandardCharsets.UTF_8)));
        chmod(f, "r--------");
        assertThat(new PasswordSource.FromFile(f).read(Map.of(), null)).containsExactly("pässwort".toCharArray());

        Path empty = file(dir.resolve("empty"), "\r\n", "rw-------");
        Cli.Run run = refusedCheck(cli, "--password-file", empty.toString());
        assertThat(run.err()).contains("is empty");
    }

    private static byte[] concatBytes(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    // ---- the profiles file and the config directory --------------------------------------------------------

    @Test
    void aProfilesFileOpenToOthersIsNotTrusted() throws Exception {
        Files.createDirectories(config);
        chmod(config, "rwx------");
        Path toml = file(config.resolve("config.toml"), """
                [profiles.home]
                host = "127.0.0.1"
                port = %s
                user = "filer"
                """.formatted(port()), "rw-rw-rw-");

        Cli.Run list = cli.run("profile", "list");
        Cli.Run use = cli.run("check", "--profile", "home");

        for (Cli.Run run : new Cli.Run[] {list, use}) {
            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.CONFIG);
            assertThat(run.err().strip()).isEqualTo("shipctl: the config file " + toml + " is open to other users (mode 0666); run: chmod 600 " + toml);
        }
        chmod(toml, "rw-------");
        assertThat(cli.run("check", "--profile", "home").exitCode()).isZero();
    }

    @Test
    void profileAddCreatesAPrivateDirectoryAndFile() throws Exception {
        Path fresh = dir.resolve("home/.config/shipctl");
        Cli.Run run = new Cli(fresh).run("profile", "add", "home", "--port", port(), "--user", "filer");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(mode(fresh)).isEqualTo("0700");
        assertThat(mode(fresh.resolve("config.toml"))).isEqualTo("0600");
    }

    @Test
    void profileAddRefusesALinkedConfigFileOrAnOpenDirectory() throws Exception {
        Files.createDirectories(config);
        chmod(config, "rwx------");
        Path victim = file(dir.resolve("victim"), "precious\n", "rw-------");
        Files.createSymbolicLink(config.resolve("config.toml"), victim);

        Cli.Run linked = cli.run("profile", "add", "home", "--user", "filer");
        assertThat(linked.exitCode()).isEqualTo(ExitCodes.CONFIG);
        assertThat(linked.err()).contains("is a symbolic link");
        assertThat(Files.readString(victim)).isEqualTo("precious\n");

        Path open = chmod(Files.createDirectories(dir.resolve("open")), "rwxrwxrwx");
        Cli.Run inOpen = new Cli(open).run("profile", "add", "home", "--user", "filer");
        assertThat(inOpen.exitCode()).isEqualTo(ExitCodes.CONFIG);
        assertThat(inOpen.err()).contains("the config directory " + open + " is open to other users (mode 0777); run: chmod 700 " + open);
        assertThat(open.resolve("config.toml")).doesNotExist();
    }

    @Test
    void profileAddWarnsOfAPasswordFileItWouldRefuse() throws Exception {
        Path f = file(dir.resolve("pw"), PASSWORD + "\n", "rw-r--r--");
        Cli.Run run = cli.run("profile", "add", "home", "--user", "filer", "--password-file", f.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("warning: the password file " + f + " is open to other users (mode 0644); run: chmod 600 " + f);
        assertThat(refusedCheck(new Cli(config), "--profile", "home").err()).contains("run: chmod 600 " + f);
    }

    // ---- the shell's history -------------------------------------------------------------------------------

    @Test
    void theShellKeepsItsHistoryOwnerOnlyInAPrivateDirectory() throws Exception {
        Path fresh = dir.resolve("home/.config/shipctl");
        Cli.Run run = shell(fresh, "reload-gms\nexit\n");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(mode(fresh)).isEqualTo("0700");
        assertThat(mode(fresh.resolve("history"))).isEqualTo("0600");
        assertThat(Files.readString(fresh.resolve("history"))).contains("reload-gms");
    }

    @Test
    void theShellRefusesALinkedHistoryBeforeLoggingIn() throws Exception {
        Files.createDirectories(config);
        chmod(config, "rwx------");
        Path victim = file(dir.resolve("victim"), "precious\n", "rw-------");
        Files.createSymbolicLink(config.resolve("history"), victim);

        Cli.Run run = shell(config, "reload-gms\nexit\n");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.CONFIG);
        assertThat(run.err()).contains("the shell history " + config.resolve("history") + " is a symbolic link");
        assertThat(Files.readString(victim)).isEqualTo("precious\n");
    }

    private Cli.Run shell(Path configDir, String typed) throws Exception {
        try (AdminHarness h = new AdminHarness(configDir)) {
            return h.asWithInput(typed, "gmadmin", "shell");
        }
    }
}

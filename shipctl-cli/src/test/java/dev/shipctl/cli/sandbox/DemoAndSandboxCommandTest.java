package dev.shipctl.cli.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.fixtures.Cli;
import dev.shipctl.cli.output.Json;
import dev.shipctl.testkit.FaultProxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The newcomer's first commands, end to end on loopback: {@code demo}, and {@code sandbox} used by {@code check}. */
class DemoAndSandboxCommandTest {
    @TempDir
    Path config;

    @Test
    void demoShowsTheAnnouncementArrivingAndTheReloadAnswered() {
        Cli.Run run = new Cli(config).run("demo");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("player1 (character Player1) is in lobby 1")
                .contains("player1 saw GMBot join")
                .contains("← B0  Announce by sending a mail.")
                .contains("player1 received: \"[GM]GMBot: Server restart in 10 minutes\"")
                .contains("← B0  Local GM file reloaded.")
                .contains("Done in");
    }

    @Test
    void demoAsJsonIsOneObjectPerStep() {
        Cli.Run run = new Cli(config).run("demo", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> lines = run.outLines().stream().map(Json.MAPPER::readTree).toList();
        assertThat(lines).extracting(n -> n.get("kind") == null ? "done" : n.get("kind").asString())
                .containsExactly("sandbox", "login", "login", "announce", "reload-gms", "done");
        assertThat(lines.get(3).get("detail").asString()).isEqualTo("[GM]GMBot: Server restart in 10 minutes");
        assertThat(lines.getLast().get("ok").asBoolean()).isTrue();
    }

    @Test
    void sandboxServesAccountsFromAFileUntilStopped() throws Exception {
        Path accounts = config.resolve("accounts.toml");
        Files.writeString(accounts, """
                [[accounts]]
                user = "admin"
                password = "s3cret-pass"
                guild_card = 43000001
                gm = true
                character = "Admin"
                """);
        Files.setPosixFilePermissions(accounts, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Path state = config.resolve("state.json");
        Cli.Running sandbox = new Cli(config).start("sandbox", "--port", "0", "--ship-port", "0", "--accounts", accounts.toString(),
                "--state", state.toString());
        String login = sandbox.out().await(l -> l.strip().startsWith("login"));
        Matcher m = Pattern.compile(":(\\d+)").matcher(login);
        assertThat(m.find()).isTrue();
        String port = m.group(1);

        Cli.Run ok = new Cli(config).env("SHIPCTL_PASSWORD", "s3cret-pass").run("check", "-p", port, "-u", "admin");
        assertThat(ok.exitCode()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).contains("OK").contains("Sandbox / BLOCK01");

        // the whole chain: the fast-path ticket the first check kept would take the account in without its password
        Cli.Run refused = new Cli(config).env("SHIPCTL_PASSWORD", "wrong").run("check", "-p", port, "-u", "admin", "--full-login");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.LOGIN_REFUSED);
        assertThat(refused.out()).contains("Username or password is incorrect.");

        assertThat(sandbox.stop()).isZero();
        assertThat(sandbox.out().all()).contains("State: bans and created characters are kept in " + state, "sandbox stopped");
        assertThat(state).as("written at a clean stop").content().contains("shipctl-sandbox-state 1");
    }

    @Test
    void sandboxCanAdvertiseAnotherAddressForAProxyInFrontOfIt() throws Exception {
        InetAddress proxyHost = InetAddress.getByName("127.0.0.2");
        Cli.Running sandbox = new Cli(config).start("sandbox", "--port", "0", "--ship-port", "0", "--advertise", "127.0.0.2");
        sandbox.out().await(l -> l.contains("redirects  name 127.0.0.2"));
        int[] ports = sandbox.out().all().stream().takeWhile(l -> !l.contains("redirects"))
                .flatMap(l -> Pattern.compile("127\\.0\\.0\\.1:(\\d+)").matcher(l).results())
                .mapToInt(r -> Integer.parseInt(r.group(1))).toArray();
        assertThat(ports).as("login, character, ship, two blocks").hasSize(5);
        try (FaultProxy proxy = FaultProxy.builder().mirror(proxyHost, InetAddress.getLoopbackAddress(), ports).build().start()) {
            Cli.Run ok = new Cli(config).env("SHIPCTL_PASSWORD", "player123")
                    .run("check", "-H", "127.0.0.2", "-p", String.valueOf(ports[0]), "-u", "player1");
            assertThat(ok.exitCode()).as(ok.out() + ok.err()).isZero();
            assertThat(proxy.accepted()).as("every connection of the chain came through the proxy").isEqualTo(6);
        } finally {
            assertThat(sandbox.stop()).isZero();
        }
    }

    @Test
    void anAdvertisedAddressMustBeIpv4() {
        Cli.Run run = new Cli(config).run("sandbox", "--port", "0", "--ship-port", "0", "--advertise", "::1", "--stop-after", "1s");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).isEqualTo("shipctl: --advertise ::1: redirects carry IPv4 addresses; give one" + System.lineSeparator());
    }

    @Test
    void aKeyPoolIsZeroOrMorePairs() {
        Cli.Run run = new Cli(config).run("sandbox", "--port", "0", "--ship-port", "0", "--key-pool", "-1", "--stop-after", "1s");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).isEqualTo("shipctl: --key-pool: -1 pairs; give 0 (fresh keys) or more" + System.lineSeparator());
    }

    @Test
    void aStateFileThatIsNotOneIsAConfigurationErrorAndStaysAsItWas() throws Exception {
        Path accounts = config.resolve("accounts.toml");
        Files.writeString(accounts, "[[accounts]]\nuser = \"admin\"\n");

        Cli.Run run = new Cli(config).run("sandbox", "--port", "0", "--ship-port", "0", "--state", accounts.toString(), "--stop-after", "1s");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.CONFIG);
        assertThat(run.err()).startsWith("shipctl: cannot use the state file: ").contains("not a sandbox state file").doesNotContain("\tat ");
        assertThat(accounts).content().isEqualTo("[[accounts]]\nuser = \"admin\"\n");
    }

    @Test
    void hashPasswordMakesAHashTheAccountsFileAccepts() throws Exception {
        Cli.Run run = new Cli(config).env("SHIPCTL_PASSWORD", "hunter22").run("sandbox", "--hash-password");
        assertThat(run.exitCode()).isZero();
        String hash = run.out().strip();
        assertThat(hash).startsWith("pbkdf2-sha256$").doesNotContain("hunter22");
        dev.shipctl.sandbox.Accounts accounts = dev.shipctl.sandbox.Accounts.parse("""
                [[accounts]]
                user = "a"
                password_hash = "%s"
                guild_card = 1
                """.formatted(hash), "test");
        assertThat(accounts.byUser("a").orElseThrow().password().matches("hunter22")).isTrue();
    }

    @Test
    void aPortInUseIsAConfigurationErrorNotAStackTrace() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Cli.Run run = new Cli(config).run("sandbox", "--port", String.valueOf(taken.getLocalPort()), "--ship-port", "0",
                    "--stop-after", "1s");
            assertThat(run.exitCode()).isEqualTo(ExitCodes.CONFIG);
            assertThat(run.err()).startsWith("shipctl: ").contains("try --port 0").doesNotContain("\tat ");
        }
    }
}

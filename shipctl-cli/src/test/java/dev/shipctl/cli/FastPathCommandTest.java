package dev.shipctl.cli;

import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.fixtures.Cli;
import dev.shipctl.cli.fixtures.FileModes;
import dev.shipctl.cli.output.Json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.sandbox.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The fast path of the one-shot verbs against the sandbox: the kept ticket, the fallback, --full-login, logout. */
class FastPathCommandTest {
    @TempDir
    Path config;

    Sandbox sandbox;
    Cli cli;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.builder().loginPort(0).build().start();
        cli = new Cli(config).env("SHIPCTL_PASSWORD", "player123");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    String port() {
        return String.valueOf(sandbox.loginPort());
    }

    Path ticketDir() {
        return config.resolve("state").resolve("shipctl").resolve("fast-path");
    }

    Path ticket() {
        return ticketDir().resolve("player1@127.0.0.1_" + port() + ".ticket");
    }

    JsonNode check(String... more) {
        Cli.Run run = cli.run(Stream.concat(Stream.of("check", "-p", port(), "-u", "player1", "--json"), Stream.of(more)).toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return Json.MAPPER.readTree(run.out());
    }

    static List<String> stages(JsonNode o) {
        return o.get("stages").valueStream().map(s -> s.get("stage").asString()).toList();
    }

    @Test
    void theFirstCheckTakesTheWholeChainTheSecondGoesStraightToTheBlock() throws Exception {
        JsonNode first = check();
        assertThat(first.get("login_path").asString()).isEqualTo("full");
        assertThat(stages(first)).contains("login", "character_token", "ship_list");
        assertThat(FileModes.mode(ticket())).isEqualTo("0600");
        assertThat(FileModes.mode(ticketDir())).isEqualTo("0700");
        String kept = Files.readString(ticket());
        assertThat(kept).doesNotContain("player123").contains("user=player1");

        Path trace = config.resolve("trace.jsonl");
        JsonNode second = check("--trace", trace.toString());
        assertThat(second.get("login_path").asString()).isEqualTo("fast");
        assertThat(stages(second)).containsExactly("connect", "block", "lobby");
        List<JsonNode> packets = Files.readAllLines(trace).stream().map(Json.MAPPER::readTree).toList();
        assertThat(packets.stream().map(p -> p.get("connection").asString()).distinct()).hasSize(1)
                .allMatch(c -> c.startsWith("#1 block"));
        // the trace holds neither the token nor the config of the ticket
        String token = kept.lines().filter(l -> l.startsWith("token=")).findFirst().orElseThrow().substring(6);
        String tokenHex = HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putInt(Integer.parseUnsignedInt(token)).array());
        String config = kept.lines().filter(l -> l.startsWith("config=")).findFirst().orElseThrow().substring(7);
        String traced = Files.readString(trace);
        assertThat(traced).doesNotContain(tokenHex).doesNotContain(config.substring(0x20 * 2, 0x28 * 2));
        // nor does the JSON output
        assertThat(second.toString()).doesNotContain(token).doesNotContain(config);
    }

    @Test
    void anotherLoginOfTheAccountInBetweenMakesTheNextCheckFallBackAndSucceed() throws Exception {
        check();
        String before = Files.readString(ticket());
        try (var other = dev.shipctl.ShipClient.builder().server("127.0.0.1", sandbox.loginPort()).build()
                .connect(new dev.shipctl.Credentials("player1", "player123"))) {
            assertThat(other.loginPath().kind()).isEqualTo(dev.shipctl.LoginPath.Kind.FULL_CHAIN);
        }
        JsonNode after = check();
        assertThat(after.get("login_path").asString()).isEqualTo("fallback");
        assertThat(after.get("login_path_note").asString()).contains("Security violation.");
        assertThat(Files.readString(ticket())).isNotEqualTo(before);
        assertThat(check().get("login_path").asString()).isEqualTo("fast");
    }

    @Test
    void fullLoginSkipsTheTicketAndTextOutputSaysWhichPath() {
        check();
        assertThat(check("--full-login").get("login_path").asString()).isEqualTo("full");
        Cli.Run text = cli.run("check", "-p", port(), "-u", "player1");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("fast path");
    }

    @Test
    void oneShotVerbsUseTheTicketToo() {
        Cli.Run first = cli.run("command", "-p", port(), "-u", "player1", "--json", "--", "/bank");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(ticket()).exists();
        Path trace = config.resolve("command.jsonl");
        Cli.Run second = cli.run("command", "-p", port(), "-u", "player1", "--json", "--trace", trace.toString(), "--", "/bank");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(sandboxConnectionsIn(trace)).isEqualTo(1);
    }

    @Test
    void logoutForgetsTheTicketOfAnAccountOrAll() {
        check();
        assertThat(ticket()).exists();
        Cli.Run out = cli.run("logout", "-p", port(), "-u", "player1");
        assertThat(out.exitCode()).as(out.err()).isZero();
        assertThat(out.out()).contains("Forgot the fast-path ticket of player1");
        assertThat(ticket()).doesNotExist();
        assertThat(check().get("login_path").asString()).isEqualTo("full");

        Cli.Run all = cli.run("logout", "--all");
        assertThat(all.exitCode()).isZero();
        assertThat(all.out()).contains("Forgot 1 fast-path ticket.");
        assertThat(ticket()).doesNotExist();
        assertThat(cli.run("logout").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aStateFolderOpenToOthersCostsTheFastPathNotTheVerb() throws Exception {
        check();
        FileModes.chmod(ticket(), "rw-r--r--");
        Cli.Run run = cli.run("check", "-p", port(), "-u", "player1", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("fast path not used");
        assertThat(Json.MAPPER.readTree(run.out()).get("login_path").asString()).isEqualTo("full");
    }

    private static long sandboxConnectionsIn(Path trace) {
        try {
            return Files.readAllLines(trace).stream().map(Json.MAPPER::readTree).map(p -> p.get("connection").asString()).distinct().count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

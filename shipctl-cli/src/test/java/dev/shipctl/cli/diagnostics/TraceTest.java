package dev.shipctl.cli.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.fixtures.Cli;
import dev.shipctl.cli.output.Json;
import dev.shipctl.sandbox.Accounts;
import dev.shipctl.sandbox.Sandbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code --trace FILE} and {@code trace show}. */
class TraceTest {
    private static final String PASSWORD = "Xq7-secret!";  // shares nothing with the user name

    @TempDir
    Path dir;

    Sandbox sandbox;
    Cli cli;
    Path trace;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.builder().loginPort(0).accounts(Accounts.parse("""
                [[accounts]]
                user = "tracer"
                password = "%s"
                guild_card = 42000010
                character = "Tracer"
                """.formatted(PASSWORD), "test")).build().start();
        cli = new Cli(dir).env("SHIPCTL_PASSWORD", PASSWORD);
        trace = dir.resolve("trace.jsonl");
        Cli.Run run = cli.run("check", "-p", String.valueOf(sandbox.loginPort()), "-u", "tracer", "--trace", trace.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void everyPacketIsRecordedWithTimeConnectionDirectionCommandSizeAndHex() throws Exception {
        List<JsonNode> records = Files.readAllLines(trace).stream().map(Json.MAPPER::readTree).toList();

        assertThat(records).isNotEmpty().allSatisfy(r -> {
            assertThat(r.propertyNames()).contains("time", "connection", "direction", "command", "size", "hex");
            assertThat(r.get("hex").asString()).hasSize(2 * r.get("size").asInt());
        });
        // seven TCP connections: login, three character-server connections, ship, block (numbered in order)
        assertThat(records.stream().map(r -> r.get("connection").asString().split(" ")[0]).distinct())
                .containsExactly("#1", "#2", "#3", "#4", "#5", "#6");
        assertThat(records.stream().filter(r -> r.get("command").asString().equals("0x93"))).hasSize(6);
        assertThat(records.getFirst().get("command").asString()).isEqualTo("0x03");
    }

    @Test
    void thePasswordNeverAppearsInTheTrace() throws Exception {
        String text = Files.readString(trace);
        HexFormat hex = HexFormat.of();
        byte[] ascii = PASSWORD.getBytes(StandardCharsets.US_ASCII);
        byte[] utf16 = PASSWORD.getBytes(StandardCharsets.UTF_16LE);

        assertThat(text).doesNotContain(PASSWORD)
                .doesNotContain(hex.formatHex(ascii))
                .doesNotContain(hex.formatHex(utf16))
                .doesNotContain(hex.formatHex(PASSWORD.substring(0, 5).getBytes(StandardCharsets.US_ASCII)))
                .doesNotContain(hex.formatHex(PASSWORD.substring(0, 5).getBytes(StandardCharsets.UTF_16LE)));
    }

    @Test
    void showFiltersByConnectionDirectionAndCommand() {
        Cli.Run all = cli.run("trace", "show", trace.toString(), "--no-hex");
        Cli.Run joins = cli.run("trace", "show", trace.toString(), "--connection", "block", "--direction", "server", "--command", "0x67");
        Cli.Run logins = cli.run("trace", "show", trace.toString(), "--command", "93", "--direction", "client", "--json");

        assertThat(all.exitCode()).isZero();
        assertThat(all.outLines().size()).isGreaterThan(10);
        assertThat(joins.exitCode()).isZero();
        assertThat(joins.out()).contains("S→C", "0x67", "0000  ");
        assertThat(joins.out().lines().filter(l -> l.contains("0x")).count()).isEqualTo(1);
        assertThat(logins.outLines()).hasSize(6).allSatisfy(l -> assertThat(l).contains("\"0x93\"", "\"client\""));
    }

    @Test
    void showRefusesAFileThatIsNotATrace() throws Exception {
        Path bogus = dir.resolve("bogus.jsonl");
        Files.writeString(bogus, "hello\n");

        assertThat(cli.run("trace", "show", bogus.toString()).exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("trace", "show", dir.resolve("missing").toString()).exitCode()).isEqualTo(ExitCodes.USAGE);
    }
}

package dev.shipctl.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.Session;
import dev.shipctl.cli.fixtures.AdminHarness;
import dev.shipctl.cli.fixtures.Cli;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code listen} and {@code shell --json} print the same event as the same line, in the one event schema. */
class EventJsonTest {
    static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path config;

    AdminHarness h;

    @BeforeEach
    void start() throws Exception {
        h = new AdminHarness(config);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void listenAndTheJsonShellPrintTheSameLineForTheSameEvent() throws Exception {
        Cli.Running shell = h.startAs("player1", "shell", "--json", "--block", "1");
        Cli.Lines shellOut = shell.out();
        Cli.Lines shellErr = shell.err();
        assertThat(shellErr.awaitText("In lobby 1 as Player1", WAIT)).as("in the lobby, listening").isTrue();

        Cli.Running listen = new Cli(config).env("SHIPCTL_PASSWORD", "localgm123")
                .start("listen", "-p", h.port(), "-u", "localgm", "--block", "1");
        String connected = listen.out().await(l -> l.contains("\"kind\":\"connected\""));
        assertThat(Json.MAPPER.readTree(connected).get("schema").asInt()).isEqualTo(EventJson.SCHEMA);

        Session gm = h.player("gmadmin", "1");
        gm.chat("the same for both").join();

        String listenJoined = listen.out().await(l -> l.contains("\"kind\":\"joined\"") && l.contains("GMBot"));
        String listenChat = listen.out().await(l -> l.contains("\"kind\":\"chat\""));
        assertThat(shellOut.awaitText("the same for both\"}", WAIT)).as(shellOut + "\n---\n" + shellErr).isTrue();
        String shellJoined = line(shellOut, "joined", "GMBot");
        String shellChat = line(shellOut, "chat", "the same for both");

        // each session stamps the event with its own arrival time; everything else is the same, byte for byte
        assertThat(withoutTime(shellJoined)).isEqualTo(withoutTime(listenJoined));
        assertThat(withoutTime(shellChat)).isEqualTo(withoutTime(listenChat));
        JsonNode chat = Json.MAPPER.readTree(shellChat);
        assertThat(shellChat).startsWith("{\"schema\":1,\"time\":\"");
        assertThat(chat.get("kind").asString()).isEqualTo("chat");
        assertThat(chat.get("who").get("name").asString()).isEqualTo("GMBot");
        assertThat(chat.get("who").get("guild_card").asLong()).isEqualTo(42000001L);
        assertThat(chat.get("text").asString()).isEqualTo("the same for both");
        assertThat(chat.has("self")).isFalse();

        shell.endInput(); // Ctrl-D
        assertThat(shell.exitCode()).isZero();
        assertThat(listen.stop()).isZero();
    }

    /** The event line of {@code kind} that contains {@code text} in the shell's output (which also holds its prompts). */
    private static String line(Cli.Lines out, String kind, String text) {
        String all = out.text();
        Matcher m = Pattern.compile("\\{\"schema\":[^\\r\\n]*\"kind\":\"" + kind + "\"[^\\r\\n]*\\}").matcher(all);
        while (m.find()) {
            if (m.group().contains(text)) return m.group();
        }
        throw new AssertionError("no " + kind + " line with " + text + " in:\n" + all);
    }

    private static String withoutTime(String line) {
        return line.replaceFirst("\"time\":\"[^\"]*\"", "\"time\":\"T\"");
    }
}

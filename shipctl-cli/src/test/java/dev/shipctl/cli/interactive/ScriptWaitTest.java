package dev.shipctl.cli.interactive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.EventStream;
import dev.shipctl.Session;
import dev.shipctl.SessionEvent;
import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.fixtures.AdminHarness;
import dev.shipctl.cli.fixtures.Cli;
import dev.shipctl.cli.fixtures.JumpingClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code wait} and {@code at} lines in {@code run} scripts and in {@code shell}, on a clock the test moves. */
class ScriptWaitTest {
    static final Instant T0 = Instant.parse("2026-12-06T20:00:00Z");
    static final Duration EVENT_WAIT = Duration.ofSeconds(10);

    @TempDir
    Path config;

    AdminHarness h;
    JumpingClock clock;

    @BeforeEach
    void start() throws Exception {
        h = new AdminHarness(config);
        clock = new JumpingClock(T0);
        h.cli().clock(clock);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    long gmLogins() {
        return h.lobbyArrivals(42000001);
    }

    Path script(String text) throws Exception {
        Path f = config.resolve("restart.shipctl");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void aScriptWaitsBetweenVerbsOnOneLogin() throws Exception {
        Path f = script("announce Restart in 5 minutes\nwait 4m\nannounce Restart in 1 minute\nat 21:30\nannounce Restarting now\n");
        Session player = h.player("player1", null);
        try (EventStream events = player.events()) {
            Cli.Run run = h.as("gmadmin", "run", "--json", f.toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            for (String text : List.of("Restart in 5 minutes", "Restart in 1 minute", "Restarting now")) {
                assertThat(events.next(SessionEvent.Announcement.class, EVENT_WAIT)).get()
                        .extracting(SessionEvent.Announcement::text).isEqualTo("[GM]GMBot: " + text);
            }
            List<JsonNode> lines = run.json();
            assertThat(lines).extracting(o -> o.path("verb").asString("-")).containsExactly("announce", "wait", "announce", "at", "announce", "-");
            assertThat(lines.get(1).get("until").asString()).isEqualTo("2026-12-06T20:04:00Z");
            assertThat(lines.get(1).get("waited_s").asInt()).isEqualTo(240);
            assertThat(lines.get(3).get("until").asString()).as("at: today's local time").isEqualTo("2026-12-06T21:30:00Z");
            assertThat(lines.getLast().get("ran").asInt()).isEqualTo(5);
        }
        assertThat(clock.waits()).containsExactly(T0.plus(Duration.ofMinutes(4)), Instant.parse("2026-12-06T21:30:00Z"));
        assertThat(gmLogins()).isEqualTo(1);
    }

    @Test
    void atATimeThatHasPassedTodayIsTomorrow() throws Exception {
        Cli.Run run = h.as("gmadmin", "run", script("at 7:15\nreload-gms\n").toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(clock.waits()).containsExactly(Instant.parse("2026-12-07T07:15:00Z"));
        assertThat(run.err()).contains("(waiting 11 hours 15 minutes, until 07:15:00)");
    }

    @Test
    void aBadWaitOrAtLineStopsTheScriptBeforeTheLogin() throws Exception {
        for (String bad : List.of("wait 5 parsecs", "wait", "at 25:00", "at noon")) {
            Cli.Run run = h.as("gmadmin", "run", script("reload-gms\n" + bad + "\nreload-gms\n").toString());

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).as(run.toString()).startsWith("shipctl: line 2: ");
        }
        assertThat(gmLogins()).as("nothing ran").isZero();
        assertThat(clock.waits()).isEmpty();
    }

    @Test
    void theShellWaitsToo() throws Exception {
        Cli.Run run = h.asWithInput("wait 90s\nreload-gms\nexit\n", "gmadmin", "shell");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(clock.waits()).containsExactly(T0.plus(Duration.ofSeconds(90)));
        assertThat(run.err()).contains("(waiting 1 minute 30 seconds, until 20:01:30)");
        assertThat(run.out()).contains("local GM file reloaded");
    }

    @Test
    void aCountdownRunsInsideAScriptOnTheScriptsLogin() throws Exception {
        Cli.Run run = h.as("gmadmin", "run", "--json", script("announce --at 1m,30s \"Restart in {remaining}\"\nreload-gms\n").toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.json()).extracting(o -> o.path("line").asInt(0) + " " + o.path("verb").asString("-"))
                .containsExactly("1 announce", "1 announce", "1 countdown", "2 reload-gms", "0 -");
        assertThat(gmLogins()).isEqualTo(1);
    }

    @Test
    void runHelpSaysHowAtChoosesTheDay() {
        // help wraps its paragraphs to the terminal's width: the words are checked, not where the lines break
        assertThat(h.run(Map.of(), "run", "--help").out().replaceAll("\\s+", " ")).contains("'wait DURATION'", "'at HH:MM'", "tomorrow's if it has passed");
        assertThat(h.run(Map.of(), "shell", "--help").out().replaceAll("\\s+", " ")).contains("'wait DURATION'", "'at HH:MM'");
    }
}

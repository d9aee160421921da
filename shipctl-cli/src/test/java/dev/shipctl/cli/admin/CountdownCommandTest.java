package dev.shipctl.cli.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.EventStream;
import dev.shipctl.Session;
import dev.shipctl.SessionEvent;
import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.fixtures.AdminHarness;
import dev.shipctl.cli.fixtures.Cli;
import dev.shipctl.cli.fixtures.JumpingClock;
import dev.shipctl.sandbox.SandboxEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code announce --countdown/--at} end to end against the sandbox, on a clock the test moves ({@link JumpingClock}):
 * a player listens, the GM logs in once.
 */
class CountdownCommandTest {
    static final Duration EVENT_WAIT = Duration.ofSeconds(10);
    static final Instant T0 = Instant.parse("2026-12-06T20:00:00Z");
    static final int GM = 42000001;

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
        return h.lobbyArrivals(GM);
    }

    static List<String> announcements(EventStream events, int n) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            seen.add(events.next(SessionEvent.Announcement.class, EVENT_WAIT).orElseThrow(
                    () -> new AssertionError("announcement " + (seen.size() + 1) + " not seen; so far " + seen)).text());
        }
        return seen;
    }

    @Test
    void threeStepsAreSeenInOrderByAPlayerWithOneLoginAndTheRightSpacing() throws Exception {
        Session player = h.player("player1", null);
        try (EventStream events = player.events()) {
            Cli.Run run = h.as("gmadmin", "announce", "--json", "--at", "10m,5m,1m", "Restart in {remaining}");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(announcements(events, 3)).containsExactly("[GM]GMBot: Restart in 10 minutes",
                    "[GM]GMBot: Restart in 5 minutes", "[GM]GMBot: Restart in 1 minute");
            List<JsonNode> objects = run.json();
            assertThat(objects).hasSize(4);
            assertThat(objects.subList(0, 3)).extracting(o -> o.get("at").asString())
                    .containsExactly("2026-12-06T20:00:00Z", "2026-12-06T20:05:00Z", "2026-12-06T20:09:00Z");
            assertThat(objects.subList(0, 3)).extracting(o -> o.get("step").asInt() + "/" + o.get("steps").asInt() + " "
                    + o.get("remaining").asString() + " " + o.get("outcome").asString())
                    .containsExactly("1/3 10 minutes done", "2/3 5 minutes done", "3/3 1 minute done");
            assertThat(objects.get(0).get("next_in_s").asInt()).isEqualTo(300);
            assertThat(objects.get(2).get("next_in_s").isNull()).isTrue();
            JsonNode last = objects.getLast();
            assertThat(last.get("verb").asString()).isEqualTo("countdown");
            assertThat(last.get("reached_zero").asBoolean()).isTrue();
            assertThat(last.get("announced").asInt()).isEqualTo(3);
            assertThat(last.get("exit_code").asInt()).isZero();
        }
        assertThat(clock.waits()).as("the countdown waited until zero").last().isEqualTo(T0.plus(Duration.ofMinutes(10)));
        assertThat(gmLogins()).as("one login for the whole countdown").isEqualTo(1);
    }

    @Test
    void textModeShowsWhatWasSentWhatIsNextAndTheTimeLeft() {
        Cli.Run run = h.as("gmadmin", "announce", "--countdown", "2m", "--every", "1m", "Restart in {remaining}");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Countdown: 2 announcements, zero in 2 minutes (at 20:02:00)")
                .containsPattern("OK +\\[1/2] announced \"Restart in 2 minutes\"; next in 1 minute \\(20:01:00\\): \"Restart in 1 minute\"; zero in 2 minutes")
                .containsPattern("OK +\\[2/2] announced \"Restart in 1 minute\"; no more announcements; zero in 1 minute");
    }

    @Test
    void aCancelAnnouncesTheCancelTextAndExits130WithoutRunningThen() throws Exception {
        clock.blockAtWait(1); // the wait before the second announcement
        Session player = h.player("player1", null);
        try (EventStream events = player.events()) {
            Cli.Running running = h.startAs("gmadmin", "announce", "--at", "10m,5m,1m", "--cancel-text", "Restart cancelled",
                    "Restart in {remaining}", "--then", "dcall", "--yes");
            running.out().await(l -> l.contains("[1/3] announced"));

            assertThat(running.stop()).as(running.out().text() + running.err().text()).isEqualTo(ExitCodes.CANCELLED);
            assertThat(announcements(events, 2)).containsExactly("[GM]GMBot: Restart in 10 minutes", "[GM]GMBot: Restart cancelled");
            assertThat(running.out().text()).contains("CANCELLED with 10 minutes left", "announced \"Restart cancelled\"")
                    .doesNotContain("[2/3]", "Zero:");
            assertThat(player.isOpen()).as("dcall was not sent").isTrue();
        }
        assertThat(gmLogins()).isEqualTo(1);
    }

    @Test
    void aDcallAtZeroNeedsYesOffATerminalAndNothingIsSentWithoutIt() throws Exception {
        Cli.Run run = h.as("gmadmin", "announce", "--countdown", "2m", "--every", "1m", "Restart in {remaining}", "--then", "dcall");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("announce --then dcall would disconnect everyone on the ship at zero", "add --yes");
        assertThat(gmLogins()).as("refused before the login: nothing announced, nothing at zero").isZero();
    }

    @Test
    void thenRunsTheVerbAtZeroOnTheSameSession() throws Exception {
        Session player = h.player("player1", null);
        try (EventStream events = player.events()) {
            Cli.Run run = h.as("gmadmin", "announce", "--json", "--countdown", "2m", "--every", "1m", "Restart in {remaining}",
                    "--then", "dcall --wait 5s", "--yes");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(announcements(events, 2)).containsExactly("[GM]GMBot: Restart in 2 minutes", "[GM]GMBot: Restart in 1 minute");
            assertThat(events.next(SessionEvent.Disconnected.class, EVENT_WAIT)).as("dcall disconnected the player after the countdown").isPresent();
            List<JsonNode> objects = run.json();
            assertThat(objects).extracting(o -> o.get("verb").asString()).containsExactly("announce", "announce", "dcall", "countdown");
            assertThat(objects.get(2).get("ok").asBoolean()).isTrue();
            assertThat(objects.getLast().get("then").asString()).isEqualTo("dcall --wait 5s");
            assertThat(objects.getLast().get("then_exit_code").asInt()).isZero();
        }
        assertThat(gmLogins()).as("the verb at zero ran on the countdown's login").isEqualTo(1);
        assertThat(clock.waits()).last().isEqualTo(T0.plus(Duration.ofMinutes(2)));
    }

    @Test
    void aMissedAnnouncementStopsTheCountdownWithItsExitCode() {
        Cli.Run run = h.as("player1", "announce", "--wait", "1s", "--at", "2m,1m", "Restart in {remaining}", "--then", "/bank");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.NO_REPLY);
        assertThat(run.out()).contains("MISSED[1/2] \"Restart in 2 minutes\"").doesNotContain("[2/2]", "Zero:");
        assertThat(run.err()).contains("the countdown stopped at a missed announcement");
        assertThat(clock.waits()).as("never waited for the second announcement or zero").hasSize(1);
    }

    @Test
    void badCountdownOptionsAreOneLineExit2BeforeTheLogin() {
        List<String[]> bad = List.of(
                new String[] {"announce", "--every", "5m", "Restart in {remaining}"},
                new String[] {"announce", "--countdown", "1m", "--every", "5m", "Restart in {remaining}"},
                new String[] {"announce", "--at", "5m", "Restart in {remaning}"},
                new String[] {"announce", "--at", "5m", "Restart in {remaining}", "--then", "notaverb"},
                new String[] {"announce", "--at", "5m", "Restart in {remaining}", "--then", "who"},
                new String[] {"announce", "--at", "5m", "Restart in {remaining}", "--then", "dcall --wait soon"});
        for (String[] args : bad) {
            Cli.Run run = h.as("gmadmin", args);
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err().strip().lines()).as(run.toString()).hasSize(1);
        }
        assertThat(gmLogins()).as("nothing was sent").isZero();
    }

    @Test
    void aTextTooLongForTheServerIsRefusedBeforeTheFirstAnnouncement() {
        Cli.Run run = h.as("gmadmin", "announce", "--at", "1m,30s", "x".repeat(160) + " {remaining}");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).as("the longest text is named").contains("xx 30 seconds\"");
        assertThat(h.sandbox.events().history()).noneMatch(e -> e instanceof SandboxEvent.CommandHandled);
    }

    @Test
    void helpShowsTheCountdownWithExamples() {
        Cli.Run run = h.cli().run("announce", "--help");

        assertThat(run.out()).contains("--countdown", "--every", "--at", "--cancel-text", "--then", "{remaining}",
                "--countdown 10m --every 5m \"Restart in {remaining}\"", "--at 10m,5m,1m,30s", "--then dcall");
    }
}

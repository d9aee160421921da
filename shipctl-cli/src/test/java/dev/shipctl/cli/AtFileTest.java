package dev.shipctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.EventStream;
import dev.shipctl.Session;
import dev.shipctl.SessionEvent;
import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.fixtures.AdminHarness;
import dev.shipctl.cli.fixtures.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * picocli's {@code @file} expansion is off everywhere: an argument that starts with {@code @} is the text itself,
 * never the content of a local file (a bridge passing a player's text as an argument must not broadcast files).
 */
class AtFileTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final String SECRET = "gmadmin123-from-the-secret-file";

    @TempDir
    Path config;

    AdminHarness h;
    Path secret;
    String at;

    @BeforeEach
    void start() throws Exception {
        h = new AdminHarness(config);
        secret = Files.writeString(config.resolve("pso-pass"), SECRET + "\n");
        at = "@" + secret;
    }

    @AfterEach
    void stop() {
        h.close();
    }

    /** What a listening player saw of the announcement (the text after the sender's name). */
    String announcedTo(EventStream events) throws Exception {
        return events.next(SessionEvent.Announcement.class, WAIT).orElseThrow().text();
    }

    @Test
    void anAnnouncementOfAnAtPathSendsTheLiteralText() throws Exception {
        Session player = h.player("player1", null);
        try (EventStream events = player.events()) {
            Cli.Run run = h.as("gmadmin", "announce", at);

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(announcedTo(events)).isEqualTo("[GM]GMBot: " + at).doesNotContain(SECRET);
            assertThat(run.out() + run.err()).doesNotContain(SECRET);
        }
    }

    @Test
    void afterADoubleDashToo() throws Exception {
        Session player = h.player("player1", null);
        try (EventStream events = player.events()) {
            Cli.Run run = h.as("gmadmin", "announce", "--", at);

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(announcedTo(events)).isEqualTo("[GM]GMBot: " + at);
        }
    }

    @Test
    void anAtFileIsNotReadForOptionsEither() {
        Cli.Run run = h.run(java.util.Map.of(), at);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out() + run.err()).doesNotContain(SECRET);
    }

    @Test
    void inARunScript() throws Exception {
        Path script = Files.writeString(config.resolve("announce.shipctl"), "announce " + at + "\n");
        Session player = h.player("player1", null);
        try (EventStream events = player.events()) {
            Cli.Run run = h.as("gmadmin", "run", script.toString());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(announcedTo(events)).isEqualTo("[GM]GMBot: " + at);
            assertThat(run.out() + run.err()).doesNotContain(SECRET);
        }
    }

    @Test
    void inTheShell() throws Exception {
        Session player = h.player("player1", null);
        try (EventStream events = player.events()) {
            Cli.Run run = h.asWithInput("announce " + at + "\nexit\n", "gmadmin", "shell");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(announcedTo(events)).isEqualTo("[GM]GMBot: " + at);
            assertThat(run.out() + run.err()).doesNotContain(SECRET);
        }
    }
}

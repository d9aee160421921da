package dev.shipctl.cli.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.EventStream;
import dev.shipctl.Session;
import dev.shipctl.SessionEvent;
import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.fixtures.AdminHarness;
import dev.shipctl.cli.fixtures.ShipctlProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a countdown run as a real process (a signal cannot reach a command inside the test JVM): the cancel text
 * is announced and the exit code is 130, so {@code shipctl announce ... && restart} does not restart.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class CountdownSignalTest {
    @TempDir
    Path home;

    @Test
    void sigtermCancelsTheCountdownWithItsCancelTextAndExit130() throws Exception {
        try (AdminHarness h = new AdminHarness(home.resolve("h"))) {
            Session player = h.player("player1", null);
            try (EventStream events = player.events()) {
                ShipctlProcess p = ShipctlProcess.start(home, Map.of("SHIPCTL_PASSWORD", "gmadmin123"), "announce", "-p", h.port(),
                        "-u", "gmadmin", "--countdown", "1h", "--every", "30m", "--cancel-text", "Restart cancelled, {remaining} were left",
                        "--then", "dcall", "--yes", "Restart in {remaining}");
                p.awaitLine(l -> l.contains("[1/2] announced \"Restart in 1 hour\""));
                p.terminate();

                assertThat(p.exitCode()).as(p.stderr()).isEqualTo(ExitCodes.CANCELLED);
                assertThat(events.next(SessionEvent.Announcement.class, Duration.ofSeconds(10))).get()
                        .extracting(SessionEvent.Announcement::text).isEqualTo("[GM]GMBot: Restart in 1 hour");
                assertThat(events.next(SessionEvent.Announcement.class, Duration.ofSeconds(10))).get()
                        .extracting(SessionEvent.Announcement::text).asString().startsWith("[GM]GMBot: Restart cancelled, ").endsWith(" were left");
                assertThat(player.isOpen()).as("nothing ran at zero").isTrue();
            }
        }
    }
}

package dev.shipctl.cli.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.fixtures.Cli;
import dev.shipctl.testkit.HostileServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that answers the login with a ping now and then, and never with what the client waits for: each ping
 * used to start the read timeout afresh, so {@code check} waited as long as the server kept pinging. The stage's
 * deadline ends it, though no read ever times out and the pings are far fewer than the skip bound.
 */
class SlowPingServerTest {
    @TempDir
    Path dir;

    @Test
    void pingsEveryHalfSecondCannotStretchTheLoginStage() throws Exception {
        try (HostileServer server = HostileServer.builder().behaviour(HostileServer.Behaviour.PING_FLOOD)
                .pingInterval(Duration.ofMillis(500)).lifetime(Duration.ofSeconds(60)).start()) {
            long start = System.nanoTime();
            Cli.Run run = new Cli(dir).env("SHIPCTL_PASSWORD", "player123")
                    .run("check", "-H", server.address().getHostAddress(), "-p", String.valueOf(server.port()), "-u", "player1", "--timeout", "2s");
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.TIMEOUT);
            assertThat(run.out()).contains("FAIL  at login: timed out after 2 s waiting for E6 after the login")
                    .contains("the last whole packet 0x1D");
            // the server would ping for a minute; the stage ends at its deadline (generous bound for a busy machine)
            assertThat(took).isLessThan(Duration.ofSeconds(10));
        }
    }
}

package dev.shipctl.cli.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.cli.fixtures.ShipctlProcess;
import dev.shipctl.sandbox.Sandbox;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SIGTERM (systemd's stop, {@code kill}) to a long-running command is a clean stop with exit code 0, not the
 * JVM's 143: run as real processes, since a signal cannot be sent to a command running inside the test JVM.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class SignalStopTest {
    @TempDir
    Path home;

    @Test
    void sandboxStopsCleanlyOnSigterm() throws Exception {
        ShipctlProcess p = ShipctlProcess.start(home, Map.of(), "sandbox", "--port", "0", "--ship-port", "0");
        p.awaitLine(l -> l.contains("Ctrl-C stops it."));
        p.terminate();
        assertThat(p.exitCode()).isZero();
        p.awaitLine(l -> l.equals("sandbox stopped"));
    }

    @Test
    void watchAndListenStopCleanlyOnSigterm() throws Exception {
        try (Sandbox sandbox = Sandbox.builder().loginPort(0).shipPort(0).build().start()) {
            String port = String.valueOf(sandbox.loginPort());
            ShipctlProcess watch = ShipctlProcess.start(home, Map.of("SHIPCTL_PASSWORD", "player123"),
                    "watch", "-p", port, "-u", "player1", "--interval", "1h", "--json");
            ShipctlProcess listen = ShipctlProcess.start(home, Map.of("SHIPCTL_PASSWORD", "localgm123"), "listen", "-p", port, "-u", "localgm");
            watch.awaitLine(l -> l.contains("\"state\":\"up\""));
            listen.awaitLine(l -> l.contains("\"connected\""));
            watch.terminate();
            listen.terminate();
            assertThat(watch.exitCode()).as("watch").isZero();
            assertThat(listen.exitCode()).as("listen").isZero();
        }
    }
}

package dev.shipctl.cli.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.cli.fixtures.ShipctlProcess;
import dev.shipctl.cli.output.Json;
import dev.shipctl.sandbox.Account;
import dev.shipctl.sandbox.Accounts;
import dev.shipctl.sandbox.Password;
import dev.shipctl.sandbox.SandboxEvent;
import dev.shipctl.testkit.SandboxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** SIGTERM in the middle of a swarm's ramp, in a shipctl process of its own: every open session is logged out. */
class SwarmSignalTest {
    private static final int ACCOUNTS = 40;

    @TempDir
    Path home;

    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.withAccounts(accounts()).and(b -> b.maxConnectionsPerIp(10_000));

    private static Accounts accounts() {
        List<Account> list = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            list.add(new Account("bot%03d".formatted(i), new Password.Plain("botpass1"), 50_000_000 + i, false, "Bot" + i, false));
        }
        return Accounts.of(list);
    }

    @Test
    void sigtermMidRampStopsOpeningLogsEverySessionOutPrintsTheReportAndExitsZero() throws Exception {
        StringBuilder csv = new StringBuilder("user\n");
        for (int i = 0; i < ACCOUNTS; i++) csv.append("bot%03d\n".formatted(i));
        Path file = Files.writeString(home.resolve("bots.csv"), csv.toString());
        ShipctlProcess swarm = ShipctlProcess.start(home, Map.of("BOT_PASSWORD", "botpass1"), "swarm", "-p",
                String.valueOf(SANDBOX.loginPort()), "--accounts", file.toString(), "--password-env", "BOT_PASSWORD",
                "--ramp", "4/s", "--duration", "5m", "--jsonl");
        swarm.awaitLine(l -> l.contains("\"held\"") && Json.MAPPER.readTree(l).path("held").asLong() >= 3);
        swarm.terminate();

        assertThat(swarm.exitCode()).as(swarm.stderr()).isZero();
        List<String> lines = Files.readAllLines(home.resolve("stdout-swarm.txt"));
        JsonNode report = Json.MAPPER.readTree(lines.getLast());
        assertThat(report.path("stopped").asBoolean()).isTrue();
        assertThat(report.path("attempted").asLong()).isLessThan(ACCOUNTS);
        long loggedIn = report.path("logged_in").asLong();
        assertThat(loggedIn).isGreaterThanOrEqualTo(3);
        assertThat(report.path("logged_out").asLong()).isEqualTo(loggedIn);
        assertThat(SANDBOX.sandbox().events().history().stream().filter(SandboxEvent.ReachedLobby.class::isInstance).count())
                .isEqualTo(loggedIn);
        // every block connection the swarm held is closed: the sandbox saw each lobby left
        AtomicLong left = new AtomicLong();
        SANDBOX.sandbox().events().await(SandboxEvent.LeftLobby.class, e -> left.incrementAndGet() >= loggedIn, Duration.ofSeconds(20));
        assertThat(SANDBOX.sandbox().events().history().stream().filter(SandboxEvent.LeftLobby.class::isInstance).count())
                .isEqualTo(loggedIn);
    }
}

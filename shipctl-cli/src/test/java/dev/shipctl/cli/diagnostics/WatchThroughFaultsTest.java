package dev.shipctl.cli.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.fixtures.Cli;
import dev.shipctl.cli.fixtures.FaultRig;
import dev.shipctl.cli.output.Json;
import dev.shipctl.testkit.Fault;
import dev.shipctl.testkit.FaultPlan;
import dev.shipctl.testkit.FaultProxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code watch} follows a server that turns from healthy to dripping (one byte per 100 ms: no single read ever
 * waits long, so only a stage deadline ends the check) to refusing (accept, then close) to down (nothing listens)
 * and back, with the faults switched in the proxy between checks.
 */
class WatchThroughFaultsTest {
    @TempDir
    Path config;

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void watchReportsEachTurnOfTheServerAndRecovers() throws Exception {
        try (FaultRig rig = FaultRig.start(new FaultRig.Proxied(FaultPlan.healthy(), Set.of(), Optional.empty()), 1)) {
            FaultProxy proxy = rig.proxy().orElseThrow();
            int login = proxy.addresses().getFirst().getPort();
            Cli.Running watch = new Cli(config).env("SHIPCTL_PASSWORD", "player123").start("watch", "-H", "127.0.0.2",
                    "-p", String.valueOf(login), "-u", "player1", "--interval", "100ms", "--timeout", "2s", "--json");
            try {
                watch.out().await(l -> l.contains("\"state\":\"up\""));

                proxy.plan(FaultPlan.always(Fault.drip(Duration.ofMillis(100))));
                JsonNode dripping = down(watch, ExitCodes.TIMEOUT);
                assertThat(dripping.get("error").asString()).contains("timed out");

                proxy.plan(FaultPlan.always(Fault.refuse()));
                down(watch, ExitCodes.DISCONNECTED);

                proxy.stopListening(login);
                down(watch, ExitCodes.UNREACHABLE);

                proxy.plan(FaultPlan.healthy());
                proxy.resumeListening(login);
                watch.out().await(l -> l.contains("\"state\":\"up\""));
            } finally {
                rig.close(); // a check stuck on the drip ends with its connections
                assertThat(watch.stop()).isZero();
            }
        }
    }

    /** The next check that failed at connect with {@code exitCode}. */
    private static JsonNode down(Cli.Running watch, int exitCode) throws InterruptedException {
        return Json.MAPPER.readTree(watch.out().await(l -> l.contains("\"state\":\"down:connect\"")
                && l.contains("\"exit_code\":" + exitCode + ",")));
    }
}

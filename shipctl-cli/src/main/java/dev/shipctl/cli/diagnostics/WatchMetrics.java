package dev.shipctl.cli.diagnostics;

import dev.shipctl.MenuItem;
import dev.shipctl.Stage;
import dev.shipctl.StageTiming;
import dev.shipctl.check.CheckResult;
import dev.shipctl.cli.common.ExitCodes;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;

/**
 * The Prometheus metrics of {@code watch}, in a registry of their own (no JVM metrics). Every gauge describes the
 * last check; counters count since start. Populations are what the protocol exposes: players per ship from the
 * ship list, and the members of the lobby each check joined (block lists carry no counts).
 */
final class WatchMetrics {
    final PrometheusRegistry registry = new PrometheusRegistry();

    final Gauge up = Gauge.builder().name("pso_up")
            .help("1 if the last check reached a lobby, else 0").register(registry);
    final Gauge loginSeconds = Gauge.builder().name("pso_login_seconds")
            .help("Time from TCP connect to the lobby in the last successful check").register(registry);
    final Gauge stageSeconds = Gauge.builder().name("pso_stage_seconds")
            .help("Time each login stage took in the last check (stages reached only)").labelNames("stage").register(registry);
    final Gauge exitCode = Gauge.builder().name("pso_check_exit_code")
            .help("Exit code of the last check (0 ok; shipctl --help lists the others)").register(registry);
    final Gauge lastCheck = Gauge.builder().name("pso_last_check_timestamp_seconds")
            .help("When the last check ended (Unix time); time() minus this is how old every other value is").register(registry);
    private volatile long lastCheckEndedNanos = System.nanoTime();
    final GaugeWithCallback lastCheckAge = GaugeWithCallback.builder().name("pso_last_check_age_seconds")
            .help("Seconds since the last check ended (since start, before the first): grows when checks stop ending")
            .callback(cb -> cb.call((System.nanoTime() - lastCheckEndedNanos) / 1e9)).register(registry);
    final Gauge shipPlayers = Gauge.builder().name("pso_ship_players")
            .help("Players on each ship, from the ship list (A0) of the last successful check").labelNames("ship").register(registry);
    final Gauge lobbyPlayers = Gauge.builder().name("pso_lobby_players")
            .help("Players (not counting the checker) in the lobby each check joined").labelNames("ship", "block", "lobby").register(registry);
    final Gauge blocks = Gauge.builder().name("pso_blocks")
            .help("Blocks the ship listed in the last successful check").labelNames("ship").register(registry);
    final Gauge blockUp = Gauge.builder().name("pso_block_up")
            .help("1 if the last check of this ship and block reached a lobby").labelNames("ship", "block").register(registry);
    final Counter checks = Counter.builder().name("pso_checks_total")
            .help("Checks run since start").register(registry);
    final Counter failures = Counter.builder().name("pso_check_failures_total")
            .help("Failed checks since start, by the stage that failed").labelNames("stage").register(registry);

    WatchMetrics() {
        for (Stage s : Stage.values()) failures.initLabelValues(s.id());
    }

    /** Records one round: a single check, or with {@code --all} one per ship and block (the first decides pso_up). */
    synchronized void record(List<CheckResult> round) {
        CheckResult first = round.getFirst();
        CheckResult firstFailure = round.stream().filter(r -> !r.ok()).findFirst().orElse(null);
        checks.inc();
        CheckResult last = round.getLast();
        lastCheck.set(last.at().plus(last.total()).toEpochMilli() / 1000.0);
        lastCheckEndedNanos = System.nanoTime();
        up.set(firstFailure == null ? 1 : 0);
        exitCode.set(firstFailure == null ? 0 : ExitCodes.of(firstFailure));
        stageSeconds.clear();
        for (StageTiming t : first.stages()) stageSeconds.labelValues(t.stage().id()).set(t.elapsed().toNanos() / 1e9);
        if (first.ok()) loginSeconds.set(first.total().toNanos() / 1e9);
        for (CheckResult r : round) {
            if (!r.ok()) failures.labelValues(r.failedStage().map(Stage::id).orElse("unknown")).inc();
        }
        if (first.ok()) {
            shipPlayers.clear();
            for (MenuItem s : first.ships()) s.players().ifPresent(n -> shipPlayers.labelValues(s.name()).set(n));
        }
        lobbyPlayers.clear();
        blockUp.clear();
        blocks.clear();
        for (CheckResult r : round) {
            if (r.ok()) {
                String ship = r.ship().map(MenuItem::name).orElse("");
                String block = r.block().map(MenuItem::name).orElse("");
                blocks.labelValues(ship).set(r.blocks().size());
                blockUp.labelValues(ship, block).set(1);
                r.lobby().ifPresent(l -> lobbyPlayers.labelValues(ship, block, String.valueOf(l.number())).set(r.others().size()));
            } else if (r.block().isPresent() || r.ship().isPresent()) {
                blockUp.labelValues(r.ship().map(MenuItem::name).orElse(""), r.block().map(MenuItem::name).orElse("")).set(0);
            }
        }
    }
}

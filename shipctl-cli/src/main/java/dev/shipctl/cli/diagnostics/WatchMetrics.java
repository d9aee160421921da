package dev.shipctl.cli.diagnostics;

import dev.shipctl.MenuItem;
import dev.shipctl.ShipException;
import dev.shipctl.Stage;
import dev.shipctl.StageTiming;
import dev.shipctl.check.CheckResult;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Prometheus metrics of {@code watch}, in a registry of their own (no JVM metrics), by Prometheus naming
 * conventions: base units (seconds), histograms for durations, {@code _total} counters, an {@code _info} gauge of
 * value 1. Every series carries a {@code server} label (the profile's name, or the watch file's server name), so one
 * process can watch several servers. Gauges describe each server's last check; counters and histograms count since
 * start. Populations are what the protocol exposes: players per ship from the ship list, and the members of the
 * lobby each check joined (block lists carry no counts).
 */
final class WatchMetrics {
    /** Bucket bounds of the check and stage durations, in seconds: a login takes tens of ms to a few seconds. */
    static final double[] BUCKETS = {0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};

    final PrometheusRegistry registry = new PrometheusRegistry();

    private final Map<String, Long> lastCheckEndedNanos = new ConcurrentHashMap<>();

    final Gauge up = Gauge.builder().name("pso_up")
            .help("1 if the last check reached its depth (--depth: the block by default), else 0").labelNames("server").register(registry);
    final Histogram checkDuration = Histogram.builder().name("pso_check_duration_seconds")
            .help("Time from TCP connect to the depth reached, of successful checks").classicOnly().classicUpperBounds(BUCKETS)
            .labelNames("server").register(registry);
    final Histogram stageDuration = Histogram.builder().name("pso_stage_duration_seconds")
            .help("Time each login stage took (stages completed only)").classicOnly().classicUpperBounds(BUCKETS)
            .labelNames("server", "stage").register(registry);
    final Gauge lastCheck = Gauge.builder().name("pso_last_check_timestamp_seconds")
            .help("When the last check ended (Unix time)").labelNames("server").register(registry);
    final GaugeWithCallback lastCheckAge = GaugeWithCallback.builder().name("pso_last_check_age_seconds")
            .help("Seconds since the last check ended (since start, before the first): grows when checks stop ending")
            .labelNames("server")
            .callback(cb -> lastCheckEndedNanos.forEach((server, at) -> cb.call((System.nanoTime() - at) / 1e9, server)))
            .register(registry);
    final Gauge players = Gauge.builder().name("pso_players")
            .help("Players on each ship, from the ship list of the last successful check").labelNames("server", "ship")
            .register(registry);
    final Gauge lobbyPlayers = Gauge.builder().name("pso_lobby_players")
            .help("Players (not counting the checker) in the lobby each check joined (--depth lobby)")
            .labelNames("server", "ship", "block", "lobby").register(registry);
    final Gauge blocks = Gauge.builder().name("pso_blocks")
            .help("Blocks the ship listed in the last successful check").labelNames("server", "ship").register(registry);
    final Gauge blockUp = Gauge.builder().name("pso_block_up")
            .help("1 if the last check of this ship and block reached its depth").labelNames("server", "ship", "block")
            .register(registry);
    final Counter checks = Counter.builder().name("pso_checks_total")
            .help("Checks run since start").labelNames("server").register(registry);
    final Counter failures = Counter.builder().name("pso_check_failures_total")
            .help("Failed checks since start, by the stage that failed and the reason (exit reason)")
            .labelNames("server", "stage", "reason").register(registry);
    final Gauge info = Gauge.builder().name("pso_server_info")
            .help("Always 1: the server's flavour (unknown before the first check that saw it) and address")
            .labelNames("server", "flavour", "address").register(registry);

    /** Makes the server's series exist before its first check: down, no checks, age counting from now. */
    synchronized void add(String server, String address) {
        lastCheckEndedNanos.put(server, System.nanoTime());
        up.labelValues(server).set(0);
        checks.labelValues(server);
        checkDuration.labelValues(server);
        info.labelValues(server, "unknown", address).set(1);
    }

    /**
     * Records one round of one server: a single check, or with {@code --all} one per ship and block (the first
     * decides pso_up and the ship populations).
     */
    synchronized void record(String server, String address, List<CheckResult> round) {
        CheckResult first = round.getFirst();
        boolean allOk = round.stream().allMatch(CheckResult::ok);
        CheckResult last = round.getLast();
        lastCheck.labelValues(server).set(last.at().plus(last.total()).toEpochMilli() / 1000.0);
        lastCheckEndedNanos.put(server, System.nanoTime());
        up.labelValues(server).set(allOk ? 1 : 0);
        first.flavour().ifPresent(f -> {
            info.removeIf(labels -> labels.getFirst().equals(server));
            info.labelValues(server, f.name().toLowerCase(Locale.ROOT), address).set(1);
        });
        for (CheckResult r : round) {
            checks.labelValues(server).inc();
            for (StageTiming t : r.stages()) stageDuration.labelValues(server, t.stage().id()).observe(t.elapsed().toNanos() / 1e9);
            if (r.ok()) {
                checkDuration.labelValues(server).observe(r.total().toNanos() / 1e9);
            } else {
                failures.labelValues(server, r.failedStage().map(Stage::id).orElse("unknown"), reason(r)).inc();
            }
        }
        if (first.ok()) {
            players.removeIf(labels -> labels.getFirst().equals(server));
            for (MenuItem s : first.ships()) s.players().ifPresent(n -> players.labelValues(server, s.name()).set(n));
        }
        lobbyPlayers.removeIf(labels -> labels.getFirst().equals(server));
        blockUp.removeIf(labels -> labels.getFirst().equals(server));
        blocks.removeIf(labels -> labels.getFirst().equals(server));
        for (CheckResult r : round) {
            String ship = r.ship().map(MenuItem::name).orElse("");
            String block = r.block().map(MenuItem::name).orElse("");
            if (r.ok()) {
                blocks.labelValues(server, ship).set(r.blocks().size());
                blockUp.labelValues(server, ship, block).set(1);
                r.lobby().ifPresent(l -> lobbyPlayers.labelValues(server, ship, block, String.valueOf(l.number())).set(r.others().size()));
            } else if (r.block().isPresent() || r.ship().isPresent()) {
                blockUp.labelValues(server, ship, block).set(0);
            }
        }
    }

    /** Why a check failed, as a label value from a small fixed set (the exit code's name, lower case). */
    static String reason(CheckResult r) {
        return r.error().map(e -> switch (e) {
            case ShipException.ConnectFailed c -> "unreachable";
            case ShipException.LoginRefused l -> "login_refused";
            case ShipException.ProtocolViolation p -> "protocol";
            case ShipException.StageTimeout t -> "timeout";
            case ShipException.NoReply n -> "no_reply";
            case ShipException.ConnectionLost l -> "disconnected";
            default -> "other";
        }).orElse("none");
    }
}

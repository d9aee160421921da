package dev.shipctl.cli.diagnostics;

import dev.shipctl.cli.common.UserError;
import dev.shipctl.swarm.SwarmSnapshot;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetAddress;

/**
 * {@code swarm --metrics}: where the swarm stands, for Prometheus, from its once-a-second snapshot. Every series
 * carries the shard ({@code shard="2/3"}, {@code "1/1"} without {@code --shard}), so the shards of one load test,
 * scraped as one job or as one job each, stay apart and add up (docs/swarm.md).
 */
final class SwarmMetrics implements AutoCloseable {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final HTTPServer server;
    private volatile SwarmSnapshot last;

    private SwarmMetrics(String shard, String host, int port) {
        GaugeWithCallback.builder().name("pso_swarm_sessions_held").help("Sessions of this shard open in their lobbies now")
                .labelNames("shard").callback(cb -> now(s -> cb.call(s.held(), shard))).register(registry);
        GaugeWithCallback.builder().name("pso_swarm_phase").help("1 for the phase the shard is in (ramp, hold, leave, done)")
                .labelNames("shard", "phase").callback(cb -> now(s -> {
                    for (SwarmSnapshot.Phase p : SwarmSnapshot.Phase.values()) cb.call(p == s.phase() ? 1 : 0, shard, p.id());
                })).register(registry);
        CounterWithCallback.builder().name("pso_swarm_logins_started").help("Logins this shard started")
                .labelNames("shard").callback(cb -> now(s -> cb.call(s.attempted(), shard))).register(registry);
        CounterWithCallback.builder().name("pso_swarm_logins").help("Logins of this shard that reached a lobby")
                .labelNames("shard").callback(cb -> now(s -> cb.call(s.loggedIn(), shard))).register(registry);
        CounterWithCallback.builder().name("pso_swarm_login_failures").help("Logins of this shard that failed (the report says where and why)")
                .labelNames("shard").callback(cb -> now(s -> cb.call(s.failed(), shard))).register(registry);
        CounterWithCallback.builder().name("pso_swarm_disconnects").help("Sessions of this shard the server ended")
                .labelNames("shard").callback(cb -> now(s -> cb.call(s.disconnects(), shard))).register(registry);
        try {
            server = HTTPServer.builder().inetAddress(InetAddress.getByName(host)).port(port).registry(registry).buildAndStart();
        } catch (IOException e) {
            throw UserError.config("cannot serve metrics on " + host + ":" + port + ": " + e.getMessage());
        }
    }

    /** Serves the metrics on {@code [HOST:]PORT} (127.0.0.1 when no host is given; port 0 picks a free one). */
    static SwarmMetrics serve(String address, String shard) {
        return new SwarmMetrics(shard, WatchCommand.hostOf(address), WatchCommand.portOf(address));
    }

    int port() {
        return server.getPort();
    }

    /** Takes the swarm's latest snapshot (called once a second). */
    void update(SwarmSnapshot snapshot) {
        last = snapshot;
    }

    private void now(java.util.function.Consumer<SwarmSnapshot> each) {
        SwarmSnapshot s = last;
        if (s != null) each.accept(s);
    }

    @Override
    public void close() {
        server.close();
    }
}

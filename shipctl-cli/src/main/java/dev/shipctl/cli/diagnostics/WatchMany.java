package dev.shipctl.cli.diagnostics;

import dev.shipctl.Credentials;
import dev.shipctl.Durations;
import dev.shipctl.ShipClient;
import dev.shipctl.check.CheckResult;
import dev.shipctl.check.HealthCheck;
import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.output.CheckJson;
import dev.shipctl.cli.output.Json;
import dev.shipctl.cli.terminal.Terminal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.node.ObjectNode;

/**
 * Several servers watched in one process: each on a virtual thread of its own, on its own schedule (its interval,
 * and after a failure exponential backoff from 1 s up to it), never two checks of one server at once. Every check
 * is one output line naming the server, and is recorded in the shared {@link WatchMetrics} under its name.
 */
final class WatchMany {
    /** One server to watch. */
    record Target(String name, String address, ShipClient client, Credentials credentials, Duration interval) {
    }

    private final List<Target> targets;
    private final WatchMetrics metrics;
    private final Terminal term;
    private final boolean json;
    private final Integer maxChecks;

    WatchMany(List<Target> targets, WatchMetrics metrics, Terminal term, boolean json, Integer maxChecks) {
        this.targets = List.copyOf(targets);
        this.metrics = metrics;
        this.term = term;
        this.json = json;
        this.maxChecks = maxChecks;
        for (Target t : targets) metrics.add(t.name(), t.address());
    }

    /**
     * Watches until this thread is interrupted (a stop), or until every server has had {@code maxChecks} checks;
     * returns the exit code of the last check that failed ({@link ExitCodes#OK} when the last of each was up).
     */
    int run() {
        AtomicInteger worst = new AtomicInteger(ExitCodes.OK);
        try (ExecutorService pool = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("shipctl-watch-", 1).factory())) {
            for (Target t : targets) pool.submit(() -> watch(t, worst));
            // close() waits for every server's loop; interrupted meanwhile (a stop), it interrupts them all
        }
        return worst.get();
    }

    private void watch(Target t, AtomicInteger worst) {
        HealthCheck check = HealthCheck.builder(t.client(), t.credentials()).build();
        Duration first = t.interval().compareTo(Duration.ofSeconds(1)) < 0 ? t.interval() : Duration.ofSeconds(1);
        Backoff backoff = new Backoff(first, t.interval());
        String state = null;
        int rounds = 0;
        while (!Thread.currentThread().isInterrupted()) {
            long started = System.nanoTime();
            CheckResult r = check.run();
            rounds++;
            metrics.record(t.name(), t.address(), List.of(r));
            String next = r.ok() ? "up" : "down:" + r.failedStage().map(s -> s.id()).orElse("unknown");
            report(t, r, next, state != null && !state.equals(next));
            state = next;
            if (maxChecks != null && rounds >= maxChecks) {
                if (!r.ok()) worst.accumulateAndGet(ExitCodes.of(r), Math::max);
                return;
            }
            Duration wait;
            if (r.ok()) {
                backoff.reset();
                wait = t.interval().minusNanos(System.nanoTime() - started);
            } else {
                wait = backoff.next();
            }
            try {
                if (wait.isPositive()) Thread.sleep(wait);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void report(Target t, CheckResult r, String state, boolean changed) {
        String line;
        if (json) {
            ObjectNode o = CheckJson.of(r);
            o.put("name", t.name()).put("state", state).put("changed", changed);
            line = Json.line(o);
        } else {
            String when = LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss"));
            line = r.ok()
                    ? when + "  " + t.name() + "  " + term.green("up") + "    lobby in " + Durations.millis(r.total()) + "  " + r.where()
                            + ", " + r.others().size() + " other player(s)"
                    : when + "  " + t.name() + "  " + term.red("DOWN") + "  " + r.failure() + " (exit code " + ExitCodes.of(r) + ")";
        }
        synchronized (term) {
            term.out().println(line);
            term.out().flush();
        }
    }
}

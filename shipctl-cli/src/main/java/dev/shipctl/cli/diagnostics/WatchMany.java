package dev.shipctl.cli.diagnostics;

import dev.shipctl.Credentials;
import dev.shipctl.Depth;
import dev.shipctl.Durations;
import dev.shipctl.ShipClient;
import dev.shipctl.check.CheckResult;
import dev.shipctl.check.HealthCheck;
import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.output.CheckJson;
import dev.shipctl.cli.output.DiscordWebhook;
import dev.shipctl.cli.output.Json;
import dev.shipctl.cli.terminal.Terminal;
import java.time.Duration;
import java.time.InstantSource;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.node.ObjectNode;

/**
 * Several servers watched in one process: each on a virtual thread of its own, on its own schedule (its interval,
 * and after a failure exponential backoff from 1 s up to it), never two checks of one server at once. Every check
 * is one output line naming the server, and is recorded in the shared {@link WatchMetrics} under its name. Each
 * check goes to the same {@link Depth}; with a Discord webhook each server has its own {@link OutageNotifier}
 * (its own spacing and outage clock), every notice naming the server.
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
    private final Depth depth;
    private final DiscordWebhook webhook;
    private final Duration discordMinInterval;
    private final BiConsumer<String, CheckResult> checked;

    /**
     * Watches {@code targets} to {@code depth}; {@code webhook} (null for none) hears of every server's outages,
     * at most one notice per server per {@code discordMinInterval}; {@code checked} is told every check that ended
     * (by the server's name), from the server's own thread.
     */
    WatchMany(List<Target> targets, WatchMetrics metrics, Terminal term, boolean json, Integer maxChecks, Depth depth,
            DiscordWebhook webhook, Duration discordMinInterval, BiConsumer<String, CheckResult> checked) {
        this.targets = List.copyOf(targets);
        this.metrics = metrics;
        this.term = term;
        this.json = json;
        this.maxChecks = maxChecks;
        this.depth = depth;
        this.webhook = webhook;
        this.discordMinInterval = discordMinInterval;
        this.checked = checked;
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
        HealthCheck check = HealthCheck.builder(t.client(), t.credentials()).depth(depth).build();
        Duration first = t.interval().compareTo(Duration.ofSeconds(1)) < 0 ? t.interval() : Duration.ofSeconds(1);
        Backoff backoff = new Backoff(first, t.interval());
        String state = null;
        int rounds = 0;
        try (OutageNotifier notices = webhook == null ? null
                : new OutageNotifier(webhook, t.name(), discordMinInterval, InstantSource.system(), term)) {
            while (!Thread.currentThread().isInterrupted()) {
                long started = System.nanoTime();
                CheckResult r = check.run();
                // a stop cut the check short (its socket closed under it): that failure is not the server's, so it is
                // neither shown, counted nor sent to Discord; clearing the interrupt lets the notices under way go out
                if (Thread.interrupted()) return;
                rounds++;
                metrics.record(t.name(), t.address(), List.of(r));
                checked.accept(t.name(), r);
                String next = r.ok() ? "up" : "down:" + r.failedStage().map(s -> s.id()).orElse("unknown");
                report(t, r, next, state != null && !state.equals(next));
                if (notices != null) notices.observe(next, r);
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
                    ? when + "  " + t.name() + "  " + term.green("up") + "    " + r.depth().id() + " in " + Durations.millis(r.total())
                            + "  " + r.where() + ", " + WatchCommand.population(r)
                    : when + "  " + t.name() + "  " + term.red("DOWN") + "  " + r.failure() + " (exit code " + ExitCodes.of(r) + ")";
        }
        synchronized (term) {
            term.out().println(line);
            term.out().flush();
        }
    }
}

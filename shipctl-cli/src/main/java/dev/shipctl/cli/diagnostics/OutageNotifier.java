package dev.shipctl.cli.diagnostics;

import dev.shipctl.Durations;
import dev.shipctl.Stage;
import dev.shipctl.check.CheckResult;
import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.output.DiscordMarkdown;
import dev.shipctl.cli.output.DiscordMessage;
import dev.shipctl.cli.output.DiscordWebhook;
import dev.shipctl.cli.terminal.Terminal;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code watch}'s Discord notices: "down" with the failing stage, "up again" with the outage's length. One notice
 * per change of state (a server that stays down is said once), at most one per {@code --discord-min-interval}
 * (changes within it are folded into the next notice, by {@link HookSpacing}'s rule). Watch takes the server to be
 * up before its first check, so a server down from the start is reported. Notices are sent in order on a thread
 * of their own, so Discord's rate limits never delay a check; {@link #close()} waits for the ones under way.
 */
final class OutageNotifier implements AutoCloseable {
    private final DiscordWebhook webhook;
    private final String server;
    private final HookSpacing spacing;
    private final InstantSource clock;
    private final Terminal term;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("discord").factory());
    private Instant downSince;

    /**
     * Notices about {@code server} (the name watch gives it: a profile's or a watch file's, else host:port) posted
     * to {@code webhook}, which several notifiers may share (its sends are serialised).
     */
    OutageNotifier(DiscordWebhook webhook, String server, Duration minInterval, InstantSource clock, Terminal term) {
        this.webhook = webhook;
        this.server = server;
        this.spacing = new HookSpacing(minInterval, clock);
        this.clock = clock;
        this.term = term;
        spacing.observe("up");
    }

    /** Takes a round's state ({@code up}, {@code down:STAGE}) and the result shown for it. */
    void observe(String state, CheckResult latest) {
        Instant now = clock.instant();
        if (state.equals("up")) {
            // downSince stays until the notice says how long it was
        } else if (downSince == null) {
            downSince = now;
        }
        Optional<HookSpacing.Decision> d = spacing.observe(state);
        if (d.isEmpty() || !(d.get() instanceof HookSpacing.Run run)) return;
        DiscordMessage m = run.to().equals("up") ? up(latest, now) : down(latest, now);
        sender.execute(() -> deliver(m));
    }

    private DiscordMessage up(CheckResult r, Instant now) {
        String length = downSince == null ? "" : " after " + Durations.format(roundToSeconds(Duration.between(downSince, now)));
        downSince = null;
        return DiscordMessage.embed(new DiscordMessage.Embed(
                DiscordMarkdown.escape(server) + " is up again",
                "Outage" + length + ". " + capitalised(r.depth().id()) + " reached in " + Durations.millis(r.total()) + ".",
                DiscordMessage.GREEN, now));
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private DiscordMessage down(CheckResult r, Instant now) {
        String stage = r.failedStage().map(Stage::id).orElse("unknown");
        return DiscordMessage.embed(new DiscordMessage.Embed(
                DiscordMarkdown.escape(server) + " is down",
                "Failing stage: **" + DiscordMarkdown.escape(stage) + "**\n"
                        + DiscordMarkdown.escape(r.reason().orElse("no reason given")) + "\n(exit code " + ExitCodes.of(r) + ")",
                DiscordMessage.RED, now));
    }

    private static Duration roundToSeconds(Duration d) {
        return Duration.ofSeconds(Math.max(1, Math.round(d.toMillis() / 1000.0)));
    }

    private void deliver(DiscordMessage m) {
        try {
            DiscordWebhook.Delivery result = webhook.send(m);
            if (result instanceof DiscordWebhook.Delivery.Failed f) {
                term.err().println("shipctl: Discord notice not sent: " + f.reason());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for the notices under way. */
    @Override
    public void close() {
        sender.close();
    }
}

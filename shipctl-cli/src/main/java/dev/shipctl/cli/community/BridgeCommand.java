package dev.shipctl.cli.community;

import dev.shipctl.Credentials;
import dev.shipctl.Durations;
import dev.shipctl.Session;
import dev.shipctl.SessionEvent;
import dev.shipctl.ShipClient;
import dev.shipctl.ShipException;
import dev.shipctl.cli.common.CliContext;
import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.common.OneServerOnly;
import dev.shipctl.cli.common.Stopper;
import dev.shipctl.cli.common.UserError;
import dev.shipctl.cli.options.ConnectOptions;
import dev.shipctl.cli.options.DiscordOption;
import dev.shipctl.cli.options.DurationConverter;
import dev.shipctl.cli.options.ReconnectOptions;
import dev.shipctl.cli.output.DiscordMessage;
import dev.shipctl.cli.output.DiscordWebhook;
import dev.shipctl.cli.terminal.Terminal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bridge}: one session in the lobby, its chat, joins, leaves and announcements relayed to Discord. */
@Command(name = "bridge", mixinStandardHelpOptions = true,
        description = {"Relay a lobby's chat, joins and announcements to a Discord channel.", "",
            "Stay in the lobby (as listen does) and post what happens there to a Discord channel through a webhook "
                + "(--discord-webhook-file FILE or SHIPCTL_DISCORD_WEBHOOK; never on the command line): chat lines, joins, "
                + "leaves and announcements, names and text escaped for Markdown, no mention possible (@everyone stays text). "
                + "Lines that come within --batch of the first are posted together (at most 2000 characters a message); "
                + "Discord's rate limits are honoured. When the server drops the session, shipctl logs in again with "
                + "backoff and says so in the channel; a refused login ends it (exit 4). One direction only: "
                + "nothing from Discord reaches the game (docs/community.md). Give bridge an account of its own. "
                + "Stops on SIGTERM or Ctrl-C, posting what is pending."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  SHIPCTL_PASSWORD=... shipctl bridge -H pso.example.org -u bridgebot --discord-webhook-file ~/.config/shipctl/discord",
            "  SHIPCTL_DISCORD_WEBHOOK=... shipctl bridge --profile home --batch 5s"})
public final class BridgeCommand implements Callable<Integer>, OneServerOnly {
    @Override
    public String notForAFleet() {
        return "relays one lobby; run one bridge per server";
    }

    private final CliContext ctx;

    @Mixin
    ConnectOptions connect;

    @Mixin
    DiscordOption discord;

    @Option(names = "--batch", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Post lines that come within DURATION of the first together (default 2s).")
    Duration batch = Duration.ofSeconds(2);

    @Mixin
    ReconnectOptions reconnect;

    BridgeCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Terminal term = ctx.terminal();
        DiscordWebhook webhook = discord.webhook(ctx).orElseThrow(() -> UserError.config(
                "bridge needs a Discord webhook: --discord-webhook-file FILE or " + DiscordOption.ENV));
        BlockingQueue<SessionEvent> queue = new LinkedBlockingQueue<>();
        ShipClient.Builder builder = connect.client(ctx).listener(queue::add)
                .reconnect(reconnect.policy());
        Credentials credentials = connect.credentials(ctx);
        try (Stopper stop = new Stopper("bridge")) {
            Session session;
            try {
                session = builder.build().connect(credentials);
            } catch (ShipException e) {
                if (stop.stopping()) return ExitCodes.OK;
                term.err().println("shipctl: " + e.getMessage());
                return ExitCodes.of(e);
            }
            try (session) {
                term.err().println("shipctl: bridging " + connect.address(ctx) + " (block " + session.lobby().block() + ", lobby "
                        + session.lobby().number() + ") to Discord; batches of " + Durations.format(batch));
                return relay(webhook, queue, stop);
            }
        }
    }

    /** Relays events until the session ends or a stop is asked for; what is pending is posted first. */
    private int relay(DiscordWebhook webhook, BlockingQueue<SessionEvent> queue, Stopper stop) throws InterruptedException {
        List<String> pending = new ArrayList<>();
        long firstNanos = 0;
        while (true) {
            SessionEvent e;
            try {
                long waitNanos = pending.isEmpty() ? TimeUnit.MILLISECONDS.toNanos(250)
                        : Math.max(0, firstNanos + batch.toNanos() - System.nanoTime());
                e = queue.poll(Math.min(waitNanos, TimeUnit.MILLISECONDS.toNanos(250)), TimeUnit.NANOSECONDS);
            } catch (InterruptedException ie) {
                stop.interrupted();
                post(webhook, pending);
                return ExitCodes.OK;
            }
            if (e instanceof SessionEvent.Disconnected d) {
                if (!postOrStop(webhook, pending, stop)) return ExitCodes.OK;
                if (d.cause().isEmpty()) return ExitCodes.OK;
                ctx.terminal().err().println("shipctl: " + d.reason());
                return ExitCodes.of(d.cause().get());
            }
            if (e != null) {
                var line = BridgeLines.of(e);
                if (line.isPresent()) {
                    if (pending.isEmpty()) firstNanos = System.nanoTime();
                    pending.add(line.get());
                }
            }
            boolean due = !pending.isEmpty() && System.nanoTime() - firstNanos >= batch.toNanos();
            if ((due || stop.stopping()) && !postOrStop(webhook, pending, stop)) return ExitCodes.OK;
            if (stop.stopping()) return ExitCodes.OK;
        }
    }

    /**
     * Posts the pending lines; false when a stop (an interrupt: Ctrl-C, SIGTERM) came while posting, which ends the
     * bridge as a stop does (what was being posted may be lost; nothing is posted twice).
     */
    private boolean postOrStop(DiscordWebhook webhook, List<String> pending, Stopper stop) {
        try {
            post(webhook, pending);
            return true;
        } catch (InterruptedException ie) {
            stop.interrupted();
            return false;
        }
    }

    /** Posts the pending lines in as few messages as Discord's limit allows. */
    private void post(DiscordWebhook webhook, List<String> pending) throws InterruptedException {
        for (String content : DiscordMessage.batch(pending)) {
            DiscordWebhook.Delivery d = webhook.send(DiscordMessage.text(content));
            if (d instanceof DiscordWebhook.Delivery.Failed f) ctx.terminal().err().println("shipctl: bridge: not posted: " + f.reason());
        }
        pending.clear();
    }
}

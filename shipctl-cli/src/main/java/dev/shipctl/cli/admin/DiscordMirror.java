package dev.shipctl.cli.admin;

import dev.shipctl.cli.common.CliContext;
import dev.shipctl.cli.output.DiscordMarkdown;
import dev.shipctl.cli.output.DiscordMessage;
import dev.shipctl.cli.output.DiscordWebhook;
import java.time.Instant;

/**
 * {@code announce --discord}: each announcement the server confirmed, posted to the Discord channel as an embed
 * (the text escaped for Markdown, no mention possible). A post that fails is said on stderr and changes no exit
 * code: the players got the announcement.
 */
final class DiscordMirror {
    private final CliContext ctx;
    private final DiscordWebhook webhook;

    DiscordMirror(CliContext ctx, DiscordWebhook webhook) {
        this.ctx = ctx;
        this.webhook = webhook;
    }

    void announced(String text) throws InterruptedException {
        DiscordWebhook.Delivery d = webhook.send(DiscordMessage.embed(new DiscordMessage.Embed(
                "Announcement", DiscordMarkdown.escape(text), DiscordMessage.BLUE, Instant.now())));
        if (d instanceof DiscordWebhook.Delivery.Failed f) {
            ctx.terminal().err().println("shipctl: announcement not mirrored to Discord: " + f.reason());
        }
    }
}

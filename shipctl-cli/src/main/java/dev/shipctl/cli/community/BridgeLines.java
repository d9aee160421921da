package dev.shipctl.cli.community;

import dev.shipctl.SessionEvent;
import dev.shipctl.cli.output.DiscordMarkdown;
import java.util.Optional;

/** One line of Discord Markdown per lobby event the bridge relays; game names and text escaped. */
final class BridgeLines {
    private BridgeLines() {}

    /** The line for {@code e}, or empty for an event the channel does not see. */
    static Optional<String> of(SessionEvent e) {
        return Optional.ofNullable(switch (e) {
            case SessionEvent.Chat c -> "**" + DiscordMarkdown.escape(c.name()) + "**: " + DiscordMarkdown.escape(c.text());
            case SessionEvent.PlayerJoined j -> "→ " + DiscordMarkdown.escape(j.player().name()) + " joined the lobby";
            case SessionEvent.PlayerLeft l -> "← " + DiscordMarkdown.escape(l.player().name()) + " left the lobby";
            case SessionEvent.Announcement a -> "📢 **Announcement**: " + DiscordMarkdown.escape(a.text());
            case SessionEvent.Reconnecting r when r.attempt() == 1 -> "*The bridge lost the server; reconnecting.*";
            case SessionEvent.Reconnected r -> "*The bridge is back in the lobby.*";
            default -> null;
        });
    }
}

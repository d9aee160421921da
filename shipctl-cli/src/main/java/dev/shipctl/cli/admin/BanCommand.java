package dev.shipctl.cli.admin;

import dev.shipctl.ShipException;
import dev.shipctl.admin.Admin;
import dev.shipctl.admin.AdminResult;
import dev.shipctl.cli.common.CliContext;
import dev.shipctl.cli.options.DurationConverter;
import dev.shipctl.cli.options.GuildCardConverter;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ban}: Ban a guild card from the ship. */
@Command(name = "ban", mixinStandardHelpOptions = true,
        description = {"Ban a guild card (idempotent, although Tethealla's /ban toggles).", "",
            "Ban a guild card from the ship (Tethealla: /ban GC). Idempotent although /ban toggles: shipctl reads the",
            "reply and sends /ban again if it went the wrong way. Tethealla bans only players online on the ship:",
            "an offline player gets no reply (exit 7); banning a player who is ALREADY banned lifts that ban and",
            "cannot restore it while they are offline (exit 7, said loudly).",
            "newserv: $ban LENGTH GC with --duration (required); the player must be in a lobby or game; no unban in game."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  shipctl ban --profile home 42000002"})
public final class BanCommand extends SessionVerb {
    @Parameters(paramLabel = "GC", converter = GuildCardConverter.class, description = "Guild card number of the player to ban.")
    int guildCard;

    @Option(names = "--duration", paramLabel = "LENGTH", converter = DurationConverter.WholeSeconds.class,
            description = "newserv (required there): how long the ban lasts, e.g. 30m, 12h, 7d, 1d12h, 1y ($ban LENGTH GC). Tethealla bans have no length.")
    Duration duration;

    BanCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    AdminResult perform(Admin admin, Duration wait) throws ShipException, InterruptedException {
        return duration != null ? admin.banFor(guildCard, duration, wait) : admin.ban(guildCard, wait);
    }
}

package dev.shipctl.cli.admin;

import dev.shipctl.ShipException;
import dev.shipctl.admin.Admin;
import dev.shipctl.admin.AdminResult;
import dev.shipctl.cli.common.CliContext;
import dev.shipctl.cli.options.GuildCardConverter;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code unban}: Lift a guild-card ban. */
@Command(name = "unban", mixinStandardHelpOptions = true,
        description = {"Lift a guild-card ban (idempotent, although Tethealla's /ban toggles).", "",
            "Lift a guild-card ban (Tethealla: /ban GC, which toggles). Nothing is sent when the player is in your lobby",
            "(so not banned). If the player is online elsewhere the toggle bans and disconnects them, and shipctl",
            "lifts it again at once. No reply (exit 7): not banned and not online, or no right."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  shipctl unban --profile home 42000002"})
public final class UnbanCommand extends SessionVerb {
    @Parameters(paramLabel = "GC", converter = GuildCardConverter.class, description = "Guild card number of the player to unban.")
    int guildCard;

    UnbanCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    AdminResult perform(Admin admin, Duration wait) throws ShipException, InterruptedException {
        return admin.unban(guildCard, wait);
    }
}

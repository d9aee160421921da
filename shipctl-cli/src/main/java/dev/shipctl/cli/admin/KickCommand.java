package dev.shipctl.cli.admin;

import dev.shipctl.ShipException;
import dev.shipctl.admin.Admin;
import dev.shipctl.admin.AdminResult;
import dev.shipctl.cli.common.CliContext;
import dev.shipctl.cli.options.GuildCardConverter;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code kick}: Disconnect a player. */
@Command(name = "kick", mixinStandardHelpOptions = true,
        description = {"Disconnect a player (/dc GC, $kick on newserv).", "",
            "Disconnect a player (Tethealla: /dc GC). Tethealla never confirms it: when the player is in your lobby",
            "shipctl waits to see them leave; otherwise the result is UNCONFIRMED (outcome \"unconfirmed\", exit 10):",
            "Tethealla is silent alike when it kicked them, when they are not on this ship, and when this account",
            "lacks the right. newserv confirms (\"... kicked off\") or refuses (exit 7)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  shipctl kick --profile home 42000002"})
public final class KickCommand extends SessionVerb {
    @Parameters(paramLabel = "GC", converter = GuildCardConverter.class, description = "Guild card number of the player to kick.")
    int guildCard;

    KickCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    AdminResult perform(Admin admin, Duration wait) throws ShipException, InterruptedException {
        return admin.kick(guildCard, wait);
    }
}

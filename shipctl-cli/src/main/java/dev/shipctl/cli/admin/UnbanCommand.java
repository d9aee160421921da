package dev.shipctl.cli.admin;

import dev.shipctl.ShipException;
import dev.shipctl.admin.Admin;
import dev.shipctl.admin.AdminResult;
import dev.shipctl.admin.BanType;
import dev.shipctl.cli.common.CliContext;
import dev.shipctl.cli.options.GuildCardConverter;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code unban}: Lift a guild-card ban, never banning by mistake. */
@Command(name = "unban", mixinStandardHelpOptions = true,
        description = {"Lift a guild-card ban; never bans, although Tethealla's /ban toggles.", "",
            "Lift a guild-card ban (Tethealla: /ban GC, which toggles: it would ban a player online on the ship).",
            "Sent only when shipctl's ledger (the bans it made, in the state folder) says it banned them. Nothing is",
            "sent, answer OK, when the player is in your lobby or the ledger says the ban was lifted. When nothing is",
            "known, nothing is sent, exit 2, and the message says what was known; --force sends it anyway (if the",
            "player was online elsewhere the toggle bans and disconnects them, and shipctl lifts it again at once).",
            "No reply (exit 7): not banned and not online, or no right."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  shipctl unban --profile home 42000002",
            "  shipctl unban --profile home --force 42000002"})
public final class UnbanCommand extends SessionVerb {
    @Parameters(paramLabel = "GC", converter = GuildCardConverter.class, description = "Guild card number of the player to unban.")
    int guildCard;

    @Option(names = "--force", description = "Tethealla: send /ban even when shipctl cannot tell that it lifts a ban (it bans a player online on the ship).")
    boolean force;

    UnbanCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    AdminResult perform(Admin admin, Duration wait) throws ShipException, InterruptedException {
        return admin.setBan(BanType.GUILD_CARD, guildCard, false, force, wait);
    }
}

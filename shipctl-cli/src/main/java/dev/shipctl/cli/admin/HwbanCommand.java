package dev.shipctl.cli.admin;

import dev.shipctl.ShipException;
import dev.shipctl.admin.Admin;
import dev.shipctl.admin.AdminResult;
import dev.shipctl.admin.BanType;
import dev.shipctl.cli.common.CliContext;
import dev.shipctl.cli.options.Confirmation;
import dev.shipctl.cli.options.GuildCardConverter;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hwban}: Ban the hardware id a player's client sent. */
@Command(name = "hwban", mixinStandardHelpOptions = true,
        description = {"Ban the hardware id a player's client sent (/hwban GC).", "",
            "Ban the hardware id a player's client sent (Tethealla: /hwban GC, a toggle handled as for ban).",
            "DANGER: clients that send the same id (bots, shipctl itself) are all banned. Asks for confirmation",
            "(--yes off a terminal). Sent only when the player is in your lobby (else --force; see ban)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  shipctl hwban --profile home 42000002",
            "  shipctl hwban --profile home --yes 42000002"})
public final class HwbanCommand extends SessionVerb {
    @Parameters(paramLabel = "GC", converter = GuildCardConverter.class, description = "Guild card number of the player to HW-ban.")
    int guildCard;

    @Option(names = "--force", description = "Send /hwban even when shipctl cannot tell that it bans (it lifts a ban if there is one).")
    boolean force;

    @Mixin
    Confirmation confirmation;

    HwbanCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    AdminResult perform(Admin admin, Duration wait) throws ShipException, InterruptedException {
        return admin.setBan(BanType.HARDWARE, guildCard, true, force, wait);
    }

    @Override
    void confirm() {
        confirmation.confirm(ctx, "hwban", "ban the hardware id guild card %s's client sent, and every client that sends it".formatted(Integer.toUnsignedString(guildCard)));
    }
}

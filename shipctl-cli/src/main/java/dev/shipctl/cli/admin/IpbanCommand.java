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

/** {@code ipban}: Ban the IP address a player is connected from. */
@Command(name = "ipban", mixinStandardHelpOptions = true,
        description = {"Ban the IP address a player connects from (/ipban GC).", "",
            "Ban the IP address a player is connected from (Tethealla: /ipban GC, a toggle handled as for ban).",
            "DANGER: behind a shared address (loopback, NAT) this bans everyone there, you included; only the",
            "server operator can undo it. Asks for confirmation (--yes off a terminal). Sent only when the player is",
            "in your lobby (else --force; see ban)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  shipctl ipban --profile home 42000002",
            "  shipctl ipban --profile home --yes 42000002"})
public final class IpbanCommand extends SessionVerb {
    @Parameters(paramLabel = "GC", converter = GuildCardConverter.class, description = "Guild card number of the player to IP-ban.")
    int guildCard;

    @Option(names = "--force", description = "Send /ipban even when shipctl cannot tell that it bans (it lifts a ban if there is one).")
    boolean force;

    @Mixin
    Confirmation confirmation;

    IpbanCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    AdminResult perform(Admin admin, Duration wait) throws ShipException, InterruptedException {
        return admin.setBan(BanType.IP, guildCard, true, force, wait);
    }

    @Override
    void confirm() {
        confirmation.confirm(ctx, "ipban", "ban the IP address guild card %s connects from, and everyone behind it (you too, on a shared address)".formatted(Integer.toUnsignedString(guildCard)));
    }
}

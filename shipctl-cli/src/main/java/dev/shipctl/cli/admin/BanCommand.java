package dev.shipctl.cli.admin;

import dev.shipctl.ShipException;
import dev.shipctl.admin.Admin;
import dev.shipctl.admin.AdminResult;
import dev.shipctl.admin.BanType;
import dev.shipctl.cli.common.CliContext;
import dev.shipctl.cli.options.Confirmation;
import dev.shipctl.cli.options.DurationConverter;
import dev.shipctl.cli.options.GuildCardConverter;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ban}: Ban guild cards from the ship, never lifting a ban by mistake. */
@Command(name = "ban", mixinStandardHelpOptions = true,
        description = {"Ban guild cards; never lifts a ban, although Tethealla's /ban toggles.", "",
            "Ban a guild card from the ship (Tethealla: /ban GC). /ban toggles: it lifts an existing ban, else bans a",
            "player online on this ship, else says nothing. No client can ask whether someone is banned, so shipctl",
            "sends /ban only when it knows it bans: the player is in your lobby (so online and not banned). When its",
            "ledger (the bans shipctl made, kept in the state folder) says it banned them, nothing is sent and the",
            "answer is OK (already banned). When nothing is known (another block or lobby, offline, banned by someone",
            "else) nothing is sent, exit 2, and the message says what was known; --force sends it anyway (and if the",
            "reply says it lifted a ban, shipctl sends it again and says loudly if that could not restore it).",
            "Several guild cards ask for confirmation (--yes off a terminal); each gets its own line.",
            "newserv: $ban LENGTH GC with --duration (required; a second $ban sets the length again, it never",
            "lifts); the player must be in a lobby or game; no unban in game."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  shipctl ban --profile home 42000002",
            "  shipctl ban --profile home --yes 42000002 42000007"})
public final class BanCommand extends SessionVerb {
    @Parameters(paramLabel = "GC", arity = "1..*", converter = GuildCardConverter.class,
            description = "Guild card numbers of the players to ban.")
    List<Integer> guildCards;

    @Option(names = "--duration", paramLabel = "LENGTH", converter = DurationConverter.WholeSeconds.class,
            description = "newserv (required there): how long the ban lasts, e.g. 30m, 12h, 7d, 1d12h, 1y ($ban LENGTH GC). Tethealla bans have no length.")
    Duration duration;

    @Option(names = "--force", description = "Tethealla: send /ban even when shipctl cannot tell that it bans (it lifts a ban if there is one).")
    boolean force;

    @Mixin
    Confirmation confirmation;

    BanCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    void confirm() {
        if (guildCards.size() > 1) confirmation.confirm(ctx, "ban", "ban " + guildCards.size() + " guild cards");
    }

    @Override
    List<Step> steps() {
        return guildCards.stream().<Step>map(gc -> (admin, wait) -> ban(admin, gc, wait)).toList();
    }

    @Override
    boolean keepsGoing() {
        return true;
    }

    @Override
    AdminResult perform(Admin admin, Duration wait) throws ShipException, InterruptedException {
        return ban(admin, guildCards.getFirst(), wait);
    }

    private AdminResult ban(Admin admin, int gc, Duration wait) throws ShipException, InterruptedException {
        return duration != null ? admin.banFor(gc, duration, wait) : admin.setBan(BanType.GUILD_CARD, gc, true, force, wait);
    }
}

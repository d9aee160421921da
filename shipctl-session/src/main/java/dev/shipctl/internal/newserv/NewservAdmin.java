package dev.shipctl.internal.newserv;

import static dev.shipctl.internal.admin.Replies.gc;
import static dev.shipctl.internal.admin.Replies.noBroadcast;
import static dev.shipctl.internal.admin.Replies.noReply;
import static dev.shipctl.internal.admin.Replies.reads;
import static dev.shipctl.internal.admin.Replies.refused;
import static dev.shipctl.internal.admin.Replies.seconds;
import static dev.shipctl.internal.admin.Replies.textOf;

import dev.shipctl.Session;
import dev.shipctl.SessionEvent;
import dev.shipctl.ShipException;
import dev.shipctl.admin.AdminResult;
import dev.shipctl.admin.AdminResult.Outcome;
import dev.shipctl.admin.BanLedger;
import dev.shipctl.admin.BanType;
import dev.shipctl.internal.admin.AdminCall;
import dev.shipctl.internal.admin.AdminDialect;
import dev.shipctl.internal.admin.ChatAdmin;
import dev.shipctl.protocol.Texts;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * newserv's administration: announcements are one command carrying the text ({@code $ann} and its variants),
 * confirmed by the copy this session gets; bans last for a time ({@code $ban DURATION GC}); what newserv has no
 * chat command for is {@link ShipException.Unsupported} with what to do instead.
 */
final class NewservAdmin extends ChatAdmin {
    private final NewservDialect dialect;

    NewservAdmin(Session session) {
        super(session, NewservDialect.INSTANCE);
        this.dialect = NewservDialect.INSTANCE;
    }

    @Override
    public AdminResult announce(String text, boolean global, boolean anonymous, boolean asMail, Duration wait)
            throws ShipException, InterruptedException {
        dialect.checkAnnouncement(text);
        NewservDialect.Announcement how = dialect.announce(global, anonymous, asMail);
        try (AdminCall call = call(global ? "announce-global" : "announce", null)) {
            String expected = Texts.display(text.replace('$', '\t'));
            String line = how.prefix() + text;
            dialect.checkCommand(line);
            Predicate<SessionEvent> copy = how.asMail()
                    ? e -> e instanceof SessionEvent.Mail m && m.text().contains(expected)
                            && (!how.named() || m.fromName().contains(session.characterName()))
                    : how.named()
                            ? e -> e instanceof SessionEvent.Announcement a && a.text().contains(session.characterName()) && a.text().contains(expected)
                            : e -> e instanceof SessionEvent.Announcement a && a.text().contains(expected);
            call.chat(line);
            Optional<SessionEvent> reply = call.await(copy.or(reads(dialect, line, AdminDialect.Reading.REFUSES)), wait);
            if (reply.isEmpty()) {
                throw noBroadcast(how.prefix().strip(), "no broadcast came back within " + seconds(wait) + "; it needs " + how.right());
            }
            if (!copy.test(reply.get())) throw refused(line, reply.get());
            return call.result(Outcome.DONE, (global ? "announced on every ship: " : "announced: ") + "\"" + text + "\"");
        }
    }

    /**
     * newserv has no untimed, IP or hardware bans and no in-game unban: always {@link ShipException.Unsupported}.
     * Its {@code $ban} ({@link #banFor}) does not toggle: a second one sets the end time again, so it needs no
     * ledger and no {@code force}.
     */
    @Override
    public AdminResult setBan(BanType type, int guildCard, boolean wanted, boolean force, Duration wait) throws ShipException {
        if (!wanted) dialect.checkUnban(type, guildCard);
        throw dialect.noBan(type);
    }

    /**
     * {@code $ban LENGTH GC}: never lifts a ban (it sets the account's ban end), so it needs no {@code force}. newserv
     * finds only clients in a lobby or game, so a second ban of a player it disconnected is "Failed: client not
     * found": when the ledger says this admin banned them and the ban has not run out, that is
     * {@link Outcome#UNCHANGED}, not a failure. Confirmed bans go in the ledger with their end.
     */
    @Override
    public AdminResult banFor(int guildCard, Duration duration, Duration wait) throws ShipException, InterruptedException {
        AdminDialect.Op op = dialect.banFor(guildCard, duration);
        try (AdminCall call = call("ban", guildCard)) {
            call.chat(op.line());
            Optional<SessionEvent> reply = call.await(reads(dialect, op.line(), null), wait);
            if (reply.isEmpty()) throw noReply(op, wait);
            if (!reads(dialect, op.line(), AdminDialect.Reading.CONFIRMS).test(reply.get())) {
                Optional<BanLedger.Entry> last = ledger().last(shipName(), BanType.GUILD_CARD, guildCard);
                Instant now = Instant.now();
                if (textOf(reply.get()).endsWith("client not found") && last.isPresent() && last.get().bannedAt(now)) {
                    return call.result(Outcome.UNCHANGED, gc(guildCard) + " is still banned: shipctl's ledger says it was banned at "
                            + last.get().at().truncatedTo(ChronoUnit.SECONDS) + last.get().until().map(u -> " until " + u.truncatedTo(ChronoUnit.SECONDS)).orElse("")
                            + ", and newserv finds no such client (a banned player cannot be online); the ban was not changed");
                }
                throw refused(op, reply.get());
            }
            ledger().record(new BanLedger.Entry(shipName(), BanType.GUILD_CARD, guildCard, true, Instant.now(),
                    Optional.of(Instant.now().plus(duration))));
            return call.result(Outcome.DONE, gc(guildCard) + " is banned for " + seconds(duration) + " (and was disconnected)");
        }
    }
}

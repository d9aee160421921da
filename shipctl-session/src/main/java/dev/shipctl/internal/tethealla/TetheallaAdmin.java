package dev.shipctl.internal.tethealla;

import static dev.shipctl.internal.admin.Replies.gc;
import static dev.shipctl.internal.admin.Replies.isText;
import static dev.shipctl.internal.admin.Replies.lobbyMessage;
import static dev.shipctl.internal.admin.Replies.noBroadcast;
import static dev.shipctl.internal.admin.Replies.refused;
import static dev.shipctl.internal.admin.Replies.seconds;
import static dev.shipctl.internal.admin.Replies.textIs;
import static dev.shipctl.internal.admin.Replies.textOf;

import dev.shipctl.Player;
import dev.shipctl.Session;
import dev.shipctl.EventStream;
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
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Tethealla's administration and its two quirks. Announcements go through announce mode, a toggle: this admin
 * follows the mode from every toggle reply the session sees (also of raw commands, and of replies that came after
 * an operation gave up waiting), so a later {@link #announce} never toggles it off by mistake. Bans toggle too: the
 * reply says which way, and {@link #setBan} corrects a wrong way with a second command.
 */
final class TetheallaAdmin extends ChatAdmin {
    private final TetheallaDialect dialect;
    private final TetheallaDialect.Toggle localToggle;
    private final TetheallaDialect.Toggle globalToggle;
    /** This connection's announce mode as the server's last toggle reply said (see {@link #track}). */
    private volatile Armed armed = Armed.OFF;

    private enum Armed { OFF, LOCAL, GLOBAL }

    TetheallaAdmin(Session session) {
        super(session, TetheallaDialect.INSTANCE);
        this.dialect = TetheallaDialect.INSTANCE;
        this.localToggle = dialect.announce(false);
        this.globalToggle = dialect.announce(true);
        session.addListener(this::track);
    }

    private void track(SessionEvent event) {
        if (!(event instanceof SessionEvent.TextMessage m)) return;
        String text = AdminDialect.normalise(m.text());
        if (text.equals(localToggle.armed())) armed = Armed.LOCAL;
        else if (text.equals(globalToggle.armed())) armed = Armed.GLOBAL;
        else if (text.equals(localToggle.cancelled())) armed = Armed.OFF;
    }

    /**
     * Sends the toggle ({@code /announce} or {@code /global}) unless the wanted mode is on, waits for the B0 that
     * confirms it, sends the text as simple mail to this account's own guild card, and confirms by the broadcast.
     */
    @Override
    public AdminResult announce(String text, boolean global, boolean anonymous, boolean asMail, Duration wait)
            throws ShipException, InterruptedException {
        dialect.checkAnnouncement(text);
        TetheallaDialect.Toggle toggle = dialect.announce(global, anonymous, asMail);
        try (AdminCall call = call(global ? "announce-global" : "announce", null)) {
            String expected = Texts.display(text.replace('$', '\t'));
            Predicate<SessionEvent> ownBroadcast = e -> e instanceof SessionEvent.Announcement a
                    && a.text().contains(session.characterName()) && a.text().contains(expected);
            Armed want = global ? Armed.GLOBAL : Armed.LOCAL;
            if (armed != want) arm(call, toggle, wait);
            call.mail(text);
            armed = Armed.OFF; // the server leaves announce mode after the mail
            if (call.await(ownBroadcast, wait).isEmpty()) {
                throw noBroadcast(toggle.toggle(), "announce mode was confirmed and the mail sent, but no broadcast came back within " + seconds(wait));
            }
            return call.result(Outcome.DONE, (global ? "announced on every ship: " : "announced: ") + "\"" + text + "\"");
        }
    }

    /** Puts the connection in the toggle's announce mode, switching the other one off first if it is on. */
    private void arm(AdminCall call, TetheallaDialect.Toggle toggle, Duration wait) throws ShipException, InterruptedException {
        if (armed != Armed.OFF) {
            // the other mode is on (a reply that came late, or a raw command): switch it off first
            call.chat(toggle.toggle());
            call.await(textIs(toggle.cancelled()), wait);
        }
        call.chat(toggle.toggle());
        Optional<SessionEvent> reply = call.await(textIs(toggle.armed(), toggle.cancelled()).or(lobbyMessage()), wait);
        if (reply.isPresent() && isText(reply.get(), toggle.cancelled())) {
            // the mode was on without our knowing; the toggle just turned it off: turn it on again
            call.chat(toggle.toggle());
            reply = call.await(textIs(toggle.armed()).or(lobbyMessage()), wait);
        }
        if (reply.isEmpty()) {
            throw noBroadcast(toggle.toggle(), "no reply to " + toggle.toggle() + " within " + seconds(wait) + "; it needs " + toggle.right());
        }
        if (!isText(reply.get(), toggle.armed())) {
            throw noBroadcast(toggle.toggle(), "the server answered " + toggle.toggle() + " with \"" + textOf(reply.get()) + "\"");
        }
    }

    /**
     * Puts a ban in the wanted state although Tethealla's commands toggle: sends the toggle only when what is known
     * (the lobby, the ledger) says it goes the wanted way, or when forced; see {@link dev.shipctl.admin.Admin#setBan}.
     */
    @Override
    public AdminResult setBan(BanType type, int guildCard, boolean wanted, boolean force, Duration wait)
            throws ShipException, InterruptedException {
        TetheallaDialect.Ban op = dialect.ban(type, guildCard);
        String verb = wanted ? type.verb() : "un" + type.verb();
        String what = banned(type);
        String ship = shipName();
        // the lobby's changes are followed from before anything is sent: a ban disconnects the player, and the lobby
        // view must show them gone before this returns, or the next decision would still see them here ("not banned")
        try (AdminCall call = call(verb, guildCard); EventStream lobbyChanges = session().events()) {
            Optional<Player> here = inLobby(guildCard);
            Optional<BanLedger.Entry> last = ledger().last(ship, type, guildCard);
            if (!force) {
                Optional<AdminResult> settled = withoutSending(call, op, type, guildCard, wanted, here, last);
                if (settled.isPresent()) return settled.get();
            }
            Predicate<SessionEvent> answer = textIs(op.added(), op.removed()).or(textIs(op.refusals()));
            call.chat(op.line());
            Optional<SessionEvent> reply = call.await(answer, wait);
            if (reply.isEmpty()) {
                throw new ShipException.NoReply(wanted
                        ? "no reply to " + op.line() + ": " + gc(guildCard) + " is not online on this ship (Tethealla bans only"
                                + " online players), or this account lacks the right (" + op.right() + ")"
                        : "no reply to " + op.line() + ": " + gc(guildCard) + " is neither " + what + " nor online on this ship,"
                                + " or this account lacks the right (" + op.right() + ")");
            }
            if (isText(reply.get(), op.refusals())) throw refused(op.line(), reply.get());
            boolean nowBanned = isText(reply.get(), op.added());
            remember(ship, type, guildCard, nowBanned);
            if (nowBanned && here.isPresent()) awaitGone(lobbyChanges, guildCard, wait);
            if (nowBanned == wanted) {
                return call.result(Outcome.DONE, wanted ? gc(guildCard) + " is now " + what + " (and was disconnected)"
                        : "the " + type.verb() + " of " + gc(guildCard) + " was lifted");
            }
            return correctToggle(call, op, type, guildCard, wanted, what, wait);
        }
    }

    /**
     * The answer when what is known settles it without sending: nothing to change, or a toggle that could go the
     * wrong way ({@link ShipException.Withheld}); empty when the toggle is known to go the wanted way.
     */
    private Optional<AdminResult> withoutSending(AdminCall call, TetheallaDialect.Ban op, BanType type, int guildCard, boolean wanted,
                                                 Optional<Player> here, Optional<BanLedger.Entry> last) throws ShipException.Withheld {
        String what = banned(type);
        boolean online = here.isPresent() && type == BanType.GUILD_CARD;
        if (wanted) {
            if (here.isPresent()) return Optional.empty(); // online: the toggle bans (a wrong way is put right while they are online)
            if (last.isPresent() && last.get().banned()) {
                return Optional.of(call.result(Outcome.UNCHANGED, gc(guildCard) + " is already " + what + ": shipctl's ledger says this"
                        + " ban was written " + when(last.get()) + "; nothing sent, as " + op.line() + " would lift it (--force sends it anyway)"));
            }
            throw new ShipException.Withheld("not sent: " + op.line() + " toggles, and whether " + gc(guildCard) + " is " + what
                    + " is unknown (" + known(last, guildCard) + "); if they are, it would LIFT the ban. --force sends it anyway"
                    + " (it bans them if they are online on this ship)");
        }
        if (online) {
            return Optional.of(call.result(Outcome.UNCHANGED, gc(guildCard) + " is not " + what + ": " + here.get().name()
                    + " is in this lobby; nothing sent"));
        }
        if (last.isPresent() && !last.get().banned()) {
            return Optional.of(call.result(Outcome.UNCHANGED, gc(guildCard) + " is not " + what + ": shipctl's ledger says this ban was"
                    + " lifted " + when(last.get()) + "; nothing sent, as " + op.line() + " would ban them if online (--force sends it anyway)"));
        }
        if (last.isPresent()) return Optional.empty(); // the ledger says banned: the toggle lifts it
        throw new ShipException.Withheld("not sent: " + op.line() + " toggles, and whether " + gc(guildCard) + " is " + what
                + " is unknown (" + known(last, guildCard) + "); if they are not but are online on this ship, it would BAN and"
                + " disconnect them. --force sends it anyway (shipctl then lifts such a ban again at once)");
    }

    /** Waits, at most {@code wait}, until the lobby view no longer lists the guild card (the server disconnected them). */
    private void awaitGone(EventStream lobbyChanges, int guildCard, Duration wait) throws InterruptedException {
        long end = System.nanoTime() + wait.toNanos();
        while (inLobby(guildCard).isPresent()) {
            long left = end - System.nanoTime();
            if (left <= 0) return;
            lobbyChanges.next(e -> e instanceof SessionEvent.PlayerLeft l && l.player().guildCard() == guildCard
                    || e instanceof SessionEvent.Disconnected, Duration.ofNanos(left));
        }
    }

    /** What was known, for a message: the lobby and the ledger said nothing useful. */
    private String known(Optional<BanLedger.Entry> last, int guildCard) {
        String ledger = last.map(e -> "shipctl's ledger says it was " + (e.banned() ? "banned " : "lifted ") + when(e)
                        + ", but someone may have changed it since")
                .orElse("shipctl's ledger has nothing on " + gc(guildCard) + " on " + (shipName().isEmpty() ? "this ship" : "ship " + shipName()));
        return "not in this lobby; " + ledger + "; Tethealla lets no client ask";
    }

    private static String when(BanLedger.Entry e) {
        return "at " + e.at().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + (e.ship().isEmpty() ? "" : " on ship " + e.ship());
    }

    private void remember(String ship, BanType type, int guildCard, boolean nowBanned) {
        ledger().record(new BanLedger.Entry(ship, type, guildCard, nowBanned, java.time.Instant.now()));
    }

    private static String banned(BanType type) {
        return switch (type) {
            case GUILD_CARD -> "banned";
            case IP -> "IP banned";
            case HARDWARE -> "HW banned";
        };
    }

    /** The toggle went the wrong way: sends it again, and says loudly if that did not put it right. */
    private AdminResult correctToggle(AdminCall call, TetheallaDialect.Ban op, BanType type, int guildCard, boolean wanted,
                                      String what, Duration wait) throws ShipException, InterruptedException {
        call.chat(op.line());
        Optional<SessionEvent> again = call.await(textIs(op.added(), op.removed()).or(textIs(op.refusals())), wait);
        if (again.isPresent() && isText(again.get(), List.of(op.added(), op.removed()))) {
            remember(shipName(), type, guildCard, isText(again.get(), op.added()));
        }
        if (again.isPresent() && isText(again.get(), wanted ? op.added() : op.removed())) {
            return call.result(Outcome.DONE, wanted
                    ? gc(guildCard) + " is " + what + " (the first " + op.line() + " lifted an old ban; the second banned again)"
                    : gc(guildCard) + " is not " + what + " (they were online, so the toggle banned and disconnected them;"
                            + " the second " + op.line() + " lifted it)");
        }
        String got = again.map(e -> "\"" + textOf(e) + "\"").orElse("no reply");
        throw new ShipException.NoReply(wanted
                ? gc(guildCard) + " was already " + what + "; Tethealla's " + op.line() + " toggled that ban OFF, and the second "
                        + op.line() + " got " + got + " because a player can be banned only while online: THE BAN IS NOW LIFTED."
                        + " Ban them again when they are online"
                : gc(guildCard) + " was online, so the toggle " + what + " them; the second " + op.line() + " got " + got
                        + ": THEY ARE STILL " + what.toUpperCase(java.util.Locale.ROOT) + ". Run unban again");
    }

    @Override
    public AdminResult banFor(int guildCard, Duration duration, Duration wait) throws ShipException {
        throw dialect.noTimedBans();
    }
}

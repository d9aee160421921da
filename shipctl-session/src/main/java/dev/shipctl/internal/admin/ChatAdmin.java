package dev.shipctl.internal.admin;

import static dev.shipctl.internal.admin.Replies.gc;
import static dev.shipctl.internal.admin.Replies.isText;
import static dev.shipctl.internal.admin.Replies.noReply;
import static dev.shipctl.internal.admin.Replies.reads;
import static dev.shipctl.internal.admin.Replies.refused;
import static dev.shipctl.internal.admin.Replies.seconds;
import static dev.shipctl.internal.admin.Replies.textIs;
import static dev.shipctl.internal.admin.Replies.textOf;

import dev.shipctl.Player;
import dev.shipctl.Session;
import dev.shipctl.SessionEvent;
import dev.shipctl.ShipException;
import dev.shipctl.admin.Admin;
import dev.shipctl.admin.AdminResult;
import dev.shipctl.admin.BanLedger;
import dev.shipctl.admin.AdminResult.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Administration by chat commands and their replies, as every family does it: the operations that only differ in
 * spelling run here, from the family's {@link AdminDialect}. Each family's admin extends it with what is its own
 * (announcements, bans).
 */
public abstract class ChatAdmin implements Admin {
    protected final Session session;
    private final AdminDialect dialect;
    private volatile BanLedger ledger = BanLedger.inMemory();

    protected ChatAdmin(Session session, AdminDialect dialect) {
        this.session = session;
        this.dialect = dialect;
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public BanLedger ledger() {
        return ledger;
    }

    @Override
    public Admin useLedger(BanLedger ledger) {
        this.ledger = java.util.Objects.requireNonNull(ledger, "ledger");
        return this;
    }

    /** The name of this session's ship as ledger entries key it ("" when unknown). */
    protected String shipName() {
        return session.ship().map(dev.shipctl.MenuItem::name).orElse("");
    }

    @Override
    public List<String> commandNames() {
        return dialect.commandNames();
    }

    @Override
    public void checkAnnouncement(String text) {
        dialect.checkAnnouncement(text);
    }

    /** A new operation: its subscription starts now. */
    protected AdminCall call(String verb, Integer target) {
        return new AdminCall(session, dialect, verb, target);
    }

    // ---- raw commands -------------------------------------------------------------------------------------

    @Override
    public AdminResult command(String line, Duration wait) throws ShipException, InterruptedException {
        dialect.checkCommand(line);
        try (AdminCall call = call("command", null)) {
            call.chat(line);
            call.await(e -> false, wait);
            Optional<SessionEvent> refusal = call.received().stream().filter(reads(dialect, line, AdminDialect.Reading.REFUSES)).findFirst();
            if (refusal.isPresent()) throw refused(line, refusal.get());
            int n = call.replyCount();
            if (n == 0) throw new ShipException.NoReply("no reply to " + line + " within " + seconds(wait) + dialect.silenceNote());
            return call.result(Outcome.REPLIED, n + (n == 1 ? " reply" : " replies") + " to " + line);
        }
    }

    // ---- named commands -----------------------------------------------------------------------------------

    @Override
    public AdminResult reloadGms(Duration wait) throws ShipException, InterruptedException {
        return confirmedByText("reload-gms", dialect.reloadGms(), wait, "local GM file reloaded");
    }

    @Override
    public AdminResult reloadMasks(Duration wait) throws ShipException, InterruptedException {
        return confirmedByText("reload-masks", dialect.reloadMasks(), wait, "IP ban masks reloaded");
    }

    @Override
    public AdminResult reloadConfig(Duration wait) throws ShipException, InterruptedException {
        return confirmedByText("reload-config", dialect.reloadConfig(), wait, "ship config reloaded");
    }

    private AdminResult confirmedByText(String verb, AdminDialect.Op op, Duration wait, String summary)
            throws ShipException, InterruptedException {
        try (AdminCall call = call(verb, null)) {
            call.chat(op.line());
            Optional<SessionEvent> reply = call.await(textIs(op.success()).or(textIs(op.refusals())), wait);
            if (reply.isEmpty()) throw noReply(op, wait);
            if (!isText(reply.get(), op.success())) throw refused(op, reply.get());
            return call.result(Outcome.DONE, summary);
        }
    }

    @Override
    public AdminResult kick(int guildCard, Duration wait) throws ShipException, InterruptedException {
        AdminDialect.Op op = dialect.kick(guildCard);
        Optional<Player> here = inLobby(guildCard);
        try (AdminCall call = call("kick", guildCard)) {
            call.chat(op.line());
            Optional<SessionEvent> reply = call.await(textIs(op.refusals()).or(reads(dialect, op.line(), null))
                    .or(e -> e instanceof SessionEvent.PlayerLeft l && l.player().guildCard() == guildCard), wait);
            if (reply.isPresent() && reads(dialect, op.line(), AdminDialect.Reading.CONFIRMS).test(reply.get())) {
                return call.result(Outcome.DONE, "kicked " + gc(guildCard) + ": the server answered \"" + textOf(reply.get()) + "\"");
            }
            if (reply.isPresent() && reply.get() instanceof SessionEvent.PlayerLeft left) {
                return call.result(Outcome.DONE, "kicked " + left.player().name() + " (" + gc(guildCard) + "): they left the lobby");
            }
            if (reply.isPresent()) throw refused(op, reply.get());
            if (here.isPresent()) {
                throw new ShipException.NoReply("no effect: " + here.get().name() + " (" + gc(guildCard) + ") is still in the lobby after "
                        + seconds(wait) + "; does this account have the right to " + op.line() + "? It needs " + op.right());
            }
            return call.result(Outcome.UNCONFIRMED, "sent " + op.line() + "; the server does not confirm it, and is silent too when "
                    + gc(guildCard) + " is not on this ship or the account lacks the right (" + op.right() + ")");
        }
    }

    @Override
    public AdminResult event(int event, Duration wait) throws ShipException, InterruptedException {
        if (event < 0 || event > 255) throw new IllegalArgumentException("the event is a number from 0 to 255");
        AdminDialect.Op op = dialect.event(event);
        try (AdminCall call = call("event", null)) {
            call.chat(op.line());
            Optional<SessionEvent> reply = call.await(textIs(op.refusals()).or(reads(dialect, op.line(), AdminDialect.Reading.REFUSES))
                    .or(e -> e instanceof SessionEvent.LobbyEventChanged c && c.event() == event), wait);
            if (reply.isEmpty()) throw noReply(op, wait);
            if (!(reply.get() instanceof SessionEvent.LobbyEventChanged)) throw refused(op, reply.get());
            return call.result(Outcome.DONE, "lobby event set to " + event);
        }
    }

    @Override
    public AdminResult dcall(Duration wait) throws ShipException, InterruptedException {
        AdminDialect.Op op = dialect.dcall();
        try (AdminCall call = call("dcall", null)) {
            call.chat(op.line());
            Optional<SessionEvent> reply = call.await(e -> e instanceof SessionEvent.PlayerLeft
                    || e instanceof SessionEvent.MessageBox || e instanceof SessionEvent.Disconnected, wait);
            if (reply.isEmpty()) {
                throw new ShipException.NoReply("no effect within " + seconds(wait) + ": nobody left and this session was not disconnected;"
                        + " does this account have the right to " + op.line() + "? It needs " + op.right());
            }
            return call.result(Outcome.DONE, "the server is disconnecting everyone, one player per second, this session included");
        }
    }

    /** The player with this guild card in this session's lobby, unless it is this session. */
    protected Optional<Player> inLobby(int guildCard) {
        return session.lobby().players().stream().filter(p -> p.guildCard() == guildCard && guildCard != session.guildCard()).findFirst();
    }
}

package dev.shipctl.admin;

import dev.shipctl.EventStream;
import dev.shipctl.Player;
import dev.shipctl.Session;
import dev.shipctl.SessionEvent;
import dev.shipctl.ShipException;
import dev.shipctl.admin.AdminResult.Exchange;
import dev.shipctl.admin.AdminResult.Outcome;
import dev.shipctl.protocol.packet.Texts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server administration over an open {@link Session}: announcements, GM commands and their replies, for the
 * command line and for bots. One instance per session ({@link #of}); the command syntax comes from the session's
 * {@link AdminDialect}.
 *
 * <p>Every operation sends its chat lines through {@link Session#chat}, so they are spaced by the flavour's
 * cooldown, then waits up to {@code wait} for the replies that tell what happened. Operations block the calling
 * thread; call them from one thread at a time per session. Failures are exceptions:
 * <ul>
 *   <li>{@link ShipException.NoReply}: no reply, or the server refused (Tethealla answers a missing right with
 *       silence, so the message names the right that is needed);</li>
 *   <li>{@link ShipException.Unsupported}: the server family has no such command;</li>
 *   <li>{@link ShipException.ConnectionLost}: the session ended while waiting;</li>
 *   <li>{@link IllegalArgumentException}: the text cannot be carried (too long, characters the server cannot
 *       read); nothing was sent.</li>
 * </ul>
 *
 * <pre>{@code
 * try (Session s = client.connect(credentials)) {
 *     Admin admin = Admin.of(s);
 *     admin.announce("Restart in 5 minutes", false, Admin.DEFAULT_WAIT);
 *     admin.reloadGms(Admin.DEFAULT_WAIT);
 * }
 * }</pre>
 */
public final class Admin {
    private static final Logger log = LoggerFactory.getLogger(Admin.class);
    /** How long operations wait for replies unless told otherwise. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(3);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);
    private static final Map<Session, Admin> ADMINS = Collections.synchronizedMap(new WeakHashMap<>());

    private final Session session;
    private final AdminDialect dialect;
    /** Tethealla's announce mode of this connection as the server's last toggle reply said (see {@link #track}). */
    private volatile Armed armed = Armed.OFF;
    private final AdminDialect.Announce.ToggleThenMail localToggle;
    private final AdminDialect.Announce.ToggleThenMail globalToggle;

    private enum Armed { OFF, LOCAL, GLOBAL }

    private Admin(Session session) {
        this.session = session;
        this.dialect = AdminDialect.of(session.flavour());
        this.localToggle = toggle(dialect, false);
        this.globalToggle = toggle(dialect, true);
        if (localToggle != null && globalToggle != null) session.addListener(this::track);
    }

    /** The admin of a session (the same instance for the same session). */
    public static Admin of(Session session) {
        return ADMINS.computeIfAbsent(session, Admin::new);
    }

    public Session session() {
        return session;
    }

    public AdminDialect dialect() {
        return dialect;
    }

    /**
     * Follows Tethealla's announce mode from the toggle replies, also those of raw commands and of replies that
     * came after an operation gave up waiting, so a later {@link #announce} never toggles the mode off by mistake.
     */
    private void track(SessionEvent event) {
        if (!(event instanceof SessionEvent.TextMessage m)) return;
        String text = AdminDialect.normalise(m.text());
        if (text.equals(localToggle.armed())) armed = Armed.LOCAL;
        else if (text.equals(globalToggle.armed())) armed = Armed.GLOBAL;
        else if (text.equals(localToggle.cancelled())) armed = Armed.OFF;
    }

    private static AdminDialect.Announce.ToggleThenMail toggle(AdminDialect dialect, boolean global) {
        try {
            return dialect.announce(global) instanceof AdminDialect.Announce.ToggleThenMail t ? t : null;
        } catch (ShipException.Unsupported e) {
            return null;
        }
    }

    // ---- announce -----------------------------------------------------------------------------------------

    /**
     * Announces {@code text} to everyone on this ship ({@code global}: on every ship), and confirms it by the
     * broadcast the server sends back to the sender.
     *
     * <p>Tethealla: sends {@code /announce} (or {@code /global}), waits for the B0 that confirms announce mode, and
     * only then sends the text as simple mail (to this account's own guild card, so that mail sent outside
     * announce mode would reach nobody else). The toggle is never sent while the mode is on, unless to switch
     * between local and global.
     *
     * @throws ShipException.NoReply "no broadcast: does this account have the right to /announce?" when the mode
     *     was not confirmed or the broadcast did not come back within {@code wait}
     */
    public AdminResult announce(String text, boolean global, Duration wait) throws ShipException, InterruptedException {
        return announce(text, global, false, false, wait);
    }

    /**
     * {@link #announce(String, boolean, Duration)} in a variant (newserv): {@code anonymous} without the sender's
     * name ({@code $ann?}), {@code asMail} as a mail to everyone ({@code $ann!}), confirmed by the copy this
     * session gets. A refusal ("You do not have permission…") ends the wait at once.
     *
     * @throws ShipException.Unsupported the family has one kind of announcement (Tethealla) and a variant was asked for
     */
    public AdminResult announce(String text, boolean global, boolean anonymous, boolean asMail, Duration wait)
            throws ShipException, InterruptedException {
        dialect.checkAnnouncement(text);
        AdminDialect.Announce how = dialect.announce(global, anonymous, asMail);
        try (Call call = new Call(global ? "announce-global" : "announce", null)) {
            String expected = Texts.display(text.replace('$', '\t'));
            Predicate<SessionEvent> ownBroadcast = e -> e instanceof SessionEvent.Announcement a
                    && a.text().contains(session.characterName()) && a.text().contains(expected);
            switch (how) {
                case AdminDialect.Announce.Inline inline -> {
                    String line = inline.prefix() + text;
                    dialect.checkCommand(line);
                    Predicate<SessionEvent> copy = inline.asMail()
                            ? e -> e instanceof SessionEvent.Mail m && m.text().contains(expected)
                                    && (!inline.named() || m.fromName().contains(session.characterName()))
                            : inline.named() ? ownBroadcast
                            : e -> e instanceof SessionEvent.Announcement a && a.text().contains(expected);
                    call.chat(line);
                    Optional<SessionEvent> reply = call.await(copy.or(reads(line, AdminDialect.Reading.REFUSES)), wait);
                    if (reply.isEmpty()) {
                        throw noBroadcast(inline.prefix().strip(), "no broadcast came back within " + seconds(wait)
                                + "; it needs " + inline.right());
                    }
                    if (!copy.test(reply.get())) throw refused(line, reply.get());
                }
                case AdminDialect.Announce.ToggleThenMail toggle -> {
                    Armed want = global ? Armed.GLOBAL : Armed.LOCAL;
                    if (armed != want) {
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
                            throw noBroadcast(toggle.toggle(), "no reply to " + toggle.toggle() + " within " + seconds(wait)
                                    + "; it needs " + toggle.right());
                        }
                        if (!isText(reply.get(), toggle.armed())) {
                            throw noBroadcast(toggle.toggle(), "the server answered " + toggle.toggle() + " with \"" + textOf(reply.get()) + "\"");
                        }
                    }
                    call.mail(text);
                    armed = Armed.OFF; // the server leaves announce mode after the mail
                    if (call.await(ownBroadcast, wait).isEmpty()) {
                        throw noBroadcast(toggle.toggle(), "announce mode was confirmed and the mail sent, but no broadcast came back within " + seconds(wait));
                    }
                }
            }
            return call.result(Outcome.DONE, (global ? "announced on every ship: " : "announced: ") + "\"" + text + "\"");
        }
    }

    private static ShipException.NoReply noBroadcast(String command, String detail) {
        return new ShipException.NoReply("no broadcast: does this account have the right to " + command + "? (" + detail + ")");
    }

    // ---- raw commands -------------------------------------------------------------------------------------

    /**
     * Sends any chat command and collects every reply (B0, 01, 1A, EE, mail, event changes) that arrives within
     * {@code wait}; waits the whole time.
     *
     * @throws ShipException.NoReply nothing came back
     */
    public AdminResult command(String line, Duration wait) throws ShipException, InterruptedException {
        dialect.checkCommand(line);
        try (Call call = new Call("command", null)) {
            call.chat(line);
            call.await(e -> false, wait);
            Optional<SessionEvent> refusal = call.received().stream().filter(reads(line, AdminDialect.Reading.REFUSES)).findFirst();
            if (refusal.isPresent()) throw refused(line, refusal.get());
            int n = call.replyCount();
            if (n == 0) {
                throw new ShipException.NoReply("no reply to " + line + " within " + seconds(wait)
                        + (dialect instanceof TetheallaDialect ? " (Tethealla answers an unknown command or a missing right with silence)" : ""));
            }
            return call.result(Outcome.REPLIED, n + (n == 1 ? " reply" : " replies") + " to " + line);
        }
    }

    // ---- named commands -----------------------------------------------------------------------------------

    /** Re-reads the local GM file ({@code /updatelocalgms}). */
    public AdminResult reloadGms(Duration wait) throws ShipException, InterruptedException {
        return confirmedByText("reload-gms", dialect.reloadGms(), wait, "local GM file reloaded");
    }

    /** Re-reads the IP ban masks ({@code /updatemasks}). */
    public AdminResult reloadMasks(Duration wait) throws ShipException, InterruptedException {
        return confirmedByText("reload-masks", dialect.reloadMasks(), wait, "IP ban masks reloaded");
    }

    /** Re-reads the ship configuration (PSONOVA's {@code /reloadconfig}). */
    public AdminResult reloadConfig(Duration wait) throws ShipException, InterruptedException {
        return confirmedByText("reload-config", dialect.reloadConfig(), wait, "ship config reloaded");
    }

    private AdminResult confirmedByText(String verb, AdminDialect.Op op, Duration wait, String summary)
            throws ShipException, InterruptedException {
        try (Call call = new Call(verb, null)) {
            call.chat(op.line());
            Optional<SessionEvent> reply = call.await(textIs(op.success()).or(textIs(op.refusals())), wait);
            if (reply.isEmpty()) throw noReply(op, wait);
            if (!isText(reply.get(), op.success())) throw refused(op, reply.get());
            return call.result(Outcome.DONE, summary);
        }
    }

    /**
     * Disconnects a player ({@code /dc}). Tethealla never confirms it: when the player is in this lobby the
     * result waits to see them leave; otherwise it is {@link Outcome#UNCONFIRMED} unless the server refused.
     */
    public AdminResult kick(int guildCard, Duration wait) throws ShipException, InterruptedException {
        AdminDialect.Op op = dialect.kick(guildCard);
        Optional<Player> here = inLobby(guildCard);
        try (Call call = new Call("kick", guildCard)) {
            call.chat(op.line());
            Optional<SessionEvent> reply = call.await(textIs(op.refusals()).or(reads(op.line(), null))
                    .or(e -> e instanceof SessionEvent.PlayerLeft l && l.player().guildCard() == guildCard), wait);
            if (reply.isPresent() && reads(op.line(), AdminDialect.Reading.CONFIRMS).test(reply.get())) {
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

    /** Changes the lobby event ({@code /event N}), confirmed by the event change every client on the ship gets. */
    public AdminResult event(int event, Duration wait) throws ShipException, InterruptedException {
        if (event < 0 || event > 255) throw new IllegalArgumentException("the event is a number from 0 to 255");
        AdminDialect.Op op = dialect.event(event);
        try (Call call = new Call("event", null)) {
            call.chat(op.line());
            Optional<SessionEvent> reply = call.await(textIs(op.refusals()).or(reads(op.line(), AdminDialect.Reading.REFUSES))
                    .or(e -> e instanceof SessionEvent.LobbyEventChanged c && c.event() == event), wait);
            if (reply.isEmpty()) throw noReply(op, wait);
            if (!(reply.get() instanceof SessionEvent.LobbyEventChanged)) throw refused(op, reply.get());
            return call.result(Outcome.DONE, "lobby event set to " + event);
        }
    }

    /**
     * Disconnects everyone on the ship, this session included ({@code /dcall}); confirmed when the first player
     * leaves or this session is told it is being disconnected.
     */
    public AdminResult dcall(Duration wait) throws ShipException, InterruptedException {
        AdminDialect.Op op = dialect.dcall();
        try (Call call = new Call("dcall", null)) {
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

    // ---- bans ---------------------------------------------------------------------------------------------

    /** Bans a guild card; see {@link #setBan}. */
    public AdminResult ban(int guildCard, Duration wait) throws ShipException, InterruptedException {
        return setBan(BanType.GUILD_CARD, guildCard, true, wait);
    }

    /** Lifts a guild-card ban; see {@link #setBan}. */
    public AdminResult unban(int guildCard, Duration wait) throws ShipException, InterruptedException {
        return setBan(BanType.GUILD_CARD, guildCard, false, wait);
    }

    /** Bans the IP address a guild card is connected from. On a shared address this bans everyone behind it. */
    public AdminResult ipban(int guildCard, Duration wait) throws ShipException, InterruptedException {
        return setBan(BanType.IP, guildCard, true, wait);
    }

    /** Bans the hardware id a guild card sent. Bots that send the same id are all banned. */
    public AdminResult hwban(int guildCard, Duration wait) throws ShipException, InterruptedException {
        return setBan(BanType.HARDWARE, guildCard, true, wait);
    }

    /**
     * Puts a ban in the wanted state although Tethealla's commands toggle: the reply says which way the toggle
     * went ("User has been banned." or "Ban removed."), and a wrong way is corrected with a second command.
     *
     * <p>Tethealla can ban only a player who is online on this ship, and a banned player cannot be online. So:
     * <ul>
     *   <li>ban, player online: banned ({@link Outcome#DONE});</li>
     *   <li>ban, player offline and not banned: no reply → {@link ShipException.NoReply} "not online";</li>
     *   <li>ban, player already banned: the toggle lifts the ban and the correcting command cannot ban an offline
     *       player → {@link ShipException.NoReply} saying the ban is now lifted;</li>
     *   <li>unban, player banned: lifted ({@link Outcome#DONE}); player in this lobby: {@link Outcome#UNCHANGED}
     *       without sending anything; player online elsewhere: the toggle bans (and disconnects) them and the
     *       second command lifts it again ({@link Outcome#DONE}); no reply: {@link ShipException.NoReply}.</li>
     * </ul>
     */
    public AdminResult setBan(BanType type, int guildCard, boolean wanted, Duration wait) throws ShipException, InterruptedException {
        if (!wanted) dialect.checkUnban(type, guildCard);
        AdminDialect.Ban op = dialect.ban(type, guildCard);
        String verb = wanted ? type.verb() : "un" + type.verb();
        String what = switch (type) {
            case GUILD_CARD -> "banned";
            case IP -> "IP banned";
            case HARDWARE -> "HW banned";
        };
        try (Call call = new Call(verb, guildCard)) {
            Optional<Player> here = inLobby(guildCard);
            if (!wanted && here.isPresent()) {
                return call.result(Outcome.UNCHANGED, gc(guildCard) + " is not " + what + ": " + here.get().name() + " is in this lobby");
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
            if (nowBanned == wanted) {
                return call.result(Outcome.DONE, wanted ? gc(guildCard) + " is now " + what + " (and was disconnected)"
                        : "the " + type.verb() + " of " + gc(guildCard) + " was lifted");
            }
            // the toggle went the wrong way: send it again
            call.chat(op.line());
            Optional<SessionEvent> again = call.await(answer, wait);
            if (again.isPresent() && isText(again.get(), wanted ? op.added() : op.removed())) {
                return call.result(Outcome.DONE, wanted
                        ? gc(guildCard) + " is " + what + " (the first " + op.line() + " lifted an old ban; the second banned again)"
                        : gc(guildCard) + " is not " + what + " (they were online, so the toggle banned and disconnected them;"
                                + " the second " + op.line() + " lifted it)");
            }
            String got = again.map(Admin::textOf).map(t -> "\"" + t + "\"").orElse("no reply");
            throw new ShipException.NoReply(wanted
                    ? gc(guildCard) + " was already " + what + "; Tethealla's " + op.line() + " toggled that ban OFF, and the second "
                            + op.line() + " got " + got + " because a player can be banned only while online: THE BAN IS NOW LIFTED."
                            + " Ban them again when they are online"
                    : gc(guildCard) + " was online, so the toggle " + what + " them; the second " + op.line() + " got " + got
                            + ": THEY ARE STILL " + what.toUpperCase() + ". Run unban again");
        }
    }

    /**
     * Bans a guild card's account for {@code duration} (newserv {@code $ban 7d GC}): confirmed by "&lt;name&gt;
     * banned" (the player is disconnected); refusals ("You do not have permission…", "Failed: client not found"
     * when the player is not in a lobby or game) are {@link ShipException.NoReply}.
     *
     * @throws ShipException.Unsupported the family's bans have no duration (Tethealla: use {@link #ban})
     */
    public AdminResult banFor(int guildCard, Duration duration, Duration wait) throws ShipException, InterruptedException {
        AdminDialect.Op op = dialect.banFor(guildCard, duration);
        try (Call call = new Call("ban", guildCard)) {
            call.chat(op.line());
            Optional<SessionEvent> reply = call.await(reads(op.line(), null), wait);
            if (reply.isEmpty()) throw noReply(op, wait);
            if (!reads(op.line(), AdminDialect.Reading.CONFIRMS).test(reply.get())) throw refused(op, reply.get());
            return call.result(Outcome.DONE, gc(guildCard) + " is banned for " + seconds(duration) + " (and was disconnected)");
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /** A B0 reply the dialect reads as {@code reading} for {@code line} (null: as anything but NEITHER). */
    private Predicate<SessionEvent> reads(String line, AdminDialect.Reading reading) {
        return e -> {
            if (!(e instanceof SessionEvent.TextMessage m)) return false;
            AdminDialect.Reading r = dialect.read(line, AdminDialect.normalise(m.text()));
            return reading == null ? r != AdminDialect.Reading.NEITHER : r == reading;
        };
    }

    private Optional<Player> inLobby(int guildCard) {
        return session.lobby().players().stream().filter(p -> p.guildCard() == guildCard && guildCard != session.guildCard()).findFirst();
    }

    private static ShipException.NoReply noReply(AdminDialect.Op op, Duration wait) {
        return new ShipException.NoReply("no reply to " + op.line() + " within " + seconds(wait)
                + ": does this account have the right? It needs " + op.right());
    }

    private static ShipException.NoReply refused(AdminDialect.Op op, SessionEvent reply) {
        return refused(op.line(), reply);
    }

    private static ShipException.NoReply refused(String line, SessionEvent reply) {
        return new ShipException.NoReply("refused: the server answered " + line + " with \"" + textOf(reply) + "\"");
    }

    private static Predicate<SessionEvent> textIs(String... texts) {
        return textIs(List.of(texts));
    }

    private static Predicate<SessionEvent> textIs(List<String> texts) {
        return e -> isText(e, texts);
    }

    private static Predicate<SessionEvent> lobbyMessage() {
        return e -> e instanceof SessionEvent.LobbyMessage;
    }

    private static boolean isText(SessionEvent e, String text) {
        return isText(e, List.of(text));
    }

    private static boolean isText(SessionEvent e, List<String> texts) {
        return e instanceof SessionEvent.TextMessage m && texts.contains(AdminDialect.normalise(m.text()));
    }

    private static String textOf(SessionEvent e) {
        return switch (e) {
            case SessionEvent.TextMessage m -> AdminDialect.normalise(m.text());
            case SessionEvent.LobbyMessage m -> AdminDialect.normalise(m.text());
            case SessionEvent.MessageBox m -> AdminDialect.normalise(m.text());
            case SessionEvent.Announcement m -> AdminDialect.normalise(m.text());
            case SessionEvent.Mail m -> m.fromName() + ": " + AdminDialect.normalise(m.text());
            case SessionEvent.LobbyEventChanged c -> "event " + c.event();
            case SessionEvent.PlayerLeft l -> l.player().name() + " (" + gc(l.player().guildCard()) + ")";
            case SessionEvent.Disconnected d -> d.reason();
            default -> e.toString();
        };
    }

    /** The reply label of an event, or empty for events that are not replies. */
    static Optional<String> label(SessionEvent e) {
        return Optional.ofNullable(switch (e) {
            case SessionEvent.TextMessage m -> "B0";
            case SessionEvent.LobbyMessage m -> "01";
            case SessionEvent.MessageBox m -> "1A";
            case SessionEvent.Announcement m -> "EE";
            case SessionEvent.Mail m -> "81";
            case SessionEvent.LobbyEventChanged c -> "DA";
            case SessionEvent.PlayerLeft l -> "left";
            case SessionEvent.Disconnected d -> "closed";
            default -> null;
        });
    }

    static String gc(int guildCard) {
        return "guild card " + Integer.toUnsignedString(guildCard);
    }

    private static String seconds(Duration d) {
        return dev.shipctl.Durations.format(d);
    }

    /** One operation: its event subscription (taken before anything is sent) and its transcript. */
    private final class Call implements AutoCloseable {
        private final String verb;
        private final Integer target;
        private final Instant start = Instant.now();
        private final long startNanos = System.nanoTime();
        private long lastSentNanos = startNanos;
        private final List<Exchange> transcript = new ArrayList<>();
        private final List<SessionEvent> receivedEvents = new ArrayList<>();
        private final EventStream events;

        Call(String verb, Integer target) {
            this.verb = verb;
            this.target = target;
            this.events = session.events();
        }

        private Exchange exchange(Exchange.Direction direction, String label, String text) {
            long now = System.nanoTime();
            long since = direction == Exchange.Direction.SENT ? startNanos : lastSentNanos;
            if (direction == Exchange.Direction.SENT) lastSentNanos = now;
            return new Exchange(start.plusNanos(now - startNanos), Duration.ofNanos(now - since), direction, label, text);
        }

        /** Queues a chat line and waits until it is written (after the cooldown, if any). */
        void chat(String line) throws ShipException, InterruptedException {
            dialect.checkCommand(line);
            try {
                session.chat(line).get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof ShipException s) throw s;
                throw new ShipException.ConnectionLost(null, "the session ended before " + line + " was sent");
            } catch (TimeoutException e) {
                throw new ShipException.NoReply("could not send " + line + " within " + seconds(WRITE_TIMEOUT));
            }
            log.debug("{}: sent {}", verb, line);
            transcript.add(exchange(Exchange.Direction.SENT, "chat", line));
        }

        /** Sends the simple mail that carries an announcement, to this account's own guild card. */
        void mail(String text) throws ShipException {
            session.mail(session.guildCard(), text);
            transcript.add(exchange(Exchange.Direction.SENT, "mail", text));
        }

        /**
         * Records every reply until one matches or {@code wait} passes. The session ending is a match only when
         * {@code match} accepts it; otherwise it ends the wait with the session's error.
         */
        Optional<SessionEvent> await(Predicate<SessionEvent> match, Duration wait) throws ShipException, InterruptedException {
            long deadline = System.nanoTime() + wait.toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return Optional.empty();
                Optional<SessionEvent> next = events.next(Duration.ofNanos(left));
                if (next.isEmpty()) return Optional.empty();
                SessionEvent e = next.get();
                Optional<String> label = label(e);
                if (label.isEmpty()) continue;
                transcript.add(exchange(Exchange.Direction.RECEIVED, label.get(), textOf(e)));
                receivedEvents.add(e);
                if (match.test(e)) return next;
                if (e instanceof SessionEvent.Disconnected d) {
                    throw d.cause().orElseGet(() -> new ShipException.ConnectionLost(null, "the session was closed"));
                }
            }
        }

        /** The replies received so far, as events. */
        List<SessionEvent> received() {
            return List.copyOf(receivedEvents);
        }

        int replyCount() {
            return (int) transcript.stream().filter(x -> x.direction() == Exchange.Direction.RECEIVED).count();
        }

        AdminResult result(Outcome outcome, String summary) {
            return new AdminResult(verb, Optional.ofNullable(target), outcome, summary, transcript);
        }

        @Override
        public void close() {
            events.close();
        }
    }
}

package dev.shipctl.admin;

import dev.shipctl.Session;
import dev.shipctl.ShipException;
import java.time.Duration;
import java.util.List;

/**
 * Server administration over an open {@link Session}: announcements, GM commands and their replies, for the
 * command line and for bots. One instance per session ({@link #of}), implemented by the session's server family,
 * which knows its command syntax, its reply texts and its quirks (Tethealla's announce mode and toggling bans).
 *
 * <p>Every operation sends its chat lines through {@link Session#chat}, so they are spaced by the flavour's
 * cooldown, then waits up to {@code wait} for the replies that tell what happened. Operations block the calling
 * thread; call them from one thread at a time per session. Failures are exceptions:
 * <ul>
 *   <li>{@link ShipException.NoReply}: no reply, or the server refused (Tethealla answers a missing right with
 *       silence, so the message names the right that is needed);</li>
 *   <li>{@link ShipException.Unsupported}: the server family has no such command (the message says what to do
 *       instead);</li>
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
public interface Admin {
    /** How long operations wait for replies unless told otherwise. */
    Duration DEFAULT_WAIT = Duration.ofSeconds(3);

    /** The admin of a session, as its server family does it (the same instance for the same session). */
    static Admin of(Session session) {
        return Admins.of(session);
    }

    /** The session the commands go through. */
    Session session();

    /** Command names (without the prefix) for completion, GM commands first. */
    List<String> commandNames();

    // ---- announce -----------------------------------------------------------------------------------------

    /**
     * Announces {@code text} to everyone on this ship ({@code global}: on every ship), and confirms it by the
     * broadcast the server sends back to the sender.
     *
     * <p>Tethealla: sends {@code /announce} (or {@code /global}), waits for the B0 that confirms announce mode, and
     * only then sends the text as simple mail (to this account's own guild card, so that mail sent outside
     * announce mode would reach nobody else). The toggle is never sent while the mode is on, unless to switch
     * between local and global. newserv: {@code $ann text} (newserv announces to every client, so {@code global}
     * changes nothing).
     *
     * @throws ShipException.NoReply "no broadcast: does this account have the right to /announce?" when the mode
     *     was not confirmed or the broadcast did not come back within {@code wait}
     */
    default AdminResult announce(String text, boolean global, Duration wait) throws ShipException, InterruptedException {
        return announce(text, global, false, false, wait);
    }

    /**
     * {@link #announce(String, boolean, Duration)} in a variant (newserv): {@code anonymous} without the sender's
     * name ({@code $ann?}), {@code asMail} as a mail to everyone ({@code $ann!}), confirmed by the copy this
     * session gets. A refusal ("You do not have permission…") ends the wait at once.
     *
     * @throws ShipException.Unsupported the family has one kind of announcement (Tethealla) and a variant was asked for
     */
    AdminResult announce(String text, boolean global, boolean anonymous, boolean asMail, Duration wait)
            throws ShipException, InterruptedException;

    /**
     * Checks that {@code text} can be announced (length, characters the server can carry) without sending
     * anything: what {@link #announce} checks first. A {@link Countdown} checks every text it will send before
     * the first one.
     *
     * @throws IllegalArgumentException the text cannot be carried, and why
     */
    default void checkAnnouncement(String text) {
        if (text.isBlank()) throw new IllegalArgumentException("the announcement is empty");
    }

    // ---- raw commands -------------------------------------------------------------------------------------

    /**
     * Sends any chat command and collects every reply (B0, 01, 1A, EE, mail, event changes) that arrives within
     * {@code wait}; waits the whole time.
     *
     * @throws ShipException.NoReply nothing came back, or the family reads a reply as a refusal
     */
    AdminResult command(String line, Duration wait) throws ShipException, InterruptedException;

    // ---- named commands -----------------------------------------------------------------------------------

    /** Re-reads the local GM file (Tethealla {@code /updatelocalgms}). */
    AdminResult reloadGms(Duration wait) throws ShipException, InterruptedException;

    /** Re-reads the IP ban masks (Tethealla {@code /updatemasks}). */
    AdminResult reloadMasks(Duration wait) throws ShipException, InterruptedException;

    /** Re-reads the ship configuration (PSONOVA's {@code /reloadconfig}). */
    AdminResult reloadConfig(Duration wait) throws ShipException, InterruptedException;

    /**
     * Disconnects a player ({@code /dc}, {@code $kick}). When the server does not confirm it (Tethealla) and the
     * player is in this lobby the result waits to see them leave; otherwise it is
     * {@link AdminResult.Outcome#UNCONFIRMED} unless the server refused.
     */
    AdminResult kick(int guildCard, Duration wait) throws ShipException, InterruptedException;

    /** Changes the lobby event ({@code /event N}), confirmed by the event change every client in the lobby gets. */
    AdminResult event(int event, Duration wait) throws ShipException, InterruptedException;

    /**
     * Disconnects everyone on the ship, this session included ({@code /dcall}); confirmed when the first player
     * leaves or this session is told it is being disconnected.
     */
    AdminResult dcall(Duration wait) throws ShipException, InterruptedException;

    // ---- bans ---------------------------------------------------------------------------------------------

    /** Bans a guild card; see {@link #setBan}. */
    default AdminResult ban(int guildCard, Duration wait) throws ShipException, InterruptedException {
        return setBan(BanType.GUILD_CARD, guildCard, true, wait);
    }

    /** Lifts a guild-card ban; see {@link #setBan}. */
    default AdminResult unban(int guildCard, Duration wait) throws ShipException, InterruptedException {
        return setBan(BanType.GUILD_CARD, guildCard, false, wait);
    }

    /** Bans the IP address a guild card is connected from. On a shared address this bans everyone behind it. */
    default AdminResult ipban(int guildCard, Duration wait) throws ShipException, InterruptedException {
        return setBan(BanType.IP, guildCard, true, wait);
    }

    /** Bans the hardware id a guild card sent. Bots that send the same id are all banned. */
    default AdminResult hwban(int guildCard, Duration wait) throws ShipException, InterruptedException {
        return setBan(BanType.HARDWARE, guildCard, true, wait);
    }

    /** {@link #setBan(BanType, int, boolean, boolean, Duration)} without {@code force}: never sends a toggle that could undo. */
    default AdminResult setBan(BanType type, int guildCard, boolean wanted, Duration wait) throws ShipException, InterruptedException {
        return setBan(type, guildCard, wanted, false, wait);
    }

    /**
     * Puts a ban in the wanted state, and never silently the other way. On Tethealla the commands toggle: a record
     * of that type for the guild card is removed ("Ban removed."), else a player online on this ship is banned and
     * disconnected ("User has been banned."), else nothing is said. No client can ask whether a guild card is
     * banned, so before sending, this reads what it can know:
     * <ul>
     *   <li>the player is in this lobby: online, so not banned (by guild card);</li>
     *   <li>the {@link #ledger() ledger}: what this ledger's user banned or lifted on this ship, and when.</li>
     * </ul>
     * From that:
     * <ul>
     *   <li>ban, player in this lobby: sent; banned ({@link AdminResult.Outcome#DONE});</li>
     *   <li>ban, the ledger says banned (and the player is not here): nothing sent,
     *       {@link AdminResult.Outcome#UNCHANGED}, the summary saying when the ledger recorded it;</li>
     *   <li>ban, nothing known: nothing sent, {@link ShipException.Withheld} (the toggle would lift a ban that someone
     *       else made), unless {@code force};</li>
     *   <li>unban, player in this lobby: nothing sent, {@link AdminResult.Outcome#UNCHANGED};</li>
     *   <li>unban, the ledger says lifted: nothing sent, {@link AdminResult.Outcome#UNCHANGED};</li>
     *   <li>unban, the ledger says banned: sent; lifted ({@link AdminResult.Outcome#DONE});</li>
     *   <li>unban, nothing known: nothing sent, {@link ShipException.Withheld} (the toggle would ban and disconnect a
     *       player online elsewhere on the ship), unless {@code force}.</li>
     * </ul>
     * When a toggle that was sent went the wrong way anyway (the reply says so), it is sent again at once and the
     * summary says so; if that second one fails, {@link ShipException.NoReply} says loudly what state the ban is in.
     * No reply: {@link ShipException.NoReply} (not online on this ship, or no right). Every change the server
     * confirmed is written to the ledger.
     * newserv has no such bans: {@link ShipException.Unsupported}, naming what to do instead ({@link #banFor}, or
     * its shell for an unban).
     *
     * @param force send the toggle even when what is known does not rule out the opposite effect
     */
    AdminResult setBan(BanType type, int guildCard, boolean wanted, boolean force, Duration wait)
            throws ShipException, InterruptedException;

    /** The ledger bans consult and record; at first one in memory for this admin. */
    BanLedger ledger();

    /** Makes bans consult and record {@code ledger} from now on (for example one kept in a file); returns this admin. */
    Admin useLedger(BanLedger ledger);

    /**
     * Bans a guild card's account for {@code duration} (newserv {@code $ban 7d GC}): confirmed by "&lt;name&gt;
     * banned" (the player is disconnected); refusals ("You do not have permission…", "Failed: client not found"
     * when the player is not in a lobby or game) are {@link ShipException.NoReply}.
     *
     * @throws ShipException.Unsupported the family's bans have no duration (Tethealla: use {@link #ban})
     */
    AdminResult banFor(int guildCard, Duration duration, Duration wait) throws ShipException, InterruptedException;
}

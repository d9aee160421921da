package dev.shipctl.admin;

import dev.shipctl.ServerFlavour;
import dev.shipctl.ShipException;
import java.util.List;

/**
 * How one server family spells its administration commands and words its replies. {@link Admin} runs the
 * operations and decides what a reply means; the dialect only supplies the chat lines and the texts to look for.
 * A verb the family does not have throws {@link ShipException.Unsupported}.
 *
 * <p>Reply texts are compared after {@link #normalise}: game markers and colour escapes removed, line breaks
 * turned into single spaces.
 */
public interface AdminDialect {
    /** The flavour name ("tethealla", "newserv"). */
    String flavour();

    /** The dialect for a flavour (Tethealla's for a family shipctl does not know, as flavour detection does). */
    static AdminDialect of(ServerFlavour flavour) {
        return switch (flavour.name()) {
            case "newserv" -> NewservDialect.INSTANCE;
            default -> TetheallaDialect.INSTANCE;
        };
    }

    /** The character a command starts with. */
    char commandPrefix();

    /**
     * Checks that the server can carry this command line as typed (length, characters).
     *
     * @throws IllegalArgumentException with a message for people, naming the limit
     */
    void checkCommand(String line);

    /**
     * Checks that an announcement text can be carried.
     *
     * @throws IllegalArgumentException with a message for people, naming the limit
     */
    void checkAnnouncement(String text);

    /** How to announce. */
    Announce announce(boolean global) throws ShipException.Unsupported;

    /** Re-read the local GM list. */
    Op reloadGms() throws ShipException.Unsupported;

    /** Re-read the IP ban masks. */
    Op reloadMasks() throws ShipException.Unsupported;

    /** Re-read the ship configuration. */
    Op reloadConfig() throws ShipException.Unsupported;

    /** Disconnect a player. */
    Op kick(int guildCard) throws ShipException.Unsupported;

    /** Toggle or set a ban of a type. */
    Ban ban(BanType type, int guildCard) throws ShipException.Unsupported;

    /** Disconnect everyone. */
    Op dcall() throws ShipException.Unsupported;

    /** Change the lobby event. */
    Op event(int event) throws ShipException.Unsupported;

    // ---- additions for families whose replies carry names or durations (newserv, issue 7) ----------------

    /**
     * How to announce in a variant: {@code anonymous} without the sender's name, {@code asMail} as a simple mail
     * to everyone rather than the scrolling message. Families with one kind of announcement refuse the variants.
     */
    default Announce announce(boolean global, boolean anonymous, boolean asMail) throws ShipException.Unsupported {
        if (anonymous || asMail) {
            throw new ShipException.Unsupported(flavour() + " has one kind of announcement; --anonymous and --mail are for newserv ($ann?, $ann!)");
        }
        return announce(global);
    }

    /** A ban that lasts {@code duration} (newserv {@code $ban 7d GC}); families whose bans have no duration refuse. */
    default Op banFor(int guildCard, java.time.Duration duration) throws ShipException.Unsupported {
        throw new ShipException.Unsupported(flavour() + " bans have no duration: run ban without --duration");
    }

    /** Refuses an unban the family cannot do (newserv has no in-game unban); the default allows it. */
    default void checkUnban(BanType type, int guildCard) throws ShipException.Unsupported {}

    /** What a reply (normalised) to {@code line} says, beyond the exact texts of an {@link Op}. */
    enum Reading { CONFIRMS, REFUSES, NEITHER }

    /**
     * Reads a reply to a command line: newserv's confirmations carry the target's name and its refusals are
     * B0 texts such as "You do not have permission to run this command." The default knows nothing.
     */
    default Reading read(String line, String reply) {
        return Reading.NEITHER;
    }

    /** Command names (without the prefix) for completion, GM commands first. */
    List<String> commandNames();

    /**
     * A command line and the replies that mean success or refusal.
     *
     * @param line the chat line to send
     * @param right the privilege it needs, for error messages ("GM, or local-GM right 8")
     * @param success normalised reply texts that mean it worked (empty when the server confirms nothing in text)
     * @param refusals normalised reply texts that mean the server refused
     */
    record Op(String line, String right, List<String> success, List<String> refusals) {
        public Op {
            success = List.copyOf(success);
            refusals = List.copyOf(refusals);
        }
    }

    /**
     * A ban command that toggles (Tethealla): the reply says which way it went.
     *
     * @param added the reply when a ban was written (the target was online)
     * @param removed the reply when an existing ban was removed
     */
    record Ban(String line, String right, String added, String removed, List<String> refusals) {
        public Ban {
            refusals = List.copyOf(refusals);
        }
    }

    /** How a family announces. */
    sealed interface Announce {
        /**
         * Tethealla: a toggle command puts the connection in announce mode (confirmed by {@code armed}); the next
         * simple mail is broadcast as EE and the mode resets. Sent again while on, the toggle answers
         * {@code cancelled} and turns the mode off.
         */
        record ToggleThenMail(String toggle, String right, String armed, String cancelled) implements Announce {}

        /**
         * A command that carries the text itself and is answered by the broadcast (newserv {@code $ann}): the
         * scrolling message, prefixed with the sender's name when {@code named}, or a mail to everyone when
         * {@code asMail}.
         */
        record Inline(String prefix, String right, boolean named, boolean asMail) implements Announce {
            public Inline(String prefix, String right) {
                this(prefix, right, true, false);
            }
        }
    }

    /** A reply text as the dialects compare it: markers and colour escapes removed, whitespace runs to one space. */
    static String normalise(String text) {
        return dev.shipctl.protocol.packet.Texts.display(text).replaceAll("\\s+", " ").strip();
    }
}

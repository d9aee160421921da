package dev.shipctl.internal.admin;

import dev.shipctl.ShipException;
import dev.shipctl.protocol.Texts;
import java.util.List;

/**
 * How one server family spells the administration commands every family has and words their replies.
 * {@link ChatAdmin} runs the operations and decides what a reply means; the dialect only supplies the chat lines
 * and the texts to look for. A verb the family does not have throws {@link ShipException.Unsupported}. What only
 * one family has (Tethealla's announce toggle and toggling bans, newserv's timed bans) is in that family's own
 * dialect class and admin.
 *
 * <p>Reply texts are compared after {@link #normalise}: game markers and colour escapes removed, line breaks
 * turned into single spaces.
 */
public interface AdminDialect {
    /**
     * Checks that the server can carry this command line as typed (prefix, length, characters).
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

    /** Re-read the local GM list. */
    Op reloadGms() throws ShipException.Unsupported;

    /** Re-read the IP ban masks. */
    Op reloadMasks() throws ShipException.Unsupported;

    /** Re-read the ship configuration. */
    Op reloadConfig() throws ShipException.Unsupported;

    /** Disconnect a player. */
    Op kick(int guildCard) throws ShipException.Unsupported;

    /** Disconnect everyone. */
    Op dcall() throws ShipException.Unsupported;

    /** Change the lobby event. */
    Op event(int event) throws ShipException.Unsupported;

    /** What a reply (normalised) to {@code line} says, beyond the exact texts of an {@link Op}. */
    enum Reading { CONFIRMS, REFUSES, NEITHER }

    /**
     * Reads a reply to a command line: newserv's confirmations carry the target's name and its refusals are
     * B0 texts such as "You do not have permission to run this command." The default knows nothing.
     */
    default Reading read(String line, String reply) {
        return Reading.NEITHER;
    }

    /** What it means when a command gets no reply at all, for the error message; empty when nothing special. */
    default String silenceNote() {
        return "";
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

    /** A reply text as the dialects compare it: markers and colour escapes removed, whitespace runs to one space. */
    static String normalise(String text) {
        return Texts.display(text).replaceAll("\\s+", " ").strip();
    }
}

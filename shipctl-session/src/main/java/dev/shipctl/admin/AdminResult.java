package dev.shipctl.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What an admin operation did: what was sent, what came back, and what that means.
 *
 * @param verb the operation ("announce", "ban", "command", …)
 * @param target the guild card acted on, if any
 * @param outcome what the replies mean
 * @param summary one line for people
 * @param transcript every line sent and every reply, in order
 */
public record AdminResult(String verb, Optional<Integer> target, Outcome outcome, String summary, List<Exchange> transcript) {
    public AdminResult {
        transcript = List.copyOf(transcript);
    }

    /** The replies only. */
    public List<Exchange> replies() {
        return transcript.stream().filter(e -> e.direction() == Exchange.Direction.RECEIVED).toList();
    }

    /** What the replies mean. */
    public enum Outcome {
        /** The server confirmed the change. */
        DONE,
        /** Nothing needed changing (for example: unban of a player who is online, so not banned). */
        UNCHANGED,
        /** Sent; the server never confirms this command, and nothing contradicted it. */
        UNCONFIRMED,
        /** A raw command: these are the replies; shipctl does not judge them. */
        REPLIED;

        /** "done", "unchanged", … as JSON and text show it. */
        public String id() {
            return name().toLowerCase();
        }
    }

    /**
     * One line sent or one reply received.
     *
     * @param label for sent lines "chat" or "mail"; for replies the packet ("B0", "01", "1A", "EE", "81", "DA") or
     *     "left" (a player left the lobby) or "closed" (this session was disconnected)
     * @param text one line, markers removed, line breaks as spaces
     * @param at when it was sent or received
     * @param after for a sent line, the time since the operation started (it includes the wait for the chat
     *     cooldown); for a reply, the time since the line before it was sent
     */
    public record Exchange(Instant at, Duration after, Direction direction, String label, String text) {
        public enum Direction { SENT, RECEIVED }
    }
}

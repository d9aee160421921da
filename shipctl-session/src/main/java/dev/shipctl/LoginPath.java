package dev.shipctl;

import java.util.Objects;
import java.util.Optional;

/**
 * Which way a session came to its lobby: the whole login chain, the fast path straight to the block with a
 * {@link ResumeTicket}, or the whole chain after the fast path failed.
 *
 * @param kind the way taken
 * @param note why the fast path was not taken or failed, when a ticket was given
 */
public record LoginPath(Kind kind, Optional<String> note) {
    /** The ways to a lobby. */
    public enum Kind {
        /** Login port, character server, ship, block: the game client's way. */
        FULL_CHAIN("full"),
        /** One connection straight to the block with a ticket, no password on the wire. */
        FAST_PATH("fast"),
        /** The fast path failed (see {@link LoginPath#note()}), then the whole chain succeeded. */
        FALLBACK("fallback");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        /** A lower-case identifier for JSON ("full", "fast", "fallback"). */
        public String id() {
            return id;
        }
    }

    /** The whole chain, no ticket given. */
    public static final LoginPath FULL = new LoginPath(Kind.FULL_CHAIN, Optional.empty());
    /** Straight to the block. */
    public static final LoginPath FAST = new LoginPath(Kind.FAST_PATH, Optional.empty());

    public LoginPath {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(note, "note");
    }

    /** "fast path", "full chain", "full chain; fast path failed: login refused: Security violation.". */
    public String describe() {
        String base = kind == Kind.FAST_PATH ? "fast path" : "full chain";
        return note.map(n -> base + "; " + (kind == Kind.FALLBACK ? "fast path failed: " : "fast path not used: ") + n).orElse(base);
    }
}

package dev.shipctl.admin;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What shipctl itself banned and lifted, ship by ship: the one memory a client has of a ban, as Tethealla lets no
 * client ask whether a guild card is banned. {@link Admin#setBan} reads it before sending a toggle and writes every
 * change the server confirmed. It knows only what went through it: a ban another GM made or lifted is not in it.
 *
 * <p>One ledger belongs to one login server; entries are told apart by ship name, ban type and guild card.
 * {@link #inMemory()} forgets with the process; the command line keeps one in a private file of its state folder.
 * Implementations must be safe for use by several threads.
 */
public interface BanLedger {
    /** The last change recorded for this ship, type and guild card, if any. */
    Optional<Entry> last(String ship, BanType type, int guildCard);

    /** Records a change the server confirmed. */
    void record(Entry entry);

    /**
     * One change.
     *
     * @param ship the ship's name as its menu lists it ("" when unknown)
     * @param banned true: the server said the ban was written; false: it said the ban was removed
     * @param at when the server said so
     * @param until when a ban with a length ends (newserv's {@code $ban 7d}); empty for a ban until lifted
     */
    record Entry(String ship, BanType type, int guildCard, boolean banned, Instant at, Optional<Instant> until) {
        public Entry {
            Objects.requireNonNull(ship, "ship");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(until, "until");
        }

        /** A ban until lifted (Tethealla's), or its lifting. */
        public Entry(String ship, BanType type, int guildCard, boolean banned, Instant at) {
            this(ship, type, guildCard, banned, at, Optional.empty());
        }

        /** Whether this entry says the guild card is banned at {@code now}: a ban not lifted, whose length has not run out. */
        public boolean bannedAt(Instant now) {
            return banned && until.map(now::isBefore).orElse(true);
        }
    }

    /** A ledger held in memory, empty at first. */
    static BanLedger inMemory() {
        return new BanLedger() {
            private final Map<String, Entry> entries = new HashMap<>();

            private static String key(String ship, BanType type, int guildCard) {
                return ship + '\n' + type + '\n' + Integer.toUnsignedString(guildCard);
            }

            @Override
            public synchronized Optional<Entry> last(String ship, BanType type, int guildCard) {
                return Optional.ofNullable(entries.get(key(ship, type, guildCard)));
            }

            @Override
            public synchronized void record(Entry entry) {
                entries.put(key(entry.ship(), entry.type(), entry.guildCard()), entry);
            }
        };
    }
}

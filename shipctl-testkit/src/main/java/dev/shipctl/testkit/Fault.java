package dev.shipctl.testkit;

import dev.shipctl.protocol.Direction;
import java.time.Duration;
import java.util.Objects;

/**
 * One misbehaviour of a {@link FaultProxy} on one connection: what it does ({@link Action}), to which byte stream
 * ({@code stream}: {@link Direction#SERVER} is what the server sends, so what the client reads) and from when
 * ({@link Trigger}: once so many bytes have gone by in either direction).
 *
 * <pre>{@code
 * Fault.refuse()                                            // close at accept: the client sees EOF before any byte
 * Fault.stall().after(Direction.CLIENT, 0xB8)               // once the client's 0x93 went through, forward nothing more
 * Fault.drip(Duration.ofMillis(100))                        // everything the server sends, one byte per 100 ms
 * Fault.corrupt(2).on(Direction.SERVER)                     // flip the third byte the client receives
 * }</pre>
 *
 * <p>A fault whose trigger is at byte 0 starts at accept; a {@link Close} or {@link Reset} there ("refuse",
 * "reset") never connects to the server. Immutable.
 */
public record Fault(Action action, Direction stream, Trigger trigger) {
    public Fault {
        Objects.requireNonNull(action);
        Objects.requireNonNull(stream);
        Objects.requireNonNull(trigger);
    }

    /** What the proxy does once the fault is triggered. */
    public sealed interface Action permits Close, Reset, CloseAfter, Stall, Delay, Drip, Corrupt, Inject, StopListening {}

    /** Close both sides (FIN): the client reads EOF. */
    public record Close() implements Action {}

    /** Reset both sides (RST, SO_LINGER 0): the client's next read fails with "connection reset". */
    public record Reset() implements Action {}

    /** Let {@code bytes} more bytes of the stream through, then close both sides. */
    public record CloseAfter(int bytes) implements Action {
        public CloseAfter {
            if (bytes < 0) throw new IllegalArgumentException("bytes must not be negative");
        }
    }

    /** Keep the connection open and forward nothing more of the stream (what arrives is read and dropped). */
    public record Stall() implements Action {}

    /** Hold every chunk read from the stream for {@code perChunk} before forwarding it. */
    public record Delay(Duration perChunk) implements Action {
        public Delay {
            positive(perChunk);
        }
    }

    /** Forward the stream one byte at a time, one every {@code perByte}. */
    public record Drip(Duration perByte) implements Action {
        public Drip {
            positive(perByte);
        }
    }

    /** XOR the byte {@code offset} bytes after the trigger with {@code mask} (once). */
    public record Corrupt(long offset, int mask) implements Action {
        public Corrupt {
            if (offset < 0) throw new IllegalArgumentException("offset must not be negative");
            if ((mask & 0xFF) == 0) throw new IllegalArgumentException("a zero mask changes nothing");
        }
    }

    /** Insert {@code bytes} into the stream at the trigger. */
    public record Inject(byte[] bytes) implements Action {
        public Inject {
            if (bytes.length == 0) throw new IllegalArgumentException("nothing to inject");
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Inject i && java.util.Arrays.equals(i.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Inject[" + bytes.length + " bytes]";
        }
    }

    /**
     * Stop listening on this connection's port (the connection itself goes on): later connections to the port are
     * refused by the system, as when a server is down. {@link FaultProxy#resumeListening} undoes it.
     */
    public record StopListening() implements Action {}

    /** When a fault starts: once {@code bytes} bytes have been read from the {@code direction} side (0: at accept). */
    public record Trigger(Direction direction, long bytes) {
        public static final Trigger AT_ACCEPT = new Trigger(Direction.SERVER, 0);

        public Trigger {
            Objects.requireNonNull(direction);
            if (bytes < 0) throw new IllegalArgumentException("bytes must not be negative");
        }

        public boolean atAccept() {
            return bytes == 0;
        }

        @Override
        public String toString() {
            return atAccept() ? "at accept" : "after " + bytes + " byte(s) from the " + direction.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    // ---- factories: each acts on what the server sends, from accept; change with on() and after() ----

    /** Close at accept, before connecting to the server: the client reads EOF before any byte. */
    public static Fault refuse() {
        return of(new Close());
    }

    /** Reset at accept (or at the trigger, with {@link #after}): the client reads "connection reset". */
    public static Fault reset() {
        return of(new Reset());
    }

    /** Close both sides at the trigger (use with {@link #after}; at accept this is {@link #refuse()}). */
    public static Fault drop() {
        return of(new Close());
    }

    /** Let {@code bytes} more bytes through after the trigger, then close: cuts a frame when not a multiple of 8. */
    public static Fault truncate(int bytes) {
        return of(new CloseAfter(bytes));
    }

    /** At accept, stop listening on this connection's port: the next connection there is refused (ECONNREFUSED). */
    public static Fault stopListening() {
        return of(new StopListening());
    }

    public static Fault stall() {
        return of(new Stall());
    }

    public static Fault delay(Duration perChunk) {
        return of(new Delay(perChunk));
    }

    public static Fault drip(Duration perByte) {
        return of(new Drip(perByte));
    }

    /** Flip every bit of the byte {@code offset} bytes after the trigger. */
    public static Fault corrupt(long offset) {
        return of(new Corrupt(offset, 0xFF));
    }

    public static Fault inject(byte[] bytes) {
        return of(new Inject(bytes));
    }

    private static Fault of(Action action) {
        return new Fault(action, Direction.SERVER, Trigger.AT_ACCEPT);
    }

    /** The same fault acting on the bytes {@code sender} sends. */
    public Fault on(Direction sender) {
        return new Fault(action, sender, trigger);
    }

    /** The same fault, starting once {@code bytes} bytes have come from {@code sender}. */
    public Fault after(Direction sender, long bytes) {
        return new Fault(action, stream, new Trigger(sender, bytes));
    }

    /** Whether this fault ends the connection at accept, without connecting to the server. */
    boolean endsAtAccept() {
        return trigger.atAccept() && (action instanceof Close || action instanceof Reset
                || action instanceof CloseAfter c && c.bytes() == 0);
    }

    @Override
    public String toString() {
        return action + " on " + stream.name().toLowerCase(java.util.Locale.ROOT) + " bytes " + trigger;
    }

    private static void positive(Duration d) {
        if (d.isNegative() || d.isZero()) throw new IllegalArgumentException("duration must be positive: " + d);
    }
}

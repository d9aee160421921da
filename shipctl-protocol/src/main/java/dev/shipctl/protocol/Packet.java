package dev.shipctl.protocol;

/**
 * A decoded Blue Burst packet: an immutable record named for its meaning and its sender
 * ({@code ClientLogin}, {@code ServerRedirect}, …). Each record type has one codec, registered in
 * {@link Packets}; its command number lives in {@link Command}.
 */
public interface Packet {
    /**
     * The entry of the command table this packet's type is registered under in {@link Packets}, the one place that
     * ties a record to its number.
     */
    default Command command() {
        return Packets.commandOf(this);
    }
}

package dev.shipctl.protocol;

/**
 * A decoded Blue Burst packet: an immutable record named for its meaning and its sender
 * ({@code ClientLogin}, {@code ServerRedirect}, …). Each record type names its entry of the command table with
 * {@link PacketCommand} (its number lives in {@link Command}) and has one codec, registered in
 * {@code dev.shipctl.protocol.registry.Packets}.
 */
public interface Packet {
    /** The entry of the command table this packet's type names with {@link PacketCommand}. */
    default Command command() {
        return CommandOfType.of(getClass());
    }
}

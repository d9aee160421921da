package dev.shipctl.sandbox;

import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.Direction;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.registry.Packets;
import dev.shipctl.protocol.ProtocolException;
import dev.shipctl.protocol.frame.Frame;

/**
 * How the port handlers read a client frame: first its {@link Command} (null for a command the protocol module
 * has no record for), then, only in the branch that needs its fields, its record. Decoding late keeps Tethealla's
 * order: a frame the handler ignores or refuses by command alone is never decoded, so a malformed body matters
 * only where the server reads it.
 */
final class Inbound {
    private Inbound() {}

    /** The frame's client command, or null when it has no record. */
    static Command command(Frame frame) {
        return Command.find(Direction.CLIENT, frame.command()).orElse(null);
    }

    /** The frame's record, of the type its command decodes to. */
    static <P extends Packet> P decode(Frame frame, Class<P> type) throws ProtocolException {
        return type.cast(Packets.decode(Direction.CLIENT, frame));
    }
}

package dev.shipctl.protocol.codec;

import dev.shipctl.protocol.ProtocolException.MalformedPacket;
import dev.shipctl.protocol.Packet;

/**
 * Reads and writes one packet type. Decoding sees the whole packet (header included, padding excluded) and
 * throws only {@link MalformedPacket}; encoding returns the packet with its exact size in the header, unpadded.
 */
public interface PacketCodec<P extends Packet> {
    P decode(PacketReader in) throws MalformedPacket;

    byte[] encode(P packet);
}

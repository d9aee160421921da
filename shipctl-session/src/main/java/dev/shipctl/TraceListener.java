package dev.shipctl;

import dev.shipctl.protocol.Direction;
import java.time.Instant;

/**
 * Sees every packet of a session, decrypted, in both directions: for traces and debugging. What would let a
 * reader log in is blanked (zeros) before the listener sees it: the password of every 0x93, the security token of
 * every 0x93 and E6, the client config of every E6 and of every 0x93 after the first contact (they make the fast
 * path, {@link ResumeTicket}). Called on the thread that sends or reads; keep it fast.
 */
@FunctionalInterface
public interface TraceListener {
    /**
     * @param connection which connection ("login", "character #2", "block") with its remote port
     * @param sender who sent it
     * @param packet the decrypted packet, header included, padding removed
     */
    void onPacket(Instant at, String connection, Direction sender, byte[] packet);
}

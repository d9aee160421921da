package dev.shipctl;

import dev.shipctl.protocol.Direction;
import java.time.Instant;

/**
 * Sees every packet of a session, decrypted, in both directions: for traces and debugging. The password field of
 * every 0x93 is blanked before the listener sees it. Called on the thread that sends or reads; keep it fast.
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

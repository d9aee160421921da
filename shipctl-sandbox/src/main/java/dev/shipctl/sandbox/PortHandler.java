package dev.shipctl.sandbox;

import dev.shipctl.protocol.ProtocolException;
import dev.shipctl.protocol.frame.Frame;

/** What one port role does with a client frame. Called under the server lock, after the flood check. */
interface PortHandler {
    /**
     * Handles one frame from {@code c}. {@code check} is the password check of a first 0x93 on the login or
     * character port, made before the lock was taken ({@link LoginGate#check}); null otherwise.
     */
    void handle(Connection c, Frame frame, LoginGate.Check check) throws ProtocolException;
}

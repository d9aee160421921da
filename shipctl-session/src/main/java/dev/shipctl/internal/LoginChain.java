package dev.shipctl.internal;

import dev.shipctl.ShipException;

/** A server family's way from its login port to a lobby, one stage after the other on the run's clock. */
@FunctionalInterface
public interface LoginChain {
    /**
     * Walks the chain from the connected login port (its 0x03 already read; the walk closes it) to a lobby. The
     * {@link dev.shipctl.Stage#CONNECT} stage is done; each stage after it is begun and completed on
     * {@link ChainRun#clock()}, and every connection it opens and does not hand over is closed, also on failure.
     */
    LobbyConnection walk(ChainRun run, Connection loginPort) throws ShipException;
}

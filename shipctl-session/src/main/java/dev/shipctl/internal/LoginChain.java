package dev.shipctl.internal;

import dev.shipctl.ShipException;

/**
 * A server family's ways to a lobby, one stage after the other on the run's clock: the whole chain from the login
 * port ({@link #walk}), and, for families whose blocks accept a saved ticket, the fast path straight to the block
 * ({@link #resume}).
 */
@FunctionalInterface
public interface LoginChain {
    /**
     * Walks the chain from the connected login port (its 0x03 already read; the walk closes it) to a lobby. The
     * {@link dev.shipctl.Stage#CONNECT} stage is done; each stage after it is begun and completed on
     * {@link ChainRun#clock()}, and every connection it opens and does not hand over is closed, also on failure.
     * A chain that can {@link #resume} notes the ship and block joined in the run's state
     * ({@link ChainState#shipHop}, {@link ChainState#blockHop}), so that a ticket can be made of it.
     */
    LobbyConnection walk(ChainRun run, Connection loginPort) throws ShipException;

    /** Whether this family's blocks take a saved ticket with empty credentials ({@link #resume}). */
    default boolean resumes() {
        return false;
    }

    /**
     * The fast path: from the connected block (its 0x03 already read) to a lobby, with the run's state made by
     * {@link ChainState#resuming}. The CONNECT stage is done; on failure the block connection is closed.
     *
     * @throws UnsupportedOperationException the family has no fast path ({@link #resumes()} is false)
     */
    default LobbyConnection resume(ChainRun run, Connection block) throws ShipException {
        throw new UnsupportedOperationException("this server family has no fast path");
    }
}

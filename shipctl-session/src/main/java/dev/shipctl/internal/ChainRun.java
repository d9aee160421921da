package dev.shipctl.internal;

import dev.shipctl.Depth;
import dev.shipctl.ShipClient;
import java.util.Objects;

/**
 * One walk of a login chain, as a family's {@link LoginChain} gets it: the client's settings, what the chain has
 * learned ({@link ChainState}), the stage clock and deadlines ({@link StageClock}), the connections
 * ({@link Wire}) and how far to go ({@link Depth}). A plain holder: each part does its own work.
 */
public record ChainRun(ShipClient client, ChainState state, StageClock clock, Wire wire, Depth depth) {
    public ChainRun {
        Objects.requireNonNull(depth, "depth");
    }

    /** A walk to the lobby. */
    public ChainRun(ShipClient client, ChainState state, StageClock clock, Wire wire) {
        this(client, state, clock, wire, Depth.LOBBY);
    }

    /**
     * Called by a chain where it has gone as far as {@code reached}: ends the walk there when that is as far as this
     * run goes. The chain's try-with-resources and failure paths close its connections on the way out.
     *
     * @throws DepthReached the run goes no further
     */
    public void reached(Depth reached) {
        if (reached == depth) throw new DepthReached(depth);
    }
}

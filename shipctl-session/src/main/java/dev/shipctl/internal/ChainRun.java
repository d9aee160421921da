package dev.shipctl.internal;

import dev.shipctl.ShipClient;

/**
 * One walk of a login chain, as a family's {@link LoginChain} gets it: the client's settings, what the chain has
 * learned ({@link ChainState}), the stage clock and deadlines ({@link StageClock}) and the connections
 * ({@link Wire}). A plain holder: each part does its own work.
 */
public record ChainRun(ShipClient client, ChainState state, StageClock clock, Wire wire) {}

package dev.shipctl.internal;

import dev.shipctl.Depth;

/**
 * Not an error: a login chain walked as far as its run's {@link Depth} ({@link ChainRun#reached}) and unwinds,
 * closing its connections as on a failure, to {@link SessionLogin#probe}, which makes a result of what it learned.
 */
public final class DepthReached extends RuntimeException {
    private final Depth depth;

    DepthReached(Depth depth) {
        super("reached depth " + depth.id(), null, false, false);
        this.depth = depth;
    }

    public Depth depth() {
        return depth;
    }
}

package dev.shipctl.internal;

import dev.shipctl.SessionEvent;
import dev.shipctl.SessionListener;
import dev.shipctl.ShipException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Forwards one connection's events to a {@link ReconnectingSession}'s listeners. A new connection's events are held
 * until the supervisor has sent {@link SessionEvent.Reconnected}, so listeners see that first. Its
 * {@link SessionEvent.Disconnected} is not forwarded: it tells the supervisor the connection dropped.
 */
final class Gate implements SessionListener {
    private final Consumer<SessionEvent> forward;
    private final BiConsumer<Gate, ShipException> dropped;
    private List<SessionEvent> held;

    /**
     * @param hold whether to hold events until {@link #release}
     * @param forward where events go (the reconnecting session's listeners)
     * @param dropped told when the connection ends with an error
     */
    Gate(boolean hold, Consumer<SessionEvent> forward, BiConsumer<Gate, ShipException> dropped) {
        this.forward = forward;
        this.dropped = dropped;
        this.held = hold ? new ArrayList<>() : null;
    }

    @Override
    public void onEvent(SessionEvent event) {
        if (event instanceof SessionEvent.Disconnected d) {
            d.cause().ifPresent(cause -> dropped.accept(this, cause));
            return;
        }
        synchronized (this) {
            if (held != null) {
                held.add(event);
                return;
            }
        }
        forward.accept(event);
    }

    /** Forgets held chat: it was said in the lobby the login landed in, which the session has left. */
    synchronized void forgetLandingChat() {
        held.removeIf(e -> e instanceof SessionEvent.Chat);
    }

    /**
     * Sends {@code first}, then the held events but joins and leaves (the lobby in {@code first} already shows
     * them), then lets events through.
     */
    synchronized void release(Supplier<SessionEvent> first) {
        forward.accept(first.get());
        for (SessionEvent e : held) {
            if (!(e instanceof SessionEvent.PlayerJoined || e instanceof SessionEvent.PlayerLeft)) forward.accept(e);
        }
        held = null;
    }
}

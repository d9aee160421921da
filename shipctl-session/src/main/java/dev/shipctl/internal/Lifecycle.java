package dev.shipctl.internal;

import dev.shipctl.LifecycleEvent;
import dev.shipctl.LifecycleListener;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands {@link LifecycleEvent}s to a client's {@link LifecycleListener}s on the calling thread; a listener that throws is logged. */
public final class Lifecycle {
    private static final Logger log = LoggerFactory.getLogger(Lifecycle.class);
    /** For logins nobody listens to. */
    public static final Lifecycle NONE = new Lifecycle(List.of());

    private final List<LifecycleListener> listeners;

    public Lifecycle(List<LifecycleListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    public void emit(LifecycleEvent event) {
        for (LifecycleListener l : listeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                log.warn("a lifecycle listener threw on {}; ignored", event.getClass().getSimpleName(), e);
            }
        }
    }
}

package dev.shipctl;

import java.util.ServiceLoader;

/** The {@link SessionProvider}, loaded the first time the API needs it. */
final class Implementation {
    private Implementation() {}

    private static final class Holder {
        static final SessionProvider SESSIONS = ServiceLoader.load(SessionProvider.class, SessionProvider.class.getClassLoader())
                .findFirst().orElseThrow(() -> new IllegalStateException(
                        "no implementation of " + SessionProvider.class.getName() + " found: is shipctl-session whole on the class path?"));
    }

    static SessionProvider sessions() {
        return Holder.SESSIONS;
    }
}

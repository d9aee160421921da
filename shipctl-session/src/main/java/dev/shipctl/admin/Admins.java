package dev.shipctl.admin;

import dev.shipctl.Session;
import java.util.Collections;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.WeakHashMap;

/** One {@link Admin} per session, made by the {@link AdminProvider} loaded the first time one is needed. */
final class Admins {
    private static final Map<Session, Admin> ADMINS = Collections.synchronizedMap(new WeakHashMap<>());

    private Admins() {}

    private static final class Holder {
        static final AdminProvider PROVIDER = ServiceLoader.load(AdminProvider.class, AdminProvider.class.getClassLoader())
                .findFirst().orElseThrow(() -> new IllegalStateException(
                        "no implementation of " + AdminProvider.class.getName() + " found: is shipctl-session whole on the class path?"));
    }

    static Admin of(Session session) {
        return ADMINS.computeIfAbsent(session, Holder.PROVIDER::adminOf);
    }
}

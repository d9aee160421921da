package dev.shipctl.admin;

import dev.shipctl.Session;

/**
 * The seam between {@link Admin#of} and the server families that implement it: shipctl-session provides the one
 * implementation, found once with {@link java.util.ServiceLoader} (see {@link dev.shipctl.SessionProvider} for
 * why). Not an extension point: call {@link Admin#of}.
 */
public interface AdminProvider {
    /** A new admin for a session, by the session's server family. */
    Admin adminOf(Session session);
}

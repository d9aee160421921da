package dev.shipctl;

import java.util.List;

/**
 * The seam between this API and the library's implementation: {@link ShipClient#connect} and
 * {@link ServerFlavour#all()} reach the implementation through it. shipctl-session provides the one implementation
 * (in its module descriptor, and in {@code META-INF/services} for the class path), found once with
 * {@link java.util.ServiceLoader}; so the API packages name no implementation class and the package graph has no
 * cycle (docs/architecture.md). Not an extension point: call {@link ShipClient} and {@link ServerFlavour} instead.
 */
public interface SessionProvider {
    /** The server families the implementation speaks, the one detection falls back to first. */
    List<ServerFlavour> flavours();

    /** {@link ShipClient#connect}: a session in a lobby (a reconnecting one if the client has a policy). */
    Session connect(ShipClient client, Credentials credentials) throws ShipException;

    /** {@link ShipClient#probe}: a login as far as {@code depth} (above {@link Depth#LOBBY}), then closed. */
    ShallowLogin probe(ShipClient client, Credentials credentials, Depth depth) throws ShipException;

    /** {@link ShipClient#prepare()}: loads and initialises what a first connect needs. */
    default void prepare() {}
}

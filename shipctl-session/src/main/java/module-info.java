/**
 * The shipctl client library: {@code dev.shipctl} (ShipClient, Session, events and their JSON field view, errors,
 * ServerFlavour), {@code dev.shipctl.admin} (Admin), {@code dev.shipctl.check} (HealthCheck, LobbyWalk) and
 * {@code dev.shipctl.swarm} (Swarm: many sessions at a bounded rate, for load tests).
 * Nothing under {@code dev.shipctl.internal} is exported; the API reaches it through the two services below, which
 * the registry of server families provides (docs/architecture.md).
 */
@SuppressWarnings("requires-automatic") // HdrHistogram ships no descriptor: its module name comes from the jar's name
module dev.shipctl.session {
    requires transitive dev.shipctl.protocol;
    requires org.slf4j;
    requires jdk.net; // TCP_QUICKACK (Connection)
    requires HdrHistogram; // the swarm's latency histograms (not in the API: LatencyHistogram wraps them)

    exports dev.shipctl;
    exports dev.shipctl.admin;
    exports dev.shipctl.check;
    exports dev.shipctl.swarm;

    uses dev.shipctl.SessionProvider;
    uses dev.shipctl.admin.AdminProvider;

    provides dev.shipctl.SessionProvider with dev.shipctl.internal.registry.Registry;
    provides dev.shipctl.admin.AdminProvider with dev.shipctl.internal.registry.Registry;
}

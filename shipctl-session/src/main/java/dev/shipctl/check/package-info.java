/**
 * Looking at a server as a client can: {@link dev.shipctl.check.HealthCheck} logs in through the whole chain and
 * says how it went ({@link dev.shipctl.check.CheckResult}); {@link dev.shipctl.check.LobbyWalk} visits the lobbies
 * of a block and says who is in each ({@link dev.shipctl.check.LobbyVisit}). Built on the public API of
 * {@code dev.shipctl} only.
 */
package dev.shipctl.check;

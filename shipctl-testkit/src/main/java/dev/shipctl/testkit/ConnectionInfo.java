package dev.shipctl.testkit;

import java.net.InetSocketAddress;

/**
 * A connection a {@link FaultProxy} accepted, as a {@link FaultPlan} sees it.
 *
 * @param number 1-based, in the order the proxy accepted connections on all its ports
 * @param port the proxy port the client connected to
 * @param client the client's address
 */
public record ConnectionInfo(int number, int port, InetSocketAddress client) {}

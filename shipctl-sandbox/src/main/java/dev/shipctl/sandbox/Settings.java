package dev.shipctl.sandbox;

import dev.shipctl.protocol.cipher.KeyTable;
import java.net.InetAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.random.RandomGenerator;

/** Everything {@link Sandbox.Builder} collects; immutable. */
record Settings(InetAddress bind, InetAddress advertise, int loginPort, int characterPort, int shipPort, int blocks, String shipName,
                String welcome, Accounts accounts, LocalGms localGms, Duration pingInterval, Duration idleTimeout,
                Duration loginTimeout, Duration tickInterval, int maxConnectionsPerIp, InstantSource clock,
                KeyTable keyTable, RandomGenerator random, StateFile state, FailedLogins.Limit loginLimit, Kdf kdf) {}

package dev.shipctl.sandbox;

import dev.shipctl.protocol.cipher.KeyTable;
import java.net.InetAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Everything {@link Sandbox.Builder} collects; immutable. {@code keyVectors} is null unless the builder was given a
 * generator: the 0x03 key vectors then come from {@link java.util.concurrent.ThreadLocalRandom}. {@code keyPool} is
 * the size of the pool they are drawn from ({@link KeyPool}), 0 for fresh keys on every connection.
 */
record Settings(InetAddress bind, InetAddress advertise, int loginPort, int characterPort, int shipPort, int blocks, String shipName,
                String welcome, Accounts accounts, LocalGms localGms, Duration pingInterval, Duration idleTimeout,
                Duration loginTimeout, Duration tickInterval, int maxConnectionsPerIp, InstantSource clock,
                KeyTable keyTable, RandomGenerator random, RandomGenerator keyVectors, int keyPool, StateFile state, FailedLogins.Limit loginLimit, Kdf kdf) {
    /** Where the key vectors of a new connection's 0x03 come from. */
    RandomGenerator keyVectorSource() {
        return keyVectors != null ? keyVectors : ThreadLocalRandom.current();
    }
}

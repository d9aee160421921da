package dev.shipctl.sandbox;

import dev.shipctl.protocol.cipher.BbCipher;
import dev.shipctl.protocol.cipher.KeyTable;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Where the two keys of each new connection's 0x03 come from, with the ciphers they make. By default every
 * connection gets keys of its own, as Tethealla gives them. A load test's sandbox may instead hand out keys from a
 * pool: each pair is keyed once, at its first use, and its ciphers (immutable, so shareable) serve every connection
 * that draws it. That spares the sandbox two key schedules per connection, about a fifth of its processor time
 * during a swarm's ramp, and the heap of two ciphers per connection; the client still keys every connection, since
 * it cannot know the keys will come again. The keys travel in the clear either way, so a pool gives nothing away.
 */
final class KeyPool {
    /** A 0x03's keys and the ciphers of the server's side: the first encrypts what it sends, the second decrypts. */
    record Keys(byte[] server, byte[] client, BbCipher.Pair ciphers) {}

    private final KeyTable table;
    private final Supplier<RandomGenerator> source;
    private final AtomicReferenceArray<Keys> pool; // null: fresh keys for every connection

    /**
     * @param source the generator of key bytes and of the pool's draws
     * @param pairs the pool's size, or 0 for fresh keys on every connection
     */
    KeyPool(KeyTable table, Supplier<RandomGenerator> source, int pairs) {
        if (pairs < 0) throw new IllegalArgumentException("a key pool of " + pairs + " pairs");
        this.table = table;
        this.source = source;
        this.pool = pairs == 0 ? null : new AtomicReferenceArray<>(pairs);
    }

    /** The keys for a new connection. */
    Keys next() {
        if (pool == null) return fresh();
        int slot = source.get().nextInt(pool.length());
        Keys keys = pool.get(slot);
        if (keys == null) {
            Keys made = fresh();
            keys = pool.compareAndExchange(slot, null, made);
            if (keys == null) keys = made;
        }
        return keys;
    }

    private Keys fresh() {
        byte[] server = new byte[BbCipher.SEED_LENGTH], client = new byte[BbCipher.SEED_LENGTH];
        RandomGenerator vectors = source.get();
        for (int i = 0; i < BbCipher.SEED_LENGTH; i++) {
            server[i] = (byte) vectors.nextInt(255);
            client[i] = (byte) vectors.nextInt(255);
        }
        return new Keys(server, client, BbCipher.fromServerKeys(table, server, client));
    }
}

package dev.shipctl.bench;

import dev.shipctl.protocol.cipher.BbCipher;
import dev.shipctl.protocol.cipher.KeyTable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Key setups per second: the Blowfish schedule (521 encryptions) a connection runs twice, once per direction; one at a
 * time ({@code fromServerKey}, twice per connection) or both side by side ({@code fromServerKeys}, once).
 */
@State(Scope.Thread)
public class KeySetupBench extends BenchBase {
    KeyTable table;
    byte[] key;

    @Setup
    public void setUp() {
        table = KeyTable.tethealla();
        key = key(3);
    }

    @Benchmark
    public BbCipher fromServerKey() {
        return BbCipher.fromServerKey(table, key);
    }

    @Benchmark
    public BbCipher.Pair fromServerKeys() {
        return BbCipher.fromServerKeys(table, key, key);
    }
}

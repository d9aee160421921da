package dev.shipctl.bench;

import dev.shipctl.protocol.cipher.BbCipher;
import dev.shipctl.protocol.cipher.KeyTable;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * BbCipher throughput on one buffer of 8 B, 1 KiB, 8 KiB (where the lane path starts) or 64 KiB, encrypted (or decrypted) in place per operation, as the
 * frame writer and reader do. The secondary result {@code megabytes} is MB/s (10^6 bytes), comparable with the C
 * harness's figures; the primary result is calls per second.
 */
@State(Scope.Thread)
public class CipherBench extends BenchBase {
    @Param({"8", "1024", "8192", "65536"})
    public int size;

    BbCipher cipher;
    byte[] buffer;

    /** Counts the bytes processed; JMH reports it per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Bytes {
        public double megabytes;

        @Setup(Level.Iteration)
        public void reset() {
            megabytes = 0;
        }
    }

    @Setup
    public void setUp() {
        cipher = BbCipher.fromServerKey(KeyTable.tethealla(), key(1));
        buffer = new byte[size];
        new SplittableRandom(2).nextBytes(buffer);
    }

    @Benchmark
    public byte[] encrypt(Bytes bytes) {
        cipher.encrypt(buffer, 0, size);
        bytes.megabytes += size / 1e6;
        return buffer;
    }

    @Benchmark
    public byte[] decrypt(Bytes bytes) {
        cipher.decrypt(buffer, 0, size);
        bytes.megabytes += size / 1e6;
        return buffer;
    }
}

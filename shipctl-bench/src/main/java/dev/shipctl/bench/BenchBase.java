package dev.shipctl.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Defaults every benchmark here shares: throughput in operations per second, 2 forks, 3 warm-up and 5 measured
 * iterations of 1 s. Command-line options (-f, -wi, -i, -r) override them; see README.md.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public abstract class BenchBase {
    /** 48 deterministic key bytes, as a server's 0x03 would carry. */
    static byte[] key(int seed) {
        byte[] k = new byte[48];
        new java.util.SplittableRandom(seed).nextBytes(k);
        return k;
    }
}

package dev.shipctl.swarm;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * Latencies of one stage, in microseconds, from 1 µs to 10 minutes at three significant digits (an HdrHistogram,
 * kept out of the API). Thread-safe for recording; {@link #encoded()} is HdrHistogram's compressed form in base64,
 * which {@link #decode} reads back, so that shards' histograms add up exactly ({@link #add}).
 */
public final class LatencyHistogram {
    private static final long HIGHEST_MICROS = Duration.ofMinutes(10).toNanos() / 1000;
    private final Histogram histogram;

    /** An empty histogram. */
    public LatencyHistogram() {
        this(new Histogram(1, HIGHEST_MICROS, 3));
    }

    private LatencyHistogram(Histogram histogram) {
        this.histogram = histogram;
    }

    /** Records one latency (values beyond 10 minutes count as 10 minutes). */
    public synchronized void record(Duration latency) {
        long micros = Math.max(1, Math.min(HIGHEST_MICROS, latency.toNanos() / 1000));
        histogram.recordValue(micros);
    }

    /** Adds every value of {@code other} to this one. */
    public synchronized void add(LatencyHistogram other) {
        Histogram copy;
        synchronized (other) {
            copy = other.histogram.copy();
        }
        histogram.add(copy);
    }

    /** How many latencies were recorded. */
    public synchronized long count() {
        return histogram.getTotalCount();
    }

    /** The latency at this percentile (0..100); zero when empty. */
    public synchronized Duration percentile(double percentile) {
        return histogram.getTotalCount() == 0 ? Duration.ZERO : Duration.ofNanos(histogram.getValueAtPercentile(percentile) * 1000);
    }

    /** The largest latency recorded; zero when empty. */
    public synchronized Duration max() {
        return histogram.getTotalCount() == 0 ? Duration.ZERO : Duration.ofNanos(histogram.getMaxValue() * 1000);
    }

    /**
     * The counts by latency for a chart: {@code buckets} equal-width bands from zero to {@link #max()}, each the
     * number of values in it.
     */
    public synchronized long[] distribution(int buckets) {
        long[] counts = new long[buckets];
        long max = histogram.getMaxValue();
        if (histogram.getTotalCount() == 0 || max == 0) return counts;
        for (var v : histogram.recordedValues()) {
            int i = (int) Math.min(buckets - 1, v.getValueIteratedTo() * buckets / (max + 1));
            counts[i] += v.getCountAddedInThisIterationStep();
        }
        return counts;
    }

    /** HdrHistogram's compressed encoding, in base64. */
    public synchronized String encoded() {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        byte[] bytes = new byte[length];
        buffer.flip();
        buffer.get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * Reads what {@link #encoded()} wrote.
     *
     * @throws IllegalArgumentException not base64, or not a compressed histogram
     */
    public static LatencyHistogram decode(String base64) {
        try {
            byte[] bytes = Base64.getDecoder().decode(base64);
            Histogram h = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 1);
            LatencyHistogram result = new LatencyHistogram();
            result.histogram.add(h);
            return result;
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("not an encoded latency histogram: " + e.getMessage(), e);
        }
    }
}

package dev.shipctl.protocol;

import java.io.InputStream;
import java.util.SplittableRandom;

/**
 * An input stream that hands out its bytes in pieces, as a socket may: one byte at a time ({@code random} null), or
 * pieces of 1 to {@code maxPiece} bytes from a seeded generator.
 */
public final class Trickle extends InputStream {
    private final byte[] data;
    private final SplittableRandom random;
    private final int maxPiece;
    private int at;

    public Trickle(byte[] data, SplittableRandom random, int maxPiece) {
        this.data = data;
        this.random = random;
        this.maxPiece = maxPiece;
    }

    @Override
    public int read() {
        return at < data.length ? data[at++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) return 0;
        if (at >= data.length) return -1;
        int n = random == null ? 1 : 1 + random.nextInt(Math.min(len, maxPiece));
        n = Math.min(n, Math.min(len, data.length - at));
        System.arraycopy(data, at, b, off, n);
        at += n;
        return n;
    }
}

package dev.shipctl.sandbox;

/**
 * Tethealla's per-connection flood limits, per clock second: on the ship process 30000 bytes; on the login process
 * 15000 bytes or 40 packets. Frames count at their padded (ciphered) size. Touched only by the connection's reader.
 */
final class FloodMeter {
    private long second = Long.MIN_VALUE;
    private int bytes;
    private int packets;

    /** Counts a frame of {@code size} bytes received in {@code now}; returns true when the limits are passed. */
    boolean over(long now, int size, boolean shipSide) {
        if (now != second) {
            second = now;
            bytes = 0;
            packets = 0;
        }
        bytes += (size + 7) & ~7;
        packets++;
        return shipSide ? bytes > 30000 : bytes > 15000 || packets > 40;
    }

    int bytes() {
        return bytes;
    }

    int packets() {
        return packets;
    }
}

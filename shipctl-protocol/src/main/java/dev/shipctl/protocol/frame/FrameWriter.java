package dev.shipctl.protocol.frame;

import dev.shipctl.protocol.cipher.BbCipher;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Writes packets: zero-pads each to a multiple of 8, encrypts it once a cipher is set, and writes it in one call.
 * Thread-safe: writes from several threads never interleave.
 */
public final class FrameWriter {
    private final OutputStream out;
    private volatile BbCipher cipher;

    public FrameWriter(OutputStream out) {
        this.out = Objects.requireNonNull(out);
    }

    /** Encrypt everything after this point with {@code cipher}. */
    public void encryptWith(BbCipher cipher) {
        this.cipher = cipher;
    }

    /** Writes one packet (its size field already set). Encrypted packets are padded to 8; plain ones go as they are. */
    public synchronized void write(byte[] packet) throws IOException {
        BbCipher c = cipher;
        byte[] wire;
        if (c == null) {
            wire = packet;
        } else {
            wire = Arrays.copyOf(packet, (packet.length + 7) & ~7);
            c.encrypt(wire, 0, wire.length);
        }
        out.write(wire);
        out.flush();
    }

    /**
     * Writes several packets in one call, each padded and encrypted as {@link #write} does: one system call and, on
     * an idle connection, one TCP segment for a burst of packets, which the peer then reads at once.
     */
    public synchronized void write(List<byte[]> packets) throws IOException {
        if (packets.size() == 1) {
            write(packets.getFirst());
            return;
        }
        BbCipher c = cipher;
        int total = 0;
        for (byte[] packet : packets) total += c == null ? packet.length : (packet.length + 7) & ~7;
        byte[] wire = new byte[total];
        int at = 0;
        for (byte[] packet : packets) {
            System.arraycopy(packet, 0, wire, at, packet.length);
            int length = c == null ? packet.length : (packet.length + 7) & ~7;
            if (c != null) c.encrypt(wire, at, length);
            at += length;
        }
        out.write(wire);
        out.flush();
    }
}

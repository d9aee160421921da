package dev.shipctl.protocol.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fuzz-input format of the conversation targets: one side's packets, cut from raw bytes so that a mutated input
 * still parses. Each step is {@code [control u8][length u16 LE][length bytes]}; a step whose bytes run past the end
 * of the input takes what is left.
 *
 * <p>Control bit 0 ({@link #RAW}) keeps the step's own size field (it may lie, and a step shorter than 8 bytes is a
 * torn header); otherwise the harness writes the step's length there, so most mutations keep the framing intact.
 * Control bit 1 ({@link #HANG_UP}) ends the connection after this step. The peer zero-pads each step to a multiple
 * of 8 and encrypts it like any packet.
 */
public final class FrameScript {
    public static final int RAW = 1;
    public static final int HANG_UP = 2;

    /** One packet to send: its bytes, ready to pad and encrypt, and whether the connection ends after it. */
    public record Step(byte[] packet, boolean hangUp) {}

    private FrameScript() {}

    public static List<Step> parse(byte[] data, int offset) {
        List<Step> steps = new ArrayList<>();
        int at = offset;
        while (at < data.length) {
            int control = data[at] & 0xFF;
            int length = at + 2 < data.length ? (data[at + 1] & 0xFF) | (data[at + 2] & 0xFF) << 8 : 0;
            at = Math.min(data.length, at + 3);
            int end = Math.min(data.length, at + length);
            byte[] packet = Arrays.copyOfRange(data, at, end);
            at = end;
            if ((control & RAW) == 0) {
                if (packet.length < 8) packet = Arrays.copyOf(packet, 8);
                packet[0] = (byte) packet.length;
                packet[1] = (byte) (packet.length >>> 8);
            }
            steps.add(new Step(packet, (control & HANG_UP) != 0));
        }
        return steps;
    }

    /**
     * The bytes of a script (for seed inputs): {@code prefix}, then each connection's packets as they are, the last
     * one of each connection a hang-up.
     */
    public static byte[] encode(byte[] prefix, List<List<byte[]>> connections) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(prefix);
        for (List<byte[]> packets : connections) {
            for (int i = 0; i < packets.size(); i++) {
                byte[] p = packets.get(i);
                out.write(i == packets.size() - 1 ? HANG_UP : 0);
                out.write(p.length);
                out.write(p.length >>> 8);
                out.writeBytes(p);
            }
        }
        return out.toByteArray();
    }
}

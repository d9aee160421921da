package dev.shipctl.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.protocol.Direction;
import dev.shipctl.protocol.Hex;
import dev.shipctl.protocol.captures.Captures;
import dev.shipctl.protocol.captures.Captures.Captured;
import dev.shipctl.protocol.frame.Frame;

/**
 * A packet the real Tethealla sent, captured alone (captures/packets/tethealla/NAME.hex in shipctl-protocol's test
 * resources, read by the shared loader {@link Captures}), and the comparisons FidelityTest makes with it.
 */
record Capture(String name, byte[] data) {
    static Capture load(String name) {
        Captured captured = Captures.single("tethealla", name + ".hex");
        assertThat(captured.sender()).as(name + ": sender").isEqualTo(Direction.SERVER);
        return new Capture(name, captured.plain());
    }

    int u8(int at) {
        return data[at] & 0xFF;
    }

    /**
     * Asserts the sandbox's packet equals this capture byte for byte, except in the half-open ranges given as
     * pairs {@code from, to} (random keys, tokens, ports, leftover memory on the real server).
     */
    void assertSameAs(Frame actual, int... ignoredRanges) {
        byte[] a = actual.data();
        assertThat(a.length).as(name + ": size").isEqualTo(data.length);
        for (int i = 0; i < data.length; i++) {
            if (ignored(i, ignoredRanges)) continue;
            int at = i;
            assertThat(a[i] & 0xFF).as(() -> "%s: byte 0x%X (real %s, sandbox %s)".formatted(name, at,
                    Hex.bytes(data, Math.max(0, at - 4), Math.min(12, data.length - Math.max(0, at - 4))),
                    Hex.bytes(a, Math.max(0, at - 4), Math.min(12, a.length - Math.max(0, at - 4))))).isEqualTo(data[i] & 0xFF);
        }
    }

    private static boolean ignored(int i, int[] ranges) {
        for (int r = 0; r + 1 < ranges.length; r += 2) if (i >= ranges[r] && i < ranges[r + 1]) return true;
        return false;
    }
}

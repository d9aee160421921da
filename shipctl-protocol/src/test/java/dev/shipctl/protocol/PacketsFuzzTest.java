package dev.shipctl.protocol;

import dev.shipctl.protocol.registry.Packets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.shipctl.protocol.ProtocolException.BadFrameSize;
import dev.shipctl.protocol.frame.FrameReader;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Fuzz target: every codec of {@link Packets}, both directions. Decoding arbitrary bytes gives a packet or a
 * {@link ProtocolException} (never the registry's catch-all for a codec's runtime error); a decoded packet encodes,
 * and decoding that gives an equal record whose encoding is the same bytes (the round trip is stable).
 *
 * <p>Input: {@code [flags u8][command u8][size u16 LE][frame…]}. Flag bit 0: the server sent it (else the client).
 * Bit 1: overwrite the frame's command word with entry {@code command mod n} of {@link Command} and take that
 * entry's sender, so every codec is one byte away. Bit 2: pass {@code size} to {@code decode} as the frame's size
 * (it may be below 8 or past the end of the frame), else the frame's length.
 */
class PacketsFuzzTest {
    static final int FROM_SERVER = 1;
    static final int FROM_TABLE = 2;
    static final int SIZE_FIELD = 4;
    private static final Command[] COMMANDS = Command.values();

    @FuzzTest(maxDuration = "30s")
    void roundTrip(byte[] input) {
        if (input.length < 4) return;
        int flags = input[0] & 0xFF;
        Direction sender = (flags & FROM_SERVER) != 0 ? Direction.SERVER : Direction.CLIENT;
        byte[] data = Arrays.copyOfRange(input, 4, input.length);
        if ((flags & FROM_TABLE) != 0) {
            Command command = COMMANDS[(input[1] & 0xFF) % COMMANDS.length];
            sender = command.direction();
            if (data.length < 8) data = Arrays.copyOf(data, 8);
            data[2] = (byte) command.code();
            data[3] = (byte) (command.code() >>> 8);
        }
        int size = (flags & SIZE_FIELD) != 0 ? (input[2] & 0xFF) | (input[3] & 0xFF) << 8 : data.length;
        check(sender, data, size);
    }

    static void check(Direction sender, byte[] data, int size) {
        String what = "%s %s, size 0x%X of %d bytes".formatted(sender, Hex.bytes(data, 0, Math.min(data.length, 48)), size, data.length);
        Packet packet;
        try {
            packet = Packets.decode(sender, data, size);
        } catch (BadFrameSize e) {
            assertThat(e.size()).isEqualTo(size);
            if (size < 8) {
                assertThat(e.getMessage()).as(what).contains("smaller than the 8-byte header");
            } else if (size > FrameReader.DEFAULT_MAX_FRAME) {
                assertThat(e.getMessage()).as(what).contains("over the limit of " + FrameReader.DEFAULT_MAX_FRAME + " bytes");
            } else {
                assertThat(size).as(what).isGreaterThan(data.length);
                assertThat(e.getMessage()).as(what).contains(data.length + " bytes").doesNotContain("limit");
            }
            return;
        } catch (ProtocolException e) {
            assertThat(size).as("a frame of a valid size is judged by its codec: " + what).isBetween(8, Math.min(data.length, FrameReader.DEFAULT_MAX_FRAME));
            assertThat(e.getMessage()).as("a codec failed in an unexpected way on " + what).doesNotContain("could not be decoded");
            return;
        }
        assertThat(size).as(what).isBetween(8, Math.min(data.length, FrameReader.DEFAULT_MAX_FRAME));
        int code = (data[2] & 0xFF) | (data[3] & 0xFF) << 8;
        if (packet instanceof RawPacket raw) {
            assertThat(Command.find(sender, code)).as(what).isEmpty();
            assertThat(raw.code()).isEqualTo(code);
        } else {
            assertThat(packet.command()).as(what).isEqualTo(Command.find(sender, code).orElseThrow());
        }

        byte[] encoded;
        try {
            encoded = Packets.encode(packet);
        } catch (RuntimeException e) {
            throw new AssertionError(packet + " decoded from " + what + " does not encode", e);
        }
        assertThat(encoded.length).as("encoding of " + packet).isBetween(8, FrameReader.DEFAULT_MAX_FRAME);
        assertThat((encoded[0] & 0xFF) | (encoded[1] & 0xFF) << 8).as("size field of " + packet).isEqualTo(encoded.length);
        assertThat((encoded[2] & 0xFF) | (encoded[3] & 0xFF) << 8).as("command of " + packet).isEqualTo(code);
        Packet again;
        try {
            again = Packets.decode(sender, encoded, encoded.length);
        } catch (ProtocolException e) {
            throw new AssertionError(packet + " decoded from " + what + " encodes to bytes that do not decode: " + e.getMessage(), e);
        }
        if (!sameValue(packet, again)) fail("not stable: %s decoded from %s came back as %s", packet, what, again);
        assertThat(Packets.encode(again)).as("encoding of " + packet + " after a round trip").isEqualTo(encoded);
    }

    /** Record equality with arrays compared by content (records compare array components by identity). */
    static boolean sameValue(Object a, Object b) {
        if (a == b) return true;
        if (a == null || b == null || a.getClass() != b.getClass()) return false;
        if (a.getClass().isArray()) return Objects.deepEquals(a, b);
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) return false;
            for (int i = 0; i < x.size(); i++) if (!sameValue(x.get(i), y.get(i))) return false;
            return true;
        }
        if (a instanceof Record) {
            for (RecordComponent c : a.getClass().getRecordComponents()) {
                try {
                    if (!sameValue(c.getAccessor().invoke(a), c.getAccessor().invoke(b))) return false;
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return true;
        }
        return a.equals(b);
    }
}

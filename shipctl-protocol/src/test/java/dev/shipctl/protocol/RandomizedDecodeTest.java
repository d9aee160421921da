package dev.shipctl.protocol;

import dev.shipctl.protocol.registry.Packets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.shipctl.protocol.captures.Captures;
import dev.shipctl.protocol.cipher.BbCipher;
import dev.shipctl.protocol.cipher.KeyTable;
import dev.shipctl.protocol.frame.Frame;
import dev.shipctl.protocol.frame.FrameReader;
import java.io.EOFException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random and mutated input for every command in both directions, and for the frame reader: decoding gives a
 * packet or a {@link ProtocolException} (the reader may also end in {@link EOFException}), never anything else, and
 * never the registry's catch-all for an unexpected runtime error in a codec. What decodes must encode again.
 */
class RandomizedDecodeTest {
    static final int ROUNDS = 1000;
    static final Map<Command, List<byte[]>> VALID = new HashMap<>();

    static {
        // valid encodings to mutate: the codec examples and every captured packet
        PacketCodecTest.examples().forEach(a -> {
            Packet p = (Packet) a.get()[1];
            VALID.computeIfAbsent(p.command(), k -> new ArrayList<>()).add(Packets.encode(p));
        });
        for (Captures.Captured c : Captures.all("tethealla")) {
            Command.find(c.sender(), c.command()).ifPresent(cmd -> VALID.computeIfAbsent(cmd, k -> new ArrayList<>()).add(c.plain()));
        }
    }

    static Stream<Arguments> commands() {
        return Arrays.stream(Command.values()).map(c -> Arguments.of(c, (long) c.ordinal() * 7919 + c.code()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void randomAndMutatedBodies(Command command, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<byte[]> valid = VALID.getOrDefault(command, List.of());
        int decoded = 0;
        for (int round = 0; round < ROUNDS; round++) {
            byte[] data = valid.isEmpty() || random.nextInt(3) == 0 ? randomPacket(command.code(), random) : mutate(valid.get(random.nextInt(valid.size())), random);
            // the size field may disagree with the buffer; decode(size) is told the truth about how many bytes count
            int size = data.length;
            if (random.nextInt(8) == 0) size = random.nextInt(data.length + 1);
            if (check(command.direction(), data, size)) decoded++;
        }
        assertThat(decoded).as("some inputs decode").isPositive();
    }

    @Test
    void unknownCommandsAndOtherDirection() {
        SplittableRandom random = new SplittableRandom(99);
        for (int round = 0; round < ROUNDS * 4; round++) {
            int code = random.nextInt(4) == 0 ? random.nextInt(0x10000) : random.nextInt(0x100);
            byte[] data = randomPacket(code, random);
            check(random.nextBoolean() ? Direction.CLIENT : Direction.SERVER, data, data.length);
        }
    }

    /** @return whether it decoded */
    static boolean check(Direction sender, byte[] data, int size) {
        Packet p;
        try {
            p = Packets.decode(sender, data, size);
        } catch (ProtocolException e) {
            assertThat(e.getMessage()).as("a codec failed in an unexpected way on %s", Hex.bytes(data, 0, Math.min(size, 64)))
                    .doesNotContain("could not be decoded");
            return false;
        } catch (Throwable t) {
            return fail("%s escaped decoding of %s", t, Hex.bytes(data, 0, Math.min(Math.max(size, 0), 64)));
        }
        assertThat(p).isNotNull();
        byte[] again;
        try {
            again = Packets.encode(p);
        } catch (RuntimeException e) {
            return fail("%s decoded from %s does not encode: %s", p, Hex.bytes(data, 0, Math.min(size, 64)), e);
        }
        try {
            Packet twice = Packets.decode(sender, again, again.length);
            assertThat(twice.getClass()).isEqualTo(p.getClass());
            // decoding is a fixed point after one encode
            assertThat(Packets.encode(twice)).as("%s", p).isEqualTo(again);
        } catch (ProtocolException e) {
            fail("%s re-encoded to bytes that do not decode: %s", p, e.getMessage());
        }
        return true;
    }

    static byte[] randomPacket(int code, SplittableRandom random) {
        int size = switch (random.nextInt(4)) {
            case 0 -> 8 + random.nextInt(0x20);
            case 1 -> 8 + random.nextInt(0x200);
            case 2 -> 8 + random.nextInt(0x4000);
            default -> 8 + random.nextInt(64000 - 8);
        };
        byte[] b = new byte[size];
        if (random.nextBoolean()) random.nextBytes(b);
        else for (int i = 0; i < size; i += 1 + random.nextInt(16)) b[i] = (byte) random.nextInt(); // mostly zeros
        header(b, code, randomFlag(random));
        return b;
    }

    static int randomFlag(SplittableRandom random) {
        return switch (random.nextInt(5)) {
            case 0 -> 0;
            case 1 -> random.nextInt(16);
            case 2 -> -1;
            case 3 -> random.nextInt(Integer.MAX_VALUE) | Integer.MIN_VALUE;
            default -> random.nextInt();
        };
    }

    static byte[] mutate(byte[] valid, SplittableRandom random) {
        byte[] b = valid.clone();
        int code = (b[2] & 0xFF) | (b[3] & 0xFF) << 8;
        switch (random.nextInt(6)) {
            case 0 -> { // flip bits
                for (int i = random.nextInt(8); i >= 0; i--) b[8 + random.nextInt(Math.max(1, b.length - 8)) % Math.max(1, b.length - 8) + (b.length > 8 ? 0 : -8)] ^= (byte) (1 << random.nextInt(8));
            }
            case 1 -> b = Arrays.copyOf(b, 8 + random.nextInt(Math.max(1, b.length - 7))); // truncate
            case 2 -> { // extend with junk
                int extra = 1 + random.nextInt(0x200);
                b = Arrays.copyOf(b, Math.min(0xFFFF, b.length + extra));
                for (int i = valid.length; i < b.length; i++) b[i] = (byte) random.nextInt();
            }
            case 3 -> { // fill a run with 0x00 or 0xFF (strings without NUL, huge numbers)
                if (b.length > 8) {
                    int from = 8 + random.nextInt(b.length - 8);
                    Arrays.fill(b, from, Math.min(b.length, from + 1 + random.nextInt(0x80)), random.nextBoolean() ? (byte) 0xFF : 0);
                }
            }
            case 4 -> { /* flag only */ }
            default -> { // random bytes at random places
                for (int i = random.nextInt(32); i >= 0 && b.length > 8; i--) b[8 + random.nextInt(b.length - 8)] = (byte) random.nextInt();
            }
        }
        header(b, code, random.nextInt(3) == 0 ? randomFlag(random) : (b[4] & 0xFF) | (b[5] & 0xFF) << 8 | (b[6] & 0xFF) << 16 | (b[7] & 0xFF) << 24);
        return b;
    }

    static void header(byte[] b, int code, int flag) {
        b[0] = (byte) b.length;
        b[1] = (byte) (b.length >>> 8);
        b[2] = (byte) code;
        b[3] = (byte) (code >>> 8);
        for (int i = 0; i < 4; i++) b[4 + i] = (byte) (flag >>> (8 * i));
    }

    /** Random byte streams, and mutated real streams, into the frame reader (then each frame into the registry). */
    @Test
    void frameReaderOnRandomStreams() throws Exception {
        SplittableRandom random = new SplittableRandom(64000);
        BbCipher cipher = BbCipher.fromServerKey(KeyTable.tethealla(), new byte[48]);
        List<byte[]> realStreams = new ArrayList<>();
        for (String stage : Captures.stages("tethealla")) {
            var out = new java.io.ByteArrayOutputStream();
            Captures.stage("tethealla", stage).stream().filter(c -> c.sender() == Direction.SERVER).forEach(c -> out.writeBytes(c.wire()));
            realStreams.add(out.toByteArray());
        }
        int frames = 0, clean = 0, eof = 0, rejected = 0;
        for (int round = 0; round < 600; round++) {
            byte[] stream;
            boolean real = random.nextBoolean();
            if (real) {
                stream = realStreams.get(random.nextInt(realStreams.size())).clone();
                for (int i = random.nextInt(6); i >= 0; i--) stream[random.nextInt(stream.length)] ^= (byte) (1 << random.nextInt(8));
                if (random.nextBoolean()) stream = Arrays.copyOf(stream, random.nextInt(stream.length + 1));
            } else {
                stream = new byte[random.nextInt(0x4000)];
                random.nextBytes(stream);
            }
            FrameReader reader = new FrameReader(new Trickle(stream, random.split(), 100));
            BbCipher key = real ? null : cipher;
            try {
                Frame f = reader.readPlain(); // every connection starts with a plain 0x03
                if (f == null) {
                    clean++;
                    continue;
                }
                if (real) {
                    try {
                        Packet init = Packets.decode(Direction.SERVER, f);
                        key = init instanceof dev.shipctl.protocol.packet.login.ServerInit i
                                ? BbCipher.fromServerKey(KeyTable.tethealla(), i.serverKey()) : cipher;
                    } catch (ProtocolException e) {
                        key = cipher;
                    }
                }
                reader.decryptWith(key);
                while ((f = reader.read()) != null) {
                    frames++;
                    assertThat(f.size()).isBetween(8, 64000);
                    check(Direction.SERVER, f.data(), f.size());
                }
                clean++;
            } catch (EOFException e) {
                eof++;
            } catch (ProtocolException e) {
                rejected++;
            }
        }
        assertThat(frames).isPositive();
        assertThat(clean).isPositive();
        assertThat(eof).isPositive();
        assertThat(rejected).isPositive();
    }
}

package dev.shipctl.protocol.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipctl.protocol.captures.Captures;
import dev.shipctl.protocol.Hex;
import dev.shipctl.protocol.ProtocolException;
import dev.shipctl.protocol.Trickle;
import dev.shipctl.protocol.ProtocolException.BadFrameSize;
import dev.shipctl.protocol.cipher.BbCipher;
import dev.shipctl.protocol.cipher.KeyTable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrameReaderWriterTest {
    static final BbCipher CIPHER = BbCipher.fromServerKey(KeyTable.tethealla(), seed(7));

    static byte[] seed(int n) {
        byte[] k = new byte[48];
        new SplittableRandom(n).nextBytes(k);
        return k;
    }

    /** A packet of {@code size} bytes (size field set) with a random body. */
    static byte[] packet(int command, int size, SplittableRandom random) {
        byte[] p = new byte[size];
        random.nextBytes(p);
        p[0] = (byte) size;
        p[1] = (byte) (size >>> 8);
        p[2] = (byte) command;
        p[3] = (byte) (command >>> 8);
        return p;
    }

    /** Packets of every size class: header only, unaligned, aligned, the largest legal. */
    static List<byte[]> packets() {
        SplittableRandom random = new SplittableRandom(42);
        List<byte[]> list = new ArrayList<>();
        for (int size : new int[] {8, 9, 0x0C, 0x10, 0x1C, 0x44, 0xB4, 0x370, 0x534, 0x399C, 64000, 63993}) {
            list.add(packet(0x60 + list.size(), size, random));
        }
        for (int i = 0; i < 50; i++) list.add(packet(random.nextInt(0x100), 8 + random.nextInt(600), random));
        return list;
    }

    static byte[] wire(List<byte[]> packets) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FrameWriter writer = new FrameWriter(out);
        writer.encryptWith(CIPHER);
        for (byte[] p : packets) writer.write(p);
        return out.toByteArray();
    }

    static List<byte[]> readAll(InputStream in) throws Exception {
        FrameReader reader = new FrameReader(in);
        reader.decryptWith(CIPHER);
        List<byte[]> frames = new ArrayList<>();
        for (Frame f; (f = reader.read()) != null; ) frames.add(f.data());
        return frames;
    }

    @Test
    void aBurstWrittenInOneCallIsTheSameBytesAsItsPacketsOneByOne() throws Exception {
        List<byte[]> packets = packets();
        List<Integer> writes = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void write(byte[] b, int off, int len) {
                writes.add(len);
                super.write(b, off, len);
            }
        };
        FrameWriter writer = new FrameWriter(out);
        writer.encryptWith(CIPHER);
        writer.write(packets.subList(0, 1));
        writer.write(packets.subList(1, packets.size()));
        assertThat(out.toByteArray()).isEqualTo(wire(packets));
        assertThat(writes).as("one write per call").hasSize(2);
        // before a cipher is set, packets go as they are, unpadded
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        new FrameWriter(plain).write(List.of(packets.get(1), packets.get(2)));
        byte[] both = new byte[packets.get(1).length + packets.get(2).length];
        System.arraycopy(packets.get(1), 0, both, 0, packets.get(1).length);
        System.arraycopy(packets.get(2), 0, both, packets.get(1).length, packets.get(2).length);
        assertThat(plain.toByteArray()).isEqualTo(both);
    }

    @Test
    void roundTripWithTheCipher() throws Exception {
        List<byte[]> packets = packets();
        byte[] wire = wire(packets);
        assertThat(wire.length).isEqualTo(packets.stream().mapToInt(p -> (p.length + 7) & ~7).sum());
        // encrypted: the first header does not read as itself
        assertThat(Arrays.copyOf(wire, 8)).isNotEqualTo(Arrays.copyOf(packets.getFirst(), 8));
        assertThat(readAll(new ByteArrayInputStream(wire))).containsExactlyElementsOf(packets);
    }

    @Test
    void writerPadsWithZerosBeforeEncrypting() throws Exception {
        byte[] chat = Hex.parse("1C 00 06 00 00 00 00 00 00 00 00 00 00 00 00 00 09 00 45 00 24 00 6C 00 69 00 00 00");
        byte[] wire = wire(List.of(chat));
        assertThat(wire).hasSize(0x20);
        CIPHER.decrypt(wire, 0, wire.length);
        assertThat(wire).isEqualTo(Arrays.copyOf(chat, 0x20));
    }

    @Test
    void plainWriterSendsBytesAsTheyAre() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] p = packet(0x03, 0x17C, new SplittableRandom(1));
        new FrameWriter(out).write(p);
        assertThat(out.toByteArray()).isEqualTo(p);
    }

    @Test
    void oneByteAtATime() throws Exception {
        List<byte[]> packets = packets();
        assertThat(readAll(new Trickle(wire(packets), null, 1))).containsExactlyElementsOf(packets);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 2026, 0xC0FFEE})
    void randomSplits(long seed) throws Exception {
        List<byte[]> packets = packets();
        assertThat(readAll(new Trickle(wire(packets), new SplittableRandom(seed), 3000))).containsExactlyElementsOf(packets);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4, 7})
    void sizeBelowTheHeaderIsRejected(int size) {
        byte[] header = encryptedHeader(size, 0x06);
        CountingStream in = new CountingStream(header);
        FrameReader reader = new FrameReader(in);
        reader.decryptWith(CIPHER);
        assertThatThrownBy(reader::read).isInstanceOf(BadFrameSize.class).hasMessageContaining("smaller than the 8-byte header")
                .satisfies(e -> assertThat(((BadFrameSize) e).size()).isEqualTo(size));
        assertThat(in.consumed).isEqualTo(8);
    }

    /**
     * Sizes whose round-up to 8 passes 64000 are rejected after the 8 header bytes, before the body is read or
     * allocated: the stream holds only the header, so a reader that went on would hit EOF instead.
     */
    @ParameterizedTest
    @ValueSource(ints = {64001, 64007, 64008, 0xFFF0, 0xFFF8, 0xFFFF})
    void oversizedFrameIsRejectedBeforeAllocation(int size) {
        CountingStream in = new CountingStream(encryptedHeader(size, 0x60));
        FrameReader reader = new FrameReader(in);
        reader.decryptWith(CIPHER);
        assertThatThrownBy(reader::read).isInstanceOf(BadFrameSize.class).hasMessageContaining("over the limit of 64000")
                .satisfies(e -> assertThat(((ProtocolException) e).command()).isEqualTo(0x60));
        assertThat(in.consumed).isEqualTo(8);
    }

    @ParameterizedTest
    @ValueSource(ints = {63993, 63999, 64000})
    void sizesThatRoundUpTo64000AreAccepted(int size) throws Exception {
        byte[] p = packet(0x60, size, new SplittableRandom(size));
        assertThat(readAll(new ByteArrayInputStream(wire(List.of(p))))).singleElement().isEqualTo(p);
    }

    @Test
    void smallerLimitIsHonoured() {
        FrameReader reader = new FrameReader(new ByteArrayInputStream(encryptedHeader(0x400, 0x60)), 0x100);
        reader.decryptWith(CIPHER);
        assertThatThrownBy(reader::read).isInstanceOf(BadFrameSize.class).hasMessageContaining("256");
    }

    @Test
    void endOfStreamBetweenFramesIsNull() throws Exception {
        FrameReader reader = new FrameReader(new ByteArrayInputStream(new byte[0]));
        assertThat(reader.read()).isNull(); // plain
        reader = new FrameReader(new ByteArrayInputStream(wire(List.of(packet(0x1D, 8, new SplittableRandom(3))))));
        reader.decryptWith(CIPHER);
        assertThat(reader.read()).isNotNull();
        assertThat(reader.read()).isNull();
        assertThat(reader.read()).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 8, 9, 0x40, 0x47})
    void endOfStreamInsideAFrameIsEof(int cut) throws Exception {
        byte[] wire = wire(List.of(packet(0x06, 0x44, new SplittableRandom(5))));
        assertThat(wire).hasSize(0x48);
        FrameReader reader = new FrameReader(new ByteArrayInputStream(Arrays.copyOf(wire, cut)));
        reader.decryptWith(CIPHER);
        assertThatThrownBy(reader::read).isInstanceOf(EOFException.class);
    }

    @Test
    void endOfStreamInsideAPlainFrameIsEof() {
        byte[] init = Captures.packet("tethealla", "login", "00-S-03.hex").plain();
        FrameReader reader = new FrameReader(new ByteArrayInputStream(Arrays.copyOf(init, 0x50)));
        assertThatThrownBy(reader::readPlain).isInstanceOf(EOFException.class);
    }

    /** Tethealla's real 0x03 (0xC8, a multiple of 8) read plain, then the encrypted stream continues after it. */
    @Test
    void plainTetheallaInitThenEncrypted() throws Exception {
        byte[] init = Captures.packet("tethealla", "login", "00-S-03.hex").plain();
        assertThat(init).hasSize(0xC8);
        checkPlainThenEncrypted(init);
    }

    /** newserv's 0x03 is 0x17C bytes, not a multiple of 8, and is not padded: the next frame starts right after it. */
    @Test
    void plainNewservSizedInitIsNotPadded() throws Exception {
        byte[] init = packet(0x03, 0x17C, new SplittableRandom(9));
        init[4] = init[5] = init[6] = init[7] = 0;
        checkPlainThenEncrypted(init);
    }

    private static void checkPlainThenEncrypted(byte[] init) throws Exception {
        byte[] next = packet(0xE6, 0x44, new SplittableRandom(11));
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(init);
        stream.writeBytes(wire(List.of(next)));
        FrameReader reader = new FrameReader(new Trickle(stream.toByteArray(), new SplittableRandom(init.length), 3000));
        assertThat(reader.encrypted()).isFalse();
        Frame plain = reader.read(); // no cipher yet: read() reads plain
        assertThat(plain.data()).isEqualTo(init);
        assertThat(plain.command()).isEqualTo(0x03);
        reader.decryptWith(CIPHER);
        assertThat(reader.encrypted()).isTrue();
        assertThat(reader.read().data()).isEqualTo(next);
        assertThat(reader.read()).isNull();
    }

    @Test
    void plainSizeBelowTheHeaderIsRejected() {
        FrameReader reader = new FrameReader(new ByteArrayInputStream(Hex.parse("04 00 03 00 00 00 00 00")));
        assertThatThrownBy(reader::readPlain).isInstanceOf(BadFrameSize.class);
    }

    @Test
    void frameAccessors() {
        Frame f = new Frame(Hex.parse("0C 00 E8 01 78 56 34 12 00 00 00 00"));
        assertThat(f.size()).isEqualTo(12);
        assertThat(f.command()).isEqualTo(0x01E8);
        assertThat(f.flag()).isEqualTo(0x12345678);
        assertThat(f.toString()).contains("0x01E8", "0xC");
    }

    private static byte[] encryptedHeader(int size, int command) {
        byte[] h = {(byte) size, (byte) (size >>> 8), (byte) command, (byte) (command >>> 8), 0, 0, 0, 0};
        CIPHER.encrypt(h, 0, 8);
        return h;
    }

    static final class CountingStream extends ByteArrayInputStream {
        int consumed;

        CountingStream(byte[] data) {
            super(data);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            int n = super.read(b, off, len);
            if (n > 0) consumed += n;
            return n;
        }

        @Override
        public synchronized int read() {
            int n = super.read();
            if (n >= 0) consumed++;
            return n;
        }
    }
}

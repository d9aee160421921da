package dev.shipctl.protocol.frame;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.shipctl.protocol.ProtocolException;
import dev.shipctl.protocol.ProtocolException.BadFrameSize;
import dev.shipctl.protocol.cipher.BbCipher;
import dev.shipctl.protocol.cipher.KeyTable;
import java.io.EOFException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Fuzz target: arbitrary bytes into {@link FrameReader} with the {@link BbCipher}. Only {@link ProtocolException}
 * (a bad size) and {@link EOFException} (a torn frame) may escape; every frame respects the limit, is exactly what
 * its size field says, and consumes exactly its padded length; nothing is allocated for a frame the reader refuses.
 *
 * <p>Input: {@code [mode u8][limit u16 LE][stream…]}. Mode bit 0: the stream starts with a plain frame (the 0x03
 * of a connection, {@link FrameReader#readPlain()}). Bit 1: the stream is plaintext that this test pads and
 * encrypts first, so the fuzzer controls the decrypted headers and every frame can be compared with what was sent.
 * Bits 2–3: how many bytes each {@code read} of the stream hands out (all, 1, 3 or 61). Limit 0 is the default
 * ({@link FrameReader#DEFAULT_MAX_FRAME}); any other value below 8 counts as 8.
 */
class FrameReaderFuzzTest {
    static final int PLAIN_FIRST = 1;
    static final int HARNESS_ENCRYPTS = 2;
    private static final int[] PIECES = {Integer.MAX_VALUE, 1, 3, 61};
    /** Allocation a refused read may make: the 8-byte header, an exception and its message, the stack trace. */
    private static final long SLACK = 16 * 1024;
    private static final BbCipher CIPHER = BbCipher.fromServerKey(KeyTable.tethealla(), new byte[BbCipher.SEED_LENGTH]);
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    static {
        // load and initialise what a refused, a torn and an accepted frame touch (exceptions, formatter), so that the
        // allocation measured for an input is the reader's own and not the instrumentation of a class loaded for it
        byte[][] wires = {{0, 0, 1, 0, 0, 0, 0, 0}, {8, 0, 1, 0, 0, 0, 0, 0}, {(byte) 0xFF, (byte) 0xFF, 1, 0, 0, 0, 0, 0}, {9, 0, 1, 0}, {9, 0, 1, 0, 0, 0, 0, 0}};
        for (byte[] wire : wires) {
            try {
                new FrameReader(new java.io.ByteArrayInputStream(wire)).readPlain();
            } catch (java.io.IOException | ProtocolException expected) {
                // warming up
            }
        }
    }

    @FuzzTest(maxDuration = "30s")
    void frames(byte[] input) throws Exception {
        if (input.length < 3) return;
        int mode = input[0] & 0xFF;
        int limitField = (input[1] & 0xFF) | (input[2] & 0xFF) << 8;
        int limit = limitField == 0 ? FrameReader.DEFAULT_MAX_FRAME : Math.max(8, limitField);
        byte[] rest = Arrays.copyOfRange(input, 3, input.length);
        boolean plainFirst = (mode & PLAIN_FIRST) != 0;
        boolean harnessEncrypts = (mode & HARNESS_ENCRYPTS) != 0;
        byte[] plaintext = harnessEncrypts ? rest : null;
        byte[] stream = harnessEncrypts ? encrypt(rest, plainFirst) : rest;

        Counting in = new Counting(stream, PIECES[(mode >>> 2) & 3]);
        FrameReader reader = new FrameReader(in, limit);
        boolean plain = plainFirst;
        if (!plain) reader.decryptWith(CIPHER);
        while (true) {
            int start = in.position;
            long before = THREADS.getCurrentThreadAllocatedBytes();
            Frame frame;
            try {
                frame = plain ? reader.readPlain() : reader.read();
            } catch (BadFrameSize e) {
                long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
                assertThat(allocated).as("allocated for a refused frame").isLessThan(SLACK);
                assertThat(in.position - start).as("a refused frame consumes its header only").isEqualTo(8);
                if (plaintext != null) assertThat(e.size()).isEqualTo(u16(plaintext, start));
                assertThat(e.size() < 8 || padded(e.size(), plain) > limit).as("size 0x%X refused under limit %d", e.size(), limit).isTrue();
                return;
            } catch (EOFException e) {
                long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
                assertThat(allocated).as("allocated for a torn frame").isLessThan(2L * limit + SLACK);
                assertThat(in.position).as("a torn frame reads to the end of the stream").isEqualTo(stream.length);
                return;
            }
            long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
            if (frame == null) {
                assertThat(start).as("null only at the end of the stream").isEqualTo(stream.length);
                return;
            }
            int size = frame.size();
            assertThat(size).isBetween(8, 0xFFFF);
            assertThat(padded(size, plain)).as("frame of 0x%X bytes under limit %d", size, limit).isLessThanOrEqualTo(limit);
            assertThat(size).as("the size field").isEqualTo(u16(frame.data(), 0));
            assertThat(in.position - start).as("bytes consumed by a 0x%X-byte frame", size).isEqualTo(padded(size, plain));
            assertThat(allocated).as("allocated for a 0x%X-byte frame", size).isLessThan(2L * padded(size, plain) + SLACK);
            if (plaintext != null) {
                assertThat(frame.data()).as("decrypted frame").isEqualTo(Arrays.copyOfRange(plaintext, start, start + size));
            }
            if (plain) {
                plain = false;
                reader.decryptWith(CIPHER);
            }
        }
    }

    /** The wire length of a frame: encrypted frames are padded to 8, the plain 0x03 is not. */
    private static int padded(int size, boolean plain) {
        return plain ? size : (size + 7) & ~7;
    }

    private static int u16(byte[] b, int at) {
        int lo = at < b.length ? b[at] & 0xFF : 0;
        int hi = at + 1 < b.length ? b[at + 1] & 0xFF : 0;
        return lo | hi << 8;
    }

    /**
     * The wire bytes for a plaintext stream: the first frame in the clear (as long as its size field says, or what
     * is left) if asked, the rest zero-padded to 8 and encrypted. The plaintext is padded in place so that frame
     * offsets match on both sides.
     */
    private static byte[] encrypt(byte[] plaintext, boolean plainFirst) {
        int clear = plainFirst ? Math.min(plaintext.length, Math.max(8, u16(plaintext, 0))) : 0;
        int encrypted = (plaintext.length - clear + 7) & ~7;
        byte[] wire = Arrays.copyOf(plaintext, clear + encrypted);
        CIPHER.encrypt(wire, clear, encrypted);
        return wire;
    }

    /** A stream that hands out at most {@code piece} bytes per read and counts what was taken. */
    private static final class Counting extends InputStream {
        private final byte[] data;
        private final int piece;
        int position;

        Counting(byte[] data, int piece) {
            this.data = data;
            this.piece = piece;
        }

        @Override
        public int read() {
            return position < data.length ? data[position++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) return 0;
            if (position >= data.length) return -1;
            int n = Math.min(Math.min(len, piece), data.length - position);
            System.arraycopy(data, position, b, off, n);
            position += n;
            return n;
        }
    }
}

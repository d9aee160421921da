package dev.shipctl.protocol.cipher;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The Blue Burst cipher for one direction of one connection: Blowfish's key schedule over a {@link KeyTable} and
 * a 48-byte seed, then four Feistel rounds per independent 8-byte block (no chaining, no stream position, so one
 * instance serves every packet of its direction and the header may be decrypted on its own).
 *
 * <p>It hides nothing from an eavesdropper: both seeds travel in clear in the 0x03 packet and the key tables are
 * public, so anyone who sees a connection can build both ciphers. Treat it as obfuscation, not encryption.
 *
 * <p>Two paths give the same bytes: short buffers (every ordinary packet) go block by block through the four
 * S-boxes; buffers of at least {@link #LANE_THRESHOLD} bytes go three blocks at a time through a per-call copy of
 * the S-boxes (see {@link #encrypt}). Measured against Tethealla's C in README.md's performance section.
 *
 * <p>Instances are immutable after construction and safe to share between threads.
 */
public final class BbCipher {
    /** Length of each key in the 0x03 packet. */
    public static final int SEED_LENGTH = 48;
    private static final byte[] SEED_MASK = {0x19, 0x16, 0x18};
    /**
     * Buffers of at least this many bytes take the three-lane path. Below it the per-call copy of the S-boxes
     * (allocating, zeroing and filling 4 KiB, about 0.7 µs with its share of GC) costs more than the lanes save:
     * measured, the lanes lose at 4 KiB, win by 8 % at 8 KiB and by 25 % at 64 KiB.
     */
    static final int LANE_THRESHOLD = 8192;
    private static final int LANES = 3;
    private static final int BOXES = 1024;
    private static final VarHandle LE_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LE_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final int k0, k1, k2, k3, k4, k5;
    // The four S-boxes as separate 256-word arrays: each lookup is one masked index into its own array, which
    // C2 compiles to plain loads (the single 1024-word array cost an add and a wider bounds check per lookup).
    private final int[] s0, s1, s2, s3;

    private BbCipher(int[] p, int[] s0, int[] s1, int[] s2, int[] s3) {
        this.k0 = p[0];
        this.k1 = p[1];
        this.k2 = p[2];
        this.k3 = p[3];
        this.k4 = p[4];
        this.k5 = p[5];
        this.s0 = s0;
        this.s1 = s1;
        this.s2 = s2;
        this.s3 = s3;
    }

    /**
     * Keys a cipher as the game client does with a key from 0x03: the seed is first masked with 19 16 18
     * (the client does this in its 0x03 handler), then the schedule runs.
     */
    public static BbCipher fromServerKey(KeyTable table, byte[] key) {
        return fromSeed(table, masked(key));
    }

    /** The seed of a key from 0x03: masked with 19 16 18, as the client's 0x03 handler does. */
    private static byte[] masked(byte[] key) {
        if (key.length != SEED_LENGTH) {
            throw new IllegalArgumentException("a Blue Burst key is 48 bytes, not " + key.length);
        }
        byte[] seed = new byte[SEED_LENGTH];
        for (int i = 0; i < SEED_LENGTH; i++) seed[i] = (byte) (key[i] ^ SEED_MASK[i % 3]);
        return seed;
    }

    /** Keys a cipher from an already-masked seed (the schedule of protocol notes §2.3, steps 2 to 7). */
    public static BbCipher fromSeed(KeyTable table, byte[] seed) {
        final int[] p = initialP(table, seed);
        final int[] s = table.s();
        final int[] s0 = Arrays.copyOfRange(s, 0, 256), s1 = Arrays.copyOfRange(s, 256, 512);
        final int[] s2 = Arrays.copyOfRange(s, 512, 768), s3 = Arrays.copyOfRange(s, 768, 1024);
        // 521 Blowfish-16 encryptions of the running (l, r), each stored back into the table being built
        int l = 0, r = 0;
        for (int i = 0; i < KeyTable.P_WORDS; i += 2) {
            long lr = e16(p, s0, s1, s2, s3, l, r);
            l = (int) (lr >>> 32);
            r = (int) lr;
            p[i] = l;
            p[i + 1] = r;
        }
        for (int[] box : new int[][] {s0, s1, s2, s3}) {
            for (int i = 0; i < 256; i += 2) {
                long lr = e16(p, s0, s1, s2, s3, l, r);
                l = (int) (lr >>> 32);
                r = (int) lr;
                box[i] = l;
                box[i + 1] = r;
            }
        }
        return new BbCipher(p, s0, s1, s2, s3);
    }

    /** The two ciphers of one connection: what the server sends is decrypted with one, what the client sends with the other. */
    public record Pair(BbCipher first, BbCipher second) {}

    /**
     * Keys two ciphers as {@link #fromServerKey} does, from the two keys of one 0x03 (a connection needs both). The
     * schedule is a chain of 521 encryptions, each round waiting for the one before it; the two chains run side by
     * side here, so the processor works on one while the other waits, and the pair costs little more than one.
     */
    public static Pair fromServerKeys(KeyTable table, byte[] firstKey, byte[] secondKey) {
        final int[] pa = initialP(table, masked(firstKey)), pb = initialP(table, masked(secondKey));
        final int[] s = table.s();
        final int[] a0 = Arrays.copyOfRange(s, 0, 256), a1 = Arrays.copyOfRange(s, 256, 512);
        final int[] a2 = Arrays.copyOfRange(s, 512, 768), a3 = Arrays.copyOfRange(s, 768, 1024);
        final int[] b0 = a0.clone(), b1 = a1.clone(), b2 = a2.clone(), b3 = a3.clone();
        final int[] lr = new int[4]; // (l, r) of the first chain, then of the second
        for (int i = 0; i < KeyTable.P_WORDS; i += 2) {
            e16x2(pa, a0, a1, a2, a3, pb, b0, b1, b2, b3, lr);
            pa[i] = lr[0];
            pa[i + 1] = lr[1];
            pb[i] = lr[2];
            pb[i + 1] = lr[3];
        }
        final int[][] as = {a0, a1, a2, a3}, bs = {b0, b1, b2, b3};
        for (int box = 0; box < 4; box++) {
            int[] a = as[box], b = bs[box];
            for (int i = 0; i < 256; i += 2) {
                e16x2(pa, a0, a1, a2, a3, pb, b0, b1, b2, b3, lr);
                a[i] = lr[0];
                a[i + 1] = lr[1];
                b[i] = lr[2];
                b[i + 1] = lr[3];
            }
        }
        return new Pair(new BbCipher(pa, a0, a1, a2, a3), new BbCipher(pb, b0, b1, b2, b3));
    }

    /** Blowfish-16 of two independent (l, r) in {@code lr}, round by round side by side; as {@link #e16} on each. */
    private static void e16x2(int[] pa, int[] a0, int[] a1, int[] a2, int[] a3,
                              int[] pb, int[] b0, int[] b1, int[] b2, int[] b3, int[] lr) {
        int la = lr[0] ^ pa[0], ra = lr[1], lb = lr[2] ^ pb[0], rb = lr[3];
        for (int round = 1; round <= 16; round += 2) {
            ra ^= (((a0[la >>> 24] + a1[(la >>> 16) & 0xFF]) ^ a2[(la >>> 8) & 0xFF]) + a3[la & 0xFF]) ^ pa[round];
            rb ^= (((b0[lb >>> 24] + b1[(lb >>> 16) & 0xFF]) ^ b2[(lb >>> 8) & 0xFF]) + b3[lb & 0xFF]) ^ pb[round];
            la ^= (((a0[ra >>> 24] + a1[(ra >>> 16) & 0xFF]) ^ a2[(ra >>> 8) & 0xFF]) + a3[ra & 0xFF]) ^ pa[round + 1];
            lb ^= (((b0[rb >>> 24] + b1[(rb >>> 16) & 0xFF]) ^ b2[(rb >>> 8) & 0xFF]) + b3[rb & 0xFF]) ^ pb[round + 1];
        }
        lr[0] = ra ^ pa[17];
        lr[1] = la;
        lr[2] = rb ^ pb[17];
        lr[3] = lb;
    }

    /** The P words a schedule starts from: the table's (rearranged for MOCB1 tables) XORed with the seed. */
    private static int[] initialP(KeyTable table, byte[] seed) {
        if (seed.length != SEED_LENGTH) {
            throw new IllegalArgumentException("a Blue Burst seed is 48 bytes, not " + seed.length);
        }
        final int[] p = table.p().clone();
        if (table.subtype() == KeyTable.Subtype.MOCB1) {
            for (int i = 0; i < p.length; i++) {
                int w = p[i];
                int a = w & 0xFF, b = (w >>> 8) & 0xFF, c = (w >>> 16) & 0xFF, d = w >>> 24;
                p[i] = ((a ^ d) << 24) | ((b ^ c) << 16) | (a << 8) | b;
            }
        }
        for (int i = 0, j = 0; i < KeyTable.P_WORDS; i++) {
            int word = 0;
            for (int n = 0; n < 4; n++, j++) word = (word << 8) | (seed[j % SEED_LENGTH] & 0xFF);
            p[i] ^= word;
        }
        return p;
    }

    /** Blowfish-16 of (l, r): returns (new l) << 32 | (new r). */
    private static long e16(int[] p, int[] s0, int[] s1, int[] s2, int[] s3, int l, int r) {
        l ^= p[0];
        for (int round = 1; round <= 16; round += 2) {
            r ^= (((s0[l >>> 24] + s1[(l >>> 16) & 0xFF]) ^ s2[(l >>> 8) & 0xFF]) + s3[l & 0xFF]) ^ p[round];
            l ^= (((s0[r >>> 24] + s1[(r >>> 16) & 0xFF]) ^ s2[(r >>> 8) & 0xFF]) + s3[r & 0xFF]) ^ p[round + 1];
        }
        return ((long) (r ^ p[17]) << 32) | (l & 0xFFFFFFFFL);
    }

    /**
     * Encrypts {@code length} bytes in place; {@code length} must be a multiple of 8. Buffers of
     * {@link #LANE_THRESHOLD} bytes or more take the lane path, shorter ones the block-by-block path; both give
     * the same bytes.
     */
    public void encrypt(byte[] data, int offset, int length) {
        checkBlocks(data, offset, length);
        if (length >= LANE_THRESHOLD) encryptLanes(data, offset, length);
        else encryptBlocks(data, offset, length);
    }

    /** Decrypts {@code length} bytes in place; {@code length} must be a multiple of 8. Paths as for {@link #encrypt}. */
    public void decrypt(byte[] data, int offset, int length) {
        checkBlocks(data, offset, length);
        if (length >= LANE_THRESHOLD) decryptLanes(data, offset, length);
        else decryptBlocks(data, offset, length);
    }

    /** The block-by-block path (bounds already checked). */
    void encryptBlocks(byte[] data, int offset, int length) {
        final int[] s0 = this.s0, s1 = this.s1, s2 = this.s2, s3 = this.s3;
        final int k0 = this.k0, k1 = this.k1, k2 = this.k2, k3 = this.k3, k4 = this.k4, k5 = this.k5;
        for (int i = offset, end = offset + length; i < end; i += 8) {
            int l = (int) LE_INT.get(data, i) ^ k0;
            int r = (int) LE_INT.get(data, i + 4);
            r ^= (((s0[l >>> 24] + s1[(l >>> 16) & 0xFF]) ^ s2[(l >>> 8) & 0xFF]) + s3[l & 0xFF]) ^ k1;
            l ^= (((s0[r >>> 24] + s1[(r >>> 16) & 0xFF]) ^ s2[(r >>> 8) & 0xFF]) + s3[r & 0xFF]) ^ k2;
            r ^= (((s0[l >>> 24] + s1[(l >>> 16) & 0xFF]) ^ s2[(l >>> 8) & 0xFF]) + s3[l & 0xFF]) ^ k3;
            l ^= (((s0[r >>> 24] + s1[(r >>> 16) & 0xFF]) ^ s2[(r >>> 8) & 0xFF]) + s3[r & 0xFF]) ^ k4;
            LE_INT.set(data, i, r ^ k5);
            LE_INT.set(data, i + 4, l);
        }
    }

    /** The block-by-block path (bounds already checked). */
    void decryptBlocks(byte[] data, int offset, int length) {
        final int[] s0 = this.s0, s1 = this.s1, s2 = this.s2, s3 = this.s3;
        final int k0 = this.k0, k1 = this.k1, k2 = this.k2, k3 = this.k3, k4 = this.k4, k5 = this.k5;
        for (int i = offset, end = offset + length; i < end; i += 8) {
            int l = (int) LE_INT.get(data, i) ^ k5;
            int r = (int) LE_INT.get(data, i + 4);
            r ^= (((s0[l >>> 24] + s1[(l >>> 16) & 0xFF]) ^ s2[(l >>> 8) & 0xFF]) + s3[l & 0xFF]) ^ k4;
            l ^= (((s0[r >>> 24] + s1[(r >>> 16) & 0xFF]) ^ s2[(r >>> 8) & 0xFF]) + s3[r & 0xFF]) ^ k3;
            r ^= (((s0[l >>> 24] + s1[(l >>> 16) & 0xFF]) ^ s2[(l >>> 8) & 0xFF]) + s3[l & 0xFF]) ^ k2;
            l ^= (((s0[r >>> 24] + s1[(r >>> 16) & 0xFF]) ^ s2[(r >>> 8) & 0xFF]) + s3[r & 0xFF]) ^ k1;
            LE_INT.set(data, i, r ^ k0);
            LE_INT.set(data, i + 4, l);
        }
    }

    /*
     * The lane path. Three independent blocks go through the rounds side by side, so the CPU overlaps their
     * S-box loads; each block is read and written as one little-endian long, with the first two keys applied in
     * one 64-bit xor. The S-boxes are copied into an array allocated here: C2 then knows its length (1024) and
     * drops the bounds check of every lookup, since each index is provably in range (a byte plus 0, 256, 512 or
     * 768). On a field's array it cannot, and the 16 checks per block cost more than the 4 KiB copy on long
     * buffers. Blocks left over after the last group of three take the block-by-block path.
     */

    /** The lane path (bounds already checked). */
    void encryptLanes(byte[] data, int offset, int length) {
        final int[] t = boxes();
        final long kIn = ((long) k1 << 32) | (k0 & 0xFFFFFFFFL), kOut = k5 & 0xFFFFFFFFL;
        final int ka = k2, kb = k3, kc = k4;
        final int end = offset + length;
        int i = offset;
        for (; i <= end - 8 * LANES; i += 8 * LANES) {
            long w0 = (long) LE_LONG.get(data, i) ^ kIn;
            long w1 = (long) LE_LONG.get(data, i + 8) ^ kIn;
            long w2 = (long) LE_LONG.get(data, i + 16) ^ kIn;
            int l0 = (int) w0, r0 = (int) (w0 >>> 32);
            int l1 = (int) w1, r1 = (int) (w1 >>> 32);
            int l2 = (int) w2, r2 = (int) (w2 >>> 32);
            r0 ^= f(t, l0);
            r1 ^= f(t, l1);
            r2 ^= f(t, l2);
            l0 ^= f(t, r0) ^ ka;
            l1 ^= f(t, r1) ^ ka;
            l2 ^= f(t, r2) ^ ka;
            r0 ^= f(t, l0) ^ kb;
            r1 ^= f(t, l1) ^ kb;
            r2 ^= f(t, l2) ^ kb;
            l0 ^= f(t, r0) ^ kc;
            l1 ^= f(t, r1) ^ kc;
            l2 ^= f(t, r2) ^ kc;
            LE_LONG.set(data, i, (((long) l0 << 32) | (r0 & 0xFFFFFFFFL)) ^ kOut);
            LE_LONG.set(data, i + 8, (((long) l1 << 32) | (r1 & 0xFFFFFFFFL)) ^ kOut);
            LE_LONG.set(data, i + 16, (((long) l2 << 32) | (r2 & 0xFFFFFFFFL)) ^ kOut);
        }
        if (i < end) encryptBlocks(data, i, end - i);
    }

    /** The lane path (bounds already checked). */
    void decryptLanes(byte[] data, int offset, int length) {
        final int[] t = boxes();
        final long kIn = ((long) k4 << 32) | (k5 & 0xFFFFFFFFL), kOut = k0 & 0xFFFFFFFFL;
        final int ka = k3, kb = k2, kc = k1;
        final int end = offset + length;
        int i = offset;
        for (; i <= end - 8 * LANES; i += 8 * LANES) {
            long w0 = (long) LE_LONG.get(data, i) ^ kIn;
            long w1 = (long) LE_LONG.get(data, i + 8) ^ kIn;
            long w2 = (long) LE_LONG.get(data, i + 16) ^ kIn;
            int l0 = (int) w0, r0 = (int) (w0 >>> 32);
            int l1 = (int) w1, r1 = (int) (w1 >>> 32);
            int l2 = (int) w2, r2 = (int) (w2 >>> 32);
            r0 ^= f(t, l0);
            r1 ^= f(t, l1);
            r2 ^= f(t, l2);
            l0 ^= f(t, r0) ^ ka;
            l1 ^= f(t, r1) ^ ka;
            l2 ^= f(t, r2) ^ ka;
            r0 ^= f(t, l0) ^ kb;
            r1 ^= f(t, l1) ^ kb;
            r2 ^= f(t, l2) ^ kb;
            l0 ^= f(t, r0) ^ kc;
            l1 ^= f(t, r1) ^ kc;
            l2 ^= f(t, r2) ^ kc;
            LE_LONG.set(data, i, (((long) l0 << 32) | (r0 & 0xFFFFFFFFL)) ^ kOut);
            LE_LONG.set(data, i + 8, (((long) l1 << 32) | (r1 & 0xFFFFFFFFL)) ^ kOut);
            LE_LONG.set(data, i + 16, (((long) l2 << 32) | (r2 & 0xFFFFFFFFL)) ^ kOut);
        }
        if (i < end) decryptBlocks(data, i, end - i);
    }

    /**
     * The four S-boxes end to end in a new array, for the lane path. Built per call rather than kept: a cipher
     * lives as long as its connection, and a copy kept beside the S-boxes would double their heap (4 KiB a
     * cipher, 8 KiB a held session) for the few long packets that take this path.
     */
    private int[] boxes() {
        final int[] t = new int[BOXES];
        System.arraycopy(s0, 0, t, 0, 256);
        System.arraycopy(s1, 0, t, 256, 256);
        System.arraycopy(s2, 0, t, 512, 256);
        System.arraycopy(s3, 0, t, 768, 256);
        return t;
    }

    /** Blowfish's F over the four S-boxes laid end to end in {@code t}. */
    private static int f(int[] t, int x) {
        return ((t[x >>> 24] + t[256 + ((x >>> 16) & 0xFF)]) ^ t[512 + ((x >>> 8) & 0xFF)]) + t[768 + (x & 0xFF)];
    }

    private static void checkBlocks(byte[] data, int offset, int length) {
        if ((length & 7) != 0) {
            throw new IllegalArgumentException("the Blue Burst cipher works on 8-byte blocks; length " + length);
        }
        java.util.Objects.checkFromIndexSize(offset, length, data.length);
    }

    /** P[index] after the schedule; for known-answer tests. */
    int scheduledP(int index) {
        return switch (index) {
            case 0 -> k0;
            case 1 -> k1;
            case 2 -> k2;
            case 3 -> k3;
            case 4 -> k4;
            case 5 -> k5;
            default -> throw new IllegalArgumentException("only P[0..5] are kept after the schedule");
        };
    }

    /** S[index] after the schedule; for known-answer tests. */
    int scheduledS(int index) {
        int[] box = switch (index >>> 8) {
            case 0 -> s0;
            case 1 -> s1;
            case 2 -> s2;
            case 3 -> s3;
            default -> throw new IndexOutOfBoundsException(index);
        };
        return box[index & 0xFF];
    }
}

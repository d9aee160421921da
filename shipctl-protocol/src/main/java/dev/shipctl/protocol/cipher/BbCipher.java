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
 * <p>Instances are immutable after construction and safe to share between threads.
 */
public final class BbCipher {
    /** Length of each key in the 0x03 packet. */
    public static final int SEED_LENGTH = 48;
    private static final byte[] SEED_MASK = {0x19, 0x16, 0x18};
    private static final VarHandle LE_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

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
        if (key.length != SEED_LENGTH) {
            throw new IllegalArgumentException("a Blue Burst key is 48 bytes, not " + key.length);
        }
        byte[] seed = new byte[SEED_LENGTH];
        for (int i = 0; i < SEED_LENGTH; i++) seed[i] = (byte) (key[i] ^ SEED_MASK[i % 3]);
        return fromSeed(table, seed);
    }

    /** Keys a cipher from an already-masked seed (the schedule of protocol notes §2.3, steps 2 to 7). */
    public static BbCipher fromSeed(KeyTable table, byte[] seed) {
        if (seed.length != SEED_LENGTH) {
            throw new IllegalArgumentException("a Blue Burst seed is 48 bytes, not " + seed.length);
        }
        final int[] p = table.p().clone();
        final int[] s = table.s();
        final int[] s0 = Arrays.copyOfRange(s, 0, 256), s1 = Arrays.copyOfRange(s, 256, 512);
        final int[] s2 = Arrays.copyOfRange(s, 512, 768), s3 = Arrays.copyOfRange(s, 768, 1024);
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

    /** Blowfish-16 of (l, r): returns (new l) << 32 | (new r). */
    private static long e16(int[] p, int[] s0, int[] s1, int[] s2, int[] s3, int l, int r) {
        l ^= p[0];
        for (int round = 1; round <= 16; round += 2) {
            r ^= (((s0[l >>> 24] + s1[(l >>> 16) & 0xFF]) ^ s2[(l >>> 8) & 0xFF]) + s3[l & 0xFF]) ^ p[round];
            l ^= (((s0[r >>> 24] + s1[(r >>> 16) & 0xFF]) ^ s2[(r >>> 8) & 0xFF]) + s3[r & 0xFF]) ^ p[round + 1];
        }
        return ((long) (r ^ p[17]) << 32) | (l & 0xFFFFFFFFL);
    }

    /** Encrypts {@code length} bytes in place; {@code length} must be a multiple of 8. */
    public void encrypt(byte[] data, int offset, int length) {
        checkBlocks(data, offset, length);
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

    /** Decrypts {@code length} bytes in place; {@code length} must be a multiple of 8. */
    public void decrypt(byte[] data, int offset, int length) {
        checkBlocks(data, offset, length);
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

package dev.shipctl.protocol.cipher;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The Blue Burst cipher for one direction of one connection: Blowfish's key schedule over a {@link KeyTable} and
 * a 48-byte seed, then four Feistel rounds per independent 8-byte block (no chaining, no stream position, so one
 * instance serves every packet of its direction and the header may be decrypted on its own).
 *
 * <p>Instances are immutable after construction and safe to share between threads.
 */
public final class BbCipher {
    /** Length of each key in the 0x03 packet. */
    public static final int SEED_LENGTH = 48;
    private static final byte[] SEED_MASK = {0x19, 0x16, 0x18};
    private static final VarHandle LE_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final int k0, k1, k2, k3, k4, k5;
    private final int[] s;

    private BbCipher(int[] p, int[] s) {
        this.k0 = p[0];
        this.k1 = p[1];
        this.k2 = p[2];
        this.k3 = p[3];
        this.k4 = p[4];
        this.k5 = p[5];
        this.s = s;
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
        int[] p = table.p().clone();
        int[] s = table.s().clone();
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
        int l = 0, r = 0;
        for (int i = 0; i < KeyTable.P_WORDS + KeyTable.S_WORDS; i += 2) {
            l ^= p[0];
            for (int round = 1; round <= 16; round += 2) {
                r ^= f(s, l) ^ p[round];
                l ^= f(s, r) ^ p[round + 1];
            }
            int outL = r ^ p[17];
            r = l;
            l = outL;
            if (i < KeyTable.P_WORDS) {
                p[i] = l;
                p[i + 1] = r;
            } else {
                s[i - KeyTable.P_WORDS] = l;
                s[i - KeyTable.P_WORDS + 1] = r;
            }
        }
        return new BbCipher(p, s);
    }

    private static int f(int[] s, int x) {
        return ((s[x >>> 24] + s[256 + ((x >>> 16) & 0xFF)]) ^ s[512 + ((x >>> 8) & 0xFF)]) + s[768 + (x & 0xFF)];
    }

    /** Encrypts {@code length} bytes in place; {@code length} must be a multiple of 8. */
    public void encrypt(byte[] data, int offset, int length) {
        checkBlocks(data, offset, length);
        final int[] s = this.s;
        for (int i = offset, end = offset + length; i < end; i += 8) {
            int l = (int) LE_INT.get(data, i);
            int r = (int) LE_INT.get(data, i + 4);
            l ^= k0;
            r ^= f(s, l) ^ k1;
            l ^= f(s, r) ^ k2;
            r ^= f(s, l) ^ k3;
            l ^= f(s, r) ^ k4;
            LE_INT.set(data, i, r ^ k5);
            LE_INT.set(data, i + 4, l);
        }
    }

    /** Decrypts {@code length} bytes in place; {@code length} must be a multiple of 8. */
    public void decrypt(byte[] data, int offset, int length) {
        checkBlocks(data, offset, length);
        final int[] s = this.s;
        for (int i = offset, end = offset + length; i < end; i += 8) {
            int l = (int) LE_INT.get(data, i);
            int r = (int) LE_INT.get(data, i + 4);
            l ^= k5;
            r ^= f(s, l) ^ k4;
            l ^= f(s, r) ^ k3;
            r ^= f(s, l) ^ k2;
            l ^= f(s, r) ^ k1;
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
        return s[index];
    }
}

package dev.shipctl.protocol.cipher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The lane path (long buffers) and the block-by-block path (short ones) must give the same bytes: for random keys
 * on both key tables, every length from 0 to several groups of lanes, at odd offsets, and around the size at which
 * {@link BbCipher#encrypt} switches path.
 */
class BbCipherLanesTest {

    private static BbCipher randomCipher(SplittableRandom random) {
        byte[] key = new byte[BbCipher.SEED_LENGTH];
        random.nextBytes(key);
        KeyTable table = random.nextBoolean() ? KeyTable.tethealla() : SyntheticTable.create();
        return BbCipher.fromServerKey(table, key);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void lanesMatchBlocksForEveryShortLengthAndOffset(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        BbCipher cipher = randomCipher(random);
        for (int length = 0; length <= 8 * 3 * 6; length += 8) {
            int offset = random.nextInt(16);
            byte[] plain = new byte[offset + length + random.nextInt(16)];
            random.nextBytes(plain);

            byte[] byBlocks = plain.clone();
            cipher.encryptBlocks(byBlocks, offset, length);
            byte[] byLanes = plain.clone();
            cipher.encryptLanes(byLanes, offset, length);
            assertThat(byLanes).as("encrypt, %d bytes at %d", length, offset).isEqualTo(byBlocks);
            if (length > 0) assertThat(byLanes).isNotEqualTo(plain);

            cipher.decryptLanes(byLanes, offset, length);
            cipher.decryptBlocks(byBlocks, offset, length);
            assertThat(byLanes).as("decrypt, %d bytes at %d", length, offset).isEqualTo(byBlocks).isEqualTo(plain);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {-48, -24, -16, -8, 0, 8, 16, 24, 48})
    void bothSidesOfTheThresholdGiveTheBlockByBlockBytes(int delta) {
        int length = BbCipher.LANE_THRESHOLD + delta;
        SplittableRandom random = new SplittableRandom(length);
        BbCipher cipher = randomCipher(random);
        byte[] plain = new byte[length + 8];
        random.nextBytes(plain);

        byte[] expected = plain.clone();
        cipher.encryptBlocks(expected, 8, length);
        byte[] actual = plain.clone();
        cipher.encrypt(actual, 8, length);
        assertThat(actual).isEqualTo(expected);
        assertThat(Arrays.copyOf(actual, 8)).as("bytes before the offset untouched").isEqualTo(Arrays.copyOf(plain, 8));

        cipher.decrypt(actual, 8, length);
        assertThat(actual).isEqualTo(plain);
    }

    @ParameterizedTest
    @ValueSource(ints = {4096, 65536})
    void longBuffersMatchBlockByBlockInBothDirections(int length) {
        SplittableRandom random = new SplittableRandom(~length);
        BbCipher cipher = randomCipher(random);
        byte[] cipherText = new byte[length];
        random.nextBytes(cipherText);

        byte[] expected = cipherText.clone();
        cipher.decryptBlocks(expected, 0, length);
        byte[] actual = cipherText.clone();
        cipher.decrypt(actual, 0, length);
        assertThat(actual).isEqualTo(expected);
    }
}

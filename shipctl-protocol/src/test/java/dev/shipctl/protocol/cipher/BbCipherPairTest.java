package dev.shipctl.protocol.cipher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The two schedules keyed side by side ({@link BbCipher#fromServerKeys}) must be the schedules keyed one at a time
 * ({@link BbCipher#fromServerKey}): for random keys on both key tables (Tethealla's and the synthetic MOCB1 one),
 * each cipher of the pair encrypts and decrypts exactly as its single counterpart.
 */
class BbCipherPairTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void aPairIsTheTwoSchedulesKeyedOneAtATime(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        KeyTable table = seed % 2 == 0 ? KeyTable.tethealla() : SyntheticTable.create();
        byte[] first = new byte[BbCipher.SEED_LENGTH];
        byte[] second = new byte[BbCipher.SEED_LENGTH];
        random.nextBytes(first);
        random.nextBytes(second);

        BbCipher.Pair pair = BbCipher.fromServerKeys(table, first, second);

        assertSame(pair.first(), BbCipher.fromServerKey(table, first), random);
        assertSame(pair.second(), BbCipher.fromServerKey(table, second), random);
    }

    @Test
    void theSameKeyTwiceGivesTwoEqualCiphersAndAWrongLengthIsRefused() {
        byte[] key = new byte[BbCipher.SEED_LENGTH];
        BbCipher.Pair pair = BbCipher.fromServerKeys(KeyTable.tethealla(), key, key);
        assertSame(pair.first(), pair.second(), new SplittableRandom(42));
        assertThatThrownBy(() -> BbCipher.fromServerKeys(KeyTable.tethealla(), key, new byte[47]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("48 bytes");
    }

    private static void assertSame(BbCipher actual, BbCipher expected, SplittableRandom random) {
        byte[] plain = new byte[8 * 40];
        random.nextBytes(plain);
        byte[] a = plain.clone();
        byte[] e = plain.clone();
        actual.encrypt(a, 0, a.length);
        expected.encrypt(e, 0, e.length);
        assertThat(a).isEqualTo(e).isNotEqualTo(plain);
        actual.decrypt(a, 0, a.length);
        assertThat(a).isEqualTo(plain);
    }
}

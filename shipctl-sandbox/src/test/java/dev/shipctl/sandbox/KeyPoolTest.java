package dev.shipctl.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.protocol.cipher.BbCipher;
import dev.shipctl.protocol.cipher.KeyTable;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KeyPoolTest {
    private static final KeyTable TABLE = KeyTable.tethealla();

    @Test
    void withoutAPoolEveryConnectionGetsKeysOfItsOwn() {
        SplittableRandom random = new SplittableRandom(1);
        KeyPool fresh = new KeyPool(TABLE, () -> random, 0);
        KeyPool.Keys a = fresh.next(), b = fresh.next();
        assertThat(a.server()).isNotEqualTo(b.server());
        assertThat(a.client()).isNotEqualTo(b.client());
    }

    @Test
    void aPoolHandsOutTheSameKeysAndCiphersAgainKeyingEachPairOnce() {
        int[] drawn = {0};
        SplittableRandom random = new SplittableRandom(3);
        KeyPool pool = new KeyPool(TABLE, () -> {
            drawn[0]++;
            return random;
        }, 1);
        KeyPool.Keys first = pool.next();
        for (int i = 0; i < 10; i++) assertThat(pool.next()).isSameAs(first);
        assertThat(drawn[0]).as("key bytes drawn once, for the one pair").isEqualTo(1);
    }

    @Test
    void thePooledCiphersAreTheOnesAClientKeysFromThe0x03() {
        KeyPool.Keys keys = new KeyPool(TABLE, () -> new SplittableRandom(4), 4).next();
        BbCipher.Pair client = BbCipher.fromServerKeys(TABLE, keys.server(), keys.client());
        byte[] sent = new byte[64];
        new SplittableRandom(5).nextBytes(sent);
        byte[] wire = sent.clone();
        keys.ciphers().first().encrypt(wire, 0, wire.length); // the server sends
        client.first().decrypt(wire, 0, wire.length); // the client reads
        assertThat(wire).isEqualTo(sent);
        client.second().encrypt(wire, 0, wire.length); // the client answers
        keys.ciphers().second().decrypt(wire, 0, wire.length);
        assertThat(wire).isEqualTo(sent);
        assertThat(Arrays.equals(keys.server(), keys.client())).isFalse();
    }
}

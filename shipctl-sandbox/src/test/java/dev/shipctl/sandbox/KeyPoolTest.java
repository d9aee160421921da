package dev.shipctl.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.protocol.cipher.BbCipher;
import dev.shipctl.protocol.cipher.KeyTable;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
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
        SplittableRandom random = new SplittableRandom(3);
        KeyPool pool = new KeyPool(TABLE, () -> random, 1);
        KeyPool.Keys first = pool.next();
        for (int i = 0; i < 10; i++) assertThat(pool.next()).as("the one pair, keyed once").isSameAs(first);
        KeyPool two = new KeyPool(TABLE, () -> random, 2);
        Set<KeyPool.Keys> drawn = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < 50; i++) drawn.add(two.next());
        assertThat(drawn).as("two pairs, each keyed once, both drawn").hasSize(2);
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

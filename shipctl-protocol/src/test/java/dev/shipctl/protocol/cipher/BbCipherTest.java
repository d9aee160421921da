package dev.shipctl.protocol.cipher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipctl.protocol.Hex;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Known answers from protocol notes §2.6, produced by Tethealla's own C cipher. */
class BbCipherTest {
    static final byte[] SEED = new byte[48];
    static final byte[] PLAIN = Hex.parse("B4 00 93 00 00 00 00 00 00 00 01 00 00 00 00 00");

    static {
        for (int i = 0; i < 48; i++) SEED[i] = (byte) i;
    }

    @Test
    void syntheticTableMatchesTheReferenceSchedule() {
        BbCipher c = BbCipher.fromServerKey(SyntheticTable.create(), SEED);
        assertThat(c.scheduledP(0)).isEqualTo(0xcd34fc79);
        assertThat(c.scheduledP(1)).isEqualTo(0x3cd0cd1e);
        assertThat(c.scheduledS(0)).isEqualTo(0x4b757926);
        assertThat(c.scheduledS(1023)).isEqualTo(0xd5330d07);
        byte[] data = PLAIN.clone();
        c.encrypt(data, 0, 16);
        assertThat(Hex.bytes(data)).isEqualTo("5e 07 17 16 39 af 49 d3 3a 38 04 ef 7c 20 6b c5");
        c.decrypt(data, 0, 16);
        assertThat(data).isEqualTo(PLAIN);
    }

    @Test
    void bundledTethealla_tableMatchesTheReferenceCipher() {
        BbCipher c = BbCipher.fromServerKey(KeyTable.tethealla(), SEED);
        assertThat(c.scheduledP(0)).isEqualTo(0xee76292c);
        assertThat(c.scheduledP(1)).isEqualTo(0x9feb4a61);
        assertThat(c.scheduledS(0)).isEqualTo(0x2a36f1f1);
        assertThat(c.scheduledS(1023)).isEqualTo(0xc661ad7c);
        byte[] data = PLAIN.clone();
        c.encrypt(data, 0, 16);
        assertThat(Hex.bytes(data)).isEqualTo("05 18 1d 00 4a a9 ba 33 dc a2 70 f4 b9 61 b2 eb");
    }

    @Test
    void bundledTableIsNewservsTetheallaNsk() {
        KeyTable t = KeyTable.tethealla();
        assertThat(t.subtype()).isEqualTo(KeyTable.Subtype.MOCB1);
        assertThat(t.toNsk()).hasSize(KeyTable.NSK_SIZE);
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 16, 1024, 65536})
    void decryptInvertsEncrypt(int length) {
        SplittableRandom random = new SplittableRandom(length);
        byte[] key = new byte[48];
        random.nextBytes(key);
        BbCipher c = BbCipher.fromServerKey(KeyTable.tethealla(), key);
        byte[] data = new byte[length];
        random.nextBytes(data);
        byte[] copy = data.clone();
        c.encrypt(data, 0, length);
        assertThat(data).isNotEqualTo(copy);
        c.decrypt(data, 0, length);
        assertThat(data).isEqualTo(copy);
    }

    @Test
    void blocksAreIndependentSoAHeaderDecryptsAlone() {
        BbCipher c = BbCipher.fromServerKey(KeyTable.tethealla(), SEED);
        byte[] data = PLAIN.clone();
        c.encrypt(data, 0, 16);
        byte[] header = Arrays.copyOf(data, 8);
        c.decrypt(header, 0, 8);
        assertThat(header).isEqualTo(Arrays.copyOf(PLAIN, 8));
    }

    @Test
    void rejectsPartialBlocks() {
        BbCipher c = BbCipher.fromServerKey(KeyTable.tethealla(), SEED);
        assertThatThrownBy(() -> c.encrypt(new byte[12], 0, 12)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nskRoundTripAndBadSizes() throws Exception {
        KeyTable t = KeyTable.parse("x", SyntheticTable.create().toNsk());
        assertThat(t).isEqualTo(SyntheticTable.create());
        assertThatThrownBy(() -> KeyTable.parse("x", new byte[100]))
                .isInstanceOf(KeyTable.InvalidKeyTableException.class).hasMessageContaining("4176");
        byte[] jsd = SyntheticTable.create().toNsk();
        jsd[KeyTable.RAW_SIZE] = 2;
        assertThatThrownBy(() -> KeyTable.parse("x", jsd)).hasMessageContaining("not supported");
    }
}

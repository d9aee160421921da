package dev.shipctl.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PacketReaderTest {
    @ParameterizedTest
    @ValueSource(strings = {"", "BLOCK01", "\tEAlice", "Ünïcödé ☃ テスト", "pair 😀 end", "lone \uD83D half", "end half \uDE00",
            "\uDE00\uD83D reversed"})
    void decodesUtf16LittleEndianExactlyAsTheJdkDecoderDoes(String text) {
        byte[] units = text.getBytes(StandardCharsets.UTF_16LE); // a lone half is U+FFFD already here
        byte[] raw = new byte[text.length() * 2]; // the code units as they are, lone halves included
        for (int i = 0; i < text.length(); i++) {
            raw[2 * i] = (byte) text.charAt(i);
            raw[2 * i + 1] = (byte) (text.charAt(i) >>> 8);
        }

        for (byte[] bytes : new byte[][] {units, raw}) {
            byte[] field = new byte[4 + bytes.length + 2 + 4]; // something before, the text, its NUL, something after
            field[0] = 'x';
            System.arraycopy(bytes, 0, field, 4, bytes.length);
            field[field.length - 1] = 'y';

            assertThat(PacketReader.decodeUtf16(field, 4, 4 + bytes.length))
                    .isEqualTo(new String(bytes, StandardCharsets.UTF_16LE));
        }
    }
}

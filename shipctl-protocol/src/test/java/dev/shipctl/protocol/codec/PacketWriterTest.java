package dev.shipctl.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PacketWriterTest {
    /** The field as the JDK's UTF-16LE encoder fills it: what utf16() wrote before it encoded by hand. */
    private static byte[] expected(int fieldBytes, String text) {
        byte[] field = new byte[fieldBytes];
        byte[] b = PacketWriter.fit(text, fieldBytes / 2).getBytes(StandardCharsets.UTF_16LE);
        System.arraycopy(b, 0, field, 0, b.length);
        return field;
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "BLOCK01", "\tEAlice", "Ünïcödé ☃ テスト", "pair 😀 end", "lone \uD83D half", "end half \uDE00",
            "a name far too long for a field of twenty bytes"})
    void writesUtf16LittleEndianExactlyAsTheJdkEncoderDoes(String text) {
        byte[] data = new PacketWriter(0x06, 8 + 20 + 4).utf16(8, 20, text).toByteArray();

        assertThat(Arrays.copyOfRange(data, 8, 28)).isEqualTo(expected(20, text));
        assertThat(Arrays.copyOfRange(data, 28, 32)).containsOnly(0); // nothing past the field
    }

    @Test
    void aLoneHalfOfAPairBecomesTheReplacementCharacter() {
        byte[] data = new PacketWriter(0x06, 16).utf16(8, 8, "a\uD83Db").toByteArray();

        assertThat(Arrays.copyOfRange(data, 8, 14)).containsExactly('a', 0, 0xFD, 0xFF, 'b', 0);
    }
}

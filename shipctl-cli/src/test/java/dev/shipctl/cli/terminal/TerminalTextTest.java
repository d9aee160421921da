package dev.shipctl.cli.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link TerminalText}: the rule for showing untrusted text, character by character. */
public class TerminalTextTest {
    /** A character that must never reach a terminal raw: a control (but a line feed), a format character, a separator, a lone surrogate. */
    static boolean unsafe(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            return Character.getType(s.codePointAt(i)) == Character.FORMAT;
        }
        if (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1))) return false;
        int type = Character.getType(c);
        return c != '\n' && type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE;
    }

    /** Fails, naming the first unsafe character (and showing the text made safe), if any is in {@code s}. */
    public static void assertSafe(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (unsafe(s, i)) {
                throw new AssertionError("U+%04X at %d reaches the terminal raw in:%n%s".formatted((int) s.charAt(i), i, TerminalText.sanitize(s, true)));
            }
        }
    }

    @Test
    void everyC0ControlIsShownAsAnEscape() {
        for (char c = 0; c < 0x20; c++) {
            String expected = switch (c) {
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> "\\x%02x".formatted((int) c);
            };
            assertThat(TerminalText.sanitize("a" + c + "b")).as("U+%04X", (int) c).isEqualTo("a" + expected + "b");
        }
        assertThat(TerminalText.sanitize("\u001b")).isEqualTo("\\x1b");
    }

    @Test
    void delAndEveryC1ControlAreShownAsEscapes() {
        assertThat(TerminalText.sanitize("\u007f")).isEqualTo("\\x7f");
        for (char c = 0x80; c <= 0x9F; c++) {
            assertThat(TerminalText.sanitize(String.valueOf(c))).as("U+%04X", (int) c).isEqualTo("\\x%02x".formatted((int) c));
        }
        assertThat(TerminalText.sanitize("\u009b2J")).isEqualTo("\\x9b2J");
    }

    @Test
    void printableTextIsKeptAsItIs() {
        StringBuilder ascii = new StringBuilder();
        for (char c = 0x20; c < 0x7F; c++) ascii.append(c);
        assertThat(TerminalText.sanitize(ascii)).isEqualTo(ascii.toString());
        String text = "Ünïcödé ナイト 骑士 Ελληνικά \\x1b, backslashes too, and 😀 (a surrogate pair)";
        assertThat(TerminalText.sanitize(text)).isEqualTo(text);
    }

    @Test
    void theAttackFromTheReviewIsInertText() {
        String chat = "\u001b]0;title-from-chat\u0007\u001b[1A\u001b[2Kfake line";

        assertThat(TerminalText.sanitize(chat)).isEqualTo("\\x1b]0;title-from-chat\\x07\\x1b[1A\\x1b[2Kfake line");
        assertSafe(TerminalText.sanitize(chat));
    }

    @Test
    void psoColourCodesAndLanguageMarkersAreRemovedAsTheGameShowsThem() {
        assertThat(TerminalText.sanitize("\tEHello")).isEqualTo("Hello");
        assertThat(TerminalText.sanitize("\tJこんにちは")).isEqualTo("こんにちは");
        assertThat(TerminalText.sanitize("\tC6Yellow\tC7 and \tCawhite")).isEqualTo("Yellow and white");
        assertThat(TerminalText.sanitize("\tE\tC4Ship\tC7")).isEqualTo("Ship");
        assertThat(TerminalText.sanitize("tab\there")).as("a tab that starts no code").isEqualTo("tab\\there");
        assertThat(TerminalText.sanitize("\tC!")).as("not a colour code").isEqualTo("\\tC!");
        assertThat(TerminalText.sanitize("$C6money")).as("Tethealla's $ form is typed text").isEqualTo("$C6money");
    }

    @Test
    void bidiOverridesAndZeroWidthCharactersAreShown() {
        assertThat(TerminalText.sanitize("abc\u202Efdp.exe")).isEqualTo("abc\\u202efdp.exe");
        assertThat(TerminalText.sanitize("GM\u200BBot")).isEqualTo("GM\\u200bBot");
        for (char c : "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C\u200B\u200C\u200D\u2060\uFEFF\u00AD\u2028\u2029".toCharArray()) {
            assertThat(TerminalText.sanitize(String.valueOf(c))).as("U+%04X", (int) c).isEqualTo("\\u%04x".formatted((int) c));
        }
    }

    @Test
    void loneSurrogatesAreShownAndPairsKept() {
        assertThat(TerminalText.sanitize("a\uD83Db")).isEqualTo("a\\ud83db");
        assertThat(TerminalText.sanitize("a\uDE00b")).isEqualTo("a\\ude00b");
        assertThat(TerminalText.sanitize("\uDE00\uD83D")).as("the wrong order is two lone ones").isEqualTo("\\ude00\\ud83d");
        assertThat(TerminalText.sanitize("x\uD83D")).as("cut at the end").isEqualTo("x\\ud83d");
        assertThat(TerminalText.sanitize("\uD83D\uDE00")).isEqualTo("😀");
        // a format character above the BMP (a tag character, used to hide text) as its two UTF-16 units
        assertThat(TerminalText.sanitize("a" + Character.toString(0xE0041) + "b")).isEqualTo("a\\udb40\\udc41b");
    }

    @Test
    void noCharacterOfTheBmpGetsThroughRaw() {
        for (int c = 0; c <= 0xFFFF; c++) {
            String s = TerminalText.sanitize("<" + (char) c + ">");
            for (int i = 0; i < s.length(); i++) {
                if (unsafe(s, i) || s.charAt(i) == '\n') throw new AssertionError("U+%04X passes as U+%04X".formatted(c, (int) s.charAt(i)));
            }
        }
    }

    @Test
    void lineBreaksAreKeptOnlyWhenAsked() {
        assertThat(TerminalText.sanitize("a\nb\r\nc\rd")).isEqualTo("a\\nb\\r\\nc\\rd");
        assertThat(TerminalText.sanitize("a\nb\r\nc\rd\u001b", true)).isEqualTo("a\nb\r\nc\\rd\\x1b");
    }

    @Test
    void theRuleIsIdempotent() {
        String hostile = "\tC6\u001b[31m\u009b\u202E\uD83D😀\\x1b\n";
        String once = TerminalText.sanitize(hostile);
        assertThat(TerminalText.sanitize(once)).isEqualTo(once);
    }

    @Test
    void longStringsAreHandledWhole() {
        String plain = "abcdefghij".repeat(200_000);
        assertThat(TerminalText.sanitize(plain)).isEqualTo(plain);

        String hostile = "x\u001b".repeat(500_000);
        String shown = TerminalText.sanitize(hostile);
        assertThat(shown).hasSize(500_000 * 5).isEqualTo("x\\x1b".repeat(500_000));

        String codes = "\tC6a".repeat(100_000) + "\u202E";
        assertThat(TerminalText.sanitize(codes)).isEqualTo("a".repeat(100_000) + "\\u202e");
    }
}

package dev.shipctl.cli.terminal;

import dev.shipctl.cli.output.Json;
import dev.shipctl.cli.output.SafeLogConverters;
import dev.shipctl.protocol.Texts;

/**
 * The one rule for showing a person text that shipctl did not write itself: chat, mail, character, ship, block and
 * menu names, server messages (0x01, 0x1A, 0xB0, 0xEE ...), exception messages that quote them, fields of newserv's
 * HTTP API, values handed to {@code --on-change} hooks. Such text can carry terminal escape sequences (set the window
 * title, move the cursor, erase and fake lines); after this rule it cannot act on a terminal, only be read.
 *
 * <p>The rule, in order:
 * <ol>
 *   <li><b>PSO text codes are removed</b>, as the game shows them ({@link Texts#display}): the language markers
 *       {@code \tE} and {@code \tJ} and the colour codes {@code \tC} plus one letter or digit ({@code \tC6}). They are
 *       presentation for the game client; shipctl never shows them, in colour or as text.</li>
 *   <li><b>Control characters are rendered visibly</b>: every C0 control (U+0000–U+001F), DEL (U+007F) and every C1
 *       control (U+0080–U+009F) becomes a backslash escape, {@code \n}, {@code \r} and {@code \t} for those three and
 *       {@code \xHH} (two lower-case hex digits) for the others: ESC is {@code \x1b}, CSI is {@code \x9b}. A line
 *       break in a name or a message therefore cannot start a fake line.</li>
 *   <li><b>Invisible Unicode that changes what a line appears to say is rendered visibly too</b>, as <code>&#92;uXXXX</code>
 *       (a pair of them, the UTF-16 surrogates, above U+FFFF; both forms stay valid inside a JSON string): every format character (category Cf: the bidi embeddings, overrides and
 *       isolates U+202A–U+202E and U+2066–U+2069, the marks U+200E, U+200F and U+061C, zero-width space and joiners
 *       U+200B–U+200D, word joiner U+2060, U+FEFF, the soft hyphen, tag characters ...), the line and paragraph
 *       separators U+2028 and U+2029, and an unpaired surrogate. (An emoji joined by U+200D shows its parts with a
 *       visible <code>&#92;u200d</code> between them: a price paid for names that cannot impersonate others.)</li>
 *   <li>Everything else, the backslash included, is kept as it is: the result is for reading, not for parsing back
 *       (a player who types a literal {@code \x1b} shows the same text as one who sends ESC). There is no length
 *       limit; the game's packets bound server text.</li>
 * </ol>
 *
 * <p>Where it is applied: {@link Terminal}'s {@code out()} and {@code err()} pass everything printed through this
 * rule (so a printer cannot forget it), the shell's JLine output goes through {@link Terminal#printAbove} and
 * {@link Terminal#prompt}, log lines through {@link SafeLogConverters}, and hook environments through
 * {@link #sanitize}. JSON output keeps every value exactly: Jackson escapes control characters itself ({@link Json}).
 */
public final class TerminalText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private TerminalText() {}

    /** The text as one printable line, by the rule above. */
    public static String sanitize(CharSequence text) {
        return sanitize(text, false);
    }

    /**
     * The text by the rule above; with {@code keepLineBreaks}, line feeds (and a carriage return right before one) stay
     * line breaks, for blocks of text shipctl wrote (help, usage) that pass the same boundary.
     */
    static String sanitize(CharSequence text, boolean keepLineBreaks) {
        String s = Texts.display(text.toString());
        if (isPlain(s)) return s;
        StringBuilder b = new StringBuilder(s.length() + 16);
        appendSanitized(b, s, keepLineBreaks);
        return b.toString();
    }

    /** Appends {@code s} (PSO codes already removed) with every character the rule renders visibly escaped. */
    static void appendSanitized(StringBuilder b, String s, boolean keepLineBreaks) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(i + 1));
                if (Character.getType(cp) == Character.FORMAT) {
                    b.append("\\u");
                    hex(b, c, 4);
                    b.append("\\u");
                    hex(b, s.charAt(i + 1), 4);
                } else {
                    b.append(c).append(s.charAt(i + 1));
                }
                i++;
            } else if (keepLineBreaks && (c == '\n' || c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n')) {
                b.append(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c < 0x20 || c >= 0x7F && c <= 0x9F) {
                b.append("\\x");
                hex(b, c, 2);
            } else if (invisible(c)) {
                b.append("\\u");
                hex(b, c, 4);
            } else {
                b.append(c);
            }
        }
    }

    /** True when nothing in {@code s} needs escaping (the common case, checked without copying). */
    private static boolean isPlain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7F && c <= 0x9F || c >= 0xA0 && (invisible(c) || Character.isSurrogate(c))) return false;
        }
        return true;
    }

    /** A BMP character that is not a control but hides or reorders text: format characters, separators, lone surrogates. */
    private static boolean invisible(char c) {
        int type = Character.getType(c);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE;
    }

    private static void hex(StringBuilder b, int value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) b.append(HEX[(value >>> shift) & 0xF]);
    }
}

package dev.shipctl.cli.output;

import dev.shipctl.cli.terminal.Terminal;
import dev.shipctl.cli.terminal.TerminalText;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one JSON mapper of the command line; output is one object per line. Every value is written exactly (a
 * consumer reads back what the server sent); control characters are JSON escapes, never raw: C0 as JSON requires,
 * and DEL, the C1 controls and the invisible characters of {@link TerminalText}'s rule too, so a JSON line shown on
 * a terminal cannot act on it and passes {@link Terminal}'s streams unchanged (but for a lone surrogate, which those
 * streams turn into the equivalent JSON escape).
 */
public final class Json {
    public static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder().characterEscapes(new ControlEscapes()).build())
            .disable(SerializationFeature.INDENT_OUTPUT).build();

    private Json() {}

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** One line of JSON. */
    public static String line(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /**
     * JSON's standard escapes, plus <code>&#92;uXXXX</code> for DEL, the C1 controls and the invisible characters
     * {@link TerminalText} shows (format characters such as bidi overrides, line and paragraph separators).
     */
    private static final class ControlEscapes extends CharacterEscapes {
        private static final int[] ASCII = standardAsciiEscapesForJSON();

        static {
            ASCII[0x7F] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ASCII;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            int type = Character.getType(ch);
            boolean escaped = ch >= 0x80 && ch <= 0x9F || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR;
            return escaped ? new SerializedString("\\u%04x".formatted(ch)) : null;
        }
    }
}

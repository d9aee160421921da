package dev.shipctl.cli.terminal;

import static dev.shipctl.cli.terminal.TerminalTextTest.assertSafe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.cli.output.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@link Terminal}: the output boundary. Whatever way text is printed, the rule applies; colours are the only escapes. */
public class TerminalTest {
    public static final String HOSTILE = "\u001b]0;title\u0007\u001b[1A\u001b[2Kfake line";
    public static final String SHOWN = "\\x1b]0;title\\x07\\x1b[1A\\x1b[2Kfake line";

    final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    Terminal terminal(boolean colour) {
        return new Terminal(new PrintStream(outBytes, true, StandardCharsets.UTF_8), new PrintStream(errBytes, true, StandardCharsets.UTF_8), colour);
    }

    String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyWayOfPrintingAppliesTheRule() {
        Terminal t = terminal(false);
        PrintStream out = t.out();

        out.println(HOSTILE);
        out.print(HOSTILE);
        out.println();
        out.println((Object) HOSTILE);
        out.println(HOSTILE.toCharArray());
        out.print('\u001b');
        out.println();
        out.printf("%s", HOSTILE);
        out.println();
        out.append(HOSTILE).append('\u009b').println();
        out.write(HOSTILE.getBytes(StandardCharsets.UTF_8), 0, HOSTILE.getBytes(StandardCharsets.UTF_8).length);
        out.println();
        out.write(0x1b);
        out.println();
        out.writeBytes("\u202e\u0007".getBytes(StandardCharsets.UTF_8));
        out.println();
        t.err().println(new IllegalStateException(HOSTILE));

        assertSafe(out());
        assertSafe(err());
        assertThat(out().lines().toList()).containsExactly(SHOWN, SHOWN, SHOWN, SHOWN, "\\x1b", SHOWN, SHOWN + "\\x9b", SHOWN,
                "\\x1b", "\\u202e\\x07");
        assertThat(err()).isEqualTo("java.lang.IllegalStateException: " + SHOWN + System.lineSeparator());
    }

    @Test
    void aLineBreakInsideAPrintedValueCannotStartALine() {
        Terminal t = terminal(false);

        t.out().println("Player1: hi\nOK    fake success line\r");

        assertThat(out()).isEqualTo("Player1: hi\\nOK    fake success line\\r" + System.lineSeparator());
    }

    @Test
    void bytesKeepTheirLineBreaksAndUtf8CutAnywhere() {
        Terminal t = terminal(false);
        byte[] bytes = ("Usage: shipctl ナイト\n  line two\u001b[2K\n").getBytes(StandardCharsets.UTF_8);

        for (byte b : bytes) t.out().write(b); // one byte at a time: multi-byte characters arrive in pieces

        assertThat(out()).isEqualTo("Usage: shipctl ナイト\n  line two\\x1b[2K\n");
    }

    @Test
    void picocliStyleWritersGoThroughTheRuleToo() {
        Terminal t = terminal(false);
        PrintWriter w = new PrintWriter(new OutputStreamWriter(t.err(), StandardCharsets.UTF_8), true);

        w.println("Unknown option: '" + HOSTILE + "'");

        assertThat(err()).isEqualTo("Unknown option: '" + SHOWN + "'" + System.lineSeparator());
    }

    @Test
    void ownColoursPassAndReceivedOnesDoNot() {
        Terminal t = terminal(true);

        t.out().println(t.green("OK") + "  " + HOSTILE + " \u001b[32mfake green\u001b[0m");

        assertThat(out()).isEqualTo("\u001b[32mOK\u001b[0m  " + SHOWN + " \\x1b[32mfake green\\x1b[0m" + System.lineSeparator());
    }

    @Test
    void privateUseCharactersInReceivedTextAreNotColours() {
        Terminal t = terminal(true);
        String green = t.green("x");
        String mark = green.substring(0, green.indexOf("[32m"));
        String almost = mark.substring(0, mark.length() - 1) + (char) (mark.charAt(mark.length() - 1) ^ 1);

        t.out().println(almost + "31mred");

        assertThat(out()).doesNotContain("\u001b");
    }

    @Test
    void colourOffMeansNoEscapeAtAll() {
        Terminal t = terminal(false);

        t.out().println(t.bold(t.red("FAIL")) + " " + t.dim("x"));

        assertThat(out()).isEqualTo("FAIL x" + System.lineSeparator());
    }

    @Test
    void tablesAlignTheEscapedText() {
        List<String> lines = Terminal.table(List.of(List.of("  name", "guild card"), List.of("  \u001b[2KEvil", "42000004")));

        assertThat(lines).containsExactly("  name         guild card", "  \\x1b[2KEvil  42000004");
    }

    @Test
    void tablesAlignByDisplayWidthSoWideCharactersTakeTwoColumns() {
        List<String> lines = Terminal.table(List.of(
                List.of("  ナイト騎士", "42000004", "GM"),
                List.of("  Ranger", "42000005", ""),
                List.of("  Cafe\u0301", "42000006", "x"))); // e and a combining accent: one column

        assertThat(lines).containsExactly(
                "  ナイト騎士  42000004  GM",
                "  Ranger      42000005",
                "  Cafe\u0301        42000006  x");
        assertThat(lines.stream().map(l -> DisplayWidth.of(l.substring(0, l.indexOf("4200"))))).containsOnly(14);
    }

    @Test
    void displayWidthCountsColumnsNotCharacters() {
        assertThat(DisplayWidth.of("Ranger")).isEqualTo(6);
        assertThat(DisplayWidth.of("ナイト")).isEqualTo(6);
        assertThat(DisplayWidth.of("ﾅｲﾄ")).as("half-width katakana").isEqualTo(3);
        assertThat(DisplayWidth.of("騎士A")).isEqualTo(5);
        assertThat(DisplayWidth.of("😀")).as("one code point, two chars, two columns").isEqualTo(2);
        assertThat(DisplayWidth.padRight("騎士", 6)).isEqualTo("騎士  ");
        assertThat(DisplayWidth.padRight("騎士騎士", 6)).isEqualTo("騎士騎士");
    }

    @Test
    void colourFollowsTheChoiceTheTerminalAndNoColor() {
        java.util.Map<String, String> plain = java.util.Map.of();
        java.util.Map<String, String> noColor = java.util.Map.of("NO_COLOR", "1");
        assertThat(ColourChoice.AUTO.colour(true, plain)).isTrue();
        assertThat(ColourChoice.AUTO.colour(false, plain)).isFalse();
        assertThat(ColourChoice.AUTO.colour(true, noColor)).isFalse();
        assertThat(ColourChoice.AUTO.colour(true, java.util.Map.of("NO_COLOR", ""))).as("set but empty: no effect").isTrue();
        assertThat(ColourChoice.AUTO.colour(true, java.util.Map.of("TERM", "dumb"))).isFalse();
        assertThat(ColourChoice.ALWAYS.colour(false, noColor)).isTrue();
        assertThat(ColourChoice.NEVER.colour(true, plain)).isFalse();
        assertThat(ColourChoice.named("Always")).contains(ColourChoice.ALWAYS);
        assertThat(ColourChoice.named("sometimes")).isEmpty();

        Terminal tty = new Terminal(new PrintStream(outBytes, true, StandardCharsets.UTF_8), new PrintStream(errBytes, true, StandardCharsets.UTF_8), true, false);
        assertThat(tty.withColour(ColourChoice.AUTO, plain).colour()).isTrue();
        assertThat(tty.withColour(ColourChoice.AUTO, noColor).colour()).isFalse();
        Terminal coloured = tty.withColour(ColourChoice.ALWAYS, noColor);
        coloured.out().println(coloured.bold("b") + coloured.dim("d") + coloured.red("r") + coloured.yellow("y") + coloured.cyan("c"));
        assertThat(out()).isEqualTo("\u001b[1mb\u001b[0m\u001b[2md\u001b[0m\u001b[31mr\u001b[0m\u001b[33my\u001b[0m\u001b[36mc\u001b[0m"
                + System.lineSeparator());
    }

    @Test
    void styledServerTextIsMadeSafeBeforeItIsStyled() {
        Terminal t = terminal(true);

        t.out().println(t.yellow("** " + HOSTILE) + t.dim(t.green("ok") + " nested"));

        String shown = out();
        assertThat(shown).startsWith("\u001b[33m** " + SHOWN + "\u001b[0m");
        assertThat(shown.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo("** " + SHOWN + "ok nested" + System.lineSeparator());
    }

    @Test
    void jsonLinesPassUnchangedAndKeepEveryValue() {
        Terminal t = terminal(false);
        String value = HOSTILE + "\u007f\u009b\u202e😀\tC6\\";
        ObjectNode o = Json.object().put("text", value);

        t.out().println(Json.line(o));

        assertThat(out()).isEqualTo(Json.line(o) + System.lineSeparator());
        assertSafe(out());
        JsonNode back = Json.MAPPER.readTree(out());
        assertThat(back.get("text").asString()).isEqualTo(value);
    }

    @Test
    void jlinePrintAboveWritesItsArgumentAsIsSoTheShellSanitisesFirst() throws Exception {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (DumbTerminal dumb = new DumbTerminal("test", "dumb", new ByteArrayInputStream(new byte[0]), raw, StandardCharsets.UTF_8)) {
            LineReader reader = LineReaderBuilder.builder().terminal(dumb).build();

            reader.printAbove(HOSTILE);
            assertThat(raw.toString(StandardCharsets.UTF_8)).as("JLine passes escapes through").contains("\u001b]0;title\u0007");

            raw.reset();
            terminal(false).printAbove(reader, "[Player1] " + HOSTILE);
            assertThat(raw.toString(StandardCharsets.UTF_8)).isEqualTo("[Player1] " + SHOWN + "\n");
        }
    }

    @Test
    void promptsAreSafeAndTheirPercentSignsLiteral() throws Exception {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        String ship = "%{\u001b]0;t\u0007%}Ship%P";
        try (DumbTerminal dumb = new DumbTerminal("test", "dumb", new ByteArrayInputStream("exit\n".getBytes(StandardCharsets.UTF_8)), raw,
                StandardCharsets.UTF_8)) {
            LineReader reader = LineReaderBuilder.builder().terminal(dumb).build();

            assertThat(reader.readLine(terminal(false).prompt("GMBot@" + ship + "> "))).isEqualTo("exit");
        }
        assertThat(raw.toString(StandardCharsets.UTF_8)).contains("GMBot@%{\\x1b]0;t\\x07%}Ship%P> ").doesNotContain("\u001b");
    }
}

package dev.shipctl.cli.terminal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a command writes: stdout for results, stderr for progress and errors. Colours only on a terminal (and not
 * with NO_COLOR or TERM=dumb). Tables are aligned text.
 *
 * <p>This is the output boundary for people: {@link #out()} and {@link #err()} pass everything printed through them
 * through {@link TerminalText}'s rule, so text from a server or a player (names, chat, messages, errors that quote
 * them) can never reach the terminal as an escape sequence, whoever prints it and however. A {@code print} or
 * {@code println} argument is one line: a line break inside it is shown as {@code \n}, and only {@code println}
 * ends a line. The colours of {@link #green} and its siblings are the only escapes that get through: they are marked
 * with a random code made when this terminal is, which no received text can contain. The shell's JLine output, which
 * writes to the console itself (or to {@link #jlineOutput()}), gets text through {@link #printAbove} and
 * {@link #prompt}.
 */
public final class Terminal {
    private static final String ESC = "\u001B[";

    private final PrintStream out;
    private final PrintStream err;
    private final PrintStream rawOut;
    private final boolean colour;
    /** Stands for ESC [ in text this terminal styled; null without colour. */
    private final String mark;

    public Terminal(PrintStream out, PrintStream err, boolean colour) {
        this.colour = colour;
        this.mark = colour ? newMark() : null;
        this.rawOut = out;
        this.out = new SafePrintStream(out, this);
        this.err = new SafePrintStream(err, this);
    }

    /** A terminal for the real process: colour when stdout is a console. */
    public static Terminal system(PrintStream out, PrintStream err, java.util.Map<String, String> env) {
        boolean tty = System.console() != null && System.console().isTerminal();
        boolean colour = tty && !env.containsKey("NO_COLOR") && !"dumb".equals(env.get("TERM"));
        return new Terminal(out, err, colour);
    }

    /** Standard output; everything printed is made safe for a terminal ({@link TerminalText}). */
    public PrintStream out() {
        return out;
    }

    /** Standard error; everything printed is made safe for a terminal ({@link TerminalText}). */
    public PrintStream err() {
        return err;
    }

    /**
     * The real standard output, for the shell's JLine terminal when there is no console (JLine's dumb terminal) and
     * for nothing else: JLine writes its own carriage returns there, as it does on a console, and what shipctl hands
     * JLine is made safe by {@link #printAbove} and {@link #prompt}. Closing it (JLine does) only flushes.
     */
    public java.io.OutputStream jlineOutput() {
        return new java.io.FilterOutputStream(rawOut) {
            @Override
            public void write(byte[] b, int off, int len) {
                rawOut.write(b, off, len);
            }

            @Override
            public void close() {
                rawOut.flush();
            }
        };
    }

    public boolean colour() {
        return colour;
    }

    public String bold(String s) {
        return style("1", s);
    }

    public String green(String s) {
        return style("32", s);
    }

    public String red(String s) {
        return style("31", s);
    }

    public String yellow(String s) {
        return style("33", s);
    }

    public String dim(String s) {
        return style("2", s);
    }

    public String cyan(String s) {
        return style("36", s);
    }

    private String style(String sgr, String s) {
        return colour ? mark + sgr + "m" + s + mark + "0m" : s;
    }

    /** Prints a line above the shell's prompt (JLine writes it to the console as is, so it is made safe here). */
    public void printAbove(org.jline.reader.LineReader reader, String line) {
        reader.printAbove(render(line, false));
    }

    /** A prompt for JLine: made safe, and with {@code %} doubled, since JLine reads {@code %} sequences in prompts. */
    public String prompt(String text) {
        return render(text, false).replace("%", "%%");
    }

    /**
     * What may reach the terminal of {@code text}: {@link TerminalText#sanitize} everywhere but at this terminal's
     * colour marks, which become ESC [.
     */
    String render(CharSequence text, boolean keepLineBreaks) {
        String s = text.toString();
        if (mark == null || !s.contains(mark)) return TerminalText.sanitize(s, keepLineBreaks);
        StringBuilder b = new StringBuilder(s.length());
        int from = 0;
        for (int at; (at = s.indexOf(mark, from)) >= 0; from = at + mark.length()) {
            b.append(TerminalText.sanitize(s.substring(from, at), keepLineBreaks)).append(ESC);
        }
        return b.append(TerminalText.sanitize(s.substring(from), keepLineBreaks)).toString();
    }

    /** Six random private-use characters: about 75 bits no server can guess. */
    private static String newMark() {
        java.security.SecureRandom random = new java.security.SecureRandom();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 6; i++) b.append((char) (0xE000 + random.nextInt(0x1900)));
        return b.toString();
    }

    /**
     * Rows of cells as aligned columns (two spaces apart, last column unpadded). Cells are made safe first
     * ({@link TerminalText#sanitize}), so escapes shown as text count in the width.
     */
    public static List<String> table(List<List<String>> rows) {
        List<List<String>> safe = rows.stream().map(r -> r.stream().map(TerminalText::sanitize).toList()).toList();
        int columns = safe.stream().mapToInt(List::size).max().orElse(0);
        int[] width = new int[columns];
        for (List<String> row : safe) {
            for (int i = 0; i < row.size(); i++) width[i] = Math.max(width[i], row.get(i).length());
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : safe) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                b.append(cell);
                if (i < row.size() - 1) b.append(" ".repeat(width[i] - cell.length() + 2));
            }
            lines.add(b.toString().stripTrailing());
        }
        return lines;
    }
}

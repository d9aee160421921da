package dev.shipctl.cli.terminal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a command writes: stdout for results, stderr for progress and errors. Colours as {@code --color} says
 * ({@link ColourChoice}: by default only on a terminal, and not with NO_COLOR or TERM=dumb), written by JLine's
 * {@code AttributedString}. Tables are aligned text, by display width ({@link DisplayWidth}).
 *
 * <p>This is the output boundary for people: {@link #out()} and {@link #err()} pass everything printed through them
 * through {@link TerminalText}'s rule, so text from a server or a player (names, chat, messages, errors that quote
 * them) can never reach the terminal as an escape sequence, whoever prints it and however. A {@code print} or
 * {@code println} argument is one line: a line break inside it is shown as {@code \n}, and only {@code println}
 * ends a line. The colours of {@link #green} and its siblings are the only escapes that get through: the text they
 * style is made safe first, and the escapes JLine writes around it are marked with a random code made when this
 * terminal is, which no received text can contain. The shell's JLine output, which
 * writes to the console itself (or to {@link #jlineOutput()}), gets text through {@link #printAbove} and
 * {@link #prompt}.
 */
public final class Terminal {
    private static final String ESC = "\u001B";

    private final PrintStream out;
    private final PrintStream err;
    private final PrintStream rawOut;
    private final PrintStream rawErr;
    private final boolean tty;
    private final boolean colour;
    /** Stands for ESC in text this terminal styled; null without colour. */
    private final String mark;

    /** Writes to these streams, in colour or not; a terminal exactly when in colour ({@link #withColour}). */
    public Terminal(PrintStream out, PrintStream err, boolean colour) {
        this(out, err, colour, colour);
    }

    /** Writes to these streams, which are a terminal ({@code tty}) or not, in colour or not. */
    public Terminal(PrintStream out, PrintStream err, boolean tty, boolean colour) {
        this.tty = tty;
        this.colour = colour;
        this.mark = colour ? newMark() : null;
        this.rawOut = out;
        this.rawErr = err;
        this.out = new SafePrintStream(out, this);
        this.err = new SafePrintStream(err, this);
    }

    /** A terminal for the real process: colour when stdout is a console ({@link ColourChoice#AUTO}). */
    public static Terminal system(PrintStream out, PrintStream err, java.util.Map<String, String> env) {
        boolean tty = System.console() != null && System.console().isTerminal();
        return new Terminal(out, err, tty, ColourChoice.AUTO.colour(tty, env));
    }

    /** This terminal's streams with colour as {@code choice} decides here; this one when that changes nothing. */
    public Terminal withColour(ColourChoice choice, java.util.Map<String, String> env) {
        boolean wanted = choice.colour(tty, env);
        return wanted == colour ? this : new Terminal(rawOut, rawErr, tty, wanted);
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

    /** Whether the streams are a terminal (live progress lines go to stderr only then). */
    public boolean tty() {
        return tty;
    }

    public boolean colour() {
        return colour;
    }

    public String bold(String s) {
        return colour ? style(Styles.BOLD, s) : s;
    }

    public String green(String s) {
        return colour ? style(Styles.GREEN, s) : s;
    }

    public String red(String s) {
        return colour ? style(Styles.RED, s) : s;
    }

    public String yellow(String s) {
        return colour ? style(Styles.YELLOW, s) : s;
    }

    public String dim(String s) {
        return colour ? style(Styles.FAINT, s) : s;
    }

    public String cyan(String s) {
        return colour ? style(Styles.CYAN, s) : s;
    }

    /**
     * {@code s} made safe, styled by JLine, with JLine's escapes marked: only they become escapes in {@link #render}.
     * Marks already in {@code s} (styled text inside styled text) stay marks.
     */
    private String style(int style, String s) {
        return Styles.ansi(TerminalText.sanitize(s), style).replace(ESC, mark);
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
     * colour marks, which become ESC.
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
     * Rows of cells as aligned columns (two spaces apart, last column unpadded), by the columns each cell takes on
     * a terminal ({@link DisplayWidth}: a Japanese name is twice as wide as its length). Cells are made safe first
     * ({@link TerminalText#sanitize}), so escapes shown as text count in the width.
     */
    public static List<String> table(List<List<String>> rows) {
        List<List<String>> safe = rows.stream().map(r -> r.stream().map(TerminalText::sanitize).toList()).toList();
        int columns = safe.stream().mapToInt(List::size).max().orElse(0);
        int[] width = new int[columns];
        for (List<String> row : safe) {
            for (int i = 0; i < row.size(); i++) width[i] = Math.max(width[i], DisplayWidth.of(row.get(i)));
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : safe) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                b.append(i < row.size() - 1 ? DisplayWidth.padRight(cell, width[i] + 2) : cell);
            }
            lines.add(b.toString().stripTrailing());
        }
        return lines;
    }
}

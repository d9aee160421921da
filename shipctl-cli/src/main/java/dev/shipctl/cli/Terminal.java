package dev.shipctl.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a command writes: stdout for results, stderr for progress and errors. Colours only on a terminal (and not
 * with NO_COLOR or TERM=dumb). Tables are aligned text.
 */
public final class Terminal {
    private final PrintStream out;
    private final PrintStream err;
    private final boolean colour;

    public Terminal(PrintStream out, PrintStream err, boolean colour) {
        this.out = out;
        this.err = err;
        this.colour = colour;
    }

    /** A terminal for the real process: colour when stdout is a console. */
    public static Terminal system(PrintStream out, PrintStream err, java.util.Map<String, String> env) {
        boolean tty = System.console() != null && System.console().isTerminal();
        boolean colour = tty && !env.containsKey("NO_COLOR") && !"dumb".equals(env.get("TERM"));
        return new Terminal(out, err, colour);
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    public boolean colour() {
        return colour;
    }

    public String bold(String s) {
        return colour ? "\u001B[1m" + s + "\u001B[0m" : s;
    }

    public String green(String s) {
        return colour ? "\u001B[32m" + s + "\u001B[0m" : s;
    }

    public String red(String s) {
        return colour ? "\u001B[31m" + s + "\u001B[0m" : s;
    }

    public String yellow(String s) {
        return colour ? "\u001B[33m" + s + "\u001B[0m" : s;
    }

    public String dim(String s) {
        return colour ? "\u001B[2m" + s + "\u001B[0m" : s;
    }

    public String cyan(String s) {
        return colour ? "\u001B[36m" + s + "\u001B[0m" : s;
    }

    /** Rows of cells as aligned columns (two spaces apart, last column unpadded). */
    public static List<String> table(List<List<String>> rows) {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] width = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) width[i] = Math.max(width[i], row.get(i).length());
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : rows) {
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

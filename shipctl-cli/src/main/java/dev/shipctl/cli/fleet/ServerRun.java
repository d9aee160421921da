package dev.shipctl.cli.fleet;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What one server of a fleet gave: the verb's exit code and everything it printed (its own terminal's standard
 * output and error, made safe as ever), and how long it took.
 */
record ServerRun(String profile, int exitCode, String out, String err, Duration took) {
    private static final String PREFIX = "shipctl: ";

    boolean ok() {
        return exitCode == 0;
    }

    /** The verb's JSON objects (with {@code --json}): its standard output's lines that are objects. */
    List<String> jsonLines() {
        return out.lines().filter(l -> l.startsWith("{")).toList();
    }

    /**
     * The verb's result in one line: on success its last line of output (its status line, less a leading "OK"); on
     * failure its error ("shipctl: ..." on stderr), or else its last line of output less a leading "FAIL".
     */
    String summary() {
        Optional<String> last = lastLine(out);
        if (!ok()) {
            Optional<String> error = err.lines().filter(l -> l.startsWith(PREFIX) && !l.startsWith(PREFIX + "warning:"))
                    .reduce((a, b) -> b).map(l -> l.substring(PREFIX.length()));
            if (error.isPresent()) return error.get();
            // the row shows the exit code already: check's "FAIL ... (exit code 3)" loses its own
            return last.map(l -> withoutWord(l, "FAIL").replace(" (exit code " + exitCode + ")", ""))
                    .orElse("failed, without a message");
        }
        return last.map(l -> withoutWord(l, "OK")).orElse("done");
    }

    /** The warnings the verb printed ("shipctl: warning: ..."), less their prefix. */
    List<String> warnings() {
        return err.lines().filter(l -> l.startsWith(PREFIX + "warning:")).map(l -> l.substring(PREFIX.length())).toList();
    }

    private static Optional<String> lastLine(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce((a, b) -> b);
    }

    private static String withoutWord(String line, String word) {
        return line.startsWith(word + " ") ? line.substring(word.length()).strip() : line;
    }
}

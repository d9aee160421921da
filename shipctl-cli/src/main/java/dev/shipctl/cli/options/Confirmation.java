package dev.shipctl.cli.options;

import dev.shipctl.cli.common.CliContext;
import dev.shipctl.cli.common.UserError;
import java.io.Console;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * {@code --yes} and the question it answers, for verbs that cannot be taken back or hit more than their target
 * ({@code dcall}, {@code ipban}, {@code hwban}, {@code ban} of many; a countdown's {@code --then dcall}). On a
 * terminal the question is asked there and only "y" or "yes" goes on; off a terminal (a pipe, cron, CI) nobody can
 * answer, so without {@code --yes} the verb is refused before anything is sent: a usage error (exit 2).
 */
public final class Confirmation {
    @Option(names = {"-y", "--yes"}, description = "Do it without asking (needed when not on a terminal).")
    boolean yes;

    /** Whether {@code --yes} was given. */
    public boolean given() {
        return yes;
    }

    /**
     * Goes on when {@code --yes} was given or the user answers yes on the terminal; otherwise throws a usage error
     * that says what was not done.
     *
     * @param what what the verb will do, as a question's start: "disconnect everyone on the ship"
     */
    public void confirm(CliContext ctx, String verb, String what) {
        if (yes) return;
        Console console = ctx.console().orElse(null);
        if (console == null) {
            throw UserError.usage(verb + " would " + what + "; not on a terminal to ask, so nothing was sent: add --yes to do it");
        }
        String answer = console.readLine("%s", "shipctl: " + verb + " will " + what + ". Go on? [y/N] ");
        if (!isYes(answer)) throw UserError.usage(verb + ": not confirmed, nothing was sent");
    }

    /** "y" or "yes", any case, blanks around allowed; anything else (nothing, end of input) is no. */
    static boolean isYes(String answer) {
        if (answer == null) return false;
        String a = answer.strip().toLowerCase(Locale.ROOT);
        return a.equals("y") || a.equals("yes");
    }
}

package dev.shipctl.cli.interactive;

import dev.shipctl.admin.Countdown;
import dev.shipctl.admin.CountdownClock;
import dev.shipctl.cli.admin.VerbOutput;
import dev.shipctl.cli.common.CliContext;
import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.options.DurationConverter;
import dev.shipctl.cli.output.Json;
import dev.shipctl.cli.terminal.Terminal;
import java.time.format.DateTimeFormatter;
import tools.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.TypeConversionException;

/**
 * The two lines of a script (and the shell) that are not verbs: {@code wait DURATION} (wait that long) and
 * {@code at HH:MM} (wait until that local time today, or tomorrow when it has passed). The session stays in its
 * lobby meanwhile and answers pings.
 *
 * @param verb "wait" or "at", as the line said
 * @param argument the rest of the line
 */
record ScriptPause(String verb, String argument) {
    /** The pause a line asks for, if it is one ("wait 5m", "at 22:00"); not parsed further yet. */
    static Optional<ScriptPause> of(String line) {
        String[] parts = line.strip().split("\\s+", 2);
        String first = parts[0].toLowerCase(Locale.ROOT);
        if (!first.equals("wait") && !first.equals("at")) return Optional.empty();
        return Optional.of(new ScriptPause(first, parts.length > 1 ? parts[1].strip() : ""));
    }

    /**
     * When the pause ends, from {@code clock}'s now.
     *
     * @throws IllegalArgumentException a duration or a time that cannot be read, with the form expected
     */
    Instant until(CountdownClock clock) {
        if (verb.equals("wait")) {
            if (argument.isEmpty()) throw new IllegalArgumentException("wait needs a duration, e.g. wait 5m");
            try {
                return clock.now().plus(DurationConverter.parse(argument));
            } catch (TypeConversionException e) {
                throw new IllegalArgumentException("wait " + argument + ": " + e.getMessage());
            }
        }
        LocalTime time;
        try {
            time = LocalTime.parse(argument.length() == 4 ? "0" + argument : argument);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("at " + argument + ": not a time of day (HH:MM, 24-hour, e.g. at 22:00)");
        }
        ZonedDateTime now = clock.now().atZone(clock.zone());
        ZonedDateTime today = now.with(time);
        return (today.isAfter(now) ? today : today.plusDays(1)).toInstant();
    }

    /**
     * Waits, printing one line (text on stderr, or one JSON object); the session answers pings meanwhile.
     *
     * @return the exit code: 0, 2 for a line that cannot be read, 130 when interrupted (the interrupt is kept)
     */
    int run(CliContext ctx, boolean json, Integer line) {
        Instant until;
        try {
            until = until(ctx.clock());
        } catch (IllegalArgumentException e) {
            return VerbOutput.failure(ctx, json, line, verb, e.getMessage(), ExitCodes.USAGE);
        }
        Instant start = ctx.clock().now();
        Terminal t = ctx.terminal();
        if (!json) {
            t.err().println(t.dim("(waiting " + Countdown.spoken(Duration.between(start, until)) + ", until "
                    + LocalTime.ofInstant(until, ctx.clock().zone()).format(DateTimeFormatter.ofPattern("HH:mm:ss")) + ")"));
        }
        try {
            ctx.clock().sleepUntil(until);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return VerbOutput.failure(ctx, json, line, verb, "interrupted while waiting", ExitCodes.CANCELLED);
        }
        if (json) {
            ObjectNode o = Json.object();
            if (line != null) o.put("line", line);
            o.put("verb", verb).put("ok", true).put("until", until.toString())
                    .put("waited_s", Math.round(Duration.between(start, ctx.clock().now()).toMillis() / 1000.0));
            t.out().println(Json.line(o));
        }
        return ExitCodes.OK;
    }
}

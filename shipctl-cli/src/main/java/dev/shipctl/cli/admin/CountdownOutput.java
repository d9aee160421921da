package dev.shipctl.cli.admin;

import dev.shipctl.ShipException;
import dev.shipctl.admin.AdminResult;
import dev.shipctl.admin.Countdown;
import dev.shipctl.cli.common.CliContext;
import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.output.Json;
import dev.shipctl.cli.terminal.Terminal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * How {@code announce --countdown} shows its progress: for people, one line per announcement (what was sent, what
 * is next and when, the time left to zero); with {@code --json}, one object per announcement and a final one
 * (docs/json.md).
 */
final class CountdownOutput implements Countdown.Listener {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final CliContext ctx;
    private final boolean json;
    private final Integer line;

    CountdownOutput(CliContext ctx, boolean json, Integer line) {
        this.ctx = ctx;
        this.json = json;
        this.line = line;
    }

    /** The plan, before the first announcement (text mode only: JSON has one object per announcement). */
    void start(Countdown c, Instant now, List<String> then) {
        if (json) return;
        Terminal t = ctx.terminal();
        int n = c.steps().size();
        t.out().println(t.bold("Countdown: " + n + (n == 1 ? " announcement" : " announcements") + ", zero in " + Countdown.spoken(c.total())
                + " (at " + wallClock(now.plus(c.total())) + ")" + (then.isEmpty() ? "" : "; then: " + String.join(" ", then))
                + ". Ctrl-C cancels."));
    }

    @Override
    public void announced(Countdown.Step step, AdminResult result, Instant at, Optional<Countdown.Step> next, Instant zero) {
        Terminal t = ctx.terminal();
        if (json) {
            ObjectNode o = VerbOutput.toJson(line, result);
            step(o, step);
            o.put("at", at.truncatedTo(ChronoUnit.MILLIS).toString());
            next.ifPresentOrElse(n -> o.put("next_in_s", seconds(n.offset().minus(step.offset()))), () -> o.putNull("next_in_s"));
            o.put("zero_in_s", seconds(Duration.between(at, zero)));
            t.out().println(Json.line(o));
            return;
        }
        String after = next.map(n -> "next in " + Countdown.spoken(n.offset().minus(step.offset())) + " (" + wallClock(at.plus(n.offset().minus(step.offset())))
                + "): \"" + n.text() + "\"").orElse("no more announcements");
        t.out().println(t.green("OK  ") + "  " + counter(step) + " announced \"" + step.text() + "\"; " + after
                + "; zero in " + Countdown.spoken(Duration.between(at, zero)));
    }

    @Override
    public void missed(Countdown.Step step, ShipException error, boolean stopping) {
        Terminal t = ctx.terminal();
        if (json) {
            ObjectNode o = failure("announce", error.getMessage(), ExitCodes.of(error));
            step(o, step);
            t.out().println(Json.line(o));
            return;
        }
        t.out().println(t.red("MISSED") + counter(step) + " \"" + step.text() + "\": " + error.getMessage());
        if (stopping) t.err().println("shipctl: the countdown stopped at a missed announcement (--keep-going goes on after one); nothing runs at zero");
    }

    @Override
    public void cancelled(Duration remaining, Optional<Countdown.CancelAnnouncement> cancel) {
        Terminal t = ctx.terminal();
        String left = Countdown.spoken(remaining.isNegative() ? Duration.ZERO : remaining);
        if (json) {
            cancel.ifPresent(c -> {
                ObjectNode o = c.result().map(r -> VerbOutput.toJson(line, r))
                        .orElseGet(() -> failure("announce", c.error().map(Throwable::getMessage).orElse("not sent"),
                                c.error().map(ExitCodes::of).orElse(ExitCodes.NO_REPLY)));
                o.put("cancel", true);
                o.put("remaining_s", seconds(remaining));
                t.out().println(Json.line(o));
            });
            return;
        }
        t.out().println(t.yellow("CANCELLED") + " with " + left + " left; nothing runs at zero");
        cancel.ifPresent(c -> {
            if (c.result().isPresent()) {
                t.out().println(t.green("OK  ") + "  announced \"" + c.text() + "\"");
            } else {
                t.out().println(t.red("MISSED") + " the cancel text \"" + c.text() + "\": " + c.error().map(Throwable::getMessage).orElse("not sent"));
            }
        });
    }

    /** Zero: the verb of {@code --then} runs now. */
    void zero(List<String> then) {
        if (json || then.isEmpty()) return;
        Terminal t = ctx.terminal();
        t.out().println(t.bold("Zero: " + String.join(" ", then)));
    }

    /** The final object (JSON), or a one-line summary on stderr (text). */
    void end(Countdown.Result r, List<String> then, Integer thenExit, int exitCode) {
        Terminal t = ctx.terminal();
        if (json) {
            ObjectNode o = Json.object();
            if (line != null) o.put("line", line);
            o.put("verb", "countdown");
            o.put("ok", exitCode == ExitCodes.OK);
            o.put("announced", r.announced().size());
            o.put("missed", r.missed().size());
            o.put("cancelled", r.cancelled());
            o.put("reached_zero", r.reachedZero());
            if (then.isEmpty()) o.putNull("then");
            else o.put("then", String.join(" ", then));
            if (thenExit == null) o.putNull("then_exit_code");
            else o.put("then_exit_code", thenExit);
            o.put("exit_code", exitCode);
            t.out().println(Json.line(o));
            return;
        }
        t.err().println(t.dim(r.announced().size() + " announced, " + r.missed().size() + " missed"
                + (r.cancelled() ? ", cancelled" : r.reachedZero() ? ", zero reached" : ", stopped")
                + (thenExit == null ? "" : "; " + String.join(" ", then) + ": exit " + thenExit)));
    }

    private ObjectNode failure(String verb, String message, int code) {
        ObjectNode o = Json.object();
        if (line != null) o.put("line", line);
        o.put("verb", verb);
        o.put("ok", false);
        o.put("error", message);
        o.put("exit_code", code);
        return o;
    }

    private static void step(ObjectNode o, Countdown.Step step) {
        o.put("step", step.number());
        o.put("steps", step.of());
        o.put("remaining_s", seconds(step.remaining()));
        o.put("remaining", Countdown.spoken(step.remaining()));
    }

    private static String counter(Countdown.Step step) {
        return "[" + step.number() + "/" + step.of() + "]";
    }

    private static long seconds(Duration d) {
        return Math.round(d.toMillis() / 1000.0);
    }

    private String wallClock(Instant at) {
        return LocalTime.ofInstant(at, ctx.clock().zone()).format(CLOCK);
    }
}

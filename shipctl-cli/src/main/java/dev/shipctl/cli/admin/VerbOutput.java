package dev.shipctl.cli.admin;

import dev.shipctl.ShipException;
import dev.shipctl.admin.Admin;
import dev.shipctl.admin.AdminResult;
import dev.shipctl.admin.AdminResult.Exchange;
import dev.shipctl.cli.common.CliContext;
import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.common.UserError;
import dev.shipctl.cli.output.Json;
import dev.shipctl.cli.terminal.Terminal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs a verb and prints its result: aligned text for people (the transcript, then one status line), or one JSON
 * object on stdout. Failures print one line on stderr ({@code shipctl: ...}), or a JSON object with
 * {@code "ok": false}, and return their exit code. Field reference: docs/json.md.
 */
public final class VerbOutput {
    private VerbOutput() {}

    /** How the verb gets its admin (logging in, or the open session). */
    interface AdminSource {
        Admin get() throws ShipException;
    }

    static int run(CliContext ctx, boolean json, Integer line, SessionVerb verb, AdminSource source, Duration wait) {
        String name = verb.getClass().getAnnotation(Command.class).name();
        try {
            verb.confirm();
            int worst = ExitCodes.OK;
            Admin admin = source.get();
            Integer own = verb.performAndPrint(admin, wait, json, line, verb.host());
            if (own != null) return own;
            for (SessionVerb.Step step : verb.steps()) {
                int code;
                try {
                    AdminResult result = step.perform(admin, wait);
                    print(ctx, json, line, result);
                    code = ExitCodes.of(result.outcome());
                } catch (ShipException e) {
                    if (!verb.keepsGoing()) throw e;
                    code = failure(ctx, json, line, name, e.getMessage(), ExitCodes.of(e));
                }
                if (worst == ExitCodes.OK) worst = code;
            }
            return worst;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // for the shell or script around it, which stops
            return failure(ctx, json, line, name, "interrupted (the server may have acted on what was already sent)", ExitCodes.CANCELLED);
        } catch (ShipException e) {
            return failure(ctx, json, line, name, e.getMessage(), ExitCodes.of(e));
        } catch (IllegalArgumentException e) {
            return failure(ctx, json, line, name, e.getMessage(), ExitCodes.USAGE);
        } catch (UserError e) {
            return failure(ctx, json, line, name, e.getMessage(), e.exitCode());
        }
    }

    public static int failure(CliContext ctx, boolean json, Integer line, String verb, String message, int code) {
        Terminal term = ctx.terminal();
        if (json) {
            ObjectNode o = Json.object();
            if (line != null) o.put("line", line);
            o.put("verb", verb);
            o.put("ok", false);
            o.put("error", message);
            o.put("exit_code", code);
            term.out().println(Json.line(o));
        } else {
            term.err().println("shipctl: " + (line != null ? "line " + line + ": " : "") + message);
        }
        return code;
    }

    static void print(CliContext ctx, boolean json, Integer line, AdminResult r) {
        Terminal term = ctx.terminal();
        if (json) {
            term.out().println(Json.line(toJson(line, r)));
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (Exchange x : r.transcript()) {
            boolean sent = x.direction() == Exchange.Direction.SENT;
            rows.add(List.of(sent ? "  >" : "  <", x.label(), x.text(), sent ? "" : "+" + millis(x.after()) + " ms"));
        }
        Terminal.table(rows).forEach(term.out()::println);
        String status = switch (r.outcome()) {
            case DONE, REPLIED -> term.green("OK  ");
            case UNCHANGED -> term.green("OK  ");
            case UNCONFIRMED -> term.yellow("UNCONFIRMED");
        };
        term.out().println(status + "  " + r.summary());
    }

    static ObjectNode toJson(Integer line, AdminResult r) {
        ObjectNode o = Json.object();
        if (line != null) o.put("line", line);
        o.put("verb", r.verb());
        o.put("ok", r.outcome() != AdminResult.Outcome.UNCONFIRMED);
        o.put("outcome", r.outcome().id());
        if (r.outcome() == AdminResult.Outcome.UNCONFIRMED) o.put("exit_code", ExitCodes.UNCONFIRMED);
        r.target().ifPresent(gc -> o.put("guild_card", Integer.toUnsignedLong(gc)));
        o.put("summary", r.summary());
        ArrayNode sent = o.putArray("sent");
        ArrayNode replies = o.putArray("replies");
        for (Exchange x : r.transcript()) {
            ObjectNode n = (x.direction() == Exchange.Direction.SENT ? sent : replies).addObject();
            n.put("type", x.label());
            n.put("text", x.text());
            n.put("ms", Math.round(x.after().toNanos() / 1e5) / 10.0);
        }
        return o;
    }

    private static String millis(Duration d) {
        return String.valueOf(Math.round(d.toNanos() / 1e6));
    }
}

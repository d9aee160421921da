package dev.shipctl.cli.interactive;

import dev.shipctl.cli.admin.OpenSession;
import dev.shipctl.cli.admin.VerbOutput;
import dev.shipctl.cli.common.CliContext;
import dev.shipctl.cli.common.OneServerOnly;
import dev.shipctl.cli.common.Commands;
import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.common.UserError;
import dev.shipctl.cli.options.ConnectOptions;
import dev.shipctl.cli.output.Json;
import dev.shipctl.cli.output.OutputOptions;
import dev.shipctl.cli.terminal.Terminal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ObjectNode;

/** {@code run FILE|-}: a script of verbs over one login. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a script of verbs, one per line, with one login.", "",
            "Run a script: one verb per line (announce, ban 42000002, reload-gms ...) or a raw command",
            "(/bank), '#' starts a comment line. One login for the whole script; the session's chat queue keeps",
            "commands 1 s apart on Tethealla so none is dropped. Stops at the first failure with its exit code",
            "unless --keep-going (then the exit code is the first failure's).",
            "Two lines wait, staying logged in (pings answered): 'wait DURATION' (wait 90s, wait 5m) and",
            "'at HH:MM' (24-hour local time: today's, or tomorrow's if it has passed today). Every wait and at line",
            "is checked before the login. Ctrl-C during a wait ends the script."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  shipctl run --profile home restart.shipctl",
            "  printf 'announce Restart in 1 minute\\nreload-gms\\n' | shipctl run --profile home -",
            "  shipctl run --profile home --json --keep-going nightly.shipctl > results.jsonl",
            "",
            "A script:",
            "  # nightly.shipctl",
            "  at 21:55",
            "  announce \"Server restart in 5 minutes\"",
            "  wait 4m",
            "  announce \"Server restart in 1 minute\"",
            "  wait 1m",
            "  reload-gms",
            "  /bank"})
public final class RunCommand implements Callable<Integer>, OneServerOnly {
    @Override
    public String notForAFleet() {
        return "runs a script on one login to one server; run it once per profile (for p in a b; do shipctl run --profile $p FILE; done)";
    }

    private final CliContext ctx;

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectOptions connect;

    @Mixin
    OutputOptions output;

    @Parameters(paramLabel = "FILE", description = "The script, or - for standard input.")
    String file;

    @Option(names = "--keep-going", description = "Run every line even after a failure.")
    boolean keepGoing;

    RunCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        List<String> lines = read();
        Terminal term = ctx.terminal();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            Optional<ScriptPause> pause = ScriptPause.of(line);
            if (pause.isEmpty()) continue;
            try {
                pause.get().until(ctx.clock());
            } catch (IllegalArgumentException e) {
                return VerbOutput.failure(ctx, output.json(), i + 1, pause.get().verb(), e.getMessage(), ExitCodes.USAGE);
            }
        }
        int firstFailure = ExitCodes.OK;
        int ran = 0, failed = 0;
        try (OpenSession host = new OpenSession(Commands.of(spec), ctx, connect, output.json())) {
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                int number = i + 1;
                if (!output.json()) term.out().println(term.bold("[" + number + "] " + line));
                Optional<ScriptPause> pause = ScriptPause.of(line);
                int code = pause.isPresent() ? pause.get().run(ctx, output.json(), number) : host.execute(line, number);
                ran++;
                if (code != ExitCodes.OK) {
                    failed++;
                    if (firstFailure == ExitCodes.OK) firstFailure = code;
                    if (!keepGoing || code == ExitCodes.CANCELLED) break;
                }
            }
        }
        if (output.json()) {
            ObjectNode o = Json.object().put("script", file).put("ok", failed == 0).put("ran", ran).put("failed", failed)
                    .put("exit_code", firstFailure);
            term.out().println(Json.line(o));
        } else {
            term.err().println(term.dim(ran + (ran == 1 ? " line" : " lines") + " run, " + failed + " failed"
                    + (failed > 0 && !keepGoing ? " (stopped at the first failure)" : "")));
        }
        return firstFailure;
    }

    private List<String> read() {
        try {
            if (file.equals("-")) {
                BufferedReader in = new BufferedReader(new InputStreamReader(ctx.stdin(), StandardCharsets.UTF_8));
                List<String> lines = new ArrayList<>();
                for (String l; (l = in.readLine()) != null; ) lines.add(l);
                return lines;
            }
            return Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw UserError.usage("cannot read the script " + file + ": " + e.getMessage());
        }
    }
}

package dev.shipctl.cli.diagnostics;

import dev.shipctl.cli.common.CliContext;
import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.common.UserError;
import dev.shipctl.cli.output.Json;
import dev.shipctl.swarm.SwarmReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** Adds the {@code --json} reports of swarm shards that ran side by side into one report. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Add up the --json reports of swarm shards that ran side by side.", "",
            "Histograms are merged exactly, counts summed, logins per second summed, sessions held added second by "
                + "second. Prints the same report as swarm (or --json)."},
        footerHeading = "%nExamples:%n",
        footer = {"  shipctl swarm merge shard-1.json shard-2.json shard-3.json --json > all.json"})
public final class SwarmMergeCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(paramLabel = "REPORT.json", arity = "1..*", description = "The shards' reports (swarm --json output; a --jsonl file's last line).")
    List<Path> files;

    @Option(names = "--json", description = "Print the merged report as one JSON object.")
    boolean json;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the merged report as an offline HTML page.")
    Path html;

    SwarmMergeCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        List<SwarmReport> reports = new ArrayList<>();
        for (Path f : files) reports.add(SwarmOutput.read(lastObject(f), f.toString()));
        SwarmReport merged;
        try {
            merged = SwarmReport.merge(reports);
        } catch (IllegalArgumentException e) {
            throw UserError.usage("cannot merge: " + e.getMessage());
        }
        if (json) {
            ctx.terminal().out().println(Json.line(SwarmOutput.json(merged)));
        } else {
            SwarmOutput.text(merged).forEach(ctx.terminal().out()::println);
        }
        ctx.terminal().out().flush();
        if (html != null) SwarmHtml.write(html, merged);
        return ExitCodes.OK;
    }

    /** The file's last non-empty line, as JSON: the report of --json, or the last line of --jsonl. */
    private static JsonNode lastObject(Path f) {
        try {
            List<String> lines = Files.readAllLines(f).stream().filter(l -> !l.isBlank()).toList();
            if (lines.isEmpty()) throw UserError.usage(f + " is empty");
            return Json.MAPPER.readTree(lines.getLast());
        } catch (IOException e) {
            throw UserError.usage("cannot read " + f + ": " + e.getMessage());
        } catch (RuntimeException e) {
            if (e instanceof UserError) throw e;
            throw UserError.usage(f + " is not JSON: " + e.getMessage());
        }
    }
}

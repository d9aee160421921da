package dev.shipctl.cli.fleet;

import dev.shipctl.cli.common.CliContext;
import dev.shipctl.cli.common.Commands;
import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.common.HandlesFleets;
import dev.shipctl.cli.common.OneServerOnly;
import dev.shipctl.cli.common.UserError;
import dev.shipctl.cli.options.ConnectOptions;
import dev.shipctl.cli.output.OutputOptions;
import dev.shipctl.cli.terminal.Terminal;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * Runs a verb on a fleet: the servers of several profiles ({@code --profile a,b}) or of all of them
 * ({@code --all-profiles}). Each server gets the same command line, parsed afresh, with its profile in force, run by
 * the verb's own code as if typed alone; its output goes to a terminal of its own, which the fleet reads when it is
 * done. At most {@code --parallel} servers (default 4) run at a time, and profiles of the same account on the same
 * server one after the other (a server lets an account in once); one that fails never stops the others. Then
 * one row per server in profile order (or one JSON object each), and the worst exit code ({@link WorstExitCode}).
 * Commands that only make sense on one server ({@link OneServerOnly}) are refused in one line; those that take a
 * fleet themselves ({@link HandlesFleets}) run as usual.
 */
public final class Fleet {
    private final CliContext ctx;
    private final Commands commands;
    private final List<String> args;
    private final List<String> profiles;
    private final int parallel;
    private final boolean json;
    private final String verb;
    /** The profiles grouped by the account they log in as: a group runs one profile after the other. */
    private final List<List<String>> accounts;

    private Fleet(CliContext ctx, Commands commands, List<String> args, List<String> profiles, List<List<String>> accounts,
            int parallel, boolean json, String verb) {
        this.ctx = ctx;
        this.commands = commands;
        this.args = args;
        this.profiles = profiles;
        this.parallel = parallel;
        this.json = json;
        this.verb = verb;
        this.accounts = accounts;
    }

    /**
     * Runs the parsed command line on its fleet when it asks for one, and returns the fleet's exit code; empty when
     * it asks for no fleet (or for help), so that the command runs as usual.
     *
     * @throws CommandLine.ExecutionException with a {@link UserError} when the fleet cannot be run (one line, exit 2 or 9)
     */
    public static Optional<Integer> runIfAsked(CliContext ctx, ParseResult parsed) {
        ParseResult leaf = leafOf(parsed);
        if (leaf.isUsageHelpRequested() || leaf.isVersionHelpRequested()) return Optional.empty();
        Optional<ConnectOptions> connect = mixin(leaf, ConnectOptions.class);
        if (connect.isEmpty() || !connect.get().fleetAsked()) return Optional.empty();
        if (leaf.commandSpec().userObject() instanceof HandlesFleets) return Optional.empty();
        CommandLine command = leaf.commandSpec().commandLine();
        try {
            String verb = leaf.commandSpec().qualifiedName(" ").replaceFirst("^\\S+ ", "");
            for (CommandSpec s = leaf.commandSpec(); s != null; s = s.parent()) {
                if (s.userObject() instanceof OneServerOnly one) {
                    throw UserError.usage(verb + " does not run on several servers: it " + one.notForAFleet());
                }
            }
            List<String> profiles = connect.get().fleet(ctx);
            boolean json = mixin(leaf, OutputOptions.class).map(OutputOptions::json).orElse(false);
            Commands commands = Commands.of(parsed.commandSpec());
            Map<String, List<String>> byAccount = new LinkedHashMap<>();
            for (String p : profiles) byAccount.computeIfAbsent(connect.get().accountOf(ctx, p), k -> new ArrayList<>()).add(p);
            return Optional.of(new Fleet(ctx, commands, parsed.originalArgs(), profiles, List.copyOf(byAccount.values()),
                    connect.get().parallel(), json, verb).run());
        } catch (UserError e) {
            throw new CommandLine.ExecutionException(command, e.getMessage(), e);
        }
    }

    private int run() {
        Terminal term = ctx.terminal();
        int threads = Math.min(parallel, accounts.size());
        if (!json) {
            term.err().println(term.dim(verb + " on " + profiles.size() + " servers (" + String.join(", ", profiles) + "), "
                    + threads + " at a time …"));
        }
        boolean progress = ctx.console().isPresent();
        AtomicInteger done = new AtomicInteger();
        Map<String, ServerRun> byProfile = new ConcurrentHashMap<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofVirtual().name("shipctl-fleet-", 1).factory())) {
            for (List<String> sameAccount : accounts) {
                pool.submit(() -> {
                    for (String profile : sameAccount) {
                        ServerRun r = runOne(profile);
                        byProfile.put(profile, r);
                        if (progress) {
                            term.err().println(term.dim("  [" + done.incrementAndGet() + "/" + profiles.size() + "] " + profile + ": "
                                    + (r.ok() ? "ok" : "FAIL (exit " + r.exitCode() + ")") + " in " + r.took().toMillis() + " ms"));
                        }
                    }
                });
            }
        } // waits for every task
        List<ServerRun> runs = profiles.stream().map(p -> byProfile.getOrDefault(p,
                new ServerRun(p, ExitCodes.INTERNAL, "", "shipctl: internal error: not run", Duration.ZERO))).toList();
        for (ServerRun r : runs) {
            for (String w : r.warnings()) term.err().println("shipctl: " + r.profile() + ": " + w);
        }
        int worst = WorstExitCode.of(runs.stream().map(ServerRun::exitCode).toList());
        if (json) FleetReport.json(term, runs);
        else FleetReport.table(term, runs, worst);
        return worst;
    }

    /** One server: the command line, parsed afresh, with this profile, on a terminal of its own. */
    private ServerRun runOne(String profile) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        CliContext own = new CliContext(new Terminal(outStream, errStream, false), ctx.env(), ctx.console(), ctx.configDir(),
                InputStream.nullInputStream());
        long start = System.nanoTime();
        int code;
        try {
            String[] line = args.toArray(String[]::new);
            CommandLine cl = commands.forArgs(own, line);
            cl.setExecutionStrategy(parsed -> {
                ParseResult leaf = leafOf(parsed);
                mixin(leaf, ConnectOptions.class).orElseThrow().asFleetMember(profile);
                return new CommandLine.RunLast().execute(parsed);
            });
            code = cl.execute(line);
        } catch (RuntimeException e) {
            errStream.println("shipctl: internal error: " + e);
            code = ExitCodes.INTERNAL;
        }
        return new ServerRun(profile, code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                Duration.ofNanos(System.nanoTime() - start));
    }

    private static ParseResult leafOf(ParseResult parsed) {
        ParseResult leaf = parsed;
        while (leaf.hasSubcommand()) leaf = leaf.subcommand();
        return leaf;
    }

    /** The command's mixin of this type (a loop, not a stream: every one-shot verb passes here at start-up). */
    private static <T> Optional<T> mixin(ParseResult leaf, Class<T> type) {
        for (CommandSpec m : leaf.commandSpec().mixins().values()) {
            if (type.isInstance(m.userObject())) return Optional.of(type.cast(m.userObject()));
        }
        return Optional.empty();
    }
}

package dev.shipctl.cli.diagnostics;

import dev.shipctl.Credentials;
import dev.shipctl.Stage;
import dev.shipctl.check.CheckResult;
import dev.shipctl.check.HealthCheck;
import dev.shipctl.cli.common.CliContext;
import dev.shipctl.cli.common.OneServerOnly;
import dev.shipctl.cli.common.Commands;
import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.common.UserError;
import dev.shipctl.cli.options.ConnectOptions;
import dev.shipctl.cli.output.Json;
import dev.shipctl.cli.output.OutputOptions;
import dev.shipctl.cli.terminal.Terminal;
import dev.shipctl.sandbox.Sandbox;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code shipctl bench}: one-shot {@code check} and {@code announce} processes, process start to verdict, by the whole
 * chain and by the fast path, against the sandbox and a real server, with the breakdown ({@link OneShotBench}); and
 * its older subcommands {@code bench check} and the hidden {@code bench train}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Time one-shot shipctl runs against the built-in sandbox (started here, on loopback) and a real server.", "",
            "Runs whole `shipctl check` and `shipctl announce` processes (through the launcher, so its startup cache is used),",
            "by the whole login chain (--full-login) and by the fast path (straight to the block with the kept ticket),",
            "interleaved round by round, with a hello-world JVM in every round; prints medians and 90th percentiles of",
            "process start to verdict and to exit, and the breakdown: JVM start (the hello-world JVM), our init (process",
            "start to the first TCP connect), network (that connect to the last byte from the server), exit (that byte to",
            "the process exit). A relay on loopback in front of the server sees the connects and bytes; it rewrites nothing,",
            "so against a real server it sees the login port only: what it cannot see is said in the notes.",
            "The real server is given by -H/-p/-u or --profile (password as for check: SHIPCTL_PASSWORD, --password-file, ...);",
            "without them only the sandbox is run; --profile, --flavour, --key-file, --ship, --block, --slot, --timeout and",
            "--deadline are passed to its runs (not --trace). An announce needs a GM account: if the server does not confirm it,",
            "announce is skipped for that server with a note (--no-announce skips it everywhere; every player on the",
            "ship sees each announcement). The runs keep their fast-path tickets in a temporary folder of their own."},
        subcommands = {BenchCommand.CheckBench.class, BenchCommand.Train.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./shipctl bench --runs 10                                   # the sandbox only",
            "  SHIPCTL_PASSWORD=gmadmin123 ./shipctl bench -p 11000 -u gmadmin --runs 10",
            "  ./shipctl bench --runs 2 --json",
            "  SHIPCTL_PASSWORD=player123 shipctl bench check -u player1 --runs 10"})
public final class BenchCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectOptions connect;

    @Mixin
    OutputOptions output;

    @Option(names = "--runs", paramLabel = "N", description = "Rounds: runs per target, verb and login path (default 10).")
    int runs = 10;

    @Option(names = "--no-real", description = "Only the sandbox, even when a real server is given.")
    boolean noReal;

    @Option(names = "--no-announce", description = "Do not run announce (check only).")
    boolean noAnnounce;

    @Option(names = "--launcher", paramLabel = "PATH",
            description = "The command that starts shipctl (default: $SHIPCTL_LAUNCHER, set by ./shipctl, else ./shipctl).")
    Path launcher;

    BenchCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        if (runs < 1) throw UserError.usage("--runs must be at least 1");
        for (String option : List.of("--trace", "--trace-max")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw UserError.usage("bench does not take " + option + " (trace one run instead: shipctl check --trace FILE ...)");
            }
        }
        Path start = launcher(ctx, launcher);
        boolean real = !noReal && (connect.host != null || connect.port != null || connect.resolvedUser(ctx).isPresent());
        Optional<InetSocketAddress> address = Optional.empty();
        Credentials account = null;
        List<String> realArgs = new ArrayList<>();
        if (real) {
            account = connect.credentials(ctx);
            address = Optional.of(new InetSocketAddress(connect.resolvedHost(ctx), connect.resolvedPort(ctx)));
            if (address.get().isUnresolved()) throw UserError.usage("cannot resolve " + connect.resolvedHost(ctx));
            realArgs.addAll(connect.loginArguments(ctx));
        }
        return OneShotBench.run(new OneShotBench.Settings(start, runs, !noAnnounce, output.json()), ctx.terminal(),
                address, account, realArgs);
    }

    /** The launcher: {@code --launcher}, else $SHIPCTL_LAUNCHER, else ./shipctl; it must be executable. */
    static Path launcher(CliContext ctx, Path given) {
        Path start = given != null ? given : Path.of(ctx.env().getOrDefault("SHIPCTL_LAUNCHER", "./shipctl"));
        if (!Files.isExecutable(start)) throw UserError.usage("no launcher at " + start + " (give --launcher PATH)");
        return start;
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Time `shipctl check` against the built-in sandbox (started here, on loopback) and a real server, "
                + "side by side in one run: the wall time of whole `shipctl check --json --full-login` processes (the whole login chain) from start to "
                + "verdict (JVM start included, started through the launcher so its startup cache is used), and the "
                + "stage times of checks run inside this JVM (warm). The real server's account comes from the connect "
                + "options (-u, password as for check); the sandbox uses its demo account player1."},
            footerHeading = "%nExamples:%n",
            footer = {
                "  SHIPCTL_PASSWORD=player123 ./shipctl bench check -u player1 --runs 10",
                "  ./shipctl bench check --no-real --runs 20 --json"})
    static final class CheckBench implements Callable<Integer>, OneServerOnly {
        @Override
        public String notForAFleet() {
            return "times one server against the sandbox, and servers timed at once would skew each other; run it once per profile";
        }

        private final CliContext ctx;

        @Mixin
        ConnectOptions connect;

        @Mixin
        OutputOptions output;

        @Option(names = "--runs", paramLabel = "N", description = "Runs per target and kind (default 10).")
        int runs = 10;

        @Option(names = "--no-real", description = "Only the sandbox (no real server).")
        boolean noReal;

        @Option(names = "--launcher", paramLabel = "PATH",
                description = "The command that starts shipctl (default: $SHIPCTL_LAUNCHER, set by ./shipctl, else ./shipctl).")
        Path launcher;

        CheckBench(CliContext ctx) {
            this.ctx = ctx;
        }

        record Target(String name, String host, int port, Credentials credentials) {}

        @Override
        public Integer call() throws Exception {
            if (runs < 1) throw UserError.usage("--runs must be at least 1");
            Path start = BenchCommand.launcher(ctx, launcher);
            Terminal term = ctx.terminal();
            try (Sandbox sandbox = Sandbox.builder().loginPort(0).build().start()) {
                List<Target> targets = new ArrayList<>();
                targets.add(new Target("sandbox", "127.0.0.1", sandbox.loginPort(), new Credentials("player1", "player123")));
                if (!noReal) {
                    String[] hp = connect.address(ctx).split(":");
                    targets.add(new Target("real " + connect.address(ctx), hp[0], Integer.parseInt(hp[1]), connect.credentials(ctx)));
                }
                ArrayNode json = Json.MAPPER.createArrayNode();
                List<List<String>> rows = new ArrayList<>();
                rows.add(List.of("target", "kind", "median", "min", "max", "ok"));
                Map<String, Map<Stage, List<Double>>> stagesByTarget = new LinkedHashMap<>();
                for (Target t : targets) {
                    if (!output.json()) term.err().println(term.dim("bench: " + t.name() + ": " + runs + " process runs, " + runs + " in-process runs …"));
                    List<Double> wall = new ArrayList<>();
                    List<Double> exit = new ArrayList<>();
                    List<Double> childLogin = new ArrayList<>();
                    int ok = 0;
                    for (int i = 0; i < runs; i++) {
                        Optional<double[]> r = processRun(start, t);
                        if (r.isPresent()) {
                            ok++;
                            wall.add(r.get()[0]);
                            exit.add(r.get()[1]);
                            childLogin.add(r.get()[2]);
                        }
                    }
                    List<Double> inProcess = new ArrayList<>();
                    Map<Stage, List<Double>> stages = new EnumMap<>(Stage.class);
                    int inOk = 0;
                    var client = connect.client(ctx).server(t.host(), t.port()).build();
                    HealthCheck check = HealthCheck.builder(client, t.credentials()).build();
                    check.run(); // warm-up, not counted
                    for (int i = 0; i < runs; i++) {
                        CheckResult r = check.run();
                        if (!r.ok()) continue;
                        inOk++;
                        inProcess.add(r.total().toNanos() / 1e6);
                        r.stages().forEach(s -> stages.computeIfAbsent(s.stage(), k -> new ArrayList<>()).add(s.elapsed().toNanos() / 1e6));
                    }
                    stagesByTarget.put(t.name(), stages);
                    add(rows, json, t.name(), "process start to verdict (wall)", wall, ok);
                    add(rows, json, t.name(), "  process start to exit", exit, ok);
                    add(rows, json, t.name(), "  login inside that process", childLogin, ok);
                    add(rows, json, t.name(), "login in a warm JVM", inProcess, inOk);
                }
                if (output.json()) {
                    ObjectNode o = Json.object().put("runs", runs);
                    o.set("results", json);
                    ObjectNode st = o.putObject("stage_medians_ms");
                    stagesByTarget.forEach((name, m) -> {
                        ObjectNode n = st.putObject(name);
                        m.forEach((stage, v) -> n.put(stage.id(), median(v)));
                    });
                    term.out().println(Json.line(o));
                    return ExitCodes.OK;
                }
                Terminal.table(rows).forEach(term.out()::println);
                term.out().println();
                List<List<String>> st = new ArrayList<>();
                List<String> head = new ArrayList<>(List.of("stage (median, warm JVM)"));
                head.addAll(stagesByTarget.keySet());
                st.add(head);
                for (Stage s : Stage.values()) {
                    if (stagesByTarget.values().stream().noneMatch(m -> m.containsKey(s))) continue;
                    List<String> row = new ArrayList<>(List.of("  " + s.label()));
                    stagesByTarget.values().forEach(m -> row.add(m.containsKey(s) ? "%.1f ms".formatted(median(m.get(s))) : "-"));
                    st.add(row);
                }
                Terminal.table(st).forEach(term.out()::println);
            }
            return ExitCodes.OK;
        }

        /** One `shipctl check --json` process: [ms to its verdict on stdout, ms to its exit, login ms it reported], or empty if it failed. */
        private Optional<double[]> processRun(Path start, Target t) throws IOException, InterruptedException {
            ProcessBuilder pb = new ProcessBuilder(start.toString(), "check", "-H", t.host(), "-p", String.valueOf(t.port()),
                    "-u", t.credentials().username(), "--json", "--full-login"); // the whole chain, every run
            pb.environment().put("SHIPCTL_PASSWORD", t.credentials().password()); // environment, never argv
            pb.environment().put("NO_COLOR", "1");
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            long begin = System.nanoTime();
            Process p = pb.start();
            p.getOutputStream().close();
            String line;
            double verdict;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                line = in.readLine();
                verdict = (System.nanoTime() - begin) / 1e6;
                in.transferTo(java.io.Writer.nullWriter());
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            double wall = (System.nanoTime() - begin) / 1e6;
            if (p.exitValue() != 0 || line == null) return Optional.empty();
            JsonNode o = Json.MAPPER.readTree(line);
            return Optional.of(new double[] {verdict, wall, o.path("total_ms").asDouble()});
        }

        private static void add(List<List<String>> rows, ArrayNode json, String target, String kind, List<Double> v, int ok) {
            if (v.isEmpty()) {
                rows.add(List.of(target, kind, "-", "-", "-", ok + "/" + 0));
            } else {
                rows.add(List.of(target, kind, ms(median(v)), ms(v.stream().mapToDouble(d -> d).min().orElse(0)),
                        ms(v.stream().mapToDouble(d -> d).max().orElse(0)), String.valueOf(ok)));
            }
            ObjectNode n = json.addObject().put("target", target).put("kind", kind.strip()).put("ok", ok);
            if (!v.isEmpty()) n.put("median_ms", median(v)).put("min_ms", v.stream().mapToDouble(d -> d).min().orElse(0))
                    .put("max_ms", v.stream().mapToDouble(d -> d).max().orElse(0));
        }

        private static String ms(double v) {
            return "%.1f ms".formatted(v);
        }

        static double median(List<Double> v) {
            List<Double> s = v.stream().sorted().toList();
            int n = s.size();
            return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
        }
    }

    /**
     * The training run for the startup caches (JDK AOT cache, with method profiles) of the checkout launcher and of
     * the release image: the verbs people run one-shot ({@code --version}, check, announce, reload-gms, command, who)
     * in this JVM, against a sandbox in another process on loopback, so the cache holds what those verbs load, link
     * and run, and not the sandbox server's classes. A JVM loads every class of its cache as it starts, so a bigger
     * cache makes every start slower: the launchers keep two, one trained on plain runs (what cron's announce and a
     * health check load) and one with {@code --json} on (also their JSON runs and help: Jackson, picocli's help),
     * used by runs that ask for JSON. Hidden; quiet.
     */
    @Command(name = "train", hidden = true, description = "Training run for the launcher's startup cache.")
    static final class Train implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "Train the runs with --json, and help, too.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
            SandboxProcess server = SandboxProcess.start(Map.of(), "--stop-after", "5m");
            Path config = Files.createTempDirectory("shipctl-train");
            try {
                String port = String.valueOf(server.loginPort());
                // the fast-path tickets of the training go to its own folder, deleted below; the first login of each
                // account takes the whole chain, the later ones the fast path, so the cache learns both
                Map<String, String> env = Map.of("SHIPCTL_PASSWORD", "gmadmin123", "NO_COLOR", "1",
                        "XDG_STATE_HOME", config.resolve("state").toString());
                CliContext ctx = new CliContext(new Terminal(quiet, quiet, false), env, Optional.empty(), config);
                // a busy machine must not cut a run short: a verb that failed loaded less than it should, and the
                // cache would quietly lack it; so waits are long, and a failure fails the training
                String[] as = {"-p", port, "-u", "gmadmin", "--timeout", "30s"};
                Commands commands = Commands.of(spec);
                List<String> failed = new ArrayList<>();
                train(commands, ctx, failed, "--version");
                for (int round = 0; round < 2; round++) { // twice: the method profiles see the code run more than once
                    train(commands, ctx, failed, join("check", as));
                    train(commands, ctx, failed, join("announce", as, "the startup cache is being trained"));
                    train(commands, ctx, failed, join("reload-gms", as));
                    train(commands, ctx, failed, join("command", as, "--wait", "200ms", "/bank"));
                    train(commands, ctx, failed, join("who", as));
                    if (json) {
                        train(commands, ctx, failed, join("check", as, "--json"));
                        train(commands, ctx, failed, join("announce", as, "--json", "the startup cache is being trained"));
                        train(commands, ctx, failed, join("who", as, "--json"));
                    }
                }
                if (json) {
                    train(commands, ctx, failed, "--help");
                    train(commands, ctx, failed, "check", "--help");
                }
                if (!failed.isEmpty()) {
                    System.err.println("shipctl: the startup cache's training run failed: " + String.join("; ", failed));
                    return ExitCodes.INTERNAL;
                }
            } finally {
                try (var files = Files.walk(config)) {
                    for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
                }
                server.close();
            }
            return ExitCodes.OK;
        }

        /** Runs one verb of the training; a failure is noted with its exit code (and the run goes on). */
        private static void train(Commands commands, CliContext ctx, List<String> failed, String... args) {
            int code = commands.execute(ctx, args);
            if (code != ExitCodes.OK) failed.add(args[0] + " exited " + code);
        }

        private static String[] join(String verb, String[] connect, String... rest) {
            List<String> all = new ArrayList<>(List.of(verb));
            all.addAll(List.of(connect));
            all.addAll(List.of(rest));
            return all.toArray(String[]::new);
        }
    }
}

package dev.shipctl.cli.diagnostics;

import dev.shipctl.Credentials;
import dev.shipctl.Depth;
import dev.shipctl.Durations;
import dev.shipctl.ShipClient;
import dev.shipctl.Stage;
import dev.shipctl.check.CheckResult;
import dev.shipctl.check.HealthCheck;
import dev.shipctl.cli.community.status.StatusHttpOptions;
import dev.shipctl.cli.options.FastLogin;
import dev.shipctl.cli.common.CliContext;
import dev.shipctl.cli.common.HandlesFleets;
import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.common.Stopper;
import dev.shipctl.cli.common.UserError;
import dev.shipctl.cli.config.Profile;
import dev.shipctl.cli.config.Profiles;
import dev.shipctl.cli.options.ConnectOptions;
import dev.shipctl.cli.options.DepthOption;
import dev.shipctl.cli.options.DiscordOption;
import dev.shipctl.cli.options.DurationConverter;
import dev.shipctl.cli.options.PasswordSource;
import dev.shipctl.cli.output.CheckJson;
import dev.shipctl.cli.output.Json;
import dev.shipctl.cli.output.OutputOptions;
import dev.shipctl.cli.terminal.Terminal;
import dev.shipctl.cli.terminal.TerminalText;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ObjectNode;

/** The health check on a schedule, with Prometheus metrics and a hook when health changes. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Run the health check on a schedule; export Prometheus metrics.", "",
            "Run the health check (as shipctl check) on a schedule, one login at a time, never overlapping. "
                + "After a failure the next check comes sooner (exponential backoff with jitter, from 1 s up to --interval). "
                + "Stops cleanly on SIGTERM or Ctrl-C. Give watch an account of its own: on Tethealla every check's "
                + "login kicks a live session of the same account.", "",
            "By default each check goes as far as the block and leaves before the lobby is joined (--depth block): players "
                + "never see the monitor arrive and leave, and the populations come from the ship list (Tethealla; newserv shows "
                + "none before the lobby). --depth lobby enters lobby 1 as check does, and counts its members; --depth login or "
                + "ship stop sooner. --fast goes to the lobby (its fast path ends there).", "",
            "Several servers in one process: --profile a,b, --all-profiles or --watch-file FILE, each on its own schedule, "
                + "one line per check naming the server; --depth and Discord notices (each naming its server) apply to every one "
                + "(--on-change, --fast and --all: one server only).", "",
            "--metrics serves Prometheus metrics at http://HOST:PORT/metrics (HOST defaults to 127.0.0.1), each with a server "
                + "label (profile or watch-file name, else host:port): pso_up, pso_check_duration_seconds and "
                + "pso_stage_duration_seconds{stage} (histograms), pso_players{ship}, pso_lobby_players{ship,block,lobby}, "
                + "pso_check_failures_total{stage,reason}, pso_checks_total, pso_server_info{flavour,address}, "
                + "pso_last_check_age_seconds, pso_block_up{ship,block}.", "",
            "--on-change runs a command (sh -c) when health changes (up <-> down, or the failing stage changes). "
                + "It gets the old and new state (up, or down:STAGE) as $1 and $2 and in SHIPCTL_OLD_STATE and "
                + "SHIPCTL_NEW_STATE, plus SHIPCTL_STAGE, SHIPCTL_ERROR (control characters in the server's text shown as escapes, "
                + "as on the terminal), SHIPCTL_EXIT_CODE and SHIPCTL_SERVER. "
                + "Password variables are removed from its environment. It runs at most once per --on-change-min-interval "
                + "(default 60s): changes within it are folded into one later run from the state last reported to the latest, "
                + "with every state passed through in SHIPCTL_CHANGES; each fold is said on stderr.", "",
            "--discord-webhook-file FILE (or SHIPCTL_DISCORD_WEBHOOK) posts to a Discord channel: down with the failing stage, "
                + "up again with the outage's length; once per change, at most once per --discord-min-interval (default 60s), "
                + "for each server, the notice naming it (profile or watch-file name, else host:port). "
                + "Setup and what the channel sees: docs/community.md.", "",
            "--status-http [ADDR:]PORT serves a read-only status page for a community site: / (HTML, embeddable in an iframe), "
                + "/status.json and /badge/NAME.svg, each server under its name (profile or watch-file name, else host:port). A port "
                + "alone binds 127.0.0.1; GET and HEAD only; no account names, no addresses unless --status-show-addresses. See docs/community.md."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  SHIPCTL_PASSWORD=... shipctl watch -u monitor --interval 30s --metrics 127.0.0.1:9464",
            "  shipctl watch --profile home --on-change 'notify-send \"PSO server: $1 -> $2\"'",
            "  shipctl watch --profile home --all --interval 5m --json >> /var/log/pso-health.jsonl",
            "  shipctl watch --profile home --fast --interval 10s   # straight to the block, one connection per round",
            "  shipctl watch --profile home --depth lobby          # into lobby 1 each round: counts its members, seen by players",
            "  shipctl watch --all-profiles --metrics 127.0.0.1:9464   # every saved server, one process",
            "  shipctl watch --watch-file ~/.config/shipctl/watch.toml --json   # see docs/monitoring.md",
            "  shipctl watch --all-profiles --status-http 8080 --status-cors https://example.org   # http://127.0.0.1:8080/"})
public final class WatchCommand implements Callable<Integer>, HandlesFleets {

    private final CliContext ctx;

    @Mixin
    ConnectOptions connect;

    @Mixin
    OutputOptions output;

    @Option(names = "--interval", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Time from the start of one check to the start of the next (default 30s).")
    Duration interval = Duration.ofSeconds(30);

    @Option(names = "--metrics", paramLabel = "[HOST:]PORT",
            description = "Serve Prometheus metrics on this address (HOST defaults to 127.0.0.1; port 0 picks a free one).")
    String metrics;

    @Option(names = "--on-change", paramLabel = "CMD", description = "Run CMD (with sh -c) when health changes.")
    String onChange;

    @Option(names = "--on-change-min-interval", paramLabel = "DURATION", converter = DurationConverter.OrZero.class,
            description = "Run --on-change at most once per DURATION (default 60s); changes meanwhile are folded into the next run."
                    + " 0 runs it on every change.")
    Duration onChangeMinInterval = Duration.ofSeconds(60);

    @Mixin
    DiscordOption discord;

    @Option(names = "--discord-min-interval", paramLabel = "DURATION", converter = DurationConverter.OrZero.class,
            description = "With a Discord webhook: at most one notice per DURATION (default 60s); changes meanwhile are folded"
                    + " into the next notice.")
    Duration discordMinInterval = Duration.ofSeconds(60);

    @Option(names = "--all", description = "Each round checks every ship and block (one login each), as check --all.")
    boolean all;

    @Option(names = "--max-checks", paramLabel = "N", description = "Stop after N rounds (default: run until stopped).")
    Integer maxChecks;

    @Option(names = "--fast", description = "Go straight to the block with the ticket the last login kept (the fast path, as check"
            + " does by default), falling back to the whole chain when refused. Without it every round takes the whole chain,"
            + " which also checks the login and character servers.")
    boolean fast;

    @Mixin
    DepthOption depthOption;

    @Mixin
    StatusHttpOptions statusHttp;

    @Option(names = "--watch-file", paramLabel = "FILE",
            description = "Watch the servers FILE names (TOML, [servers.NAME] tables: host, port, flavour, user, password_env or"
                    + " password_file, interval), each on its own schedule, in this one process.")
    Path watchFile;

    private final FastLogin fastLogin = new FastLogin();

    /** The longest an --on-change command may run. */
    static final Duration HOOK_TIMEOUT = Duration.ofSeconds(30);

    WatchCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    /** One check: the whole chain, or with {@code --fast} the kept ticket first, keeping the new one. */
    private CheckResult checkOnce(ShipClient client, Credentials credentials, HealthCheck fullChain) {
        if (!fast) return fullChain.run();
        CheckResult r = HealthCheck.builder(fastLogin.prepare(ctx, client, credentials.username(), true), credentials)
                .inLobby(s -> fastLogin.arrived(ctx, s)).build().run();
        if (!r.ok()) fastLogin.failed(ctx);
        return r;
    }

    @Override
    public Integer call() throws Exception {
        if (fast && all) throw UserError.usage("--fast and --all do not go together (--all needs the ship and block lists of the whole chain)");
        if (watchFile != null || connect.fleetAsked()) return watchMany();
        if (fast && depthOption.given() && depthOption.orElse(Depth.LOBBY) != Depth.LOBBY) {
            throw UserError.usage("--fast goes to the lobby: it needs --depth lobby (or no --depth)");
        }
        Depth depth = depthOption.orElse(fast ? Depth.LOBBY : Depth.BLOCK);
        ShipClient client = connect.client(ctx).build();
        Credentials credentials = connect.credentials(ctx);
        Terminal term = ctx.terminal();
        HealthCheck check = HealthCheck.builder(client, credentials).depth(depth).build();
        String name = connect.profile(ctx).isPresent() ? profileName() : connect.address(ctx);
        WatchMetrics m = new WatchMetrics();
        m.add(name, connect.address(ctx));
        OutageNotifier notices = discord.webhook(ctx)
                .map(w -> new OutageNotifier(w, name, discordMinInterval, InstantSource.system(), term)).orElse(null);
        HTTPServer server = metrics == null ? null : startMetrics(m);
        Backoff backoff = new Backoff(interval.compareTo(Duration.ofSeconds(1)) < 0 ? interval : Duration.ofSeconds(1), interval);
        String state = null;
        HookSpacing spacing = new HookSpacing(onChangeMinInterval, InstantSource.system());
        int rounds = 0;
        int lastExit = ExitCodes.OK;
        try (Stopper stop = new Stopper("watch"); StatusHttpOptions.Status status = statusHttp.start(ctx)) {
            status.expect(name, connect.address(ctx));
            if (server != null) {
                term.err().println("shipctl: metrics on http://" + hostOf(metrics) + ":" + server.getPort() + "/metrics");
            }
            term.err().println(term.dim("Watching " + connect.address(ctx) + " as " + credentials.username() + " every "
                    + Durations.format(interval) + " to the " + depth.id() + (depth.visibleToPlayers() ? " (seen by players in lobby 1)" : "") + " …"));
            while (!stop.stopping()) {
                long started = System.nanoTime();
                List<CheckResult> round = all ? check.runAll() : List.of(checkOnce(client, credentials, check));
                // a stop cut the check short: that failure is not the server's (no line, no metric, no hook, no notice);
                // pause(0) consumes the interrupt, so that the notices under way still go out
                if (!stop.pause(Duration.ZERO)) break;
                rounds++;
                m.record(name, connect.address(ctx), round);
                CheckResult firstFailure = round.stream().filter(r -> !r.ok()).findFirst().orElse(null);
                CheckResult shown = firstFailure != null ? firstFailure : round.getFirst();
                String next = firstFailure == null ? "up" : "down:" + firstFailure.failedStage().map(Stage::id).orElse("unknown");
                lastExit = ExitCodes.of(shown);
                status.record(name, shown);
                boolean changed = state != null && !state.equals(next);
                report(round, shown, next, changed);
                if (onChange != null) {
                    CheckResult latest = shown;
                    spacing.observe(next).ifPresent(decision -> onChangeDecision(decision, latest));
                }
                if (notices != null) notices.observe(next, shown);
                state = next;
                if (maxChecks != null && rounds >= maxChecks) break;
                Duration wait;
                if (firstFailure == null) {
                    backoff.reset();
                    wait = interval.minusNanos(System.nanoTime() - started);
                } else {
                    wait = backoff.next();
                }
                if (wait.isNegative()) wait = Duration.ZERO; // overran the interval: start the next check now, never two at once
                if (!stop.pause(wait)) break;
            }
            spacing.pending().ifPresent(held -> term.err().println("shipctl: on-change not run for " + String.join(" -> ", held)
                    + ": watch stopped within --on-change-min-interval " + Durations.format(onChangeMinInterval)));
        } finally {
            if (server != null) server.close();
            if (notices != null) notices.close();
        }
        return maxChecks != null ? lastExit : ExitCodes.OK;
    }

    /** The name of the profile in force (the flag, else $SHIPCTL_PROFILE). */
    private String profileName() {
        return connect.profile != null ? connect.profile : ctx.env().get("SHIPCTL_PROFILE");
    }

    /** Several servers (a fleet of profiles, or a watch file) in this one process. */
    private int watchMany() throws Exception {
        if (watchFile != null && connect.fleetAsked()) {
            throw UserError.usage("--watch-file and --profile a,b / --all-profiles do not go together: name the servers in one place");
        }
        if (fast || all || onChange != null) {
            throw UserError.usage("--fast, --all and --on-change watch one server (not built yet for several): run one watch per server");
        }
        List<WatchFile.Server> servers = watchFile != null ? WatchFile.read(watchFile, interval)
                : connect.fleet(ctx).stream().map(p -> new WatchFile.Server(p, Profiles.load(ctx.configFile()).require(p), interval)).toList();
        List<WatchMany.Target> targets = new java.util.ArrayList<>();
        for (WatchFile.Server s : servers) {
            targets.add(new WatchMany.Target(s.name(), connect.address(s.settings()), connect.client(ctx, s.settings()).build(),
                    connect.credentials(ctx, s.settings(), "server " + s.name()), s.interval()));
        }
        WatchMetrics m = new WatchMetrics();
        Depth depth = depthOption.orElse(Depth.BLOCK);
        HTTPServer server = metrics == null ? null : startMetrics(m);
        Terminal term = ctx.terminal();
        try (Stopper stop = new Stopper("watch"); StatusHttpOptions.Status status = statusHttp.start(ctx)) {
            for (WatchMany.Target t : targets) status.expect(t.name(), t.address());
            WatchMany many = new WatchMany(targets, m, ctx.terminal(), output.json(), maxChecks, depth,
                    discord.webhook(ctx).orElse(null), discordMinInterval, status::record);
            if (server != null) term.err().println("shipctl: metrics on http://" + hostOf(metrics) + ":" + server.getPort() + "/metrics");
            term.err().println(term.dim("Watching " + targets.size() + " servers (" + String.join(", ", targets.stream().map(WatchMany.Target::name).toList())
                    + ") to the " + depth.id() + (depth.visibleToPlayers() ? " (seen by players in lobby 1)" : "") + " …"));
            int worst = many.run();
            return maxChecks != null ? worst : ExitCodes.OK;
        } finally {
            if (server != null) server.close();
        }
    }

    private HTTPServer startMetrics(WatchMetrics m) {
        String host = hostOf(metrics);
        int port = portOf(metrics);
        try {
            return HTTPServer.builder().inetAddress(InetAddress.getByName(host)).port(port).registry(m.registry).buildAndStart();
        } catch (IOException e) {
            throw UserError.config("cannot serve metrics on " + host + ":" + port + ": " + e.getMessage());
        }
    }

    static String hostOf(String address) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0) return "127.0.0.1";
        String host = address.substring(0, colon);
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    static int portOf(String address) {
        String p = address.substring(address.lastIndexOf(':') + 1);
        try {
            int port = Integer.parseInt(p);
            if (port < 0 || port > 65535) throw new NumberFormatException();
            return port;
        } catch (NumberFormatException e) {
            throw UserError.usage("--metrics takes [HOST:]PORT, not '" + address + "'");
        }
    }

    private void report(List<CheckResult> round, CheckResult shown, String state, boolean changed) {
        Terminal term = ctx.terminal();
        if (output.json()) {
            ObjectNode o = CheckJson.of(shown);
            o.put("state", state).put("changed", changed);
            if (round.size() > 1) o.put("checked", round.size()).put("healthy", round.stream().filter(CheckResult::ok).count());
            term.out().println(Json.line(o));
        } else {
            String when = java.time.LocalTime.now().format(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss"));
            if (shown.ok()) {
                term.out().println(when + "  " + term.green("up") + "    " + shown.depth().id() + " in " + Durations.millis(shown.total())
                        + "  " + shown.where() + ", " + population(shown) + (round.size() > 1 ? "; " + round.size() + " logins ok" : ""));
            } else {
                term.out().println(when + "  " + term.red("DOWN") + "  " + shown.failure() + " (exit code " + ExitCodes.of(shown) + ")");
            }
        }
        term.out().flush();
    }

    /** The population a successful check saw: the lobby's other players, else the ship list's total. */
    static String population(CheckResult r) {
        return r.lobby().isPresent() ? r.others().size() + " other player(s)"
                : r.ships().stream().flatMap(sh -> sh.players().stream()).reduce(Integer::sum)
                        .map(n -> n + " player(s) on the ship list").orElse("no population shown");
    }

    /** Runs the hook, or says on stderr why it does not run now. */
    private void onChangeDecision(HookSpacing.Decision decision, CheckResult latest) {
        Terminal term = ctx.terminal();
        String spacing = "--on-change-min-interval " + Durations.format(onChangeMinInterval);
        switch (decision) {
            case HookSpacing.Run run -> {
                if (run.coalesced()) {
                    term.err().println("shipctl: on-change: " + (run.path().size() - 1) + " changes within " + spacing
                            + " coalesced into one run: " + String.join(" -> ", run.path()));
                }
                runHook(run.from(), run.to(), latest, run.path());
            }
            case HookSpacing.Hold hold -> term.err().println("shipctl: on-change " + hold.from() + " -> " + hold.to()
                    + " held: the hook ran less than " + Durations.format(onChangeMinInterval)
                    + " ago (--on-change-min-interval); it runs in " + Durations.format(hold.remaining()) + " or later, with the latest state");
            case HookSpacing.Settled settled -> term.err().println("shipctl: on-change not run: " + String.join(" -> ", settled.path())
                    + " came back to " + settled.path().getLast() + " within " + spacing);
        }
    }

    private void runHook(String oldState, String newState, CheckResult r, List<String> path) {
        Terminal term = ctx.terminal();
        boolean windows = System.getProperty("os.name", "").toLowerCase().contains("win");
        ProcessBuilder pb = windows
                ? new ProcessBuilder("cmd", "/c", onChange)
                : new ProcessBuilder("sh", "-c", onChange, "shipctl-on-change", oldState, newState);
        Map<String, String> env = pb.environment();
        env.clear();
        env.putAll(ctx.env());
        // never hand the password to the hook: drop every variable shipctl may have read it from
        env.remove(PasswordSource.DEFAULT_ENV);
        if (connect.passwordEnv != null) env.remove(connect.passwordEnv);
        connect.profile(ctx).map(Profile::passwordEnv).ifPresent(env::remove);
        env.put("SHIPCTL_OLD_STATE", oldState);
        env.put("SHIPCTL_NEW_STATE", newState);
        env.put("SHIPCTL_STAGE", r.failedStage().map(Stage::id).orElse(""));
        // the error quotes the server (a 0x1A text, a ship name): a hook that echoes it to a terminal or a chat
        // must not pass on its escapes, so hooks get it by the terminal's rule
        env.put("SHIPCTL_ERROR", TerminalText.sanitize(r.reason().orElse("")));
        env.put("SHIPCTL_EXIT_CODE", String.valueOf(ExitCodes.of(r)));
        env.put("SHIPCTL_SERVER", TerminalText.sanitize(r.server()));
        env.put("SHIPCTL_CHANGES", String.join(" ", path));
        pb.redirectErrorStream(true);
        try {
            Process p = pb.start();
            p.getOutputStream().close(); // no input for the hook
            java.util.concurrent.CompletableFuture<byte[]> out = new java.util.concurrent.CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                try (var in = p.getInputStream()) {
                    byte[] head = in.readNBytes(64 * 1024);
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                    out.complete(head);
                } catch (IOException e) {
                    out.complete(new byte[0]);
                }
            });
            boolean done = p.waitFor(HOOK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) p.destroyForcibly();
            String text = new String(out.getNow(new byte[0]).length > 0 || done ? out.get(1, TimeUnit.SECONDS) : new byte[0],
                    StandardCharsets.UTF_8).strip();
            if (!text.isEmpty()) text.lines().forEach(l -> term.err().println("on-change: " + l));
            term.err().println("shipctl: on-change " + oldState + " -> " + newState + ": "
                    + (done ? "exit code " + p.exitValue() : "killed after " + Durations.format(HOOK_TIMEOUT)));
        } catch (IOException e) {
            term.err().println("shipctl: on-change could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            term.err().println("shipctl: on-change output could not be read: " + e.getMessage());
        }
    }

    static InetSocketAddress address(String s) {
        return new InetSocketAddress(hostOf(s), portOf(s));
    }
}

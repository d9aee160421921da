package dev.shipctl.cli.diagnostics;

import dev.shipctl.Credentials;
import dev.shipctl.Depth;
import dev.shipctl.Durations;
import dev.shipctl.ShipClient;
import dev.shipctl.check.CheckResult;
import dev.shipctl.check.HealthCheck;
import dev.shipctl.cli.common.CliContext;
import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.common.HandOver;
import dev.shipctl.cli.common.OneServerOnly;
import dev.shipctl.cli.common.Stopper;
import dev.shipctl.cli.common.UserError;
import dev.shipctl.cli.options.ConnectOptions;
import dev.shipctl.cli.options.DurationConverter;
import dev.shipctl.cli.output.Json;
import dev.shipctl.cli.terminal.Terminal;
import dev.shipctl.sandbox.Accounts;
import dev.shipctl.sandbox.Sandbox;
import dev.shipctl.swarm.Behaviour;
import dev.shipctl.swarm.Swarm;
import dev.shipctl.swarm.SwarmReport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import tools.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A load test: many sessions through the whole login chain at a bounded rate, held, then logged out; a report. */
@Command(name = "swarm", mixinStandardHelpOptions = true, subcommands = SwarmMergeCommand.class,
        description = {"Load-test a server you own: many sessions, logged in at a bounded rate, held, then logged out.", "",
            "Logs --sessions accounts in through the whole chain, at most --ramp logins a second, holds them in their "
                + "lobbies for --duration (answering pings; --behaviour chat says a short line now and then, lobby-hop "
                + "changes lobbies, announce-listen counts announcements), then logs every one out and prints a report: "
                + "per-stage latencies (p50/p90/p99/max), logins per second, sessions held, errors by stage and type, "
                + "server disconnects by kind (per_ip_limit: the server closed an address's oldest connection, as "
                + "Tethealla does past 6 per IP), client CPU and heap per session. Ctrl-C or SIGTERM stops opening, "
                + "logs out every session, prints the report and exits 0.", "",
            "It is load: a target off loopback (127.0.0.0/8) is refused (exit 11) unless --target-is-mine names that "
                + "very host. Accounts come from --accounts FILE (TOML or CSV; passwords from environment variables "
                + "or files, never the command line; see docs/swarm.md), or are generated for --sandbox, which starts "
                + "one in-process."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  shipctl swarm --sandbox --sessions 200 --ramp 100/s --duration 30s",
            "  shipctl swarm -H 127.0.0.1 --accounts bots.csv --password-env BOT_PASSWORD --sessions 50 --ramp 5/s \\",
            "      --duration 10m --behaviour chat --source 127.0.0.2-127.0.0.20 --json > run.json",
            "  shipctl swarm -H ship.example.org --target-is-mine ship.example.org --accounts bots.toml --shard 2/3 --json",
            "  shipctl swarm --sandbox --sessions 1000 --ramp 200/s --duration 5m --metrics 127.0.0.1:9464",
            "  shipctl swarm merge shard-1.json shard-2.json shard-3.json"})
public final class SwarmCommand implements Callable<Integer>, OneServerOnly {
    @Override
    public String notForAFleet() {
        return "loads one server; run one swarm per server (or shards: --shard)";
    }

    private final CliContext ctx;

    @Mixin
    ConnectOptions connect;

    @Option(names = "--sessions", paramLabel = "N", description = "Sessions to open (default: every account; 100 with --sandbox).")
    Integer sessions;

    @Option(names = "--ramp", paramLabel = "R/s", defaultValue = "10/s", description = "Logins started per second, at most (default 10/s).")
    String ramp;

    @Option(names = "--in-flight", paramLabel = "N",
            description = "Logins in flight at once, at most (default: what --ramp starts in twice the fastest login, at least 16); a ramp faster than the server then goes at its pace.")
    Integer inFlight;

    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "60s",
            description = "How long to hold the sessions after the ramp (default 60s).")
    Duration duration;

    @Option(names = "--accounts", paramLabel = "FILE", description = "Accounts to log in (TOML or CSV; see docs/swarm.md).")
    Path accountsFile;

    @Option(names = "--behaviour", paramLabel = "KIND", defaultValue = "idle",
            description = "What each held session does: idle (default), chat, lobby-hop, announce-listen.")
    String behaviour;

    @Option(names = "--action-interval", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "10s",
            description = "How often a chatting session speaks or a hopping one moves (default 10s; never faster than the server allows).")
    Duration actionInterval;

    @Option(names = "--sandbox", description = "Start a sandbox in this process, with generated accounts and enough blocks, and target it.")
    boolean sandbox;

    @Option(names = "--source", paramLabel = "RANGE", description = "Local addresses to connect from, round robin: 127.0.0.2-127.0.0.254, or a,b,c.")
    String source;

    @Option(names = "--blocks", paramLabel = "N", description = "Spread the sessions over blocks 1..N (a block holds 180: 15 lobbies of 12).")
    Integer blocks;

    @Option(names = "--target-is-mine", paramLabel = "HOST", description = "Allow a target off loopback: must name exactly the host given (-H).")
    String targetIsMine;

    @Option(names = "--shard", paramLabel = "I/N", description = "Run the I-th of N disjoint slices of the accounts (1-based), labelled so.")
    String shard;

    @Option(names = "--json", description = "Print the report as one JSON object (histograms included, for swarm merge).")
    boolean json;

    @Option(names = "--jsonl", description = "Print a JSON snapshot every second, then the report as a last JSON line.")
    boolean jsonl;

    @Option(names = "--after-wait", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "30s",
            description = "After the swarm, how long the server has to answer one more login, every 2 s, before the report says it no longer does (default 30s; 1ms: one try).")
    Duration afterWait;

    @Option(names = "--metrics", paramLabel = "[HOST:]PORT",
            description = "Serve Prometheus metrics while it runs, every series labelled with the shard (HOST defaults to 127.0.0.1).")
    String metrics;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the report as an offline HTML page with SVG charts.")
    Path html;

    SwarmCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Behaviour kind = Behaviour.byId(behaviour.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> UserError.usage("--behaviour: idle, chat, lobby-hop or announce-listen, not " + behaviour));
        double rate = rate(ramp);
        if (inFlight != null && inFlight < 1) throw UserError.usage("--in-flight: at least 1 login, not " + inFlight);
        int[] slice = shard == null ? new int[] {1, 1} : shard(shard);
        String label = shard == null ? "" : "shard " + slice[0] + "/" + slice[1];
        List<InetAddress> sources = source == null ? List.of() : sources(source);
        if (sandbox) {
            if (connect.host != null || connect.port != null || accountsFile != null) {
                throw UserError.usage("--sandbox loads a sandbox of its own, with accounts of its own: not with -H, -p or --accounts");
            }
            if (shard != null) {
                throw UserError.usage("--sandbox starts a server in each process, so shards would not meet: start one with "
                        + "`shipctl sandbox --accounts FILE` and point the shards at it (docs/swarm.md, \"Shards on one machine\")");
            }
            return withSandbox(kind, rate, slice, label, sources);
        }
        String host = connect.resolvedHost(ctx);
        refuseUnlessMine(host);
        if (accountsFile == null) throw UserError.usage("give --accounts FILE (or --sandbox)");
        List<Credentials> all = SwarmAccounts.load(accountsFile, connect.namedPasswordSource(ctx), ctx);
        return run(connect.client(ctx).build(), SwarmAccounts.shard(all, slice[0], slice[1]), kind, rate, label, sources);
    }

    private void refuseUnlessMine(String host) {
        if (ConnectOptions.loopback(host)) return;
        if (targetIsMine != null && targetIsMine.equals(host)) return;
        throw new UserError(ExitCodes.NOT_MINE, "refusing to load " + host + ": it is not on loopback; if it is your server, "
                + "say so with --target-is-mine " + host);
    }

    private int withSandbox(Behaviour kind, double rate, int[] slice, String label, List<InetAddress> sources) throws Exception {
        int n = sessions != null ? sessions : DEFAULT_SESSIONS;
        String password = randomPassword();
        List<Credentials> credentials = new ArrayList<>(n);
        for (int i = 0; i < n; i++) credentials.add(new Credentials(Accounts.generatedUser("swarm", i), password));
        int blocksNeeded;
        try {
            blocksNeeded = Sandbox.blocksFor(n);
        } catch (IllegalArgumentException e) {
            throw UserError.usage("--sessions " + n + ": " + e.getMessage());
        }
        if (blocks == null) blocks = blocksNeeded;
        if (sources.isEmpty() && n > SANDBOX_ONE_SOURCE_MAX && System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            // each login opens three connections to the character port and leaves them in TIME_WAIT for a minute: from
            // one address the ~28,000 ephemeral ports run out near 9,000 logins; all of 127/8 is this machine on Linux
            sources = sources(LOOPBACK_SOURCES);
            ctx.terminal().err().println("shipctl: " + n + " sessions come from " + LOOPBACK_SOURCES + " (one address has too few ports; --source sets others)");
        }
        try (SandboxTarget target = startSandbox(n, password, Math.max(blocks, blocksNeeded), rate)) {
            ShipClient client = connect.client(ctx).server(target.host(), target.port()).build();
            sessions = null;
            return run(client, SwarmAccounts.shard(credentials, slice[0], slice[1]), kind, rate, label, sources);
        }
    }

    /** Where a {@code --sandbox} swarm logs in, and what stops that sandbox. */
    private record SandboxTarget(String host, int port, AutoCloseable server) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            server.close();
        }
    }

    /**
     * A sandbox with {@code n} generated accounts: in this process, or in a JVM of its own when this process may not
     * open enough files for both ends of every session.
     */
    private SandboxTarget startSandbox(int n, String password, int blockCount, double rate) {
        try {
            if (sandboxInOwnProcess(n)) {
                ctx.terminal().err().println("shipctl: the sandbox runs in a process of its own (both ends of " + n
                        + " sessions need more open files than one process may have)");
                Duration lifetime = duration.plusSeconds((long) Math.ceil(n / rate)).plusMinutes(10);
                // its virtual threads on the cores this process leaves them (SwarmCores); the JIT's first tier only, and
                // code compiled after a twentieth of the usual calls, as the launchers give the swarm itself (the
                // optimising compiler cost a ramp more than it saved; the first second ran interpreted)
                List<String> jvm = List.of("-D" + SwarmCores.PARALLELISM + "=" + SwarmCores.sandboxShare(Runtime.getRuntime().availableProcessors()),
                        "-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=0.05");
                SandboxProcess s = SandboxProcess.start(jvm, Map.of(HandOver.GENERATED_PASSWORD, password), "--blocks", String.valueOf(blockCount),
                        "--max-connections-per-ip", String.valueOf(Integer.MAX_VALUE), "--key-pool", String.valueOf(SANDBOX_KEY_POOL),
                        "--generated-accounts", String.valueOf(n),
                        "--stop-after", lifetime.toSeconds() + "s");
                return new SandboxTarget("127.0.0.1", s.loginPort(), s);
            }
            Sandbox s = Sandbox.builder().loginPort(0).shipPort(0).blocks(blockCount).maxConnectionsPerIp(Integer.MAX_VALUE)
                    .keyPool(SANDBOX_KEY_POOL).accounts(Accounts.generated("swarm", n, password)).build().start();
            return new SandboxTarget(s.address().getHostAddress(), s.loginPort(), s);
        } catch (IOException e) {
            throw UserError.usage("cannot start the sandbox: " + e.getMessage());
        }
    }

    /**
     * Each held session is an open socket: past the process's limit of open files, logins fail with "Too many open
     * files". Said before the ramp, not after. (An in-process sandbox, whose ends count too, is only started where
     * they fit: {@link #startSandbox}.)
     */
    private void warnIfTooFewFiles(int sessions) {
        long limit = openFilesLimit();
        long needed = sessions + FILES_BESIDE_SESSIONS;
        if (needed > limit) {
            ctx.terminal().err().println("shipctl: " + sessions + " sessions need about " + needed + " open files; this process may open "
                    + limit + ": logins past that fail (raise it with ulimit -n, or run fewer sessions)");
        }
    }

    /**
     * Key pairs the sandbox of a {@code --sandbox} swarm draws its 0x03 keys from (Sandbox.Builder#keyPool): it keys each
     * once, so the load's processor time goes to the client being measured, which keys every connection.
     */
    static final int SANDBOX_KEY_POOL = 256;

    /** Sessions a {@code --sandbox} swarm opens when {@code --sessions} does not say. */
    static final int DEFAULT_SESSIONS = 100;

    /** Whether a {@code --sandbox} swarm of {@code n} sessions runs its sandbox in a JVM of its own: both ends do not fit here. */
    static boolean sandboxInOwnProcess(int n) {
        return openFilesLimit() < 2L * n + FILES_BESIDE_SESSIONS;
    }

    /** Open files a swarm's process needs besides its sessions' sockets (jars, the JVM's own, the sandbox's ports). */
    private static final int FILES_BESIDE_SESSIONS = 200;

    /** How many files this process may open (Long.MAX_VALUE where the JVM does not say). */
    private static long openFilesLimit() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean os
                ? os.getMaxFileDescriptorCount() : Long.MAX_VALUE;
    }

    /** Sessions a {@code --sandbox} swarm opens from one source address at most, unless --source says otherwise. */
    private static final int SANDBOX_ONE_SOURCE_MAX = 2_000;
    private static final String LOOPBACK_SOURCES = "127.0.0.2-127.0.0.254";

    /** One password for the generated accounts: random, never shown (12 hex digits; Blue Burst allows 16 characters). */
    private static String randomPassword() {
        byte[] bytes = new byte[6];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private int run(ShipClient client, List<Credentials> accounts, Behaviour kind, double rate, String label, List<InetAddress> sources)
            throws InterruptedException {
        if (accounts.isEmpty()) throw UserError.usage("no account to log in" + (shard == null ? "" : " in shard " + shard));
        Terminal term = ctx.terminal();
        int n = sessions == null ? accounts.size() : sessions;
        if (n < 1 || n > accounts.size()) {
            throw UserError.usage("--sessions " + n + ": there are " + accounts.size() + " accounts" + (shard == null ? "" : " in this shard"));
        }
        warnIfTooFewFiles(n);
        Swarm.Builder b = Swarm.builder(client, accounts).sessions(n).ramp(rate).duration(duration).behaviour(kind)
                .actionInterval(actionInterval).sources(sources).label(label);
        if (blocks != null) b.blocks(blocks);
        if (inFlight != null) b.maxInFlight(inFlight);
        boolean live = term.tty() && !json && !jsonl;
        SwarmMetrics exported = metrics == null ? null
                : SwarmMetrics.serve(metrics, shard == null ? "1/1" : shard(shard)[0] + "/" + shard(shard)[1]);
        if (exported != null) term.err().println("shipctl: metrics on http://" + WatchCommand.hostOf(metrics) + ":" + exported.port() + "/metrics");
        b.onSnapshot(s -> {
            if (exported != null) exported.update(s);
            if (jsonl) {
                synchronized (term) {
                    term.out().println(Json.line(SwarmOutput.json(s)));
                    term.out().flush();
                }
            } else if (live) {
                term.err().print("\r" + SwarmOutput.progress(s, n) + "  ");
            }
        });
        Swarm swarm = b.build();
        SwarmReport report;
        try (Stopper stop = new Stopper("swarm"); SwarmMetrics closing = exported) {
            CompletableFuture<SwarmReport> running = new CompletableFuture<>();
            Thread.ofPlatform().name("shipctl-swarm").start(() -> {
                try {
                    running.complete(swarm.run());
                } catch (Throwable t) {
                    running.completeExceptionally(t);
                }
            });
            try {
                report = running.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("the swarm failed: " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                stop.interrupted();
                swarm.stop(); // stop opening, log out every session: then the report
                report = uninterruptibly(running);
            }
            if (live) term.err().println();
            print(report, checkAfter(client, accounts.getFirst()));
        }
        return ExitCodes.OK;
    }

    private static SwarmReport uninterruptibly(CompletableFuture<SwarmReport> running) throws InterruptedException {
        while (true) {
            try {
                return running.get();
            } catch (InterruptedException e) {
                // a second signal: keep waiting for the logouts
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private void print(SwarmReport report, After checked) {
        CheckResult after = checked.result();
        Terminal term = ctx.terminal();
        synchronized (term) {
            if (json || jsonl) {
                ObjectNode o = SwarmOutput.json(report);
                ObjectNode a = o.putObject("after");
                a.put("up", after.ok());
                a.put("waited_s", checked.waited().toMillis() / 1000.0);
                after.failedStage().ifPresent(st -> a.put("failed_stage", st.id()));
                after.reason().ifPresent(r -> a.put("error", r));
                term.out().println(Json.line(o));
            } else {
                SwarmOutput.text(report).forEach(term.out()::println);
                term.out().println("  after      " + checked.line());
            }
            term.out().flush();
        }
        if (html != null) SwarmHtml.write(html, report);
    }

    /**
     * One login to the ship list once every session has left, with the shard's first account: whether the server
     * is still there. A server can hold a load and fall over when it leaves (a real Tethealla's ship did, killed by
     * SIGPIPE while hundreds of players logged out at once): the counts alone would not say so.
     */
    private After checkAfter(ShipClient client, Credentials account) {
        // a server busy with thousands of goodbyes may answer late: it has --after-wait to answer once
        HealthCheck check = HealthCheck.builder(client, account).depth(Depth.SHIP).build();
        long start = System.nanoTime();
        while (true) {
            CheckResult r = check.run();
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            if (r.ok() || waited.compareTo(afterWait) >= 0) return new After(r, waited);
            try {
                Thread.sleep(AFTER_RETRY.toMillis()); // a pause between attempts, not a synchronisation
            } catch (InterruptedException e) {
                return new After(r, waited); // stopped again: what is known so far
            }
        }
    }

    private static final Duration AFTER_RETRY = Duration.ofSeconds(2);

    /** The login after the swarm: its result, and how long after the first attempt it came. */
    record After(CheckResult result, Duration waited) {
        String line() {
            if (result.ok() && waited.compareTo(Duration.ofSeconds(1)) < 0) return "the server still answers: a new login reached the ship list";
            if (result.ok()) return "the server answered again " + Durations.format(waited) + " after the swarm left: a new login reached the ship list";
            return "the server no longer answers: new logins failed for " + Durations.format(waited) + ", the last " + result.failure();
        }
    }

    /** "100/s", "100" or "2.5/s": logins a second. */
    static double rate(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.endsWith("/s")) t = t.substring(0, t.length() - 2);
        try {
            double r = Double.parseDouble(t);
            if (r > 0 && r <= 100_000) return r;
        } catch (NumberFormatException e) {
            // below
        }
        throw UserError.usage("--ramp: a rate such as 100/s (more than 0, at most 100000), not " + text);
    }

    /** "2/3" as {2, 3}: the second of three shards. */
    static int[] shard(String text) {
        String[] parts = text.strip().split("/", -1);
        try {
            if (parts.length == 2) {
                int i = Integer.parseInt(parts[0]), n = Integer.parseInt(parts[1]);
                if (n >= 1 && i >= 1 && i <= n) return new int[] {i, n};
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw UserError.usage("--shard: I/N with 1 <= I <= N (the I-th of N slices), not " + text);
    }

    /** "127.0.0.2-127.0.0.254" (the last number ranging) or "a,b,c". */
    static List<InetAddress> sources(String text) {
        List<InetAddress> result = new ArrayList<>();
        try {
            for (String part : text.split(",")) {
                String p = part.strip();
                int dash = p.indexOf('-');
                if (dash < 0) {
                    result.add(InetAddress.getByName(p));
                    continue;
                }
                byte[] from = InetAddress.getByName(p.substring(0, dash)).getAddress();
                byte[] to = InetAddress.getByName(p.substring(dash + 1)).getAddress();
                if (from.length != 4 || to.length != 4 || from[0] != to[0] || from[1] != to[1] || from[2] != to[2]
                        || (from[3] & 0xFF) > (to[3] & 0xFF)) {
                    throw UserError.usage("--source: a range varies the last number only, low to high: " + p);
                }
                for (int last = from[3] & 0xFF; last <= (to[3] & 0xFF); last++) {
                    result.add(InetAddress.getByAddress(new byte[] {from[0], from[1], from[2], (byte) last}));
                }
            }
        } catch (UnknownHostException e) {
            throw UserError.usage("--source: not an address: " + e.getMessage());
        }
        return result;
    }

}

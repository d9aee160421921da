package dev.shipctl.cli.diagnostics;

import dev.shipctl.Credentials;
import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.output.Json;
import dev.shipctl.cli.terminal.Terminal;
import dev.shipctl.sandbox.Sandbox;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code shipctl bench}: whole one-shot {@code check} and {@code announce} processes, started through the launcher,
 * against the built-in sandbox and a real server, interleaved round by round, each by the whole chain
 * ({@code --full-login}) and by the fast path; with a hello-world JVM in every round as the yardstick. Each run is
 * split at the first TCP connect and the last byte from the server, as a {@link BenchRelay} in front of the server
 * sees them.
 */
final class OneShotBench {
    /** What the announce runs say (every player on the ship sees it). */
    static final String ANNOUNCEMENT = "shipctl bench: a timing run";
    private static final long PROCESS_LIMIT_SECONDS = 120;
    private static final InetAddress RELAY_HOST = InetAddress.ofLiteral("127.0.0.2");

    /** What the command line asked for. */
    record Settings(Path launcher, int runs, boolean announce, boolean json) {}

    /** A server the children are pointed at, and how much of their traffic its relay sees. */
    private static final class Target {
        final String name;
        final String host;
        final int port;
        final Credentials credentials;
        final List<String> extraArgs;
        final BenchRelay relay;
        final boolean everyPort;
        boolean announce;

        Target(String name, String host, int port, Credentials credentials, List<String> extraArgs, BenchRelay relay,
                boolean everyPort, boolean announce) {
            this.name = name;
            this.host = host;
            this.port = port;
            this.credentials = credentials;
            this.extraArgs = extraArgs;
            this.relay = relay;
            this.everyPort = everyPort;
            this.announce = announce;
        }
    }

    /** One row of the table: a target, a verb, a way in. */
    private static final class Row {
        final String target;
        final String verb;
        final String path;
        int attempts;
        int ok;
        int fellBack;
        final BenchFigures verdict = new BenchFigures();
        final BenchFigures wall = new BenchFigures();
        final BenchFigures init = new BenchFigures();
        final BenchFigures network = new BenchFigures();
        final BenchFigures exit = new BenchFigures();

        Row(String target, String verb, String path) {
            this.target = target;
            this.verb = verb;
            this.path = path;
        }
    }

    /** One process: its exit code, times ({@link System#nanoTime()}), what the relay saw, and its last words. */
    private record Outcome(int exitCode, long start, long verdict, long end, BenchRelay.Seen seen, String lastWords) {}

    private final Settings settings;
    private final Terminal term;
    private final Path work;
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final BenchFigures hello = new BenchFigures();

    private OneShotBench(Settings settings, Terminal term, Path work) {
        this.settings = settings;
        this.term = term;
        this.work = work;
    }

    /**
     * Runs the bench and prints it. {@code real} is the real server's login address and account, if one was given;
     * {@code realArgs} are options every child run against it gets (e.g. {@code --profile NAME}).
     */
    static int run(Settings settings, Terminal term, Optional<InetSocketAddress> real, Credentials realAccount,
            List<String> realArgs) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("shipctl-bench"); // private (0700): the children's fast-path tickets
        try {
            return new OneShotBench(settings, term, work).run(real, realAccount, realArgs);
        } finally {
            try (var files = Files.walk(work)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
            }
        }
    }

    private int run(Optional<InetSocketAddress> real, Credentials realAccount, List<String> realArgs)
            throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> helloCommand = HelloJvm.command(java, work);
        List<AutoCloseable> open = new ArrayList<>();
        try {
            List<Target> targets = new ArrayList<>();
            targets.add(sandbox(open));
            if (real.isPresent()) {
                BenchRelay relay = BenchRelay.inFrontOf(real.get());
                open.add(relay);
                String address = real.get().getHostString() + ":" + real.get().getPort();
                targets.add(new Target("real " + address, "127.0.0.1", relay.port(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)),
                        realAccount, realArgs, relay, false, settings.announce()));
                notes.add("real " + address + ": the relay is in front of its login port only: the server's redirects name its own"
                        + " addresses and are encrypted, and the relay rewrites nothing, so 'network' ends at the verdict line on"
                        + " stdout (not the last byte), 'exit' starts there, and a fast-path run (straight to the block) is not"
                        + " seen by the relay: its 'our init' and 'network' are not measured");
            }
            if (!settings.announce()) notes.add("announce not run (--no-announce)");
            // warm-up, not counted: the launcher builds its jar and startup cache if they are stale, the page cache fills
            outcome(launcherCommand("--version"), Map.of(), null);
            outcome(helloCommand, Map.of(), null);
            for (int round = 1; round <= settings.runs(); round++) {
                if (!settings.json()) term.err().println(term.dim("bench: round " + round + " of " + settings.runs() + " …"));
                Outcome h = outcome(helloCommand, Map.of(), null);
                if (h.exitCode() == 0) hello.add(ms(h.end() - h.start()));
                for (Target t : targets) round(t);
            }
        } finally {
            for (AutoCloseable c : open.reversed()) {
                try {
                    c.close();
                } catch (Exception e) {
                    // closing what the bench started; nothing to report
                }
            }
        }
        for (Row r : rows.values()) {
            if (r.path.equals("fast") && r.fellBack > 0) {
                notes.add(r.target + ", " + r.verb + ": " + r.fellBack + " of " + r.attempts
                        + " fast-path runs took the full chain (fell back, or no fast path): left out of that row");
            }
        }
        if (settings.json()) {
            term.out().println(Json.line(json()));
        } else {
            text();
        }
        return ExitCodes.OK;
    }

    /**
     * The sandbox, listening on 127.0.0.1 and naming 127.0.0.2 in its redirects, with the relay on 127.0.0.2 in front
     * of every port (the same port numbers), so the relay sees every connection of the chain. Where 127.0.0.2 cannot
     * be had (it is loopback on Linux, not everywhere), the relay is in front of the login port only.
     */
    private Target sandbox(List<AutoCloseable> open) throws IOException {
        Credentials gm = new Credentials("gmadmin", "gmadmin123"); // the demo GM account: public, loopback only
        IOException last = null;
        for (int attempt = 0; attempt < 5; attempt++) { // a port number the sandbox got may be taken on 127.0.0.2
            Sandbox sandbox = Sandbox.builder().loginPort(0).shipPort(0).advertise(RELAY_HOST).build().start();
            try {
                Map<InetSocketAddress, InetSocketAddress> routes = new LinkedHashMap<>();
                List<Integer> ports = List.of(sandbox.loginPort(), sandbox.characterPort(), sandbox.shipPort(),
                        sandbox.blockPort(1), sandbox.blockPort(2));
                for (int p : ports) routes.put(new InetSocketAddress(RELAY_HOST, p), new InetSocketAddress(sandbox.address(), p));
                BenchRelay relay = new BenchRelay(routes, new InetSocketAddress(RELAY_HOST, sandbox.loginPort()));
                open.add(sandbox);
                open.add(relay);
                notes.add("sandbox: a relay on 127.0.0.2 is in front of every port (the sandbox names it in its redirects):"
                        + " 'network' is the first connect to the last byte from the server, 'exit' the last byte to the exit");
                return new Target("sandbox", RELAY_HOST.getHostAddress(), sandbox.loginPort(), gm, List.of(), relay, true, settings.announce());
            } catch (IOException e) {
                last = e;
                sandbox.close();
            }
        }
        Sandbox sandbox = Sandbox.builder().loginPort(0).shipPort(0).build().start();
        open.add(sandbox);
        BenchRelay relay = BenchRelay.inFrontOf(new InetSocketAddress(sandbox.address(), sandbox.loginPort()));
        open.add(relay);
        notes.add("sandbox: no relay on 127.0.0.2 (" + last.getMessage() + "): the relay is in front of the login port only,"
                + " 'network' ends at the verdict line on stdout, and fast-path runs have no 'our init' or 'network'");
        return new Target("sandbox", "127.0.0.1", relay.port(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)), gm,
                List.of(), relay, false, settings.announce());
    }

    /**
     * One round against a target: check and announce by the whole chain, then one uncounted run that keeps a fresh
     * ticket (a full login makes the server forget the one kept before), then check and announce by the fast path.
     */
    private void round(Target t) throws IOException, InterruptedException {
        timed(t, "check", true);
        if (t.announce) timed(t, "announce", true);
        outcome(verbCommand(t, "check", false), childEnv(t), t.relay); // the ticket for the fast runs
        timed(t, "check", false);
        if (t.announce) timed(t, "announce", false);
    }

    private void timed(Target t, String verb, boolean full) throws IOException, InterruptedException {
        Row row = rows.computeIfAbsent(t.name + "|" + verb + "|" + full, k -> new Row(t.name, verb, full ? "full" : "fast"));
        Outcome o = outcome(verbCommand(t, verb, full), childEnv(t), t.relay);
        row.attempts++;
        if (o.exitCode() != 0 || o.verdict() == 0) {
            if (verb.equals("announce") && o.exitCode() == ExitCodes.NO_REPLY) {
                t.announce = false;
                notes.add(t.name + ": announce not run from here on: the server did not confirm it (exit 7: an announce"
                        + " needs a GM account): " + o.lastWords());
            } else {
                notes.add(t.name + ", " + verb + " (" + row.path + "): run " + row.attempts + " failed, exit " + o.exitCode()
                        + (o.lastWords().isEmpty() ? "" : ": " + o.lastWords()));
            }
            return;
        }
        row.ok++;
        BenchRelay.Seen seen = o.seen();
        if (!full && seen.loginPort()) {
            row.fellBack++;
            return;
        }
        row.verdict.add(ms(o.verdict() - o.start()));
        row.wall.add(ms(o.end() - o.start()));
        if (t.everyPort && seen.firstConnect() != 0 && seen.lastServerByte() != 0) {
            row.init.add(ms(seen.firstConnect() - o.start()));
            row.network.add(ms(seen.lastServerByte() - seen.firstConnect()));
            row.exit.add(ms(o.end() - seen.lastServerByte()));
        } else {
            if (seen.firstConnect() != 0) {
                row.init.add(ms(seen.firstConnect() - o.start()));
                row.network.add(ms(o.verdict() - seen.firstConnect()));
            }
            row.exit.add(ms(o.end() - o.verdict()));
        }
    }

    private List<String> launcherCommand(String... args) {
        List<String> c = new ArrayList<>(List.of(settings.launcher().toString()));
        c.addAll(List.of(args));
        return c;
    }

    private List<String> verbCommand(Target t, String verb, boolean full) {
        // plain output, as cron and scripts run them (--json would add Jackson's loading to every run)
        List<String> c = launcherCommand(verb, "-H", t.host, "-p", String.valueOf(t.port), "-u", t.credentials.username());
        if (full) c.add("--full-login");
        c.addAll(t.extraArgs);
        if (verb.equals("announce")) c.add(ANNOUNCEMENT);
        return c;
    }

    /** The password in the environment (never in argv), the bench's own state folder for the tickets. */
    private Map<String, String> childEnv(Target t) {
        return Map.of("SHIPCTL_PASSWORD", t.credentials.password(), "NO_COLOR", "1",
                "XDG_STATE_HOME", work.resolve("state").toString());
    }

    /**
     * Runs one process to its end (at most {@link #PROCESS_LIMIT_SECONDS}); the verdict is when its last stdout line
     * came. Its environment loses {@code SHIPCTL_PROFILE} (a real target's profile, if any, is in its options).
     */
    private Outcome outcome(List<String> command, Map<String, String> env, BenchRelay relay) throws IOException, InterruptedException {
        Path err = work.resolve("stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(err.toFile());
        pb.environment().remove("SHIPCTL_PROFILE");
        pb.environment().putAll(env);
        if (relay != null) relay.reset();
        long start = System.nanoTime();
        Process p = pb.start();
        Thread watchdog = Thread.ofVirtual().start(() -> {
            try {
                if (!p.waitFor(PROCESS_LIMIT_SECONDS, TimeUnit.SECONDS)) p.destroyForcibly();
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        });
        p.getOutputStream().close();
        long verdict = 0;
        String lastLine = "";
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                verdict = System.nanoTime();
                lastLine = line;
            }
        }
        int code = p.waitFor();
        long end = System.nanoTime();
        watchdog.join();
        BenchRelay.Seen seen = relay != null ? relay.seen() : new BenchRelay.Seen(0, 0, 0, false);
        String words = "";
        if (code != 0) {
            List<String> errLines = Files.readAllLines(err, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
            words = errLines.isEmpty() ? lastLine : errLines.getLast();
            if (words.length() > 200) words = words.substring(0, 200) + "…";
        }
        return new Outcome(code, start, verdict, end, seen, words);
    }

    private ObjectNode json() {
        ObjectNode o = Json.object().put("runs", settings.runs()).put("launcher", settings.launcher().toString());
        hello.put(o, "hello_world_jvm_ms");
        ArrayNode list = o.putArray("rows");
        for (Row r : rows.values()) {
            ObjectNode n = list.addObject().put("target", r.target).put("verb", r.verb).put("path", r.path)
                    .put("attempts", r.attempts).put("ok", r.ok);
            if (r.path.equals("fast")) n.put("fell_back", r.fellBack);
            r.verdict.put(n, "start_to_verdict_ms");
            r.wall.put(n, "start_to_exit_ms");
            ObjectNode b = n.putObject("breakdown");
            hello.put(b, "jvm_start_ms");
            r.init.put(b, "init_ms");
            r.network.put(b, "network_ms");
            r.exit.put(b, "exit_ms");
        }
        ArrayNode n = o.putArray("notes");
        notes.forEach(n::add);
        return o;
    }

    private void text() {
        term.out().println("shipctl bench: " + settings.runs() + " interleaved rounds, processes started by " + settings.launcher()
                + "; ms, median / p90; breakdown: medians");
        List<List<String>> table = new ArrayList<>();
        table.add(List.of("target", "verb", "login", "ok", "start->verdict", "start->exit", "JVM start", "our init", "network", "exit"));
        table.add(List.of("hello-world JVM", "", "", hello.count() + "/" + settings.runs(), "", hello.medianAndP90Text(), "", "", "", ""));
        for (Row r : rows.values()) {
            String ok = r.path.equals("fast") ? (r.ok - r.fellBack) + "/" + r.attempts + " fast" : r.ok + "/" + r.attempts;
            table.add(List.of(r.target, r.verb, r.path, ok, r.verdict.medianAndP90Text(), r.wall.medianAndP90Text(),
                    r.wall.isEmpty() ? "-" : hello.medianText(), r.init.medianText(), r.network.medianText(), r.exit.medianText()));
        }
        Terminal.table(table).forEach(term.out()::println);
        term.out().println();
        term.out().println("JVM start: a hello-world JVM on the same Java, once per round. our init: process start to the first TCP"
                + " connect. network: that connect to the last byte from the server. exit: that byte to the process exit.");
        notes.forEach(n -> term.out().println("note: " + n));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}

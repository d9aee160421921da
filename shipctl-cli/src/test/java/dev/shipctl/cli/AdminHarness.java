package dev.shipctl.cli;

import dev.shipctl.Credentials;
import dev.shipctl.Session;
import dev.shipctl.ShipClient;
import dev.shipctl.ShipException;
import dev.shipctl.sandbox.LocalGms;
import dev.shipctl.sandbox.Sandbox;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A sandbox on ephemeral loopback ports and shipctl run in-process against it ({@link Main#run}) with a test
 * environment, a temporary config directory and captured output. Closing it stops the sandbox and every
 * player session it opened.
 */
final class AdminHarness implements AutoCloseable {
    static final Map<String, String> PASSWORDS = Map.of("gmadmin", "gmadmin123", "player1", "player123", "localgm", "localgm123");

    final Sandbox sandbox;
    final Path configDir;
    private final List<Session> players = new ArrayList<>();
    private final Map<String, String> env = new HashMap<>();

    AdminHarness(Path configDir) throws Exception {
        this(configDir, Sandbox.builder().loginPort(0).localGms(LocalGms.demo()));
    }

    AdminHarness(Path configDir, Sandbox.Builder builder) throws Exception {
        this.configDir = configDir;
        this.sandbox = builder.build().start();
        env.put("NO_COLOR", "1");
        // fast-path tickets go to the test's folder, never to the user's ~/.local/state
        env.put("XDG_STATE_HOME", configDir.resolve("state").toString());
    }

    String port() {
        return String.valueOf(sandbox.loginPort());
    }

    AdminHarness env(String name, String value) {
        env.put(name, value);
        return this;
    }

    record Run(int exitCode, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }

        /** The JSON objects printed on stdout, one per line. */
        List<tools.jackson.databind.JsonNode> json() {
            return out.lines().filter(l -> l.startsWith("{")).map(l -> Json.MAPPER.readTree(l)).toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    CliContext context(PrintStream out, PrintStream err) {
        return new CliContext(new Terminal(out, err, false), Map.copyOf(env), Optional.empty(), configDir);
    }

    /** Runs shipctl as {@code user} (password from SHIPCTL_PASSWORD) with the sandbox's port added. */
    Run as(String user, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        int split = all.indexOf("--");
        all.addAll(split < 0 ? all.size() : split, List.of("-p", port(), "-u", user));
        return run(Map.of("SHIPCTL_PASSWORD", PASSWORDS.get(user)), all.toArray(String[]::new));
    }

    /** Runs shipctl with these arguments exactly. */
    Run run(Map<String, String> extraEnv, String... args) {
        Map<String, String> saved = new HashMap<>(env);
        env.putAll(extraEnv);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Main.run(context(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)), args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            env.clear();
            env.putAll(saved);
        }
    }

    /** A player in a lobby through the Java API, closed with the harness. */
    Session player(String user, String block) throws ShipException {
        Session s = ShipClient.builder().server("127.0.0.1", sandbox.loginPort()).block(block).build()
                .connect(new Credentials(user, PASSWORDS.get(user)));
        players.add(s);
        return s;
    }

    @Override
    public void close() {
        players.forEach(Session::close);
        sandbox.close();
    }
}

package dev.shipctl.cli.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.cli.Main;
import dev.shipctl.cli.fixtures.AdminHarness;
import dev.shipctl.cli.fixtures.Cli;
import dev.shipctl.sandbox.Account;
import dev.shipctl.sandbox.Accounts;
import dev.shipctl.sandbox.LocalGms;
import dev.shipctl.sandbox.Password;
import dev.shipctl.sandbox.Sandbox;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The password never shows: every admin verb, the shell, a script and the profile commands run with a known
 * password (and -v, so debug logs are on), then stdout, stderr, the process streams (where logs go) and every
 * file written in the config directory (profiles, history, script, trace) are searched for it.
 */
class SecretsTest {
    static final String SECRET = "Zq7-Secret-4711";

    @TempDir
    Path config;

    @Test
    void thePasswordAppearsNowhere() throws Exception {
        Accounts accounts = Accounts.of(List.of(
                new Account("gmadmin", new Password.Plain(SECRET), 42000001, true, "GMBot", false),
                new Account("player1", new Password.Plain("player123"), 42000002, false, "Player1", false)));
        PrintStream realOut = System.out, realErr = System.err;
        ByteArrayOutputStream process = new ByteArrayOutputStream();
        StringBuilder seen = new StringBuilder();
        List<String> argv = new ArrayList<>();
        try (AdminHarness h = new AdminHarness(config, Sandbox.builder().loginPort(0).accounts(accounts).localGms(LocalGms.demo()))) {
            System.setOut(new PrintStream(process, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(process, true, StandardCharsets.UTF_8));
            Map<String, String> env = Map.of("SECRET_PW", SECRET);
            boolean traces = Main.commandLine(h.cli().context()).getSubcommands().get("announce")
                    .getCommandSpec().findOption("--trace") != null;
            h.player("player1", "2");
            String[][] verbs = {
                {"announce", "hello"}, {"announce", "--global", "hello"}, {"command", "--", "/bank"}, {"reload-gms"},
                {"reload-masks"}, {"reload-config"}, {"event", "1"}, {"kick", "42000002"}, {"ban", "--force", "42000002"},
                {"unban", "--force", "42000002"}, {"ipban", "--yes", "--force", "42000009"}, {"hwban", "--yes", "--force", "42000009"},
            };
            for (String[] verb : verbs) {
                List<String> args = new ArrayList<>(List.of("-v"));
                args.addAll(List.of(verb));
                args.addAll(List.of("-p", h.port(), "-u", "gmadmin", "--password-env", "SECRET_PW", "--wait", "1s"));
                if (verb[0].equals("command")) args.addAll(args.indexOf("--"), List.of("--json"));
                if (traces) args.addAll(List.of("--trace", config.resolve("trace.jsonl").toString()));
                argv.addAll(args);
                Cli.Run run = h.run(env, fixDashDash(args));
                seen.append(run.out()).append(run.err());
            }
            Files.writeString(config.resolve("script.shipctl"), "/bank\nreload-gms\n");
            seen.append(h.run(env, "run", "-p", h.port(), "-u", "gmadmin", "--password-env", "SECRET_PW", "--json",
                    config.resolve("script.shipctl").toString()));
            seen.append(h.run(env, "profile", "add", "secret", "--port", h.port(), "--user", "gmadmin", "--password-env", "SECRET_PW"));
            seen.append(h.run(env, "profile", "show", "secret"));
            seen.append(h.run(env, "reload-gms", "--profile", "secret"));
            seen.append(h.run(Map.of("SECRET_PW", "wrong-password"), "reload-gms", "--profile", "secret")); // a refused login
            seen.append(h.cli().runWithInput("reload-gms\n/bank\nannounce from the shell\n", env, "shell", "--profile", "secret"));
            seen.append(h.run(env, "-v", "dcall", "--yes", "--profile", "secret")); // last: the ship then refuses logins for a while
        } finally {
            System.setOut(realOut);
            System.setErr(realErr);
        }
        seen.append(process.toString(StandardCharsets.UTF_8));

        assertThat(seen.toString()).contains("Local GM file reloaded.", "Bank: Common").doesNotContain(SECRET);
        assertThat(argv).doesNotContain(SECRET);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(config)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString()).contains("config.toml", "history");
        for (Path f : files) {
            assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain(SECRET);
            assertThat(new String(Files.readAllBytes(f), StandardCharsets.UTF_16LE)).as(f + " as UTF-16").doesNotContain(SECRET);
        }
    }

    private static String[] fixDashDash(List<String> args) {
        // options after "--" would be read as the command text: move them before it
        int dd = args.indexOf("--");
        if (dd < 0) return args.toArray(String[]::new);
        List<String> before = new ArrayList<>(args.subList(0, dd));
        List<String> after = new ArrayList<>(args.subList(dd + 1, args.size()));
        String line = after.removeFirst();
        before.addAll(after);
        before.add("--");
        before.add(line);
        return before.toArray(String[]::new);
    }
}

package dev.shipctl.cli.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.fixtures.Cli;
import dev.shipctl.cli.output.Json;
import dev.shipctl.sandbox.Account;
import dev.shipctl.sandbox.Accounts;
import dev.shipctl.sandbox.Password;
import dev.shipctl.sandbox.SandboxEvent;
import dev.shipctl.testkit.SandboxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code swarm} and {@code swarm merge} end to end: the sandbox in-process, accounts files, shards, the loopback rule. */
class SwarmCommandTest {
    private static final int ACCOUNTS = 30;

    @TempDir
    Path dir;

    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.withAccounts(accounts()).and(b -> b.maxConnectionsPerIp(10_000));
    Cli cli;

    private static Accounts accounts() {
        List<Account> list = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            list.add(new Account("bot%03d".formatted(i), new Password.Plain("botpass1"), 50_000_000 + i, false, "Bot" + i, false));
        }
        return Accounts.of(list);
    }

    @BeforeEach
    void start() {
        cli = new Cli(dir.resolve("config")).env("BOT_PASSWORD", "botpass1");
    }

    private Path csv() throws Exception {
        StringBuilder b = new StringBuilder("user,password_env\n");
        for (int i = 0; i < ACCOUNTS; i++) b.append("bot%03d,BOT_PASSWORD\n".formatted(i));
        return Files.writeString(dir.resolve("bots.csv"), b.toString());
    }

    private String port() {
        return String.valueOf(SANDBOX.loginPort());
    }

    @Test
    void aSandboxSwarmOfTwoHundredHoldsThemAllAndReportsAsJsonAndHtml() throws Exception {
        Path html = dir.resolve("report.html");
        Cli.Run run = cli.run("swarm", "--sandbox", "--sessions", "200", "--ramp", "400/s", "--in-flight", "8", "--duration", "1s",
                "--json", "--html", html.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode o = Json.MAPPER.readTree(run.out());
        assertThat(o.get("sessions_held").asLong()).isEqualTo(200);
        assertThat(o.get("logged_out").asLong()).isEqualTo(200);
        assertThat(o.get("logins_per_s").asDouble()).isPositive();
        assertThat(o.has("heap_bytes_per_session")).isTrue();
        assertThat(o.get("in_flight").get("bound").asInt()).isEqualTo(8);
        assertThat(o.get("in_flight").get("peak").asInt()).isBetween(1, 8);
        assertThat(o.get("latencies").get("total").get("count").asLong()).isEqualTo(200);
        assertThat(o.get("latencies").get("total").get("hdr").asString()).isNotEmpty();
        assertThat(o.get("errors").size()).isZero();
        assertThat(o.get("after").get("up").asBoolean()).as("a login after the swarm left").isTrue();
        String page = Files.readString(html);
        assertThat(page).contains("<svg", "<polyline", "<rect", "sessions held over time").doesNotContain("<script");
        // the text report line by line (the template writes each line break as the character reference &#10;)
        assertThat(page).contains("&#10;  held       peak 200, at end 200&#10;");
        // every text goes into the page through the template, escaped: a report whose target carries markup
        ((tools.jackson.databind.node.ObjectNode) o).put("target", "<b>x&y</b>");
        String hostile = SwarmHtml.page(SwarmOutput.read(o, "report.json"));
        assertThat(hostile).contains("&lt;b&gt;x&amp;y&lt;/b&gt;").doesNotContain("<b>x");
    }

    @Test
    void metricsTellPrometheusWhereTheShardStandsWhileItRuns() throws Exception {
        Cli.Running swarm = cli.start("swarm", "-p", port(), "--accounts", csv().toString(), "--shard", "2/3", "--ramp", "100/s",
                "--duration", "1m", "--jsonl", "--metrics", "0");
        java.util.regex.Matcher url = java.util.regex.Pattern.compile("metrics on (http://\\S+/metrics)")
                .matcher(swarm.err().await(l -> l.contains("metrics on http://127.0.0.1:")));
        assertThat(url.find()).isTrue();
        swarm.out().await(l -> l.contains("\"phase\":\"hold\""));

        String body = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url.group(1))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        // the middle third of 30 accounts: 10 sessions, all held, every series labelled with the shard
        assertThat(body.lines()).contains("pso_swarm_sessions_held{shard=\"2/3\"} 10.0", "pso_swarm_logins_total{shard=\"2/3\"} 10.0",
                "pso_swarm_login_failures_total{shard=\"2/3\"} 0.0", "pso_swarm_phase{phase=\"hold\",shard=\"2/3\"} 1.0");
        assertThat(swarm.stop()).isZero();
    }

    @Test
    void aServerThatFellOverUnderTheLoadIsReportedAsNoLongerAnswering() throws Exception {
        dev.shipctl.sandbox.Sandbox target = dev.shipctl.sandbox.Sandbox.builder().loginPort(0).shipPort(0).accounts(accounts())
                .maxConnectionsPerIp(10_000).build().start();
        Cli.Running swarm;
        try {
            swarm = cli.start("swarm", "-p", String.valueOf(target.loginPort()), "--accounts", csv().toString(), "--sessions", "5",
                    "--ramp", "100/s", "--duration", "1m", "--jsonl", "--timeout", "1s", "--after-wait", "1ms");
            swarm.out().await(l -> l.contains("\"phase\":\"hold\""));
        } finally {
            target.close(); // the server goes away while the sessions are held
        }
        assertThat(swarm.stop()).isZero();
        JsonNode report = Json.MAPPER.readTree(swarm.out().all().getLast());
        assertThat(report.get("after").get("up").asBoolean()).isFalse();
        assertThat(report.get("after").get("failed_stage").asString()).isEqualTo("connect");
    }

    @Test
    void anAccountsFileSwarmPrintsTheAlignedReportAndMatchesWhatTheSandboxSaw() throws Exception {
        Cli.Run run = cli.run("swarm", "-p", port(), "--accounts", csv().toString(), "--sessions", "12", "--ramp", "100/s",
                "--duration", "100ms", "--behaviour", "idle");
        assertThat(run.out()).contains("  after      the server still answers: a new login reached the ship list");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("logged in 12", "logged out 12", "p99", "total", "errors (stage/type): none");
        assertThat(SANDBOX.sandbox().events().history().stream().filter(SandboxEvent.ReachedLobby.class::isInstance).count())
                .isEqualTo(12);
        assertThat(run.out()).doesNotContain("botpass1");
    }

    @Test
    void aTargetOffLoopbackIsRefusedUnlessTargetIsMineNamesItExactly() throws Exception {
        Cli.Run refused = cli.run("swarm", "-H", "192.0.2.10", "--accounts", csv().toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.NOT_MINE);
        assertThat(refused.err().strip()).contains("refusing to load 192.0.2.10", "--target-is-mine").doesNotContain("\n");

        Cli.Run other = cli.run("swarm", "-H", "192.0.2.10", "--target-is-mine", "192.0.2.11", "--accounts", csv().toString());
        assertThat(other.exitCode()).isEqualTo(ExitCodes.NOT_MINE);
    }

    @Test
    void threeShardsMergedEqualOneRunsTotals() throws Exception {
        Path accounts = csv();
        List<String> files = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Cli.Run shard = cli.run("swarm", "-p", port(), "--accounts", accounts.toString(), "--shard", i + "/3", "--ramp", "200/s",
                    "--duration", "100ms", "--json");
            assertThat(shard.exitCode()).as(shard.err()).isZero();
            JsonNode o = Json.MAPPER.readTree(shard.out());
            assertThat(o.get("label").asString()).isEqualTo("shard " + i + "/3");
            assertThat(o.get("logged_in").asLong()).isEqualTo(10);
            Path f = dir.resolve("shard-" + i + ".json");
            Files.writeString(f, shard.out());
            files.add(f.toString());
        }
        List<String> args = new ArrayList<>(List.of("swarm", "merge", "--json"));
        args.addAll(files);
        Cli.Run merged = cli.run(args.toArray(String[]::new));
        assertThat(merged.exitCode()).as(merged.err()).isZero();
        JsonNode m = Json.MAPPER.readTree(merged.out());

        Cli.Run whole = cli.run("swarm", "-p", port(), "--accounts", accounts.toString(), "--ramp", "200/s", "--duration", "100ms", "--json");
        JsonNode w = Json.MAPPER.readTree(whole.out());
        for (String field : List.of("sessions_requested", "attempted", "logged_in", "failed", "logged_out")) {
            assertThat(m.get(field).asLong()).as(field).isEqualTo(w.get(field).asLong()).isEqualTo(field.equals("failed") ? 0 : ACCOUNTS);
        }
        assertThat(m.get("latencies").get("total").get("count").asLong()).isEqualTo(ACCOUNTS);
        assertThat(m.get("latencies").get("lobby").get("count").asLong()).isEqualTo(w.get("latencies").get("lobby").get("count").asLong());
    }

    @Test
    void badValuesAreOneLineUsageErrors() throws Exception {
        assertThat(cli.run("swarm", "--sandbox", "--behaviour", "dance").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("swarm", "--sandbox", "--ramp", "fast").exitCode()).isEqualTo(ExitCodes.USAGE);
        Cli.Run noSlot = cli.run("swarm", "--sandbox", "--in-flight", "0");
        assertThat(noSlot.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noSlot.err()).contains("--in-flight: at least 1").doesNotContain("swarm of");
        assertThat(cli.run("swarm", "--sandbox", "--shard", "4/3").exitCode()).isEqualTo(ExitCodes.USAGE);
        // shards of sandboxes of their own would never meet: one server, many shards
        Cli.Run shardOfOwn = cli.run("swarm", "--sandbox", "--shard", "1/3");
        assertThat(shardOfOwn.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(shardOfOwn.err()).contains("shipctl sandbox --accounts FILE").doesNotContain("swarm of");
        // --sandbox loads its own server: a target named beside it is a mistake, not something to ignore
        Cli.Run both = cli.run("swarm", "--sandbox", "-H", "192.0.2.1");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("not with -H, -p or --accounts").doesNotContain("swarm of");
        Cli.Run noPassword = new Cli(dir.resolve("c2")).run("swarm", "-p", port(), "--accounts", csv().toString());
        assertThat(noPassword.exitCode()).isEqualTo(ExitCodes.CONFIG);
        assertThat(noPassword.err()).contains("BOT_PASSWORD");
    }
}

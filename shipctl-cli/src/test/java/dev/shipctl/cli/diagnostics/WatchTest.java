package dev.shipctl.cli.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.fixtures.Cli;
import dev.shipctl.cli.output.Json;
import dev.shipctl.sandbox.Sandbox;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code watch}: checks on a schedule, metrics over HTTP, on-change hook, surviving a server restart. */
class WatchTest {
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\\{[^}]*\\})?) (\\S+)$");
    private static final Pattern METRICS_URL = Pattern.compile("metrics on (http://\\S+/metrics)");

    @TempDir
    Path dir;

    Sandbox sandbox;
    Cli cli;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.builder().loginPort(0).build().start();
        cli = new Cli(dir).env("SHIPCTL_PASSWORD", "player123").env("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void watchServesMetricsAndSurvivesTheServerRestarting() throws Exception {
        // The login and character ports stay reserved for the whole test by sockets bound without listening: a
        // server may listen on them beside such a socket, connections are refused while it does not, and no other
        // socket can take them while the server is down. Ship and block ports come afresh from the login chain.
        try (Socket loginHold = reserve(); Socket characterHold = reserve()) {
            int login = loginHold.getLocalPort();
            int character = characterHold.getLocalPort();
            sandbox.close();
            sandbox = Sandbox.builder().loginPort(login).characterPort(character).shipPort(0).build().start();
            watchThroughARestart(login, character);
        }
    }

    private void watchThroughARestart(int login, int character) throws Exception {
        Path changes = dir.resolve("changes.txt");
        Path hookEnv = dir.resolve("hook-env.txt");
        Cli.Running watch = cli.start("watch", "-p", String.valueOf(login), "-u", "player1", "--depth", "lobby", "--interval", "100ms",
                "--timeout", "2s", "--metrics", "127.0.0.1:0", "--json", "--on-change-min-interval", "0",
                "--on-change", "echo \"$SHIPCTL_OLD_STATE $SHIPCTL_NEW_STATE $1 $2 $SHIPCTL_EXIT_CODE\" >> '" + changes + "'; env >> '" + hookEnv + "'");
        Matcher url = METRICS_URL.matcher(watch.err().await(l -> METRICS_URL.matcher(l).find()));
        assertThat(url.find()).isTrue();
        URI metrics = URI.create(url.group(1));
        assertThat(metrics.getHost()).isEqualTo("127.0.0.1");

        JsonNode up = json(watch.out().await(l -> l.contains("\"state\":\"up\"")));
        assertThat(up.get("ok").asBoolean()).isTrue();
        Map<String, Double> healthy = scrape(metrics);
        String server = "server=\"127.0.0.1:" + login + "\"";
        assertThat(healthy).containsEntry("pso_up{" + server + "}", 1.0);
        assertThat(healthy.get("pso_stage_duration_seconds_count{" + server + ",stage=\"lobby\"}")).isNotNull().isGreaterThanOrEqualTo(1.0);
        assertThat(healthy.get("pso_check_duration_seconds_sum{" + server + "}")).isGreaterThan(0.0);
        assertThat(healthy).containsKey("pso_players{" + server + ",ship=\"" + sandbox.shipName() + "\"}");
        assertThat(healthy).containsEntry("pso_lobby_players{block=\"BLOCK01\",lobby=\"1\"," + server + ",ship=\"" + sandbox.shipName() + "\"}", 0.0);
        assertThat(healthy.get("pso_checks_total{" + server + "}")).isGreaterThanOrEqualTo(1.0);

        sandbox.close();
        // while the sandbox shuts down a check may fail at any stage; then connecting is refused
        JsonNode down = json(watch.out().await(l -> l.contains("\"state\":\"down:connect\"") && l.contains("\"exit_code\":" + ExitCodes.UNREACHABLE)));
        assertThat(down.get("error").asString()).contains("cannot connect");
        watch.err().await(l -> l.contains("on-change up -> down:") && l.contains("exit code 0"));
        Map<String, Double> broken = scrape(metrics);
        assertThat(broken).containsEntry("pso_up{" + server + "}", 0.0);
        assertThat(broken.get("pso_check_failures_total{reason=\"unreachable\"," + server + ",stage=\"connect\"}")).isGreaterThanOrEqualTo(1.0);

        sandbox = Sandbox.builder().loginPort(login).characterPort(character).shipPort(0).build().start();
        JsonNode back = json(watch.out().await(l -> l.contains("\"state\":\"up\"")));
        assertThat(back.get("changed").asBoolean()).isTrue();
        watch.err().await(l -> l.contains("on-change down:connect -> up: exit code 0"));
        assertThat(scrape(metrics)).containsEntry("pso_up{" + server + "}", 1.0);

        assertThat(watch.stop()).isZero();
        var lines = Files.readAllLines(changes);
        assertThat(lines.getFirst()).startsWith("up down:");
        assertThat(lines.getLast()).isEqualTo("down:connect up down:connect up 0");
        assertThat(Files.readString(hookEnv)).contains("SHIPCTL_NEW_STATE=").doesNotContain("SHIPCTL_PASSWORD").doesNotContain("player123");
        assertThatThrownBy(() -> scrape(metrics)).as("the metrics server stops with watch").isInstanceOf(ConnectException.class);
    }

    @Test
    void aFlappingServerFiresTheHookOnceAndSaysWhatItHeld() throws Exception {
        Path changes = dir.resolve("changes.txt");
        Cli.Running watch = cli.start("watch", "-p", String.valueOf(sandbox.loginPort()), "-u", "player1", "--interval", "50ms",
                "--json", "--on-change", "echo \"$1 $2 $SHIPCTL_CHANGES\" >> '" + changes + "'");
        watch.out().await(l -> l.contains("\"state\":\"up\""));

        sandbox.failAt(dev.shipctl.sandbox.LoginStep.SHIP, dev.shipctl.sandbox.SandboxEffect.messageBox("Ship is down."));
        watch.out().await(l -> l.contains("\"state\":\"down:ship\""));
        watch.err().await(l -> l.contains("on-change up -> down:ship: exit code 0"));
        sandbox.clearFailures();
        watch.out().await(l -> l.contains("\"state\":\"up\"") && l.contains("\"changed\":true"));
        String held = watch.err().await(l -> l.contains("held"));
        sandbox.failAt(dev.shipctl.sandbox.LoginStep.SHIP, dev.shipctl.sandbox.SandboxEffect.messageBox("Ship is down."));
        watch.out().await(l -> l.contains("\"state\":\"down:ship\"") && l.contains("\"changed\":true"));

        assertThat(watch.stop()).isZero();
        assertThat(held).isEqualTo("shipctl: on-change down:ship -> up held: the hook ran less than 1 min ago"
                + " (--on-change-min-interval); it runs in " + held.replaceAll(".* it runs in (.*) or later.*", "$1")
                + " or later, with the latest state");
        assertThat(Files.readAllLines(changes)).containsExactly("up down:ship up down:ship");
        // (a round cut short by the stop may add its own state to the held ones)
        assertThat(watch.err().all()).filteredOn(l -> l.contains("on-change")).hasSize(3)
                .last().asString().startsWith("shipctl: on-change not run for down:ship -> up -> down:ship")
                .endsWith(": watch stopped within --on-change-min-interval 1 min");
    }

    @Test
    void maxChecksEndsWithTheLastCheckCode() throws Exception {
        sandbox.failAt(dev.shipctl.sandbox.LoginStep.SHIP, dev.shipctl.sandbox.SandboxEffect.messageBox("Ship is down."));

        Cli.Run run = cli.run("watch", "-p", String.valueOf(sandbox.loginPort()), "-u", "player1", "--interval", "10ms",
                "--max-checks", "2");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.LOGIN_REFUSED);
        assertThat(run.outLines()).hasSize(2).allSatisfy(l -> assertThat(l).contains("DOWN", "at ship", "Ship is down."));
    }

    @Test
    void metricsAddressesAreCheckedAndLoopbackByDefault() {
        assertThat(WatchCommand.hostOf("9464")).isEqualTo("127.0.0.1");
        assertThat(WatchCommand.hostOf("0.0.0.0:9464")).isEqualTo("0.0.0.0");
        assertThat(WatchCommand.hostOf("[::1]:9464")).isEqualTo("::1");
        assertThat(WatchCommand.portOf("127.0.0.1:9464")).isEqualTo(9464);
        assertThat(cli.run("watch", "-u", "player1", "--metrics", "localhost:http").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    /** A free loopback port, bound (SO_REUSEADDR) but not listening, so that it stays free for the test's server. */
    private static Socket reserve() throws IOException {
        Socket s = new Socket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return s;
    }

    private Map<String, Double> scrape(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : response.body().lines().toList()) {
            if (line.startsWith("#") || line.isBlank()) continue;
            Matcher m = SAMPLE.matcher(line);
            assertThat(m.matches()).as("a sample line: " + line).isTrue();
            samples.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        return samples;
    }

    static JsonNode json(String line) {
        return Json.MAPPER.readTree(line);
    }
}

package dev.shipctl.cli.community.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.fixtures.Cli;
import dev.shipctl.cli.output.Json;
import dev.shipctl.sandbox.Sandbox;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code watch --status-http}: the status server fed by watch's checks, on loopback, gone when watch stops. */
class WatchStatusHttpTest {
    private static final Pattern STATUS_URL = Pattern.compile("status page on (http://\\S+/)");

    @TempDir
    Path dir;

    private Sandbox sandbox;
    private Cli cli;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.builder().loginPort(0).build().start();
        cli = new Cli(dir).env("SHIPCTL_PASSWORD", "player123");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void watchServesItsChecksUnderTheServersName() throws Exception {
        Cli.Running watch = cli.start("watch", "-p", String.valueOf(sandbox.loginPort()), "-u", "player1", "--interval", "100ms",
                "--json", "--status-http", "0");
        Matcher url = STATUS_URL.matcher(watch.err().await(l -> STATUS_URL.matcher(l).find()));
        assertThat(url.find()).isTrue();
        URI base = URI.create(url.group(1));
        assertThat(base.getHost()).as("a port alone is loopback").isEqualTo("127.0.0.1");

        watch.out().await(l -> l.contains("\"state\":\"up\""));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("status.json")).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode server = Json.MAPPER.readTree(r.body()).get("servers").get("127.0.0.1:" + sandbox.loginPort());
        assertThat(server.get("state").asString()).isEqualTo("up");
        assertThat(server.get("depth").asString()).isEqualTo("block");
        assertThat(r.body()).doesNotContain("player1").doesNotContain("player123");
        HttpResponse<String> badge = http.send(HttpRequest.newBuilder(base.resolve("badge/127.0.0.1:" + sandbox.loginPort() + ".svg")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(badge.statusCode()).isEqualTo(200);
        assertThat(badge.body()).contains(">0 online<");

        assertThat(watch.stop()).isZero();
        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(base).build(), HttpResponse.BodyHandlers.ofString()))
                .as("the status server stops with watch").isInstanceOf(ConnectException.class);
    }

    @Test
    void badOptionsAreUsageErrors() {
        Cli.Run bad = cli.run("watch", "-p", String.valueOf(sandbox.loginPort()), "-u", "player1", "--status-http", "localhost:web");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("--status-http takes [ADDR:]PORT");
        Cli.Run cors = cli.run("watch", "-p", String.valueOf(sandbox.loginPort()), "-u", "player1", "--status-http", "0",
                "--status-cors", "https://example.org/x");
        assertThat(cors.exitCode()).isEqualTo(ExitCodes.USAGE);
        Cli.Run alone = cli.run("watch", "-p", String.valueOf(sandbox.loginPort()), "-u", "player1", "--status-cors", "*");
        assertThat(alone.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(alone.err()).contains("go with --status-http");
    }
}

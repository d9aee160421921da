package dev.shipctl.cli.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.fixtures.Cli;
import dev.shipctl.cli.fixtures.RecordingWebhook;
import dev.shipctl.cli.output.DiscordMessage;
import dev.shipctl.cli.output.Json;
import dev.shipctl.sandbox.Sandbox;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code watch --watch-file}: two sandboxes watched in one process, one stopped mid-test, metrics per server. */
class WatchManyTest {
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\\{[^}]*\\})?) (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");
    private static final Pattern STATUS_URL = Pattern.compile("status page on (http://\\S+/)");
    private static final Pattern METRICS_URL = Pattern.compile("metrics on (http://\\S+/metrics)");

    @TempDir
    Path dir;

    Sandbox alpha;
    Sandbox beta;
    Cli cli;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        alpha = Sandbox.builder().loginPort(0).build().start();
        beta = Sandbox.builder().loginPort(0).build().start();
        cli = new Cli(dir).env("WATCH_PASSWORD", "player123");
    }

    @AfterEach
    void stop() {
        alpha.close();
        beta.close();
    }

    @Test
    void watchesTwoServersAndLabelsEveryMetricWithItsName() throws Exception {
        Path file = dir.resolve("watch.toml");
        privateFile(file, """
                [servers.alpha]
                host = "127.0.0.1"
                port = %d
                user = "player1"
                password_env = "WATCH_PASSWORD"
                interval = "100ms"

                [servers.beta]
                host = "127.0.0.1"
                port = %d
                user = "player1"
                password_env = "WATCH_PASSWORD"
                interval = "150ms"
                """.formatted(alpha.loginPort(), beta.loginPort()));

        Cli.Running watch = cli.start("watch", "--watch-file", file.toString(), "--timeout", "2s", "--metrics", "127.0.0.1:0", "--json",
                "--status-http", "0");
        // stderr says where the status page is, then where the metrics are
        Matcher page = STATUS_URL.matcher(watch.err().await(l -> STATUS_URL.matcher(l).find()));
        assertThat(page.find()).isTrue();
        URI statusJson = URI.create(page.group(1) + "status.json");
        Matcher url = METRICS_URL.matcher(watch.err().await(l -> METRICS_URL.matcher(l).find()));
        assertThat(url.find()).isTrue();
        URI metrics = URI.create(url.group(1));

        JsonNode a = json(watch.out().await(l -> l.contains("\"name\":\"alpha\"") && l.contains("\"state\":\"up\"")));
        JsonNode b = json(watch.out().await(l -> l.contains("\"name\":\"beta\"") && l.contains("\"state\":\"up\"")));
        assertThat(a.get("server").asString()).isEqualTo("127.0.0.1:" + alpha.loginPort());
        assertThat(b.get("server").asString()).isEqualTo("127.0.0.1:" + beta.loginPort());

        Map<String, Double> both = scrape(metrics);
        for (String name : new String[] {"alpha", "beta"}) {
            String s = "server=\"" + name + "\"";
            assertThat(both).containsEntry("pso_up{" + s + "}", 1.0);
            assertThat(both.get("pso_checks_total{" + s + "}")).isGreaterThanOrEqualTo(1.0);
            assertThat(both.get("pso_check_duration_seconds_count{" + s + "}")).isGreaterThanOrEqualTo(1.0);
            assertThat(both.get("pso_check_duration_seconds_bucket{le=\"+Inf\"," + s + "}")).isGreaterThanOrEqualTo(1.0);
            // watch's default depth: to the block and out before the lobby, so no player sees it
            assertThat(both.get("pso_stage_duration_seconds_count{" + s + ",stage=\"block\"}")).isGreaterThanOrEqualTo(1.0);
            assertThat(both).doesNotContainKey("pso_stage_duration_seconds_count{" + s + ",stage=\"lobby\"}");
            assertThat(both).containsKey("pso_last_check_age_seconds{" + s + "}");
            assertThat(both).containsKey("pso_players{" + s + ",ship=\"" + alpha.shipName() + "\"}");
        }
        String port = String.valueOf(alpha.loginPort());
        assertThat(both).containsEntry("pso_server_info{address=\"127.0.0.1:" + port + "\",flavour=\"tethealla\",server=\"alpha\"}", 1.0);

        beta.close();
        // while the sandbox shuts down a check may fail at any stage; then connecting is refused
        watch.out().await(l -> l.contains("\"name\":\"beta\"") && l.contains("\"state\":\"down:connect\"")
                && l.contains("\"exit_code\":" + ExitCodes.UNREACHABLE));
        // alpha goes on being checked while beta is down
        int seen = watch.out().all().size();
        watch.out().await(l -> l.contains("\"name\":\"alpha\"") && l.contains("\"state\":\"up\"") && watch.out().all().size() > seen);

        Map<String, Double> oneDown = scrape(metrics);
        assertThat(oneDown).containsEntry("pso_up{server=\"alpha\"}", 1.0).containsEntry("pso_up{server=\"beta\"}", 0.0);
        assertThat(oneDown.get("pso_check_failures_total{reason=\"unreachable\",server=\"beta\",stage=\"connect\"}")).isGreaterThanOrEqualTo(1.0);
        assertThat(oneDown).doesNotContainKey("pso_check_failures_total{reason=\"unreachable\",server=\"alpha\",stage=\"connect\"}");
        // the status page of the same process lists both servers under their names: alpha up, beta down
        JsonNode status = Json.MAPPER.readTree(http.send(HttpRequest.newBuilder(statusJson).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(status.get("servers").get("alpha").get("up").asBoolean()).isTrue();
        assertThat(status.get("servers").get("beta").get("up").asBoolean()).isFalse();

        assertThat(watch.stop()).isZero();
        assertThat(watch.out().all()).allSatisfy(l -> assertThat(json(l).get("name").asString()).isIn("alpha", "beta"));
        assertThat(watch.err().all()).noneMatch(l -> l.contains("player123"));
    }

    @Test
    void discordHearsEachServerByNameDownAndUpAgainWithTheOutagesLength() throws Exception {
        try (RecordingWebhook webhook = new RecordingWebhook()) {
            Path hook = dir.resolve("discord");
            privateFile(hook, webhook.url() + "\n");
            Path file = dir.resolve("watch.toml");
            privateFile(file, """
                    [servers.alpha]
                    host = "127.0.0.1"
                    port = %d
                    user = "player1"
                    password_env = "WATCH_PASSWORD"

                    [servers.beta]
                    host = "127.0.0.1"
                    port = %d
                    user = "player1"
                    password_env = "WATCH_PASSWORD"
                    """.formatted(alpha.loginPort(), beta.loginPort()));
            int login = beta.loginPort();
            int character = beta.characterPort();

            Cli.Running watch = cli.start("watch", "--watch-file", file.toString(), "--interval", "100ms", "--timeout", "2s",
                    "--discord-webhook-file", hook.toString(), "--discord-min-interval", "0", "--json");
            watch.out().await(l -> l.contains("\"name\":\"beta\"") && l.contains("\"state\":\"up\""));
            beta.close();
            JsonNode down = embed(webhook.await(r -> embed(r).get("title").asString().equals("beta is down"), Cli.WAIT));
            assertThat(down.get("description").asString()).contains("Failing stage: **");
            watch.out().await(l -> l.contains("\"name\":\"beta\"") && l.contains("\"exit_code\":" + ExitCodes.UNREACHABLE));

            beta = Sandbox.builder().loginPort(login).characterPort(character).shipPort(0).build().start();
            JsonNode up = embed(webhook.await(r -> embed(r).get("title").asString().equals("beta is up again"), Cli.WAIT));
            assertThat(up.get("description").asString()).matches("Outage after \\d+ s\\. Block reached in [\\d.,]+ ms\\.");
            assertThat(up.get("color").asInt()).isEqualTo(DiscordMessage.GREEN);
            assertThat(watch.stop()).isZero();

            // alpha stayed up: nothing said about it; beta down (again if, while shutting down, it failed at another
            // stage before connecting was refused), then up once; the URL in no output
            List<String> titles = webhook.requests().stream().map(r -> embed(r).get("title").asString()).toList();
            assertThat(titles.getLast()).isEqualTo("beta is up again");
            assertThat(titles.subList(0, titles.size() - 1)).isNotEmpty().containsOnly("beta is down");
            assertThat(watch.out().text() + watch.err().text()).doesNotContain(RecordingWebhook.TOKEN);
        }
    }

    @Test
    void aStopInTheMiddleOfACheckIsNoOutage() throws Exception {
        try (RecordingWebhook webhook = new RecordingWebhook();
                ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            silent.setSoTimeout((int) Cli.WAIT.toMillis());
            Path hook = dir.resolve("discord");
            privateFile(hook, webhook.url() + "\n");
            Path file = dir.resolve("watch.toml");
            privateFile(file, """
                    [servers.silent]
                    host = "127.0.0.1"
                    port = %d
                    user = "player1"
                    password_env = "WATCH_PASSWORD"
                    """.formatted(silent.getLocalPort()));
            String[] discord = {"--discord-webhook-file", hook.toString(), "--discord-min-interval", "0", "--timeout", "2s", "--json"};
            List<String[]> watches = List.of(
                    // one server: the check runs on the command's thread, and ends at its timeout
                    Stream.concat(Stream.of("watch", "-p", String.valueOf(silent.getLocalPort()), "-u", "player1",
                            "--password-env", "WATCH_PASSWORD"), Stream.of(discord)).toArray(String[]::new),
                    // a watch file: each server's checks on a virtual thread, whose socket the stop closes
                    Stream.concat(Stream.of("watch", "--watch-file", file.toString()), Stream.of(discord)).toArray(String[]::new));
            for (String[] args : watches) {
                Cli.Running watch = cli.start(args);
                try (Socket inProgress = silent.accept()) { // connected, waiting for the server's 0x03 that never comes
                    assertThat(watch.stop()).isZero();
                }
                assertThat(watch.out().all()).as(String.join(" ", args)).isEmpty();
            }
            assertThat(webhook.requests()).isEmpty();
        }
    }

    /** The one embed of a webhook request, after checking that nothing in it can ping anyone. */
    static JsonNode embed(RecordingWebhook.Request r) {
        JsonNode o = Json.MAPPER.readTree(r.body());
        assertThat(o.get("allowed_mentions").get("parse")).isEmpty();
        return o.get("embeds").get(0);
    }

    @Test
    void aWatchFileWithoutServersIsAConfigurationError() throws Exception {
        Path file = dir.resolve("watch.toml");
        privateFile(file, "[servers]\n");
        Cli.Run run = cli.run("watch", "--watch-file", file.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.CONFIG);
        assertThat(run.err()).contains("names no servers");
    }

    @Test
    void aPasswordInTheWatchFileIsRefusedAndNotQuoted() throws Exception {
        Path file = dir.resolve("watch.toml");
        privateFile(file, """
                [servers.alpha]
                host = "127.0.0.1"
                port = %d
                user = "player1"
                password = "player123"
                """.formatted(alpha.loginPort()));
        Cli.Run run = cli.run("watch", "--watch-file", file.toString(), "--max-checks", "1");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.CONFIG);
        assertThat(run.err()).contains("password").doesNotContain("player123");
        assertThat(run.out()).isEmpty();
    }

    private Map<String, Double> scrape(URI uri) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : response.body().lines().toList()) {
            if (line.startsWith("#") || line.isBlank()) continue;
            Matcher m = SAMPLE.matcher(line);
            assertThat(m.matches()).as("a sample line: " + line).isTrue();
            samples.put(canonical(m.group(1)), Double.parseDouble(m.group(2)));
        }
        return samples;
    }

    /** A series as {@code name{a="x",b="y"}} with its labels in name order (the exposition puts {@code le} last). */
    static String canonical(String series) {
        int brace = series.indexOf('{');
        if (brace < 0) return series;
        Matcher label = LABEL.matcher(series.substring(brace + 1, series.length() - 1));
        java.util.TreeMap<String, String> labels = new java.util.TreeMap<>();
        while (label.find()) labels.put(label.group(1), label.group(2));
        return series.substring(0, brace) + labels.entrySet().stream().map(e -> e.getKey() + "=\"" + e.getValue() + "\"")
                .collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    static JsonNode json(String line) {
        return Json.MAPPER.readTree(line);
    }

    /** Writes a file only its owner may read, as watch files and webhook files must be. */
    private static void privateFile(Path file, String content) throws java.io.IOException {
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
}

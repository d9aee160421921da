package dev.shipctl.cli.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.common.UserError;
import dev.shipctl.cli.options.DurationConverter;
import dev.shipctl.cli.output.Json;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The --http client against a stand-in for newserv's HTTP API (bodies shaped as newserv's, protocol notes §7.2). */
class NewservHttpTest {
    static final String SUMMARY = """
            {"Clients":[{"ID":1,"AccountID":10526880,"Name":"adminbb","Version":"BB_V4","Language":"English","Level":0,
            "Class":"HUmar","SectionID":"Viridia","LobbyID":1,"IsOnProxy":false},
            {"ID":2,"AccountID":11579568,"Name":"playerbb","Version":"BB_V4","Level":4,"LobbyID":null}],
            "Games":[],
            "Server":{"StartTimeUsecs":1,"StartTime":"x","UptimeUsecs":2,"Uptime":"00:05:00","LobbyCount":20,"GameCount":0,
            "ClientCount":2,"ProxySessionCount":0,"ServerName":"newserv-peer"}}""";

    private HttpServer server;
    private volatile boolean stopped;
    private final List<String> paths = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()); // a slow answer holds no other
        server.createContext("/y/summary", ex -> {
            paths.add(ex.getRequestURI().getPath());
            byte[] body = SUMMARY.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.createContext("/", ex -> {
            paths.add(ex.getRequestURI().getPath());
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        stopped = true;
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @Test
    void readsTheSummary() throws Exception {
        NewservHttp.Summary s = NewservHttp.of(url(), Duration.ofSeconds(2)).summary();
        assertThat(s.server()).isEqualTo(new NewservHttp.Server("newserv-peer", 2, 20, 0, "00:05:00"));
        assertThat(s.clients()).containsExactly(
                new NewservHttp.Client(1, 10526880, "adminbb", "BB_V4", 0, Optional.of(1L)),
                new NewservHttp.Client(2, 11579568, "playerbb", "BB_V4", 4, Optional.empty()));
        assertThat(paths).containsExactly("/y/summary");
        assertThat(Json.line(NewservHttp.toJson(s))).contains("\"clients\":2", "\"guild_card\":11579568", "\"lobby\":null");
    }

    @Test
    void aSlowlyDrippedAnswerMeetsOneDeadlineForTheWholeExchange() {
        // valid JSON in the end, a byte every 50 ms for about 10 s: only a deadline on the body stops it
        server.createContext("/y/server", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (var body = ex.getResponseBody()) {
                body.write("{\"ServerName\":\"drip\"".getBytes(StandardCharsets.UTF_8));
                body.flush();
                for (int i = 0; i < 200 && !stopped; i++) {
                    body.write(' ');
                    body.flush();
                    java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos()); // a slow server, not a wait
                }
                body.write('}');
            }
        });

        assertThatThrownBy(() -> NewservHttp.of(url(), Duration.ofSeconds(1)).server())
                .isInstanceOf(NewservHttp.Failure.class).hasMessageContaining("/y/server: no complete answer within 1 s");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void anAnswerOverTheLimitIsRefused(boolean announced) {
        int size = NewservHttp.MAX_BODY + 1024;
        server.createContext("/y/server", ex -> {
            ex.sendResponseHeaders(200, announced ? size : 0);
            try (var body = ex.getResponseBody()) {
                byte[] head = "{\"ServerName\":\"big\",\"Pad\":\"".getBytes(StandardCharsets.UTF_8);
                body.write(head);
                byte[] pad = new byte[8192];
                java.util.Arrays.fill(pad, (byte) 'a');
                for (int left = size - head.length - 2; left > 0 && !stopped; left -= pad.length) body.write(pad, 0, Math.min(left, pad.length));
                body.write("\"}".getBytes(StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                // the client hung up, as it should
            }
        });

        assertThatThrownBy(() -> NewservHttp.of(url(), Duration.ofSeconds(10)).server())
                .isInstanceOf(NewservHttp.Failure.class).hasMessageContaining("/y/server: the answer is larger than 4 MiB");
    }

    @Test
    void notNewservSaysSo() {
        assertThatThrownBy(() -> NewservHttp.of(url(), Duration.ofSeconds(2)).server())
                .isInstanceOf(NewservHttp.Failure.class).hasMessageContaining("HTTP 404").hasMessageContaining("HTTPListen");
    }

    @Test
    void nothingListeningSaysWhere() throws Exception {
        String gone = url();
        server.stop(0);
        assertThatThrownBy(() -> NewservHttp.of(gone, Duration.ofSeconds(2)).summary())
                .isInstanceOf(NewservHttp.Failure.class).hasMessageContaining(gone.replaceAll("/$", "") + "/y/summary");
    }

    @Test
    void badUrlsAreUsageErrors() {
        assertThatThrownBy(() -> NewservHttp.of("127.0.0.1:8080", Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE));
        assertThatThrownBy(() -> NewservHttp.of("ftp://x/", Duration.ofSeconds(1))).isInstanceOf(UserError.class);
    }

    @Test
    void banLengths() {
        DurationConverter.WholeSeconds c = new DurationConverter.WholeSeconds();
        assertThat(c.convert("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(c.convert("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(c.convert("1y")).isEqualTo(Duration.ofDays(365));
        assertThat(c.convert("90")).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> c.convert("0d")).hasMessageContaining("no time at all");
        assertThatThrownBy(() -> c.convert("1.5s")).hasMessageContaining("not a whole number of seconds");
    }
}

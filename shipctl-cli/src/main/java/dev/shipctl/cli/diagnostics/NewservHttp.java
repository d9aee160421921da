package dev.shipctl.cli.diagnostics;

import dev.shipctl.Durations;
import dev.shipctl.cli.common.UserError;
import dev.shipctl.cli.options.SizeConverter;
import dev.shipctl.cli.output.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * newserv's HTTP JSON API (protocol notes §7.2), for the detail a game client cannot see: every client on the
 * server with its lobby, counts of lobbies and games. Read-only routes only ({@code GET /y/server},
 * {@code /y/summary}); the API has no authentication and {@code /y/accounts} holds plaintext passwords, so shipctl
 * never asks for it. Optional: the game protocol stays the default and the only thing needed. Every request has one
 * deadline for the whole exchange and a body limit ({@value #MAX_BODY} bytes).
 */
final class NewservHttp {
    /** {@code GET /y/server}. */
    record Server(String name, long clients, long lobbies, long games, String uptime) {}

    /** One entry of {@code /y/summary}'s Clients; {@code lobby} is empty when the client is in no lobby or game. */
    record Client(long id, long accountId, String name, String version, int level, Optional<Long> lobby) {}

    /** {@code GET /y/summary}: the server and every client. */
    record Summary(Server server, List<Client> clients, int games) {}

    /** The API could not be read; the message says where and why. */
    static final class Failure extends Exception {
        Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The largest answer read: newserv's summary of a busy server is a few hundred kB. */
    static final int MAX_BODY = 4 * 1024 * 1024;

    private final URI base;
    private final Duration timeout;
    private final HttpClient http;

    NewservHttp(URI base, Duration timeout) {
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Parses {@code --http URL}: http or https, with a host. */
    static NewservHttp of(String url, Duration timeout) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw UserError.usage("--http " + url + ": not a URL (" + e.getMessage() + ")");
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https")) || uri.getHost() == null) {
            throw UserError.usage("--http " + url + ": give newserv's HTTP API as http://HOST:PORT (for example http://127.0.0.1:8080)");
        }
        return new NewservHttp(uri, timeout);
    }

    URI base() {
        return base;
    }

    Server server() throws Failure {
        return server(get("/y/server"));
    }

    Summary summary() throws Failure {
        JsonNode root = get("/y/summary");
        List<Client> clients = new ArrayList<>();
        for (JsonNode c : root.path("Clients")) {
            JsonNode lobby = c.path("LobbyID");
            clients.add(new Client(c.path("ID").asLong(), c.path("AccountID").asLong(), c.path("Name").asString(""),
                    c.path("Version").asString(""), c.path("Level").asInt(0),
                    lobby.isNumber() ? Optional.of(lobby.asLong()) : Optional.empty()));
        }
        return new Summary(server(root.path("Server")), clients, root.path("Games").size());
    }

    private static Server server(JsonNode s) {
        return new Server(s.path("ServerName").asString(""), s.path("ClientCount").asLong(), s.path("LobbyCount").asLong(),
                s.path("GameCount").asLong(), s.path("Uptime").asString(""));
    }

    /** The summary as JSON for {@code --json} output. */
    static ObjectNode toJson(Summary s) {
        ObjectNode o = Json.object();
        o.put("server_name", s.server().name()).put("clients", s.server().clients()).put("lobbies", s.server().lobbies())
                .put("games", s.server().games()).put("uptime", s.server().uptime());
        var list = o.putArray("players");
        for (Client c : s.clients()) {
            ObjectNode p = list.addObject().put("name", c.name()).put("guild_card", c.accountId()).put("version", c.version())
                    .put("level", c.level());
            c.lobby().ifPresentOrElse(l -> p.put("lobby", l), () -> p.putNull("lobby"));
        }
        return o;
    }

    /**
     * One exchange, bounded: connecting, the headers and the whole body share one deadline (the timeout given), and
     * the body may hold at most {@link #MAX_BODY} bytes, so a server that drips its answer or sends a huge one can
     * neither hold a command nor fill its memory.
     */
    private JsonNode get(String path) throws Failure {
        URI uri = base.resolve(path);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET().build();
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request, info -> new CappedBody(MAX_BODY,
                info.headers().firstValueAsLong("Content-Length").orElse(-1)));
        HttpResponse<byte[]> response;
        try {
            response = exchange.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true); // closes the connection
            throw new Failure("newserv HTTP API " + uri + ": no complete answer within " + Durations.format(timeout), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            for (Throwable c = cause; c != null; c = c.getCause()) {
                if (c instanceof CappedBody.TooLarge) {
                    throw new Failure("newserv HTTP API " + uri + ": the answer is larger than " + SizeConverter.format(MAX_BODY)
                            + " (is this newserv's HTTPListen address?)", c);
                }
            }
            throw new Failure("newserv HTTP API " + uri + ": "
                    + (cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName()), cause);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new Failure("newserv HTTP API " + uri + ": interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new Failure("newserv HTTP API " + uri + ": HTTP " + response.statusCode() + " (is this newserv's HTTPListen address?)", null);
        }
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (JacksonException e) {
            throw new Failure("newserv HTTP API " + uri + ": the answer is not JSON (is this newserv's HTTPListen address?)", e);
        }
    }

    /** A response body kept in memory up to a limit: past it (or announced past it) the exchange is cancelled. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        /** The body is larger than allowed. */
        static final class TooLarge extends IOException {
            TooLarge() {
                super("response body too large");
            }
        }

        private final int max;
        private final long announced;
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        CappedBody(int max, long announced) {
            this.max = max;
            this.announced = announced;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (announced > max) {
                fail();
                return;
            }
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (body.isDone()) return;
            for (ByteBuffer b : items) {
                if (buffer.size() + (long) b.remaining() > max) {
                    fail();
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                buffer.writeBytes(chunk);
            }
        }

        private void fail() {
            subscription.cancel();
            body.completeExceptionally(new TooLarge());
        }

        @Override
        public void onError(Throwable e) {
            body.completeExceptionally(e);
        }

        @Override
        public void onComplete() {
            body.complete(buffer.toByteArray());
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }
    }
}

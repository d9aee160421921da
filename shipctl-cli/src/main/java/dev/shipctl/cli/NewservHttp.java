package dev.shipctl.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * newserv's HTTP JSON API (protocol notes §7.2), for the detail a game client cannot see: every client on the
 * server with its lobby, counts of lobbies and games. Read-only routes only ({@code GET /y/server},
 * {@code /y/summary}); the API has no authentication and {@code /y/accounts} holds plaintext passwords, so shipctl
 * never asks for it. Optional: the game protocol stays the default and the only thing needed.
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

    private JsonNode get(String path) throws Failure {
        URI uri = base.resolve(path);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Failure("newserv HTTP API " + uri + ": " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()), e);
        } catch (InterruptedException e) {
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
}

package dev.shipctl.cli.community.status;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.shipctl.cli.output.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The read-only status server: {@code /status.json}, the page at {@code /} (and its optional {@code /status.js}),
 * {@code /badge/NAME.svg}. GET and HEAD only (405 with {@code Allow} otherwise); every answer is made from a
 * snapshot of the {@link StatusBoard}, so no request can start a login or a command. Requests are not logged and
 * nothing of a request is written back into an answer.
 */
public final class StatusServer implements AutoCloseable {
    /** Cache-Control of the answers made from the board: short, since a check comes every interval. */
    static final String CACHE_STATUS = "public, max-age=10";
    /** Cache-Control of the page's script, which changes only with shipctl. */
    static final String CACHE_SCRIPT = "public, max-age=3600";
    /**
     * The page's Content-Security-Policy: its script and data from this server only, no plugin, no form; any site may
     * embed it in a frame (that is what it is for).
     */
    static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; "
            + "img-src 'self'; base-uri 'none'; form-action 'none'";

    private final HttpServer server;
    private final ExecutorService requests;
    private final StatusBoard board;
    private final StatusTemplates templates;
    private final boolean showAddresses;
    private final Optional<String> corsOrigin;
    private final String script = StatusTemplates.resource("status.js");

    private StatusServer(HttpServer server, ExecutorService requests, StatusBoard board, StatusTemplates templates,
                         boolean showAddresses, Optional<String> corsOrigin) {
        this.server = server;
        this.requests = requests;
        this.board = board;
        this.templates = templates;
        this.showAddresses = showAddresses;
        this.corsOrigin = corsOrigin;
    }

    /**
     * Serves {@code board} on {@code address} until closed.
     *
     * @param showAddresses whether {@code /status.json} shows each server's host:port
     * @param corsOrigin the origin (or {@code *}) allowed to read {@code /status.json} from a script of another site
     * @throws IOException when the address cannot be bound
     */
    public static StatusServer start(InetSocketAddress address, StatusBoard board, StatusTemplates templates,
                                     boolean showAddresses, Optional<String> corsOrigin) throws IOException {
        HttpServer http = HttpServer.create(address, 16);
        ExecutorService requests = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("status-http-", 0).factory());
        StatusServer s = new StatusServer(http, requests, board, templates, showAddresses, corsOrigin);
        http.createContext("/", s::handle);
        http.setExecutor(requests);
        http.start();
        return s;
    }

    /** The address bound (its port, when 0 was asked). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Headers h = exchange.getResponseHeaders();
            h.set("X-Content-Type-Options", "nosniff");
            h.set("Referrer-Policy", "no-referrer");
            String method = exchange.getRequestMethod();
            boolean head = method.equals("HEAD");
            if (!head && !method.equals("GET")) {
                h.set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", "no-store", "GET and HEAD only\n", false);
                return;
            }
            String path = exchange.getRequestURI().getRawPath();
            StatusBoard.Snapshot snapshot = board.snapshot();
            if (path.equals("/status.json")) {
                corsOrigin.ifPresent(origin -> {
                    h.set("Access-Control-Allow-Origin", origin);
                    if (!origin.equals("*")) h.set("Vary", "Origin");
                });
                send(exchange, 200, "application/json; charset=utf-8", CACHE_STATUS,
                        Json.MAPPER.writeValueAsString(StatusJson.of(snapshot, showAddresses)) + "\n", head);
            } else if (path.equals("/") || path.equals("/index.html")) {
                h.set("Content-Security-Policy", PAGE_POLICY);
                send(exchange, 200, "text/html; charset=utf-8", CACHE_STATUS, templates.page(snapshot), head);
            } else if (path.equals("/status.js")) {
                send(exchange, 200, "text/javascript; charset=utf-8", CACHE_SCRIPT, script, head);
            } else {
                Optional<ServerStatus> badged = badgeName(path).flatMap(snapshot::server);
                if (badged.isPresent()) {
                    h.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
                    send(exchange, 200, "image/svg+xml; charset=utf-8", CACHE_STATUS, templates.badge(badged.get()), head);
                } else {
                    send(exchange, 404, "text/plain; charset=utf-8", "no-store", "not found\n", head);
                }
            }
        }
    }

    /** The server's name in {@code /badge/NAME.svg} (percent-decoded), if the path is one. */
    static Optional<String> badgeName(String rawPath) {
        if (!rawPath.startsWith("/badge/") || !rawPath.endsWith(".svg")) return Optional.empty();
        String raw = rawPath.substring("/badge/".length(), rawPath.length() - ".svg".length());
        if (raw.isEmpty() || raw.contains("/")) return Optional.empty();
        try {
            return Optional.of(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String cache, String body, boolean head) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Headers h = exchange.getResponseHeaders();
        h.set("Content-Type", type);
        h.set("Cache-Control", cache);
        if (head) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Stops serving: open requests get a second to finish. */
    @Override
    public void close() {
        server.stop(1);
        requests.shutdownNow();
    }
}

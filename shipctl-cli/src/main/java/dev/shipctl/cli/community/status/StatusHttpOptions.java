package dev.shipctl.cli.community.status;

import dev.shipctl.cli.common.CliContext;
import dev.shipctl.cli.common.UserError;
import dev.shipctl.cli.options.ConnectOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.InstantSource;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --status-http [ADDR:]PORT} and its companions: the read-only status server of a command that watches
 * servers. The command records each finished check on the {@link StatusBoard} that {@link #start} returns (which
 * serves nothing when {@code --status-http} is not given) and closes it when done.
 */
public final class StatusHttpOptions {
    @Option(names = "--status-http", paramLabel = "[ADDR:]PORT",
            description = "Serve a read-only status page (/), /status.json and /badge/NAME.svg on this address. A port alone"
                    + " binds 127.0.0.1 (loopback); another address only when written, e.g. 0.0.0.0:8080. Port 0 picks a free one.")
    String address;

    @Option(names = "--status-cors", paramLabel = "ORIGIN",
            description = "Let scripts of ORIGIN (https://example.org, or *) read /status.json (Access-Control-Allow-Origin)."
                    + " Default: no CORS header.")
    String cors;

    @Option(names = "--status-show-addresses", description = "Show each server's host:port in /status.json (hidden by default).")
    boolean showAddresses;

    @Option(names = "--status-title", paramLabel = "TEXT", description = "The status page's heading (default: PSO server status).")
    String title = "PSO server status";

    /**
     * The board the checks go on, served when {@code --status-http} is given (its URL said on stderr); close it
     * when done. Without the option it serves nothing and recording on it costs little.
     */
    public Status start(CliContext ctx) {
        StatusBoard board = new StatusBoard(InstantSource.system());
        if (address == null) {
            if (cors != null || showAddresses) throw UserError.usage("--status-cors and --status-show-addresses go with --status-http");
            return new Status(board, null);
        }
        InetSocketAddress bind = bindAddress(address);
        Optional<String> origin = Optional.ofNullable(cors).map(StatusHttpOptions::origin);
        try {
            StatusServer server = StatusServer.start(bind, board, new StatusTemplates(title), showAddresses, origin);
            String host = bind.getAddress().getHostAddress();
            String shown = host.contains(":") ? "[" + host + "]" : host;
            ctx.terminal().err().println("shipctl: status page on http://" + shown + ":" + server.address().getPort() + "/");
            return new Status(board, server);
        } catch (IOException e) {
            throw UserError.config("cannot serve the status page on " + address + ": " + e.getMessage());
        }
    }

    /**
     * The board and, when served, its server.
     *
     * @param board where the checks are recorded
     * @param server the status server, or null when none was asked for
     */
    public record Status(StatusBoard board, StatusServer server) implements AutoCloseable {
        /** Records a finished check of the server {@code name} (see {@link StatusBoard#record}). */
        public void record(String name, dev.shipctl.check.CheckResult result) {
            board.record(name, result);
        }

        /** Lists the server {@code name} before its first check. */
        public void expect(String name, String address) {
            board.expect(name, address);
        }

        @Override
        public void close() {
            if (server != null) server.close();
        }
    }

    /** {@code [ADDR:]PORT}: a port alone is loopback (127.0.0.1); an IPv6 address goes in brackets. */
    static InetSocketAddress bindAddress(String s) {
        String usage = "--status-http takes [ADDR:]PORT (a port alone binds 127.0.0.1), not '" + s + "'";
        int colon = s.lastIndexOf(':');
        String host = colon < 0 ? "127.0.0.1" : s.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        if (host.isEmpty() || (colon > 0 && s.indexOf(':') != colon && !s.startsWith("["))) throw UserError.usage(usage);
        int port;
        try {
            port = Integer.parseInt(s.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw UserError.usage(usage);
        }
        if (port < 0 || port > 65535) throw UserError.usage(usage);
        InetSocketAddress a = new InetSocketAddress(host, port);
        if (a.isUnresolved()) throw UserError.usage("--status-http: cannot resolve '" + host + "'");
        return a;
    }

    /** A CORS origin: {@code *}, or scheme://host[:port] with nothing after it. */
    static String origin(String s) {
        if (s.equals("*")) return s;
        String usage = "--status-cors takes * or an origin such as https://example.org (scheme, host, optional port; no path), not '" + s + "'";
        try {
            URI u = new URI(s);
            boolean web = "https".equals(u.getScheme()) || "http".equals(u.getScheme());
            boolean bare = u.getHost() != null && u.getRawUserInfo() == null && (u.getRawPath() == null || u.getRawPath().isEmpty())
                    && u.getRawQuery() == null && u.getRawFragment() == null;
            if (!web || !bare) throw UserError.usage(usage);
            return u.getScheme() + "://" + u.getHost().toLowerCase(java.util.Locale.ROOT) + (u.getPort() >= 0 ? ":" + u.getPort() : "");
        } catch (URISyntaxException e) {
            throw UserError.usage(usage);
        }
    }
}

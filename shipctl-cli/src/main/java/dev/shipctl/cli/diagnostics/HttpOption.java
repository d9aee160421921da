package dev.shipctl.cli.diagnostics;

import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --http URL}: newserv's HTTP API, where a command can use it for more than the game protocol shows. */
public final class HttpOption {
    @Option(names = "--http", paramLabel = "URL",
            description = "newserv only: its HTTP API (for example http://127.0.0.1:8080) for more detail: every client and"
                    + " its lobby, lobby and game counts. Optional; it has no authentication, so keep it on loopback.")
    String url;

    /** The API client, if {@code --http} was given. */
    Optional<NewservHttp> client(Duration timeout) {
        return Optional.ofNullable(url).filter(u -> !u.isBlank()).map(u -> NewservHttp.of(u, timeout));
    }
}

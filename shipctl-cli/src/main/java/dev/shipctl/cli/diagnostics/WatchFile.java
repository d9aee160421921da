package dev.shipctl.cli.diagnostics;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.shipctl.cli.common.UserError;
import dev.shipctl.cli.config.PrivateFiles;
import dev.shipctl.cli.config.Profile;
import dev.shipctl.cli.options.DurationConverter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.toml.TomlMapper;

/**
 * A watch file ({@code watch --watch-file FILE}): the servers one {@code watch} process checks, each on its own
 * schedule, named by its table:
 * <pre>
 * [servers.home]
 * host = "127.0.0.1"
 * port = 12000
 * flavour = "tethealla"
 * user = "monitor"
 * password_env = "HOME_MONITOR_PASSWORD"   # or password_file = "~/.config/shipctl/home.pw"
 * interval = "30s"                         # default: --interval
 * </pre>
 * The file is checked like a password file (this user's, no access for others, not a link): it says where
 * passwords are sent. Unknown keys are refused, so that a misspelt one does not pass unseen.
 */
final class WatchFile {
    private static final TomlMapper TOML = TomlMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final int MAX_BYTES = 1024 * 1024;

    /** One server's table. */
    record Entry(String host, Integer port, String user, String flavour, @JsonProperty("key_file") String keyFile,
            String ship, String block, Integer slot, @JsonProperty("password_env") String passwordEnv,
            @JsonProperty("password_file") String passwordFile, @JsonProperty("network_warning") Boolean networkWarning,
            String interval) {
    }

    /** The file's shape. */
    record Shape(Map<String, Entry> servers) {
    }

    /** A server to watch: its name (the {@code server} label), its settings, and its interval if it has its own. */
    record Server(String name, Profile settings, Duration interval) {
    }

    private WatchFile() {}

    /** The servers of {@code file}, in the file's order; a configuration error (one line) when it is not valid. */
    static List<Server> read(Path file, Duration defaultInterval) {
        byte[] content = PrivateFiles.read(file, "the watch file", MAX_BYTES);
        Shape shape;
        try {
            shape = TOML.readValue(new String(content, StandardCharsets.UTF_8), Shape.class);
        } catch (JacksonException e) {
            throw UserError.config("the watch file " + file + " is not valid: " + e.getOriginalMessage());
        }
        if (shape == null || shape.servers() == null || shape.servers().isEmpty()) {
            throw UserError.config("the watch file " + file + " names no servers (add a [servers.NAME] table)");
        }
        List<Server> servers = new ArrayList<>();
        for (Map.Entry<String, Entry> e : new LinkedHashMap<>(shape.servers()).entrySet()) {
            Entry s = e.getValue();
            String where = "the watch file " + file + ", server " + e.getKey() + ": ";
            if (s == null || s.host() == null) throw UserError.config(where + "no host");
            Duration interval = defaultInterval;
            if (s.interval() != null) {
                try {
                    interval = DurationConverter.parse(s.interval());
                } catch (RuntimeException bad) {
                    throw UserError.config(where + "interval: " + bad.getMessage());
                }
            }
            servers.add(new Server(e.getKey(), new Profile(s.host(), s.port(), s.user(), s.flavour(), s.keyFile(), s.ship(),
                    s.block(), s.slot(), s.passwordEnv(), s.passwordFile(), null, s.networkWarning()), interval));
        }
        return servers;
    }
}

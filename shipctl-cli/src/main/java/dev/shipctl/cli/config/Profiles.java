package dev.shipctl.cli.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.shipctl.cli.common.UserError;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.dataformat.toml.TomlMapper;

/**
 * The profiles file, {@code config.toml} in the user's config directory:
 * <pre>
 * [profiles.home]
 * host = "pso.example.org"
 * port = 12000
 * user = "gmadmin"
 * password_env = "HOME_PSO_PASSWORD"
 * </pre>
 */
public final class Profiles {
    private static final TomlMapper TOML = TomlMapper.builder().build();

    /** The file's shape. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record File(Map<String, Profile> profiles) {
        public File {
            profiles = profiles == null ? new TreeMap<>() : new TreeMap<>(profiles);
        }
    }

    private final Path path;
    private final File file;

    private Profiles(Path path, File file) {
        this.path = path;
        this.file = file;
    }

    /** The most a profiles file may hold. */
    static final int MAX_BYTES = 1024 * 1024;

    /**
     * Reads the profiles file (none yet: no profiles). It is checked like a password file before its settings are
     * trusted — not a link, this user's, no permission for group or others — since whoever can write it can point a
     * profile at their own server and collect the password.
     */
    public static Profiles load(Path path) {
        Optional<byte[]> content = PrivateFiles.readIfExists(path, "the config file", MAX_BYTES);
        if (content.isEmpty()) return new Profiles(path, new File(null));
        try {
            return new Profiles(path, TOML.readValue(new String(content.get(), StandardCharsets.UTF_8), File.class));
        } catch (JacksonException e) {
            throw UserError.config("the config file " + path + " is not valid: " + e.getOriginalMessage());
        }
    }

    public Path path() {
        return path;
    }

    public Map<String, Profile> all() {
        return file.profiles();
    }

    public Optional<Profile> find(String name) {
        return Optional.ofNullable(file.profiles().get(name));
    }

    /** The profile called {@code name}, or a configuration error listing the known ones. */
    public Profile require(String name) {
        return find(name).orElseThrow(() -> UserError.config("no profile '" + name + "' in " + path
                + (file.profiles().isEmpty() ? " (it has none; add one with: shipctl profile add NAME ...)"
                : " (known: " + String.join(", ", file.profiles().keySet()) + ")")));
    }

    /** A copy with {@code name} set to {@code profile}. */
    public Profiles with(String name, Profile profile) {
        TreeMap<String, Profile> next = new TreeMap<>(file.profiles());
        next.put(name, profile);
        return new Profiles(path, new File(next));
    }

    /** A copy without {@code name}. */
    public Profiles without(String name) {
        TreeMap<String, Profile> next = new TreeMap<>(file.profiles());
        next.remove(name);
        return new Profiles(path, new File(next));
    }

    /**
     * Writes the file atomically, created readable by its owner only (never created open, then restricted), in a
     * directory created (0700) or checked as a {@linkplain PrivateFiles private directory}.
     */
    public void save() {
        PrivateFiles.directory(path.toAbsolutePath().getParent(), "the config directory");
        PrivateFiles.replace(path, TOML.writeValueAsString(file).getBytes(StandardCharsets.UTF_8), "the config file");
    }
}

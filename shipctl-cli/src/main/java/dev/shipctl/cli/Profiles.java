package dev.shipctl.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.nio.file.Files;
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

    public static Profiles load(Path path) {
        if (!Files.exists(path)) return new Profiles(path, new File(null));
        try {
            return new Profiles(path, TOML.readValue(Files.readString(path), File.class));
        } catch (JacksonException e) {
            throw UserError.config("the config file " + path + " is not valid: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw UserError.config("cannot read the config file " + path + ": " + e.getMessage());
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

    /** Writes the file (creating its directory), readable by its owner only where the file system allows. */
    public void save() {
        try {
            Files.createDirectories(path.getParent());
            Files.writeString(path, TOML.writeValueAsString(file));
            try {
                Files.setPosixFilePermissions(path, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not POSIX
            }
        } catch (IOException e) {
            throw UserError.config("cannot write the config file " + path + ": " + e.getMessage());
        }
    }
}

package dev.shipctl.cli.diagnostics;

import dev.shipctl.Credentials;
import dev.shipctl.cli.common.CliContext;
import dev.shipctl.cli.common.UserError;
import dev.shipctl.cli.config.PrivateFiles;
import dev.shipctl.cli.options.PasswordSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.toml.TomlMapper;

/**
 * The swarm's accounts file: TOML ({@code [[account]]} tables) or CSV (a header line), each row a {@code user} and
 * where its password is, {@code password_env} (an environment variable) or {@code password_file} (a private file,
 * as {@code --password-file}); rows without either use the one shared source ({@code --password-env} or
 * {@code --password-file}). Passwords are never in the file itself, nor on the command line.
 *
 * <pre>
 * user,password_env            [[account]]
 * bot001,BOT_PASSWORD          user = "bot001"
 * bot002,BOT_PASSWORD          password_file = "~/.pso/bot001"
 * </pre>
 */
final class SwarmAccounts {
    private static final TomlMapper TOML = TomlMapper.builder().build();

    private record Row(String user, String passwordEnv, String passwordFile) {}

    private SwarmAccounts() {}

    /** Reads the file and every password; errors are one line with the row, never a password (exit code 9). */
    static List<Credentials> load(Path file, Optional<PasswordSource> shared, CliContext ctx) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw UserError.config("cannot read the accounts file " + file + ": " + e.getMessage());
        }
        List<Row> rows = file.toString().endsWith(".toml") ? toml(text, file) : csv(text, file);
        if (rows.isEmpty()) throw UserError.config("the accounts file " + file + " lists no account");
        List<Credentials> accounts = new ArrayList<>(rows.size());
        for (Row r : rows) {
            PasswordSource source = r.passwordEnv != null ? new PasswordSource.FromEnv(r.passwordEnv)
                    : r.passwordFile != null ? new PasswordSource.FromFile(Path.of(PrivateFiles.expandHome(r.passwordFile)))
                    : shared.orElseThrow(() -> UserError.config("account " + r.user + " in " + file
                            + " has no password_env or password_file, and no --password-env or --password-file is given"));
            char[] password = source.read(ctx.env(), ctx.console().orElse(null));
            try {
                accounts.add(new Credentials(r.user, new String(password)));
            } catch (IllegalArgumentException e) {
                throw UserError.config("account " + r.user + " in " + file + ": " + e.getMessage());
            } finally {
                Arrays.fill(password, '\0');
            }
        }
        return accounts;
    }

    private static List<Row> toml(String text, Path file) {
        JsonNode root;
        try {
            root = TOML.readTree(text);
        } catch (RuntimeException e) {
            throw UserError.config("the accounts file " + file + " is not valid TOML: " + e.getMessage());
        }
        List<Row> rows = new ArrayList<>();
        for (JsonNode a : root.path("account")) {
            String user = a.path("user").asString(null);
            if (user == null || user.isBlank()) throw UserError.config("an [[account]] in " + file + " has no user");
            rows.add(new Row(user, text(a, "password_env"), text(a, "password_file")));
        }
        return rows;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static List<Row> csv(String text, Path file) {
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        if (lines.isEmpty()) return List.of();
        List<String> header = Arrays.stream(lines.getFirst().split(",", -1)).map(String::strip).toList();
        if (!header.contains("user")) throw UserError.config("the accounts file " + file + " needs a header line naming a user column");
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            Map<String, String> row = new java.util.HashMap<>();
            for (int c = 0; c < header.size() && c < cells.length; c++) {
                if (!cells[c].isBlank()) row.put(header.get(c), cells[c].strip());
            }
            if (row.get("user") == null) throw UserError.config("line " + (i + 1) + " of " + file + " has no user");
            rows.add(new Row(row.get("user"), row.get("password_env"), row.get("password_file")));
        }
        return rows;
    }

    /** The I-th of N disjoint slices (1-based I), as even as can be: shards together cover every account once. */
    static <T> List<T> shard(List<T> all, int index, int count) {
        int from = (int) ((long) all.size() * (index - 1) / count);
        int to = (int) ((long) all.size() * index / count);
        return all.subList(from, to);
    }
}

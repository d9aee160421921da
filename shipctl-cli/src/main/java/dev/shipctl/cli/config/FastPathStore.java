package dev.shipctl.cli.config;

import dev.shipctl.cli.common.CliContext;
import dev.shipctl.cli.common.UserError;
import dev.shipctl.MenuItem;
import dev.shipctl.ResumeTicket;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fast-path tickets ({@link ResumeTicket}) the one-shot verbs keep between runs: one file per login server and
 * account ({@code USER@HOST_PORT.ticket}) in {@code fast-path/} of the state folder ({@link #stateDir}). A ticket lets
 * anyone who reads it into the block as that account until its next full login, so it is a credential: the folder
 * is private (0700), each file private (0600), written atomically, never through a link, refused when it is another
 * user's or open to others; its content is never printed. {@code shipctl logout} deletes it.
 */
public final class FastPathStore {
    private static final Logger log = LoggerFactory.getLogger(FastPathStore.class);
    private static final String WHAT = "the fast-path ticket";
    private static final int MAX_BYTES = 4096;
    private static final String SUFFIX = ".ticket";

    private final Path dir;

    public FastPathStore(Path dir) {
        this.dir = dir;
    }

    /** The store in this context's state folder. */
    public static FastPathStore of(CliContext ctx) {
        return new FastPathStore(stateDir(ctx.env()).resolve("fast-path"));
    }

    /**
     * shipctl's state folder: {@code $XDG_STATE_HOME/shipctl}, else {@code ~/.local/state/shipctl};
     * {@code %LOCALAPPDATA%\shipctl} on Windows.
     */
    public static Path stateDir(Map<String, String> env) {
        String home = System.getProperty("user.home");
        if (System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win")) {
            String local = env.get("LOCALAPPDATA");
            return local != null && !local.isBlank() ? Path.of(local, "shipctl") : Path.of(home, "AppData", "Local", "shipctl");
        }
        String xdg = env.get("XDG_STATE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "state")).resolve("shipctl");
    }

    public Path dir() {
        return dir;
    }

    /** The file of an account on a login server. */
    public Path file(String host, int port, String user) {
        return dir.resolve(safe(user) + "@" + safe(host) + "_" + port + SUFFIX);
    }

    /** The kept ticket of an account, if there is one and it reads well (a damaged one counts as none). */
    public Optional<ResumeTicket> load(String host, int port, String user) {
        Path file = file(host, port, user);
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return Optional.empty();
        Optional<byte[]> bytes = PrivateFiles.readIfExists(file, WHAT, MAX_BYTES);
        if (bytes.isEmpty()) return Optional.empty();
        try {
            Properties p = new Properties();
            p.load(new StringReader(new String(bytes.get(), StandardCharsets.UTF_8)));
            return Optional.of(decode(p));
        } catch (IOException | RuntimeException e) {
            log.debug("ignoring the damaged fast-path ticket {}: {}", file, e.toString());
            return Optional.empty();
        } finally {
            java.util.Arrays.fill(bytes.get(), (byte) 0);
        }
    }

    /** Keeps a ticket, replacing the account's previous one. */
    public void save(ResumeTicket t) {
        PrivateFiles.directory(dir.getParent(), "the state folder");
        PrivateFiles.directory(dir, "the fast-path folder");
        StringBuilder s = new StringBuilder("# shipctl fast-path ticket: a credential (docs/security.md); `shipctl logout` deletes it\n");
        Properties p = encode(t);
        for (String key : p.stringPropertyNames().stream().sorted().toList()) {
            s.append(key).append('=').append(escape(p.getProperty(key))).append('\n');
        }
        PrivateFiles.replace(file(t.host(), t.port(), t.username()), s.toString().getBytes(StandardCharsets.UTF_8), WHAT);
    }

    /** Forgets the account's ticket; whether there was one. */
    public boolean forget(String host, int port, String user) {
        try {
            return Files.deleteIfExists(file(host, port, user));
        } catch (IOException e) {
            throw UserError.config("cannot delete " + WHAT + " " + file(host, port, user) + ": " + e.getMessage());
        }
    }

    /** Forgets every ticket; how many there were. */
    public int forgetAll() {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return 0;
        int n = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path f : files) {
                if (Files.deleteIfExists(f)) n++;
            }
        } catch (IOException e) {
            throw UserError.config("cannot delete the fast-path tickets in " + dir + ": " + e.getMessage());
        }
        return n;
    }

    private static Properties encode(ResumeTicket t) {
        Properties p = new Properties();
        p.setProperty("flavour", t.flavour());
        p.setProperty("host", t.host());
        p.setProperty("port", Integer.toString(t.port()));
        p.setProperty("user", t.username());
        p.setProperty("slot", Integer.toString(t.slot()));
        p.setProperty("guild_card", Integer.toUnsignedString(t.guildCard()));
        p.setProperty("token", Integer.toUnsignedString(t.securityToken()));
        p.setProperty("config", t.clientConfigHex());
        hop(p, "ship", t.ship());
        hop(p, "block", t.block());
        return p;
    }

    private static void hop(Properties p, String prefix, ResumeTicket.Hop h) {
        p.setProperty(prefix + ".name", h.item().name());
        p.setProperty(prefix + ".menu_id", Integer.toUnsignedString(h.item().menuId()));
        p.setProperty(prefix + ".item_id", Integer.toUnsignedString(h.item().itemId()));
        p.setProperty(prefix + ".number", Integer.toString(h.number()));
        p.setProperty(prefix + ".host", h.host());
        p.setProperty(prefix + ".port", Integer.toString(h.port()));
    }

    private static ResumeTicket decode(Properties p) {
        return new ResumeTicket(need(p, "flavour"), need(p, "host"), Integer.parseInt(need(p, "port")), need(p, "user"),
                Integer.parseInt(need(p, "slot")), Integer.parseUnsignedInt(need(p, "guild_card")),
                Integer.parseUnsignedInt(need(p, "token")), HexFormat.of().parseHex(need(p, "config")), hop(p, "ship"), hop(p, "block"));
    }

    private static ResumeTicket.Hop hop(Properties p, String prefix) {
        MenuItem item = new MenuItem(need(p, prefix + ".name"), Integer.parseUnsignedInt(need(p, prefix + ".menu_id")),
                Integer.parseUnsignedInt(need(p, prefix + ".item_id")), Optional.empty());
        return new ResumeTicket.Hop(item, Integer.parseInt(need(p, prefix + ".number")), need(p, prefix + ".host"),
                Integer.parseInt(need(p, prefix + ".port")));
    }

    private static String need(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) throw new IllegalArgumentException("no " + key);
        return v;
    }

    /** A value as a properties file reads it back: backslashes, line breaks and leading blanks escaped, non-ASCII as \\u. */
    private static String escape(String v) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                case '\f' -> s.append("\\f");
                default -> {
                    if (i == 0 && c == ' ') s.append("\\ ");
                    else if (c < 0x20 || c > 0x7E) s.append(String.format("\\u%04X", (int) c));
                    else s.append(c);
                }
            }
        }
        return s.toString();
    }

    /** A name part for a file name: letters, digits, '.', '-' and '_' as they are; everything else as %XX. */
    public static String safe(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (x & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || (c == '.' && b.length() > 0)) {
                b.append(c);
            } else {
                b.append('%').append(String.format("%02X", x & 0xFF));
            }
        }
        return b.toString();
    }
}

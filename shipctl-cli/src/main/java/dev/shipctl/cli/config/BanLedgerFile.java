package dev.shipctl.cli.config;

import dev.shipctl.admin.BanLedger;
import dev.shipctl.admin.BanType;
import dev.shipctl.cli.common.CliContext;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link BanLedger} of one login server, kept in {@code bans/HOST_PORT.ledger} of the state folder
 * ({@link FastPathStore#stateDir}): every ban and unban a Tethealla server confirmed to shipctl, one line each,
 * oldest first ({@code TYPE GUILD_CARD banned|lifted INSTANT SHIP [UNTIL]}, the ship's name URL-encoded, UNTIL the end of
 * a ban with a length). Written as the
 * fast-path tickets are (a private folder, a private file replaced atomically, never through a link); a line that
 * does not read is skipped. The ledger is what shipctl did: it knows nothing of bans made in game or by others.
 */
public final class BanLedgerFile implements BanLedger {
    private static final Logger log = LoggerFactory.getLogger(BanLedgerFile.class);
    private static final String WHAT = "the ban ledger";
    private static final int MAX_BYTES = 4 << 20;
    private static final String HEADER = "# shipctl ban ledger: what shipctl banned and lifted on this server (README.md, Admin cookbook)\n";

    private final Path file;

    public BanLedgerFile(Path file) {
        this.file = file;
    }

    /** The ledger of a login server in this context's state folder. */
    public static BanLedgerFile of(CliContext ctx, String host, int port) {
        return new BanLedgerFile(FastPathStore.stateDir(ctx.env()).resolve("bans")
                .resolve(FastPathStore.safe(host) + "_" + port + ".ledger"));
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized Optional<Entry> last(String ship, BanType type, int guildCard) {
        Entry found = null;
        for (Entry e : entries()) {
            if (e.ship().equals(ship) && e.type() == type && e.guildCard() == guildCard) found = e;
        }
        return Optional.ofNullable(found);
    }

    @Override
    public synchronized void record(Entry entry) {
        StringBuilder s = new StringBuilder(HEADER);
        for (Entry e : entries()) s.append(line(e));
        s.append(line(entry));
        PrivateFiles.directory(file.getParent().getParent(), "the state folder");
        PrivateFiles.directory(file.getParent(), "the ban ledger folder");
        PrivateFiles.replace(file, s.toString().getBytes(StandardCharsets.UTF_8), WHAT);
    }

    /** Every entry, oldest first. */
    public synchronized List<Entry> entries() {
        Optional<byte[]> bytes = java.nio.file.Files.isDirectory(file.getParent()) ? PrivateFiles.readIfExists(file, WHAT, MAX_BYTES) : Optional.empty();
        List<Entry> entries = new ArrayList<>();
        if (bytes.isEmpty()) return entries;
        for (String l : new String(bytes.get(), StandardCharsets.UTF_8).split("\n")) {
            if (l.isBlank() || l.startsWith("#")) continue;
            try {
                entries.add(parse(l));
            } catch (RuntimeException e) {
                log.debug("skipping a line of {} that does not read: {}", file, e.toString());
            }
        }
        return entries;
    }

    private static String line(Entry e) {
        return e.type().name() + " " + Integer.toUnsignedString(e.guildCard()) + " " + (e.banned() ? "banned" : "lifted") + " "
                + e.at() + " " + URLEncoder.encode(e.ship(), StandardCharsets.UTF_8) + e.until().map(u -> " " + u).orElse("") + "\n";
    }

    private static Entry parse(String line) {
        String[] f = line.strip().split(" ", -1);
        if (f.length != 5 && f.length != 6) throw new IllegalArgumentException("5 or 6 fields expected");
        boolean banned = switch (f[2]) {
            case "banned" -> true;
            case "lifted" -> false;
            default -> throw new IllegalArgumentException("banned or lifted expected");
        };
        return new Entry(URLDecoder.decode(f[4], StandardCharsets.UTF_8), BanType.valueOf(f[0]), Integer.parseUnsignedInt(f[1]),
                banned, Instant.parse(f[3]), f.length == 6 ? Optional.of(Instant.parse(f[5])) : Optional.empty());
    }
}

package dev.shipctl.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Local GMs in Tethealla's {@code localgms.ini} format:
 * <pre>
 * [localgms]
 * &lt;guild card&gt;,&lt;level&gt;      e.g. 42000003,1
 * [gmrights]
 * &lt;level&gt;,&lt;bitmask&gt;        e.g. 1,32767
 * </pre>
 * Levels 0..10; a right is bit N of the level's mask (bit 0 /event, 4 /dc, 5 /dcall, 6 /announce, 8 /updatelocalgms,
 * 9 /stfu, 11 /ban, 12 /ipban /hwban /updatemasks). {@code #} and {@code ;} start comments. Unlike Tethealla, a
 * blank or malformed line is skipped rather than crashing the ship. {@link #merge} gives Tethealla's reload
 * semantics: entries are only added or overwritten, never removed. Immutable.
 */
public final class LocalGms {
    /** Right bits, as Tethealla numbers them. */
    public static final int EVENT = 0, WARPME = 3, DC = 4, DCALL = 5, ANNOUNCE = 6, LEVELUP = 7, UPDATE_LOCAL_GMS = 8,
            STFU = 9, WARPALL = 10, BAN = 11, IPBAN = 12;

    private final Map<Integer, Integer> levels;
    private final Map<Integer, Integer> rights;
    private final Optional<Path> source;

    private LocalGms(Map<Integer, Integer> levels, Map<Integer, Integer> rights, Optional<Path> source) {
        this.levels = Map.copyOf(levels);
        this.rights = Map.copyOf(rights);
        this.source = source;
    }

    /** No local GMs. */
    public static LocalGms none() {
        return new LocalGms(Map.of(), Map.of(), Optional.empty());
    }

    /** The test peer's file: guild card 42000003 at level 1 with every right (32767). */
    public static LocalGms demo() {
        return parse("[localgms]\n42000003,1\n[gmrights]\n1,32767\n");
    }

    /** Reads the file; {@code /updatelocalgms} re-reads the same path. */
    public static LocalGms load(Path file) throws IOException {
        LocalGms parsed = parse(Files.readString(file));
        return new LocalGms(parsed.levels, parsed.rights, Optional.of(file));
    }

    /** Parses localgms.ini text (no file to reload from). */
    public static LocalGms parse(String text) {
        Map<Integer, Integer> levels = new LinkedHashMap<>();
        Map<Integer, Integer> rights = new LinkedHashMap<>();
        String section = "";
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            int comment = indexOfComment(line);
            if (comment >= 0) line = line.substring(0, comment).strip();
            if (line.isEmpty()) continue;
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1).strip().toLowerCase(java.util.Locale.ROOT);
                continue;
            }
            String[] kv = line.split(",", 2);
            if (kv.length != 2) continue;
            try {
                long key = Long.parseLong(kv[0].strip());
                long value = Long.parseLong(kv[1].strip());
                switch (section) {
                    case "localgms" -> { if (value >= 0 && value <= 10) levels.put((int) key, (int) value); }
                    case "gmrights" -> { if (key >= 0 && key <= 10) rights.put((int) key, (int) value); }
                    default -> { }
                }
            } catch (NumberFormatException ignored) {
                // Tethealla reads such a line with atoi; skipping it is the safe equivalent
            }
        }
        return new LocalGms(levels, rights, Optional.empty());
    }

    private static int indexOfComment(String line) {
        int hash = line.indexOf('#'), semi = line.indexOf(';');
        if (hash < 0) return semi;
        if (semi < 0) return hash;
        return Math.min(hash, semi);
    }

    /** The rights mask of a guild card: 0 for players and unknown cards. */
    public int rights(int guildCard) {
        Integer level = levels.get(guildCard);
        if (level == null) return 0;
        return rights.getOrDefault(level, 0);
    }

    /** Whether the guild card holds right {@code bit}. */
    public boolean has(int guildCard, int bit) {
        return (rights(guildCard) & (1 << bit)) != 0;
    }

    public boolean isLocalGm(int guildCard) {
        return levels.containsKey(guildCard);
    }

    /** The file this list was read from, if any. */
    public Optional<Path> source() {
        return source;
    }

    /** This list with {@code newer}'s entries added or overwritten (Tethealla's append-only reload). */
    public LocalGms merge(LocalGms newer) {
        Map<Integer, Integer> l = new LinkedHashMap<>(levels);
        l.putAll(newer.levels);
        Map<Integer, Integer> r = new LinkedHashMap<>(rights);
        r.putAll(newer.rights);
        return new LocalGms(l, r, source.or(() -> newer.source));
    }

    @Override
    public String toString() {
        return "LocalGms[levels=" + levels + ", rights=" + rights + "]";
    }
}

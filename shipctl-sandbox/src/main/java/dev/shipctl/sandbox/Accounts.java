package dev.shipctl.sandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.dataformat.toml.TomlMapper;

/**
 * The sandbox's accounts. Loaded from TOML, one {@code [[accounts]]} table per account:
 * <pre>
 * [[accounts]]
 * user = "gmadmin"
 * password = "gmadmin123"      # or password_hash = "pbkdf2-sha256$&lt;iterations&gt;$&lt;salt b64&gt;$&lt;hash b64&gt;"
 * guild_card = 42000001
 * gm = true                    # global GM; local GMs come from a localgms.ini ({@link LocalGms})
 * character = "GMBot"          # the character in slot 0
 * banned = false               # optional: refused at login with "You are banned from this server."
 * </pre>
 * Exactly one of {@code password} and {@code password_hash} per account; {@code gm} and {@code banned} default to
 * false. Unknown keys, duplicate users and duplicate guild cards are errors. Immutable.
 */
public final class Accounts {
    /** The demo accounts, as on the Tethealla test peer. */
    private static final List<Account> DEMO = List.of(
            new Account("gmadmin", new Password.Plain("gmadmin123"), 42000001, true, "GMBot", false),
            new Account("player1", new Password.Plain("player123"), 42000002, false, "Player1", false),
            new Account("localgm", new Password.Plain("localgm123"), 42000003, false, "LocalGM", false));

    private final List<Account> accounts;
    private final boolean demo;
    private final Map<String, Account> byUser = new HashMap<>();
    private final Map<Integer, Account> byGuildCard = new HashMap<>();

    private Accounts(List<Account> accounts, boolean demo) {
        for (Account a : accounts) {
            if (byUser.putIfAbsent(a.user(), a) != null) throw new IllegalArgumentException("user " + a.user() + " is listed twice");
            if (byGuildCard.putIfAbsent(a.guildCard(), a) != null) throw new IllegalArgumentException("guild card " + Integer.toUnsignedString(a.guildCard()) + " is listed twice");
        }
        this.accounts = List.copyOf(accounts);
        this.demo = demo;
    }

    /** These accounts (checked for duplicate users and guild cards). */
    public static Accounts of(List<Account> accounts) {
        return new Accounts(accounts, false);
    }

    /** The first guild card of {@link #generated} accounts. */
    public static final int GENERATED_FIRST_GUILD_CARD = 50_000_000;

    /**
     * {@code count} player accounts for load tests (a swarm, a benchmark): users {@code prefix} and a five-digit number
     * from {@code 00000} ({@code bot00000}, {@code bot00001}, …), all with {@code password} kept as plain text (a login
     * costs no hash, so the login rate measured is the server's and the client's, not PBKDF2's), guild cards from
     * {@link #GENERATED_FIRST_GUILD_CARD}, characters named {@code Bot0}, {@code Bot1}, ….
     *
     * @throws IllegalArgumentException a count outside 1..99,999, or a prefix that leaves a user name over 16 characters
     */
    public static Accounts generated(String prefix, int count, String password) {
        if (count < 1 || count > 99_999) throw new IllegalArgumentException("generated accounts: 1 to 99999, not " + count);
        if (prefix.isEmpty() || prefix.length() > 11) throw new IllegalArgumentException("the user prefix must be 1 to 11 characters");
        List<Account> accounts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            accounts.add(new Account(generatedUser(prefix, i), new Password.Plain(password), GENERATED_FIRST_GUILD_CARD + i,
                    false, "Bot" + i, false));
        }
        return new Accounts(accounts, false);
    }

    /** The user name of generated account {@code index}: {@code prefix} and five digits. */
    public static String generatedUser(String prefix, int index) {
        return prefix + "%05d".formatted(index);
    }

    /**
     * The demo accounts, the same as the Tethealla test peer: gmadmin/gmadmin123 (global GM, guild card 42000001,
     * GMBot), player1/player123 (42000002, Player1) and localgm/localgm123 (42000003, LocalGM; a local GM when
     * combined with {@link LocalGms#demo()}). Their passwords are public, so a sandbox serves them on a loopback
     * address only.
     */
    public static Accounts demo() {
        return new Accounts(DEMO, true);
    }

    /** Whether these are the {@link #demo()} accounts, whose passwords everyone knows. */
    public boolean isDemo() {
        return demo;
    }

    /**
     * Reads a TOML accounts file, checked as a secret file first: opened without following a symbolic link, owned by
     * the user running the sandbox, and without group or other permissions (as ssh wants a private key).
     *
     * @throws UnsafeFileException the file fails those checks (the message says how to fix it)
     * @throws IOException         it cannot be read
     */
    public static Accounts load(Path file) throws IOException {
        return parse(PrivateFile.read(file), file.toString());
    }

    /** Parses TOML accounts text; {@code source} names it in error messages. */
    public static Accounts parse(String toml, String source) {
        TomlMapper mapper = TomlMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        File file;
        try {
            file = mapper.readValue(toml, File.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(source + ": " + e.getOriginalMessage(), e);
        }
        if (file == null || file.accounts() == null) return new Accounts(List.of(), false);
        List<Account> out = new ArrayList<>();
        int n = 0;
        for (Entry e : file.accounts()) {
            n++;
            String where = source + ": account #" + n + (e.user() == null ? "" : " (" + e.user() + ")");
            if (e.user() == null) throw new IllegalArgumentException(where + ": user is missing");
            if (e.guildCard() == null) throw new IllegalArgumentException(where + ": guild_card is missing");
            if ((e.password() == null) == (e.passwordHash() == null)) {
                throw new IllegalArgumentException(where + ": give exactly one of password and password_hash");
            }
            try {
                Password password = e.password() != null ? new Password.Plain(e.password()) : Password.Pbkdf2.parse(e.passwordHash());
                out.add(new Account(e.user(), password, (int) (long) e.guildCard(), Boolean.TRUE.equals(e.gm()),
                        e.character() == null ? e.user() : e.character(), Boolean.TRUE.equals(e.banned())));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(where + ": " + ex.getMessage(), ex);
            }
        }
        try {
            return new Accounts(out, false);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(source + ": " + ex.getMessage(), ex);
        }
    }

    /** A password hash for {@code password_hash}, in the documented PBKDF2 format. */
    public static String hashPassword(String password) {
        return Password.hash(password).stored();
    }

    public List<Account> all() {
        return accounts;
    }

    /** The account with this login name (exact match). */
    public Optional<Account> byUser(String user) {
        return Optional.ofNullable(byUser.get(user));
    }

    public Optional<Account> byGuildCard(int guildCard) {
        return Optional.ofNullable(byGuildCard.get(guildCard));
    }

    /**
     * One line per account for a console: user, password (for the {@link #demo()} accounts only, whose passwords
     * are public; other accounts show "(plain text)" or "(hashed)"), guild card, role and character.
     */
    public List<String> describe(LocalGms localGms) {
        return accounts.stream().map(a -> "%-16s %-12s guild card %d  %-9s character %s%s".formatted(
                a.user(), a.password() instanceof Password.Plain(String text) ? (demo ? text : "(plain text)") : "(hashed)",
                Integer.toUnsignedLong(a.guildCard()),
                a.gm() ? "GM" : localGms.rights(a.guildCard()) != 0 ? "local GM" : "player",
                a.character(), a.banned() ? "  (banned)" : "")).toList();
    }

    private record File(List<Entry> accounts) {}

    private record Entry(String user, String password, String passwordHash, Long guildCard, Boolean gm, String character,
                         Boolean banned) {}
}

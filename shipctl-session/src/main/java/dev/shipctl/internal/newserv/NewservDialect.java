package dev.shipctl.internal.newserv;

import dev.shipctl.ShipException;
import dev.shipctl.admin.BanType;
import dev.shipctl.internal.admin.AdminDialect;
import dev.shipctl.protocol.packet.chat.ClientChat;
import java.time.Duration;
import java.util.List;

/**
 * newserv (protocol notes §5.9). Commands start with {@code $}, are never echoed, and are answered by B0 texts
 * (colour escapes removed before comparing); permissions are account flags. Announcements need ANNOUNCE and reach
 * every client on the server (so {@code --global} changes nothing): {@code $ann} (scrolling, "name: text"),
 * {@code $ann?} (anonymous), {@code $ann!} / {@code $ann?!} (as mail). {@code $kick GC} and {@code $ban DURATION GC}
 * confirm with "&lt;name&gt; kicked off" / "&lt;name&gt; banned"; {@code $event N} with the 0xDA every lobby member
 * gets. Targets must be in a lobby or game ("Failed: client not found" otherwise).
 *
 * <p>What newserv has no chat command for is {@link ShipException.Unsupported}, naming what to do instead:
 * unban, IP and hardware bans, dcall, and the reloads (newserv has no local GM list).
 */
public final class NewservDialect implements AdminDialect {
    public static final NewservDialect INSTANCE = new NewservDialect();

    /** Refusals, normalised (newserv ChatCommands.cc, precondition_failed texts). "Failed: …" is one too. */
    static final List<String> REFUSALS = List.of(
            "You do not have permission to run this command.",
            "You do not have sufficient privileges.",
            "You are not logged in.",
            "Client not logged in",
            "Unknown command",
            "Incorrect arguments",
            "No such lobby event",
            "This command cannot be used in games.",
            "This command cannot be used in lobbies.",
            "This command cannot be used in proxy sessions.",
            "This command can only be used in proxy sessions.",
            "This command cannot be used for your version of PSO.",
            "This command can only be used by the game leader.",
            "This command can only be used in cheat mode.",
            "Cheats are disabled");

    private NewservDialect() {}

    /** The longest line whose 0x06 stays within the game client's 0x200-byte chat limit. */
    public static int maxCommandLength() {
        int n = 1;
        while (new ClientChat(0, "x".repeat(n + 1)).encodedSize() <= 0x200) n++;
        return n;
    }

    @Override
    public void checkCommand(String line) {
        if (line.isEmpty()) throw new IllegalArgumentException("the command is empty");
        if (line.charAt(0) != '$') throw new IllegalArgumentException("newserv commands start with '$': " + line);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 || c == 0x7F || Character.isSurrogate(c)) {
                throw new IllegalArgumentException("the command contains a character the server cannot carry (U+%04X at %d)".formatted((int) c, i + 1));
            }
        }
        int max = maxCommandLength();
        if (line.length() > max) {
            throw new IllegalArgumentException("the command is %d characters; a chat packet carries at most %d".formatted(line.length(), max));
        }
    }

    @Override
    public void checkAnnouncement(String text) {
        if (text.isBlank()) throw new IllegalArgumentException("the announcement is empty");
        checkCommand("$ann?! " + text);
    }

    /**
     * How newserv announces: a command that carries the text itself and is answered by the broadcast: the
     * scrolling message, prefixed with the sender's name when {@code named}, or a mail to everyone when
     * {@code asMail}.
     */
    public record Announcement(String prefix, String right, boolean named, boolean asMail) {}

    /** {@code $ann}: newserv announces to every client on the server, so global and local are the same. */
    public Announcement announce(boolean global) {
        return announce(global, false, false);
    }

    public Announcement announce(boolean global, boolean anonymous, boolean asMail) {
        String command = "$ann" + (anonymous ? "?" : "") + (asMail ? "!" : "");
        return new Announcement(command + " ", "account flag ANNOUNCE", !anonymous, asMail);
    }

    @Override
    public Op kick(int guildCard) {
        return new Op("$kick " + Integer.toUnsignedString(guildCard), "account flag KICK_USER", List.of(), List.of());
    }

    /** {@code $ban DURATION GC}: bans the account for a time; confirmed by "&lt;name&gt; banned". */
    public Op banFor(int guildCard, Duration duration) {
        return new Op("$ban " + duration(duration) + " " + Integer.toUnsignedString(guildCard), "account flag BAN_USER",
                List.of(), List.of());
    }

    /** A duration in newserv's $ban syntax: a whole number and the largest unit that divides it (y w d h m, else seconds). */
    static String duration(Duration d) {
        long s = d.getSeconds();
        if (s < 1 || d.getNano() != 0) throw new IllegalArgumentException("a ban lasts a whole number of seconds, at least 1s");
        long[] sizes = {365L * 86400, 7 * 86400, 86400, 3600, 60};
        String[] units = {"y", "w", "d", "h", "m"};
        for (int i = 0; i < sizes.length; i++) {
            if (s % sizes[i] == 0) return (s / sizes[i]) + units[i];
        }
        return Long.toString(s);
    }

    /** newserv has no untimed or IP or hardware bans in the game: always throws, saying what to do instead. */
    public Op ban(BanType type, int guildCard) throws ShipException.Unsupported {
        throw noBan(type);
    }

    public ShipException.Unsupported noBan(BanType type) {
        return switch (type) {
            case GUILD_CARD -> new ShipException.Unsupported("newserv bans last for a time: give --duration (for example 30m, 12h, 7d, 1y);"
                    + " newserv's $ban DURATION GC bans the account");
            case IP, HARDWARE -> new ShipException.Unsupported("newserv has no " + type.verb() + ": its only in-game ban is $ban DURATION GC,"
                    + " which bans the account (shipctl ban --duration 7d GC); IP ranges are BannedIPV4Ranges in the server's config.json");
        };
    }

    /** newserv has no in-game unban: always throws, naming the shell command that lifts a ban. */
    public void checkUnban(BanType type, int guildCard) throws ShipException.Unsupported {
        throw new ShipException.Unsupported("newserv has no in-game unban: lift the ban on the server with the shell command"
                + " 'update-account " + Integer.toUnsignedString(guildCard) + " unban' (or POST it to the HTTP API's /y/shell-exec)");
    }

    @Override
    public Op reloadGms() throws ShipException.Unsupported {
        throw new ShipException.Unsupported("newserv has no local GM list: privileges are account flags, changed on the server"
                + " ('update-account ID flags=...' in its shell)");
    }

    @Override
    public Op reloadMasks() throws ShipException.Unsupported {
        throw new ShipException.Unsupported("newserv has no IP ban masks to reload from the game: IP ranges are BannedIPV4Ranges"
                + " in config.json, reloaded on the server ('reload config' in its shell, or SIGUSR1)");
    }

    @Override
    public Op reloadConfig() throws ShipException.Unsupported {
        throw new ShipException.Unsupported("newserv reloads its configuration only on the server ('reload config' in its shell,"
                + " or SIGUSR1), not from the game");
    }

    @Override
    public Op dcall() throws ShipException.Unsupported {
        throw new ShipException.Unsupported("newserv has no command that disconnects everyone; kick players one by one"
                + " (shipctl kick GC), or stop the server");
    }

    /** {@code $event N}: the lobby's event (not in games); confirmed by 0xDA. newserv also takes names ($event xmas). */
    @Override
    public Op event(int event) {
        return new Op("$event " + event, "account flag CHANGE_EVENT", List.of(), List.of());
    }

    @Override
    public Reading read(String line, String reply) {
        if (REFUSALS.contains(reply) || reply.startsWith("Failed:")) return Reading.REFUSES;
        if (line.startsWith("$kick ") && reply.endsWith(" kicked off")) return Reading.CONFIRMS;
        if (line.startsWith("$ban ") && reply.endsWith(" banned")) return Reading.CONFIRMS;
        return Reading.NEITHER;
    }

    @Override
    public List<String> commandNames() {
        return List.of("ann", "ann?", "ann!", "ann?!", "kick", "ban", "silence", "event", "allevent", "debug",
                "li", "si", "ping", "what", "where", "arrow", "exit", "save", "bbchar", "password", "secid", "rand");
    }
}

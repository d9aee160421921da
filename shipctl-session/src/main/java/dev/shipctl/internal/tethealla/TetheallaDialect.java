package dev.shipctl.internal.tethealla;

import dev.shipctl.ShipException;
import dev.shipctl.admin.BanType;
import dev.shipctl.internal.admin.AdminDialect;
import dev.shipctl.protocol.packet.chat.ClientChat;
import java.time.Duration;
import java.util.List;

/**
 * Tethealla, its Linux port and PSONOVA (protocol notes §5.4–5.8). Commands are ASCII (the server reads the low
 * byte of each UTF-16 unit), a chat packet above 0x100 bytes is dropped silently, and an unknown command or a
 * missing right gets no reply at all. Replies are B0 texts; the strings here are the server's, normalised.
 * Announcements go through a toggle ({@link #announce}) and bans toggle ({@link #ban}): {@link TetheallaAdmin}
 * handles both.
 */
public final class TetheallaDialect implements AdminDialect {
    public static final TetheallaDialect INSTANCE = new TetheallaDialect();
    /** The game client's own limit for mail text, which carries the announcement. */
    public static final int MAX_ANNOUNCEMENT = 170;

    static final String ANNOUNCE_ARMED = "Announce by sending a mail.";
    static final String GLOBAL_ARMED = "Global announce by sending a mail.";
    static final String ANNOUNCE_CANCELLED = "Announce cancelled.";

    private TetheallaDialect() {}

    /** The longest command line whose 0x06 packet stays within 0x100 bytes. */
    public static int maxCommandLength() {
        int n = 1;
        while (new ClientChat(0, "x".repeat(n + 1)).encodedSize() <= ClientChat.TETHEALLA_MAX_SIZE) n++;
        return n;
    }

    @Override
    public void checkCommand(String line) {
        if (line.isEmpty()) throw new IllegalArgumentException("the command is empty");
        if (line.charAt(0) != '/') throw new IllegalArgumentException("Tethealla commands start with '/': " + line);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new IllegalArgumentException(
                        "Tethealla reads commands as ASCII; character %d (U+%04X) cannot be sent".formatted(i + 1, (int) c));
            }
        }
        int max = maxCommandLength();
        if (line.length() > max) {
            throw new IllegalArgumentException("the command is %d characters; Tethealla ignores chat packets above 0x100 bytes, so at most %d fit"
                    .formatted(line.length(), max));
        }
    }

    @Override
    public void checkAnnouncement(String text) {
        if (text.isBlank()) throw new IllegalArgumentException("the announcement is empty");
        if (text.length() > MAX_ANNOUNCEMENT) {
            throw new IllegalArgumentException("the announcement is %d characters; mail carries at most %d (the game client's limit)"
                    .formatted(text.length(), MAX_ANNOUNCEMENT));
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7F || Character.isSurrogate(c)) {
                throw new IllegalArgumentException("the announcement contains a character the server cannot carry (U+%04X at %d)"
                        .formatted((int) c, i + 1));
            }
        }
    }

    /**
     * How Tethealla announces: a toggle command puts the connection in announce mode (confirmed by {@code armed});
     * the next simple mail is broadcast as EE and the mode resets. Sent again while on, the toggle answers
     * {@code cancelled} and turns the mode off.
     */
    public record Toggle(String toggle, String right, String armed, String cancelled) {}

    public Toggle announce(boolean global) {
        return global
                ? new Toggle("/global", "GM", GLOBAL_ARMED, ANNOUNCE_CANCELLED)
                : new Toggle("/announce", "GM, or local-GM right 6", ANNOUNCE_ARMED, ANNOUNCE_CANCELLED);
    }

    /** Tethealla has one kind of announcement: the variants are newserv's. */
    public Toggle announce(boolean global, boolean anonymous, boolean asMail) throws ShipException.Unsupported {
        if (anonymous || asMail) {
            throw new ShipException.Unsupported("tethealla has one kind of announcement; --anonymous and --mail are for newserv ($ann?, $ann!)");
        }
        return announce(global);
    }

    /** Tethealla bans have no duration: always throws. */
    public Op banFor(int guildCard, Duration duration) throws ShipException.Unsupported {
        throw noTimedBans();
    }

    public ShipException.Unsupported noTimedBans() {
        return new ShipException.Unsupported("tethealla bans have no duration: run ban without --duration");
    }

    @Override
    public Op reloadGms() {
        return new Op("/updatelocalgms", "GM, or local-GM right 8", List.of("Local GM file reloaded."), List.of());
    }

    @Override
    public Op reloadMasks() {
        return new Op("/updatemasks", "GM, or local-GM right 12", List.of("IP ban masks file reloaded."), List.of());
    }

    /** PSONOVA only; kotori/Tethealla has no such command and stays silent. */
    @Override
    public Op reloadConfig() {
        return new Op("/reloadconfig", "GM, or local-GM right 8 (PSONOVA builds only)", List.of("Ship config file reloaded."), List.of());
    }

    /** No confirmation to the issuer; the target gets a message box and is dropped. */
    @Override
    public Op kick(int guildCard) {
        return new Op("/dc " + Integer.toUnsignedString(guildCard), "GM, or local-GM right 4", List.of(),
                List.of("You may not disconnect this user.", "Need a guild card # to disconnect."));
    }

    /**
     * A ban command, which toggles: the reply says which way it went.
     *
     * @param added the reply when a ban was written (the target was online)
     * @param removed the reply when an existing ban was removed
     */
    public record Ban(String line, String right, String added, String removed, List<String> refusals) {
        public Ban {
            refusals = List.copyOf(refusals);
        }
    }

    public Ban ban(BanType type, int guildCard) {
        String gc = Integer.toUnsignedString(guildCard);
        return switch (type) {
            case GUILD_CARD -> new Ban("/ban " + gc, "GM, or local-GM right 11", "User has been banned.", "Ban removed.",
                    List.of("You may not ban this user.", "Need a guild card # to ban.", "Ship ban list is full."));
            case IP -> new Ban("/ipban " + gc, "GM, or local-GM right 12", "User has been IP banned.", "IP ban removed.",
                    List.of("You may not ban this user.", "Need a guild card # to IP ban.", "Ship ban list is full."));
            case HARDWARE -> new Ban("/hwban " + gc, "GM, or local-GM right 12", "User has been HW banned.", "HW ban removed.",
                    List.of("You may not ban this user.", "Need a guild card # to HW ban.", "Ship ban list is full."));
        };
    }

    /** No reply; one user per second (the issuer included) gets a message box and is dropped. */
    @Override
    public Op dcall() {
        return new Op("/dcall", "GM, or local-GM right 5", List.of(), List.of());
    }

    /** No reply; everyone on the ship, the issuer included, gets 0xDA with the event. */
    @Override
    public Op event(int event) {
        return new Op("/event " + event, "GM, or local-GM right 0", List.of(), List.of("Need event digit."));
    }

    @Override
    public String silenceNote() {
        return " (Tethealla answers an unknown command or a missing right with silence)";
    }

    @Override
    public List<String> commandNames() {
        return List.of("announce", "global", "updatelocalgms", "updatemasks", "reloadconfig", "dc", "dcall", "ban", "ipban",
                "hwban", "stfu", "event", "warpme", "warpall", "levelup", "item", "give", "redbox", "reloadq", "setval",
                "setrare", "setpass", "arrow", "lang", "npc", "bank", "ignore", "debug");
    }
}

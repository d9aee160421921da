package dev.shipctl.admin;

import dev.shipctl.ShipException;
import java.util.List;

/**
 * newserv (protocol notes §5.9): a STUB. Only the announcement has a mapping ({@code $ann}, answered by the EE
 * broadcast to every client, the sender included); the other verbs answer {@link ShipException.Unsupported}
 * until someone maps {@code $kick}, {@code $ban <duration>} and {@code $event <name>} and tests them against a
 * real newserv. Raw commands ({@code shipctl command '$li'}) work today.
 */
public final class NewservDialect implements AdminDialect {
    public static final NewservDialect INSTANCE = new NewservDialect();

    private NewservDialect() {}

    @Override
    public String flavour() {
        return "newserv";
    }

    @Override
    public char commandPrefix() {
        return '$';
    }

    @Override
    public void checkCommand(String line) {
        if (line.isEmpty()) throw new IllegalArgumentException("the command is empty");
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 || c == 0x7F || Character.isSurrogate(c)) {
                throw new IllegalArgumentException("the command contains a character the server cannot carry (U+%04X at %d)".formatted((int) c, i + 1));
            }
        }
    }

    @Override
    public void checkAnnouncement(String text) {
        if (text.isBlank()) throw new IllegalArgumentException("the announcement is empty");
        checkCommand("$ann " + text);
    }

    @Override
    public Announce announce(boolean global) {
        return new Announce.Inline("$ann ", "account flag ANNOUNCE");
    }

    private ShipException.Unsupported missing(String verb) {
        return new ShipException.Unsupported(verb + " is not available for " + flavour() + " servers in this version of shipctl;"
                + " send the server's own command with: shipctl command '" + commandPrefix() + "...'");
    }

    @Override
    public Op reloadGms() throws ShipException.Unsupported {
        throw missing("reload-gms");
    }

    @Override
    public Op reloadMasks() throws ShipException.Unsupported {
        throw missing("reload-masks");
    }

    @Override
    public Op reloadConfig() throws ShipException.Unsupported {
        throw missing("reload-config");
    }

    @Override
    public Op kick(int guildCard) throws ShipException.Unsupported {
        throw missing("kick");
    }

    @Override
    public Ban ban(BanType type, int guildCard) throws ShipException.Unsupported {
        throw missing(type.verb());
    }

    @Override
    public Op dcall() throws ShipException.Unsupported {
        throw missing("dcall");
    }

    @Override
    public Op event(int event) throws ShipException.Unsupported {
        throw missing("event");
    }

    @Override
    public List<String> commandNames() {
        return List.of("ann", "kick", "ban", "silence", "event", "allevent", "li", "si", "ping");
    }
}

package dev.shipctl.sandbox;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The open connections of every port, by sandbox-wide id, and the questions the handlers ask of them. Guarded by the server lock. */
final class Connections {
    private final Map<Long, Connection> byId = new LinkedHashMap<>();

    void add(Connection c) {
        byId.put(c.id, c);
    }

    void remove(Connection c) {
        byId.remove(c.id);
    }

    int size() {
        return byId.size();
    }

    /** A copy, safe to walk while connections come and go. */
    List<Connection> all() {
        return new ArrayList<>(byId.values());
    }

    /** Open (not closing) connections of this guild card, on any port. */
    List<Connection> ofGuildCard(int guildCard) {
        return byId.values().stream().filter(c -> c.guildCard == guildCard && !c.closing()).toList();
    }

    /** Open connections from {@code address} on the same side (login/character or ship/blocks) as {@code role}, oldest first. */
    List<Connection> sameSideFrom(InetAddress address, Role role) {
        return byId.values().stream()
                .filter(o -> !o.closing() && o.role.shipSide() == role.shipSide() && o.address().equals(address))
                .toList();
    }

    /** Authenticated, open connections on the ship port and all blocks. */
    List<Connection> onShip() {
        return byId.values().stream().filter(c -> c.role.shipSide() && c.authenticated && !c.closing()).toList();
    }

    /** Players on the ship, as A0 counts them: authenticated, open block connections. */
    int population() {
        return (int) byId.values().stream().filter(c -> c.role == Role.BLOCK && c.authenticated && !c.closing()).count();
    }
}

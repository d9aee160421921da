package dev.shipctl.sandbox;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The open connections of every port, by sandbox-wide id and by address and side, and the questions the handlers
 * ask of them. Guarded by the server lock. The per-address index keeps the per-IP limit check of each new
 * connection from walking every connection of the sandbox (with 10,000 sessions held, that walk was a fifth of the
 * sandbox's CPU).
 */
final class Connections {
    private record Side(InetAddress address, boolean shipSide) {}

    private final Map<Long, Connection> byId = new LinkedHashMap<>();
    private final Map<Side, Map<Long, Connection>> bySide = new HashMap<>();
    private final Map<Integer, Map<Long, Connection>> byGuildCard = new HashMap<>();
    /** Authenticated block connections, by id: the ship's players, counted without a walk on every ship list. */
    private final Set<Long> players = new HashSet<>();
    /** The same, counted by block. */
    private final Map<Integer, Integer> playersByBlock = new HashMap<>();

    void add(Connection c) {
        byId.put(c.id, c);
        bySide.computeIfAbsent(side(c), s -> new LinkedHashMap<>()).put(c.id, c);
    }

    /** Records who the client on {@code c} is (its guild card), for {@link #ofGuildCard}. */
    void identify(Connection c, int guildCard) {
        unindexGuildCard(c);
        c.guildCard = guildCard;
        if (!byId.containsKey(c.id)) return;
        byGuildCard.computeIfAbsent(guildCard, g -> new LinkedHashMap<>()).put(c.id, c);
        if (c.role == Role.BLOCK && c.authenticated && players.add(c.id)) playersByBlock.merge(c.block, 1, Integer::sum);
    }

    private void unindexGuildCard(Connection c) {
        Map<Long, Connection> same = byGuildCard.get(c.guildCard);
        if (same != null && same.remove(c.id) != null && same.isEmpty()) byGuildCard.remove(c.guildCard);
    }

    void remove(Connection c) {
        unindexGuildCard(c);
        if (players.remove(c.id)) playersByBlock.computeIfPresent(c.block, (b, n) -> n == 1 ? null : n - 1);
        byId.remove(c.id);
        Side side = side(c);
        Map<Long, Connection> same = bySide.get(side);
        if (same != null && same.remove(c.id) != null && same.isEmpty()) bySide.remove(side);
    }

    private static Side side(Connection c) {
        return new Side(c.address(), c.role.shipSide());
    }

    /**
     * At least as many as {@link #sameSideFrom}{@code (address, role).size()} (closing connections count too): when
     * this is under the per-IP limit, that list need not be made.
     */
    int sameSideAtMost(InetAddress address, Role role) {
        Map<Long, Connection> same = bySide.get(new Side(address, role.shipSide()));
        return same == null ? 0 : same.size();
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
        return byGuildCard.getOrDefault(guildCard, Map.of()).values().stream().filter(c -> !c.closing()).toList();
    }

    /** Open connections from {@code address} on the same side (login/character or ship/blocks) as {@code role}, oldest first. */
    List<Connection> sameSideFrom(InetAddress address, Role role) {
        return bySide.getOrDefault(new Side(address, role.shipSide()), Map.of()).values().stream()
                .filter(o -> !o.closing())
                .toList();
    }

    /** Authenticated, open connections on the ship port and all blocks. */
    List<Connection> onShip() {
        return byId.values().stream().filter(c -> c.role.shipSide() && c.authenticated && !c.closing()).toList();
    }

    /**
     * Players on the ship, as A0 counts them: authenticated block connections (one that is closing counts until its
     * reader has finished, a moment later).
     */
    int population() {
        return players.size();
    }

    /** Players on block {@code block}, counted as {@link #population()} counts the ship's. */
    int populationOf(int block) {
        return playersByBlock.getOrDefault(block, 0);
    }
}

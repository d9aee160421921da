package dev.shipctl.internal;

import dev.shipctl.Lobby;
import dev.shipctl.Player;
import dev.shipctl.ServerFlavour;
import dev.shipctl.protocol.Texts;
import dev.shipctl.protocol.packet.lobby.LobbyJoin;
import dev.shipctl.protocol.packet.lobby.LobbyPlayer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The lobby a session is in, kept up to date by its reader from 0x67, 0x68 and 0x69 (each member with the role
 * the family's name colours show), and the lobby change under way, if any. Thread-safe: the reader writes, any
 * thread reads.
 */
final class LobbyState {
    private final ServerFlavour flavour;
    private final Object lock = new Object();
    private final Map<Integer, Player> players = new LinkedHashMap<>();
    private int number;
    private int block;
    private int yourClientId;
    private CompletableFuture<Lobby> change;

    /** @param flavour the family, which says what a member's name colour means */
    LobbyState(ServerFlavour flavour) {
        this.flavour = flavour;
    }

    /** A 0x67: the lobby as joined, everyone in it. */
    void joined(LobbyJoin join) {
        synchronized (lock) {
            number = join.lobbyNumber() + 1;
            block = join.blockNumber();
            yourClientId = join.clientId();
            players.clear();
            for (LobbyPlayer p : join.players()) players.put(p.clientId(), toPlayer(p));
        }
    }

    /** A 0x68 record: someone came in. */
    Player added(LobbyPlayer p) {
        Player player = toPlayer(p);
        synchronized (lock) {
            players.put(player.clientId(), player);
        }
        return player;
    }

    /** A 0x69: who left, if known. */
    Optional<Player> removed(int clientId) {
        synchronized (lock) {
            return Optional.ofNullable(players.remove(clientId));
        }
    }

    Lobby snapshot() {
        synchronized (lock) {
            return new Lobby(number, block, yourClientId, List.copyOf(players.values()));
        }
    }

    int number() {
        synchronized (lock) {
            return number;
        }
    }

    /**
     * Starts waiting for a change to lobby {@code target}: the future the reader settles, or empty when the session
     * is there already.
     *
     * @throws IllegalStateException another change is under way
     */
    Optional<CompletableFuture<Lobby>> beginChange(int target) {
        synchronized (lock) {
            if (number == target) return Optional.empty();
            if (change != null) throw new IllegalStateException("another lobby change is under way");
            change = new CompletableFuture<>();
            return Optional.of(change);
        }
    }

    /** Forgets a change that ended (answered, refused or given up). */
    void endChange(CompletableFuture<Lobby> ended) {
        synchronized (lock) {
            if (change == ended) change = null;
        }
    }

    /** Settles the change under way, if any: the lobby joined ({@code failure} null), or why not. */
    void settleChange(Throwable failure) {
        CompletableFuture<Lobby> answer;
        synchronized (lock) {
            answer = change;
            change = null;
        }
        if (answer == null) return;
        if (failure == null) {
            answer.complete(snapshot());
        } else {
            answer.completeExceptionally(failure);
        }
    }

    private Player toPlayer(LobbyPlayer p) {
        return new Player(p.guildCard(), p.clientId(), Texts.display(p.name()), p.nameColor(), flavour.roleOf(p.nameColor()));
    }
}

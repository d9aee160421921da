package dev.shipctl.internal.tethealla;

import dev.shipctl.Player;
import dev.shipctl.ServerFlavour;
import dev.shipctl.Session;
import dev.shipctl.admin.Admin;
import dev.shipctl.internal.Family;
import dev.shipctl.internal.LoginChain;
import dev.shipctl.protocol.packet.chat.ClientChat;
import dev.shipctl.protocol.packet.lobby.ClientChangeLobby;
import dev.shipctl.protocol.packet.login.ServerInit;
import java.time.Duration;
import java.util.Optional;

/**
 * Tethealla, its Linux port, PSONOVA and forks (protocol notes §3.3–3.6): login port, three character-server
 * connections, ship, block, lobby ({@link TetheallaLogin}). Chat commands start with {@code /}; one chat line per
 * wall-clock second; one session per account; administration through announce mode and toggling bans
 * ({@link TetheallaAdmin}).
 */
public final class Tethealla implements Family {
    /** The menu id of Tethealla's 0x83 lobby list, which a 0x84 lobby change names. */
    static final int LOBBY_MENU = 0x001A0001;
    /** The name colour Tethealla gives global GMs (isgm), protocol notes §3.6. */
    static final int GM_COLOUR = 0xFF1D94F7;
    /** The name colour Tethealla gives a ship's local GMs. */
    static final int LOCAL_GM_COLOUR = 0xFFB0CEDE;

    public static final ServerFlavour FLAVOUR = ServerFlavour.builder("tethealla")
            .commandPrefix('/')
            // Tethealla drops a second chat line within the same wall-clock second; 1 s plus a margin always passes
            .chatCooldown(Duration.ofMillis(1100))
            .maxChatPacket(ClientChat.TETHEALLA_MAX_SIZE)
            .recognisedBy((init, size) -> size == ServerInit.BASE_SIZE && init.banner().startsWith("Tethealla"))
            // the box to the older session: "This account has just logged on. You are now being disconnected."
            .takenOverWhen(reason -> reason.contains("This account has just logged on"))
            .rolesByNameColour(colour -> switch (colour) {
                case GM_COLOUR -> Player.Role.GM;
                case LOCAL_GM_COLOUR -> Player.Role.LOCAL_GM;
                default -> Player.Role.PLAYER;
            })
            // one lobby change per wall-clock second; 1 s plus a margin always passes
            .lobbyChanges(Duration.ofMillis(1100))
            .build();

    public static final Family FAMILY = new Tethealla();

    private final LoginChain login = new TetheallaLogin();

    private Tethealla() {}

    @Override
    public ServerFlavour flavour() {
        return FLAVOUR;
    }

    @Override
    public LoginChain loginChain() {
        return login;
    }

    /** 0x84 with the lobby list's menu id and the 0-based lobby (protocol notes §3.6). */
    @Override
    public Optional<ClientChangeLobby> lobbyChange(int number) {
        return Optional.of(new ClientChangeLobby(LOBBY_MENU, number - 1));
    }

    @Override
    public Admin admin(Session session) {
        return new TetheallaAdmin(session);
    }
}

package dev.shipctl.internal.newserv;

import dev.shipctl.ServerFlavour;
import dev.shipctl.Session;
import dev.shipctl.admin.Admin;
import dev.shipctl.internal.Family;
import dev.shipctl.internal.LoginChain;
import dev.shipctl.protocol.packet.lobby.ClientChangeLobby;
import dev.shipctl.protocol.packet.login.ServerInit;
import java.time.Duration;
import java.util.Optional;

/**
 * newserv (protocol notes §3.7, §5.9): one port for everything, four connections on the way to the lobby
 * ({@link NewservLogin}); chat commands start with {@code $}; administration by account flags ({@link NewservAdmin}).
 */
public final class Newserv implements Family {
    public static final ServerFlavour FLAVOUR = ServerFlavour.builder("newserv")
            .commandPrefix('$')
            // newserv has no chat cooldown that was found; a small gap keeps replies in order
            .chatCooldown(Duration.ofMillis(250))
            .maxChatPacket(0x200)
            // newserv's 0x03 is 0x17C bytes (0x188 in 2022) with no banner and a disclaimer after the keys
            .recognisedBy((init, size) -> size > ServerInit.BASE_SIZE && init.banner().isEmpty())
            .build();

    public static final Family FAMILY = new Newserv();

    private final LoginChain login = new NewservLogin();

    private Newserv() {}

    @Override
    public ServerFlavour flavour() {
        return FLAVOUR;
    }

    @Override
    public LoginChain loginChain() {
        return login;
    }

    /**
     * None yet: newserv's 0x84 ({@code 0x33000033}, lobby ids from its 0x83) is known from its source alone, so it
     * is not offered until tested against a real newserv.
     */
    @Override
    public Optional<ClientChangeLobby> lobbyChange(int number) {
        return Optional.empty();
    }

    @Override
    public Admin admin(Session session) {
        return new NewservAdmin(session);
    }
}

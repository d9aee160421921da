package dev.shipctl.protocol;

import dev.shipctl.protocol.ProtocolException.MalformedPacket;
import dev.shipctl.protocol.frame.Frame;
import dev.shipctl.protocol.codec.PacketReader;
import dev.shipctl.protocol.frame.FrameReader;
import dev.shipctl.protocol.packet.character.ClientCharacterSelect;
import dev.shipctl.protocol.packet.character.ClientCreateCharacter;
import dev.shipctl.protocol.packet.character.ClientRequestSystemFile;
import dev.shipctl.protocol.packet.character.ServerCharacterAck;
import dev.shipctl.protocol.packet.character.ServerCharacterPreview;
import dev.shipctl.protocol.packet.character.ServerSystemFile;
import dev.shipctl.protocol.packet.chat.ClientChat;
import dev.shipctl.protocol.packet.chat.ClientSimpleMail;
import dev.shipctl.protocol.packet.chat.ServerBroadcast;
import dev.shipctl.protocol.packet.chat.ServerChat;
import dev.shipctl.protocol.packet.chat.ServerLobbyMessage;
import dev.shipctl.protocol.packet.chat.ServerShipInfo;
import dev.shipctl.protocol.packet.chat.ServerSimpleMail;
import dev.shipctl.protocol.packet.chat.ServerTextMessage;
import dev.shipctl.protocol.packet.keepalive.ClientPing;
import dev.shipctl.protocol.packet.keepalive.ServerPing;
import dev.shipctl.protocol.packet.lobby.ClientChangeLobby;
import dev.shipctl.protocol.packet.lobby.ClientPlayerData;
import dev.shipctl.protocol.packet.lobby.ServerFullCharacter;
import dev.shipctl.protocol.packet.lobby.ServerLobbyAddPlayer;
import dev.shipctl.protocol.packet.lobby.ServerLobbyEvent;
import dev.shipctl.protocol.packet.lobby.ServerLobbyJoin;
import dev.shipctl.protocol.packet.lobby.ServerLobbyRemovePlayer;
import dev.shipctl.protocol.packet.lobby.ServerPlayerDataRequest;
import dev.shipctl.protocol.packet.login.ClientLogin;
import dev.shipctl.protocol.packet.login.ClientLogout;
import dev.shipctl.protocol.packet.login.ServerInit;
import dev.shipctl.protocol.packet.login.ServerMessageBox;
import dev.shipctl.protocol.packet.login.ServerRedirect;
import dev.shipctl.protocol.packet.login.ServerSecurityData;
import dev.shipctl.protocol.packet.login.ServerTime;
import dev.shipctl.protocol.packet.menu.ClientMenuSelect;
import dev.shipctl.protocol.packet.menu.ServerLobbyList;
import dev.shipctl.protocol.packet.menu.ServerMenu;
import dev.shipctl.protocol.packet.menu.ServerShipList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The packet registry: one line per command, tying its table entry (and so its number, written once, in
 * {@link Command}) to its record type and codec; records and codecs name no number. Decoding an
 * unknown command gives a {@link RawPacket}; decoding never throws anything but {@link ProtocolException}.
 */
public final class Packets {
    private static final Map<Command, PacketCodec<?>> BY_COMMAND = new EnumMap<>(Command.class);
    private static final Map<Class<?>, PacketCodec<?>> BY_TYPE = new HashMap<>();
    private static final Map<Class<?>, Command> COMMAND_OF_TYPE = new HashMap<>();

    static {
        register(Command.SERVER_INIT, ServerInit.class, ServerInit.CODEC);
        register(Command.CLIENT_LOGIN, ClientLogin.class, ClientLogin.CODEC);
        register(Command.SERVER_SECURITY_DATA, ServerSecurityData.class, ServerSecurityData.CODEC);
        register(Command.SERVER_REDIRECT, ServerRedirect.class, ServerRedirect.CODEC);
        register(Command.SERVER_MESSAGE_BOX, ServerMessageBox.class, ServerMessageBox.CODEC);
        register(Command.SERVER_TIME, ServerTime.class, ServerTime.CODEC);
        register(Command.CLIENT_LOGOUT, ClientLogout.class, ClientLogout.CODEC);
        register(Command.CLIENT_REQUEST_SYSTEM_FILE, ClientRequestSystemFile.class, ClientRequestSystemFile.CODEC);
        register(Command.SERVER_SYSTEM_FILE, ServerSystemFile.class, ServerSystemFile.CODEC);
        register(Command.CLIENT_CHARACTER_SELECT, ClientCharacterSelect.class, ClientCharacterSelect.CODEC);
        register(Command.SERVER_CHARACTER_ACK, ServerCharacterAck.class, ServerCharacterAck.CODEC);
        register(Command.CLIENT_CREATE_CHARACTER, ClientCreateCharacter.class, ClientCreateCharacter.CODEC);
        register(Command.SERVER_CHARACTER_PREVIEW, ServerCharacterPreview.class, ServerCharacterPreview.CODEC);
        register(Command.SERVER_SHIP_LIST, ServerShipList.class, ServerShipList.CODEC);
        register(Command.SERVER_MENU, ServerMenu.class, ServerMenu.CODEC);
        register(Command.CLIENT_MENU_SELECT, ClientMenuSelect.class, ClientMenuSelect.CODEC);
        register(Command.SERVER_LOBBY_LIST, ServerLobbyList.class, ServerLobbyList.CODEC);
        register(Command.SERVER_FULL_CHARACTER, ServerFullCharacter.class, ServerFullCharacter.CODEC);
        register(Command.SERVER_PLAYER_DATA_REQUEST, ServerPlayerDataRequest.class, ServerPlayerDataRequest.CODEC);
        register(Command.CLIENT_PLAYER_DATA, ClientPlayerData.class, ClientPlayerData.CODEC);
        register(Command.SERVER_LOBBY_JOIN, ServerLobbyJoin.class, ServerLobbyJoin.CODEC);
        register(Command.SERVER_LOBBY_ADD_PLAYER, ServerLobbyAddPlayer.class, ServerLobbyAddPlayer.CODEC);
        register(Command.SERVER_LOBBY_REMOVE_PLAYER, ServerLobbyRemovePlayer.class, ServerLobbyRemovePlayer.CODEC);
        register(Command.CLIENT_CHANGE_LOBBY, ClientChangeLobby.class, ClientChangeLobby.CODEC);
        register(Command.SERVER_LOBBY_EVENT, ServerLobbyEvent.class, ServerLobbyEvent.CODEC);
        register(Command.CLIENT_PING, ClientPing.class, ClientPing.CODEC);
        register(Command.SERVER_PING, ServerPing.class, ServerPing.CODEC);
        register(Command.CLIENT_CHAT, ClientChat.class, ClientChat.CODEC);
        register(Command.SERVER_CHAT, ServerChat.class, ServerChat.CODEC);
        register(Command.SERVER_TEXT_MESSAGE, ServerTextMessage.class, ServerTextMessage.CODEC);
        register(Command.SERVER_LOBBY_MESSAGE, ServerLobbyMessage.class, ServerLobbyMessage.CODEC);
        register(Command.SERVER_SHIP_INFO, ServerShipInfo.class, ServerShipInfo.CODEC);
        register(Command.CLIENT_SIMPLE_MAIL, ClientSimpleMail.class, ClientSimpleMail.CODEC);
        register(Command.SERVER_SIMPLE_MAIL, ServerSimpleMail.class, ServerSimpleMail.CODEC);
        register(Command.SERVER_BROADCAST, ServerBroadcast.class, ServerBroadcast.CODEC);
        for (Command c : Command.values()) {
            if (!BY_COMMAND.containsKey(c)) throw new ExceptionInInitializerError("no codec registered for " + c);
        }
    }

    private Packets() {}

    private static <P extends Packet> void register(Command command, Class<P> type, PacketCodec<P> codec) {
        BY_COMMAND.put(command, codec);
        BY_TYPE.put(type, codec);
        if (COMMAND_OF_TYPE.put(type, command) != null) throw new ExceptionInInitializerError(type.getName() + " is registered twice");
    }

    /** The command a record type is registered under ({@link Packet#command()}). */
    static Command commandOf(Packet packet) {
        Command command = COMMAND_OF_TYPE.get(packet.getClass());
        if (command == null) throw new IllegalArgumentException("no command registered for " + packet.getClass().getName());
        return command;
    }

    /** Decodes a frame sent by {@code sender}; an unknown command gives a {@link RawPacket}. */
    public static Packet decode(Direction sender, Frame frame) throws ProtocolException {
        return decode(sender, frame.data(), frame.size());
    }

    /**
     * Decodes {@code size} bytes of {@code data} (header included) sent by {@code sender}. The size obeys the frame
     * reader's rules: at least 8, and at most {@link FrameReader#DEFAULT_MAX_FRAME} once rounded up to 8, so that
     * whatever decodes also encodes.
     *
     * @throws ProtocolException.BadFrameSize the size is outside those bounds or past the end of {@code data}
     */
    public static Packet decode(Direction sender, byte[] data, int size) throws ProtocolException {
        int code = data.length >= 4 ? (data[2] & 0xFF) | (data[3] & 0xFF) << 8 : -1;
        if (size < 8 || ((size + 7) & ~7) > FrameReader.DEFAULT_MAX_FRAME) {
            throw new ProtocolException.BadFrameSize(code, size, FrameReader.DEFAULT_MAX_FRAME);
        }
        if (size > data.length) throw ProtocolException.BadFrameSize.pastEnd(code, size, data.length);
        PacketReader in = new PacketReader(data, size);
        Command command = Command.find(sender, in.command()).orElse(null);
        if (command == null) {
            return new RawPacket(sender, in.command(), in.flag(), java.util.Arrays.copyOfRange(data, 8, size));
        }
        try {
            return BY_COMMAND.get(command).decode(in);
        } catch (MalformedPacket e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MalformedPacket(in.command(), "could not be decoded: " + e);
        }
    }

    /** The packet's bytes, header included, unpadded. */
    @SuppressWarnings("unchecked")
    public static byte[] encode(Packet packet) {
        if (packet instanceof RawPacket raw) return raw.encode();
        PacketCodec<Packet> codec = (PacketCodec<Packet>) BY_TYPE.get(packet.getClass());
        if (codec == null) throw new IllegalArgumentException("no codec for " + packet.getClass().getName());
        return codec.encode(packet);
    }
}

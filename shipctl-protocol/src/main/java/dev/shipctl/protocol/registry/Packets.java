package dev.shipctl.protocol.registry;

import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.Direction;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.codec.PacketCodec;
import dev.shipctl.protocol.PacketCommand;
import dev.shipctl.protocol.ProtocolException;
import dev.shipctl.protocol.RawPacket;

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
 * The packet registry: one line per record, filing its codec under the command table entry the record names
 * ({@link PacketCommand}; the number is written once, in {@link Command}); records and codecs name no number.
 * Every command has exactly one record. Decoding an unknown command gives a {@link RawPacket}; decoding never
 * throws anything but {@link ProtocolException}.
 *
 * <p>It has a package of its own because it lists the records, which depend on the root package: in the root
 * package it would make a cycle.
 */
public final class Packets {
    private static final Map<Command, PacketCodec<?>> BY_COMMAND = new EnumMap<>(Command.class);
    private static final Map<Class<?>, PacketCodec<?>> BY_TYPE = new HashMap<>();

    static {
        register(ServerInit.class, ServerInit.CODEC);
        register(ClientLogin.class, ClientLogin.CODEC);
        register(ServerSecurityData.class, ServerSecurityData.CODEC);
        register(ServerRedirect.class, ServerRedirect.CODEC);
        register(ServerMessageBox.class, ServerMessageBox.CODEC);
        register(ServerTime.class, ServerTime.CODEC);
        register(ClientLogout.class, ClientLogout.CODEC);
        register(ClientRequestSystemFile.class, ClientRequestSystemFile.CODEC);
        register(ServerSystemFile.class, ServerSystemFile.CODEC);
        register(ClientCharacterSelect.class, ClientCharacterSelect.CODEC);
        register(ServerCharacterAck.class, ServerCharacterAck.CODEC);
        register(ClientCreateCharacter.class, ClientCreateCharacter.CODEC);
        register(ServerCharacterPreview.class, ServerCharacterPreview.CODEC);
        register(ServerShipList.class, ServerShipList.CODEC);
        register(ServerMenu.class, ServerMenu.CODEC);
        register(ClientMenuSelect.class, ClientMenuSelect.CODEC);
        register(ServerLobbyList.class, ServerLobbyList.CODEC);
        register(ServerFullCharacter.class, ServerFullCharacter.CODEC);
        register(ServerPlayerDataRequest.class, ServerPlayerDataRequest.CODEC);
        register(ClientPlayerData.class, ClientPlayerData.CODEC);
        register(ServerLobbyJoin.class, ServerLobbyJoin.CODEC);
        register(ServerLobbyAddPlayer.class, ServerLobbyAddPlayer.CODEC);
        register(ServerLobbyRemovePlayer.class, ServerLobbyRemovePlayer.CODEC);
        register(ClientChangeLobby.class, ClientChangeLobby.CODEC);
        register(ServerLobbyEvent.class, ServerLobbyEvent.CODEC);
        register(ClientPing.class, ClientPing.CODEC);
        register(ServerPing.class, ServerPing.CODEC);
        register(ClientChat.class, ClientChat.CODEC);
        register(ServerChat.class, ServerChat.CODEC);
        register(ServerTextMessage.class, ServerTextMessage.CODEC);
        register(ServerLobbyMessage.class, ServerLobbyMessage.CODEC);
        register(ServerShipInfo.class, ServerShipInfo.CODEC);
        register(ClientSimpleMail.class, ClientSimpleMail.CODEC);
        register(ServerSimpleMail.class, ServerSimpleMail.CODEC);
        register(ServerBroadcast.class, ServerBroadcast.CODEC);
        for (Command c : Command.values()) {
            if (!BY_COMMAND.containsKey(c)) throw new ExceptionInInitializerError("no codec registered for " + c);
        }
    }

    private Packets() {}

    /** Files a record type's codec under the command its {@link PacketCommand} names. */
    private static <P extends Packet> void register(Class<P> type, PacketCodec<P> codec) {
        PacketCommand entry = type.getAnnotation(PacketCommand.class);
        if (entry == null) throw new ExceptionInInitializerError(type.getName() + " has no @PacketCommand");
        if (BY_COMMAND.put(entry.value(), codec) != null) throw new ExceptionInInitializerError(entry.value() + " is registered twice");
        if (BY_TYPE.put(type, codec) != null) throw new ExceptionInInitializerError(type.getName() + " is registered twice");
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

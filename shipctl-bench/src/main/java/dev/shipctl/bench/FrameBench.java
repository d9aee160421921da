package dev.shipctl.bench;

import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.registry.Packets;
import dev.shipctl.protocol.cipher.BbCipher;
import dev.shipctl.protocol.cipher.KeyTable;
import dev.shipctl.protocol.frame.Frame;
import dev.shipctl.protocol.frame.FrameReader;
import dev.shipctl.protocol.frame.FrameWriter;
import dev.shipctl.protocol.packet.chat.ServerBroadcast;
import dev.shipctl.protocol.packet.chat.ServerChat;
import dev.shipctl.protocol.packet.chat.ServerTextMessage;
import dev.shipctl.protocol.packet.keepalive.ServerPing;
import dev.shipctl.protocol.packet.lobby.LobbyJoin;
import dev.shipctl.protocol.packet.lobby.LobbyPlayer;
import dev.shipctl.protocol.packet.lobby.ServerFullCharacter;
import dev.shipctl.protocol.packet.lobby.ServerLobbyAddPlayer;
import dev.shipctl.protocol.packet.lobby.ServerLobbyJoin;
import dev.shipctl.protocol.packet.lobby.ServerLobbyRemovePlayer;
import dev.shipctl.protocol.packet.lobby.ServerPlayerDataRequest;
import dev.shipctl.protocol.packet.login.ServerSecurityData;
import dev.shipctl.protocol.packet.menu.ServerLobbyList;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * FrameReader over a realistic block-connection stream, encrypted with a Tethealla-table key: E6, 83, E7, 95, a
 * 12-player 67, then lobby traffic (68/69, chat, B0 replies, EE, pings): 51 frames, about 45 KB. One operation
 * reads the whole stream; {@code decodeStream} also turns each frame into its record. {@code megabytes} is MB/s.
 */
@State(Scope.Thread)
public class FrameBench extends BenchBase {
    byte[] stream;
    BbCipher cipher;

    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Bytes {
        public double megabytes;
        public long frames;

        @Setup(Level.Iteration)
        public void reset() {
            megabytes = 0;
            frames = 0;
        }
    }

    static LobbyJoin lobby(int players) {
        return new LobbyJoin(players - 1, 0, 0, 0, 1, 0, IntStream.range(0, players)
                .mapToObj(i -> new LobbyPlayer(42000001 + i, i, "Player" + i, 0xFFFFFFFF)).toList());
    }

    static List<Packet> session() {
        List<Packet> p = new ArrayList<>();
        p.add(new ServerSecurityData(0, 0x00010000, 42000001, 0x26F4E193, new byte[0x28], 1, 1));
        p.add(new ServerLobbyList(15, IntStream.range(0, 16).mapToObj(i -> new ServerLobbyList.Lobby(0x001A0001, i, 0)).toList()));
        p.add(ServerFullCharacter.create(42000001, "GMBot", 41, 3, 5));
        p.add(new ServerPlayerDataRequest());
        p.add(new ServerLobbyJoin(lobby(12)));
        for (int i = 0; i < 9; i++) {
            p.add(new ServerLobbyRemovePlayer(11, 0, 1));
            p.add(new ServerLobbyAddPlayer(new LobbyJoin(11, 0, 0, 0, 1, 0, List.of(new LobbyPlayer(42000100 + i, 11, "Bot" + i, -1)))));
            p.add(new ServerChat(3, 42000004, "Player3\t\tEhello there, anyone for a run to the Ruins?"));
            p.add(new ServerTextMessage("\tEBank: Common"));
            p.add(new ServerPing());
        }
        p.add(new ServerBroadcast("[GM]GMBot: server restart in 5 minutes"));
        return p;
    }

    @Setup
    public void setUp() throws IOException {
        cipher = BbCipher.fromServerKey(KeyTable.tethealla(), key(4));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FrameWriter writer = new FrameWriter(out);
        writer.encryptWith(cipher);
        for (Packet p : session()) writer.write(Packets.encode(p));
        stream = out.toByteArray();
    }

    @Benchmark
    public void readStream(Bytes bytes, Blackhole bh) throws Exception {
        FrameReader reader = new FrameReader(new ByteArrayInputStream(stream));
        reader.decryptWith(cipher);
        for (Frame f; (f = reader.read()) != null; ) {
            bh.consume(f);
            bytes.frames++;
        }
        bytes.megabytes += stream.length / 1e6;
    }

    @Benchmark
    public void decodeStream(Bytes bytes, Blackhole bh) throws Exception {
        FrameReader reader = new FrameReader(new ByteArrayInputStream(stream));
        reader.decryptWith(cipher);
        for (Frame f; (f = reader.read()) != null; ) {
            bh.consume(Packets.decode(dev.shipctl.protocol.Direction.SERVER, f));
            bytes.frames++;
        }
        bytes.megabytes += stream.length / 1e6;
    }
}

package dev.shipctl.bench;

import dev.shipctl.protocol.Direction;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.registry.Packets;
import dev.shipctl.protocol.ProtocolException;
import dev.shipctl.protocol.packet.lobby.ServerFullCharacter;
import dev.shipctl.protocol.packet.lobby.ServerLobbyJoin;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Packets.decode of the two largest packets of a lobby join: an E7 (0x399C) and a 12-player 67 (0x3D96). */
@State(Scope.Thread)
public class DecodeBench extends BenchBase {
    byte[] e7;
    byte[] lobby67;

    @Setup
    public void setUp() {
        e7 = Packets.encode(ServerFullCharacter.create(42000001, "GMBot", 41, 3, 5));
        lobby67 = Packets.encode(new ServerLobbyJoin(FrameBench.lobby(12)));
        if (lobby67.length != 0x3D96) throw new IllegalStateException("67 with 12 players is 0x3D96 bytes");
    }

    @Benchmark
    public Packet decodeE7() throws ProtocolException {
        return Packets.decode(Direction.SERVER, e7, e7.length);
    }

    @Benchmark
    public Packet decode67() throws ProtocolException {
        return Packets.decode(Direction.SERVER, lobby67, lobby67.length);
    }
}

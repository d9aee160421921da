package dev.shipctl.internal;

import dev.shipctl.ShipClient;
import dev.shipctl.ShipException;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.Texts;
import dev.shipctl.protocol.packet.login.ServerMessageBox;
import dev.shipctl.protocol.packet.login.ServerRedirect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The login chain's connections: opens them (to the login port, or where a 0x19 points) with the client's key
 * table and trace, bounded by the {@link StageClock}'s deadline, and waits on them for the packet a stage needs.
 * All connections of one chain share one {@link Connection.KeyCheck}.
 */
public final class Wire {
    private static final Logger log = LoggerFactory.getLogger(Wire.class);
    /** At most this many packets may go by unwanted while waiting for one: a server sending more is broken. */
    static final int MAX_SKIPPED_PACKETS = 256;
    /** At most this many bytes may go by unwanted while waiting for one packet. */
    static final long MAX_SKIPPED_BYTES = 1 << 20;

    private final ShipClient client;
    private final StageClock clock;
    private final Connection.KeyCheck keys = new Connection.KeyCheck();

    public Wire(ShipClient client, StageClock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** Opens a connection for the current stage; its reads follow the clock's deadline. */
    public Connection open(String label, String host, int port) throws ShipException {
        Connection c = Connection.open(label, host, port, client.localAddress(), clock.stage(), client.keyTable(), client.trace(), clock::deadline, keys);
        log.debug("connected to {} ({}:{})", label, host, port);
        return c;
    }

    /** Opens the connection a 0x19 points to (0.0.0.0: the login server's host). */
    public Connection follow(String label, ServerRedirect redirect) throws ShipException {
        return open(label, host(redirect), redirect.port());
    }

    /** The host a 0x19 points to (0.0.0.0: the login server's host). */
    public String host(ServerRedirect redirect) {
        String host = redirect.host();
        return host.equals("0.0.0.0") ? client.host() : host;
    }

    /** What a wait does with each packet: the value that ends the wait, or {@code null} to keep waiting. */
    @FunctionalInterface
    public interface PacketMatcher<T> {
        T match(Packet packet) throws ShipException;
    }

    /** Waits for a packet of type {@code type}, skipping informational ones. A 0x1A on the way is a refusal. */
    public <P extends Packet> P expect(Connection c, Class<P> type, String waitingFor) throws ShipException {
        return await(c, waitingFor, p -> {
            if (type.isInstance(p)) return type.cast(p);
            if (p instanceof ServerMessageBox box) {
                throw new ShipException.LoginRefused(clock.stage(), Texts.display(box.text()).strip());
            }
            return null;
        });
    }

    /**
     * Reads packets until {@code matcher} returns a value, within the stage's deadline, answering pings. Skipping
     * is bounded too ({@link #MAX_SKIPPED_PACKETS}, {@link #MAX_SKIPPED_BYTES}): a server flooding pings or
     * packets nobody waits for ends the wait with a protocol error instead of holding it.
     */
    public <T> T await(Connection c, String waitingFor, PacketMatcher<T> matcher) throws ShipException {
        int skipped = 0;
        long start = c.packetBytesReceived();
        while (true) {
            Packet p = c.receive(waitingFor, true);
            T value = matcher.match(p);
            if (value != null) return value;
            skipped++;
            long skippedBytes = c.packetBytesReceived() - start;
            if (skipped > MAX_SKIPPED_PACKETS || skippedBytes > MAX_SKIPPED_BYTES) {
                throw new ShipException.ProtocolViolation(clock.stage(), "the server sent %d packets (%d bytes) on %s without %s; the last: %s"
                        .formatted(skipped, skippedBytes, c.label(), waitingFor, c.lastPacket().orElse("?")), null);
            }
            log.debug("while waiting for {} on {}: skipped {}", waitingFor, c.label(), p);
        }
    }
}

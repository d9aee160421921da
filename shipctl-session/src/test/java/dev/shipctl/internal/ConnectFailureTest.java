package dev.shipctl.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import org.junit.jupiter.api.Test;

/**
 * What a failed {@code connect()} means: a reset came after the handshake (the server was reached and dropped us,
 * exit 8 in the CLI), anything else is "cannot connect" (exit 3). The fault matrix meets the reset only when the
 * machine is slow enough for it to overtake {@code connect()}'s return, so the classification is tested here.
 */
class ConnectFailureTest {
    @Test
    void aResetFromConnectIsADisconnectNotAnUnreachableServer() {
        assertThat(Connection.resetAfterHandshake(new SocketException("Connection reset by peer"))).isTrue();
        assertThat(Connection.resetAfterHandshake(new SocketException("Connection reset"))).isTrue();
    }

    @Test
    void refusedUnreachableAndOtherFailuresAreNot() {
        assertThat(Connection.resetAfterHandshake(new ConnectException("Connection refused"))).isFalse();
        assertThat(Connection.resetAfterHandshake(new NoRouteToHostException("No route to host"))).isFalse();
        assertThat(Connection.resetAfterHandshake(new SocketException("Network is unreachable"))).isFalse();
        assertThat(Connection.resetAfterHandshake(new SocketException())).isFalse();
        assertThat(Connection.resetAfterHandshake(new IOException("Connection reset"))).isFalse();
    }
}

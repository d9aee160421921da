package dev.shipctl.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipctl.protocol.Direction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fault proxy against an echoing upstream that greets with 100 bytes: each fault, triggers, plans, bounds. */
@Timeout(30)
class FaultProxyTest {
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    static final byte[] GREETING = Upstream.GREETING;

    Upstream upstream;
    FaultProxy proxy;

    @BeforeEach
    void startUpstream() throws IOException {
        upstream = new Upstream();
    }

    @AfterEach
    void stop() throws Exception {
        if (proxy != null) proxy.close();
        upstream.close();
    }

    FaultProxy proxy(FaultPlan plan) throws IOException {
        proxy = FaultProxy.builder().route(new InetSocketAddress(LOOPBACK, 0), new InetSocketAddress(LOOPBACK, upstream.port()))
                .plan(plan).build().start();
        return proxy;
    }

    Socket connect() throws IOException {
        Socket s = new Socket();
        s.connect(proxy.addresses().getFirst(), 5000);
        s.setSoTimeout(10_000);
        return s;
    }

    @Test
    void healthyConnectionsPassBothWaysAndTheClose() throws Exception {
        proxy(FaultPlan.healthy());
        try (Socket c = connect()) {
            assertThat(readExactly(c, 100)).isEqualTo(GREETING);
            c.getOutputStream().write("hello".getBytes());
            assertThat(new String(readExactly(c, 5))).isEqualTo("hello");
            c.shutdownOutput();
            assertThat(c.getInputStream().read()).as("the server's close passes through").isEqualTo(-1);
        }
        assertThat(proxy.fired()).isEmpty();
    }

    @Test
    void refuseClosesAtAcceptWithoutReachingTheServer() throws Exception {
        proxy(FaultPlan.always(Fault.refuse()));
        try (Socket c = connect()) {
            assertThat(c.getInputStream().read()).isEqualTo(-1);
        }
        assertThat(upstream.accepted()).isZero();
        assertThat(proxy.fired()).singleElement().extracting(FaultProxy.Fired::fault).isEqualTo(Fault.refuse());
    }

    @Test
    void resetAtAcceptSendsAnRst() throws Exception {
        proxy(FaultPlan.always(Fault.reset()));
        // The RST can land before connect() has returned (Linux then reports it from connect, as CI saw) or after it
        // (the first read reports it): either way the client sees a reset, never data or a clean end.
        assertThatThrownBy(() -> {
            try (Socket c = connect()) {
                c.getInputStream().read();
            }
        }).isInstanceOf(SocketException.class).hasMessageContaining("reset");
        assertThat(upstream.accepted()).isZero();
    }

    @Test
    void resetAfterBytesCutsAnOpenConnection() throws Exception {
        proxy(FaultPlan.always(Fault.reset().after(Direction.CLIENT, 3)));
        try (Socket c = connect()) {
            assertThat(readExactly(c, 100)).isEqualTo(GREETING);
            c.getOutputStream().write(new byte[] {1, 2, 3});
            assertThatThrownBy(() -> c.getInputStream().read()).isInstanceOf(SocketException.class).hasMessageContaining("reset");
        }
    }

    @Test
    void dropClosesOnceTheTriggerIsReached() throws Exception {
        proxy(FaultPlan.always(Fault.drop().after(Direction.SERVER, 40)));
        try (Socket c = connect()) {
            assertThat(readToEnd(c)).isEqualTo(Arrays.copyOf(GREETING, 40));
        }
    }

    @Test
    void truncateLetsSomeBytesThroughThenCloses() throws Exception {
        proxy(FaultPlan.always(Fault.truncate(12).after(Direction.SERVER, 40)));
        try (Socket c = connect()) {
            assertThat(readToEnd(c)).isEqualTo(Arrays.copyOf(GREETING, 52));
        }
    }

    @Test
    void stallForwardsNothingMoreButKeepsTheConnectionOpen() throws Exception {
        proxy(FaultPlan.always(Fault.stall().after(Direction.SERVER, 40)));
        try (Socket c = connect()) {
            assertThat(readExactly(c, 40)).isEqualTo(Arrays.copyOf(GREETING, 40));
            c.getOutputStream().write(new byte[] {7, 8, 9});
            assertThat(upstream.receivedBytes(3)).as("the other direction still flows").containsExactly(7, 8, 9);
            c.setSoTimeout(300);
            assertThatThrownBy(() -> c.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            assertThat(proxy.openConnections()).isEqualTo(1);
        }
    }

    @Test
    void aStalledStreamHidesTheServersClose() throws Exception {
        proxy(FaultPlan.always(Fault.stall().after(Direction.CLIENT, 1)));
        try (Socket c = connect()) {
            assertThat(readExactly(c, 100)).isEqualTo(GREETING);
            c.getOutputStream().write(1);
            assertThat(upstream.receivedBytes(1)).containsExactly(1);
            upstream.close(); // the server goes away
            c.setSoTimeout(300);
            assertThatThrownBy(() -> c.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void delayHoldsEachChunk() throws Exception {
        proxy(FaultPlan.always(Fault.delay(Duration.ofMillis(300))));
        long start = System.nanoTime();
        try (Socket c = connect()) {
            assertThat(readExactly(c, 100)).isEqualTo(GREETING);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void dripSendsOneBytePerInterval() throws Exception {
        proxy(FaultPlan.always(Fault.drip(Duration.ofMillis(20)).after(Direction.SERVER, 70)));
        long start = System.nanoTime();
        try (Socket c = connect()) {
            assertThat(readExactly(c, 100)).isEqualTo(GREETING);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("30 bytes, 20 ms each").isGreaterThanOrEqualTo(Duration.ofMillis(600));
    }

    @Test
    void corruptFlipsOneByteCountedFromTheTrigger() throws Exception {
        proxy(FaultPlan.always(Fault.corrupt(5).after(Direction.SERVER, 10)));
        byte[] expected = GREETING.clone();
        expected[15] ^= (byte) 0xFF;
        try (Socket c = connect()) {
            assertThat(readExactly(c, 100)).isEqualTo(expected);
            c.getOutputStream().write(new byte[] {15, 15});
            assertThat(readExactly(c, 2)).as("once only").containsExactly(15, 15);
        }
    }

    @Test
    void corruptCanActOnWhatTheClientSends() throws Exception {
        proxy(FaultPlan.always(Fault.corrupt(2).on(Direction.CLIENT)));
        try (Socket c = connect()) {
            readExactly(c, 100);
            c.getOutputStream().write(new byte[] {1, 2, 3, 4});
            assertThat(upstream.receivedBytes(4)).containsExactly(1, 2, (byte) ~3, 4);
        }
    }

    @Test
    void injectInsertsBytesAtTheTrigger() throws Exception {
        proxy(FaultPlan.always(Fault.inject(new byte[] {-1, -2, -3}).after(Direction.SERVER, 10)));
        try (Socket c = connect()) {
            byte[] got = readExactly(c, 103);
            assertThat(Arrays.copyOfRange(got, 0, 10)).isEqualTo(Arrays.copyOfRange(GREETING, 0, 10));
            assertThat(Arrays.copyOfRange(got, 10, 13)).containsExactly(-1, -2, -3);
            assertThat(Arrays.copyOfRange(got, 13, 103)).isEqualTo(Arrays.copyOfRange(GREETING, 10, 100));
        }
    }

    @Test
    void aTriggerOnOneDirectionCanActOnTheOther() throws Exception {
        // what the server sends is dropped once the client has sent 5 bytes: the echo of those 5 never arrives
        proxy(FaultPlan.always(Fault.drop().after(Direction.CLIENT, 5)));
        try (Socket c = connect()) {
            assertThat(readExactly(c, 100)).isEqualTo(GREETING);
            c.getOutputStream().write(new byte[] {1, 2, 3, 4, 5});
            assertThat(readToEnd(c)).isEmpty();
        }
        assertThat(upstream.receivedBytes(5)).as("the bytes that reached the trigger went through").containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void connectionsArePickedByArrivalOrder() throws Exception {
        proxy(FaultPlan.onConnection(2, Fault.refuse()));
        try (Socket first = connect(); Socket second = connect(); Socket third = connect()) {
            assertThat(readExactly(first, 100)).isEqualTo(GREETING);
            assertThat(second.getInputStream().read()).isEqualTo(-1);
            assertThat(readExactly(third, 100)).isEqualTo(GREETING);
        }
        assertThat(proxy.fired()).singleElement().satisfies(f -> assertThat(f.connection().number()).isEqualTo(2));
        assertThat(proxy.accepted()).isEqualTo(3);
    }

    @Test
    void connectionsArePickedByAPredicateOnTheirPort() throws Exception {
        try (Upstream other = new Upstream()) {
            proxy = FaultProxy.builder()
                    .route(new InetSocketAddress(LOOPBACK, 0), new InetSocketAddress(LOOPBACK, upstream.port()))
                    .route(new InetSocketAddress(LOOPBACK, 0), new InetSocketAddress(LOOPBACK, other.port()))
                    .build().start();
            int second = proxy.addresses().get(1).getPort();
            proxy.plan(FaultPlan.when(c -> c.port() == second, Fault.refuse()));
            try (Socket a = new Socket(LOOPBACK, proxy.addresses().get(0).getPort());
                 Socket b = new Socket(LOOPBACK, second)) {
                a.setSoTimeout(10_000);
                b.setSoTimeout(10_000);
                assertThat(readExactly(a, 100)).isEqualTo(GREETING);
                assertThat(b.getInputStream().read()).isEqualTo(-1);
            }
            assertThat(other.accepted()).isZero();
        }
    }

    @Test
    void thePlanSwitchesAtRuntimeForNewConnections() throws Exception {
        proxy(FaultPlan.healthy());
        try (Socket healthy = connect()) {
            assertThat(readExactly(healthy, 100)).isEqualTo(GREETING);

            proxy.plan(FaultPlan.always(Fault.drip(Duration.ofMillis(1))));
            try (Socket dripping = connect()) {
                assertThat(readExactly(dripping, 100)).isEqualTo(GREETING);
            }
            proxy.plan(FaultPlan.always(Fault.refuse()));
            try (Socket refused = connect()) {
                assertThat(refused.getInputStream().read()).isEqualTo(-1);
            }
            healthy.getOutputStream().write(42);
            assertThat(readExactly(healthy, 1)).as("an open connection keeps the plan it was accepted with").containsExactly(42);
        }
        assertThat(proxy.fired()).extracting(f -> f.connection().number() + " " + f.fault().action().getClass().getSimpleName())
                .containsExactly("2 Drip", "3 Close");
    }

    @Test
    void aPortCanStopListeningAndResume() throws Exception {
        proxy(FaultPlan.onConnection(1, Fault.stopListening()));
        int port = proxy.addresses().getFirst().getPort();
        try (Socket first = connect()) {
            assertThat(readExactly(first, 100)).as("the connection itself goes on").isEqualTo(GREETING);
            assertThatThrownBy(this::connect).as("refused by the system, as a server that is down").isInstanceOf(ConnectException.class);
            proxy.resumeListening(port);
            try (Socket again = connect()) {
                assertThat(readExactly(again, 100)).isEqualTo(GREETING);
            }
            proxy.stopListening(port);
            assertThatThrownBy(this::connect).isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void connectionsAreBounded() throws Exception {
        proxy = FaultProxy.builder().route(new InetSocketAddress(LOOPBACK, 0), new InetSocketAddress(LOOPBACK, upstream.port()))
                .maxConnections(2).build().start();
        try (Socket a = connect(); Socket b = connect()) {
            readExactly(a, 100);
            readExactly(b, 100);
            try (Socket c = connect()) {
                assertThat(c.getInputStream().read()).isEqualTo(-1);
            }
            assertThat(proxy.refusedOverLimit()).isEqualTo(1);
        }
    }

    @Test
    void itClosesItselfAtTheEndOfItsLifetime() throws Exception {
        proxy = FaultProxy.builder().route(new InetSocketAddress(LOOPBACK, 0), new InetSocketAddress(LOOPBACK, upstream.port()))
                .lifetime(Duration.ofSeconds(2)).build().start();
        InetSocketAddress address = proxy.addresses().getFirst();
        try (Socket c = connect()) {
            assertThat(readExactly(c, 100)).isEqualTo(GREETING);
            assertThat(c.getInputStream().read()).as("closed by the proxy, not by the test").isEqualTo(-1);
        }
        assertThatThrownBy(() -> new Socket(address.getAddress(), address.getPort()).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void closeEndsEveryConnectionAndThread() throws Exception {
        proxy(FaultPlan.always(Fault.drip(Duration.ofSeconds(1))));
        int port = proxy.addresses().getFirst().getPort();
        try (Socket a = connect(); Socket b = connect()) {
            b.getOutputStream().write(1);
            assertThat(upstream.receivedBytes(1)).hasSize(1);
            proxy.close();
            for (Socket s : List.of(a, b)) {
                assertThat(readToEnd(s).length).as("a dripping connection ends at once").isLessThanOrEqualTo(1);
            }
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("fault-proxy-" + port + "-"));
        assertThat(proxy.openConnections()).isZero();
    }

    @Test
    void aPortInUseFailsTheStartAndLeavesNothingListening() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, LOOPBACK)) {
            FaultProxy p = FaultProxy.builder()
                    .route(new InetSocketAddress(LOOPBACK, 0), new InetSocketAddress(LOOPBACK, upstream.port()))
                    .route(new InetSocketAddress(LOOPBACK, taken.getLocalPort()), new InetSocketAddress(LOOPBACK, upstream.port()))
                    .build();
            assertThatThrownBy(p::start).isInstanceOf(IOException.class).hasMessageContaining("cannot listen");
            for (InetSocketAddress a : p.addresses()) {
                if (a == null || a.getPort() == 0 || a.getPort() == taken.getLocalPort()) continue;
                assertThatThrownBy(() -> new Socket(a.getAddress(), a.getPort()).close()).isInstanceOf(ConnectException.class);
            }
        }
    }

    @Test
    void itListensOnAndForwardsToLoopbackOnly() {
        assertThatThrownBy(() -> FaultProxy.builder().route(new InetSocketAddress("0.0.0.0", 0), new InetSocketAddress(LOOPBACK, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FaultProxy.builder().route(new InetSocketAddress(LOOPBACK, 0), new InetSocketAddress("192.0.2.1", 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static byte[] readExactly(Socket s, int n) throws IOException {
        byte[] b = s.getInputStream().readNBytes(n);
        assertThat(b).as("bytes before the end of the stream").hasSize(n);
        return b;
    }

    static byte[] readToEnd(Socket s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = s.getInputStream();
        byte[] buffer = new byte[4096];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) out.write(buffer, 0, n);
        } catch (SocketException e) {
            // a reset ends the stream too
        }
        return out.toByteArray();
    }
}

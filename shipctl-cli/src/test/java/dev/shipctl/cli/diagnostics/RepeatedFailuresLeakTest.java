package dev.shipctl.cli.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.fixtures.Cli;
import dev.shipctl.cli.fixtures.FaultRig;
import dev.shipctl.cli.fixtures.ProcessLeaks;
import dev.shipctl.testkit.Fault;
import dev.shipctl.testkit.FaultPlan;
import dev.shipctl.testkit.FaultProxy;
import dev.shipctl.testkit.HostileServer;
import dev.shipctl.testkit.HostileServer.Behaviour;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Fifty failed checks of one kind leave the process as they found it: as many open file descriptors (sockets
 * included, even those the kernel no longer lists after a reset or a refused connect) and the same threads, by name,
 * virtual ones included. One kind at a time, nothing else running: the count is exact.
 *
 * <p>Each kind is first run a few times (class loading, the virtual-thread pollers, jar files opened lazily are not
 * leaks); the counts are taken with every server of the test closed, before and after the fifty runs.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RepeatedFailuresLeakTest {
    static final int RUNS = 50;
    static final int WARM_UP = 3;

    @TempDir
    Path config;

    /** A way for {@code check} to fail early, and the exit code(s) it may end in. */
    enum Kind {
        /** Nothing listens: the system refuses the connection. */
        UNREACHABLE(ExitCodes.UNREACHABLE),
        /** Accepted, then closed before any byte. */
        CLOSED_AT_ACCEPT(ExitCodes.DISCONNECTED),
        /**
         * Accepted, then reset. The reset can reach the client before its connect() has returned, which then fails
         * ("connection reset by peer"): which exit code that deserves is FaultMatrixTest's business (8); here only
         * leaks count, so both outcomes are allowed.
         */
        RESET_AT_ACCEPT(ExitCodes.DISCONNECTED, ExitCodes.UNREACHABLE),
        /** Reset once the client has sent its 0x93: a socket the kernel no longer lists. */
        RESET_AFTER_LOGIN(ExitCodes.DISCONNECTED),
        /** A frame of another command where the 0x03 must be. */
        NOT_A_KEY_PACKET(ExitCodes.PROTOCOL),
        /** Accepted, and nothing sent until the timeout (100 ms here). */
        NO_KEYS_IN_TIME(ExitCodes.TIMEOUT),
        /** A 0x03, then closed. */
        CLOSED_AFTER_KEYS(ExitCodes.DISCONNECTED),
        /** A 0x03, then a header announcing 0xFFFF bytes. */
        OVERSIZED_FRAME(ExitCodes.PROTOCOL);

        final java.util.Set<Integer> exits;

        Kind(Integer... exits) {
            this.exits = java.util.Set.of(exits);
        }
    }

    /** The servers one kind needs, and where the client connects. */
    private record Target(InetSocketAddress address, List<AutoCloseable> servers) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            for (AutoCloseable s : servers) s.close();
        }
    }

    private static Target start(Kind kind) throws IOException {
        return switch (kind) {
            case UNREACHABLE -> {
                // bound but not listening: connections are refused, and no other socket can take the port meanwhile
                Socket hold = new Socket();
                hold.bind(new InetSocketAddress(FaultRig.SERVER_HOST, 0));
                yield new Target((InetSocketAddress) hold.getLocalSocketAddress(), List.of(hold));
            }
            case CLOSED_AT_ACCEPT -> proxied(Fault.refuse());
            case RESET_AT_ACCEPT -> proxied(Fault.reset());
            case RESET_AFTER_LOGIN -> proxied(Fault.reset().after(dev.shipctl.protocol.Direction.CLIENT, FaultMatrixTest.LOGIN_ON_THE_WIRE));
            case NOT_A_KEY_PACKET -> proxied(Fault.inject(new byte[] {8, 0, (byte) HostileServer.UNKNOWN_COMMAND, 0, 0, 0, 0, 0}));
            case NO_KEYS_IN_TIME -> hostile(Behaviour.NO_INIT);
            case CLOSED_AFTER_KEYS -> hostile(Behaviour.CLOSE_AFTER_INIT);
            case OVERSIZED_FRAME -> hostile(Behaviour.HUGE_SIZE);
        };
    }

    /** A proxy in front of a silent server (a valid 0x03, then nothing), with {@code fault} on every connection. */
    private static Target proxied(Fault fault) throws IOException {
        HostileServer server = HostileServer.builder().bind(FaultRig.SERVER_HOST).behaviour(Behaviour.SILENT).start();
        FaultProxy proxy = FaultProxy.builder().route(new InetSocketAddress(FaultRig.SERVER_HOST, 0),
                new InetSocketAddress(FaultRig.SERVER_HOST, server.port())).plan(FaultPlan.always(fault)).build().start();
        return new Target(proxy.addresses().getFirst(), List.of(proxy, server));
    }

    private static Target hostile(Behaviour behaviour) throws IOException {
        HostileServer server = HostileServer.builder().bind(FaultRig.SERVER_HOST).behaviour(behaviour).start();
        return new Target(new InetSocketAddress(server.address(), server.port()), List.of(server));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void fiftyFailuresLeaveNoSocketAndNoThread(Kind kind) throws Exception {
        runs(kind, WARM_UP);
        int fdsBefore = ProcessLeaks.openFds();
        Map<String, Integer> threadsBefore = ProcessLeaks.threadNames();

        runs(kind, RUNS);

        assertThat(ProcessLeaks.added(threadsBefore, ProcessLeaks.threadNames())).as("threads left by %d failed checks", RUNS).isEmpty();
        assertThat(ProcessLeaks.openFds() - fdsBefore).as("file descriptors left by %d failed checks", RUNS).isLessThanOrEqualTo(0);
    }

    private void runs(Kind kind, int n) throws Exception {
        Cli cli = new Cli(config).env("SHIPCTL_PASSWORD", "player123");
        try (Target target = start(kind)) {
            String timeout = kind == Kind.NO_KEYS_IN_TIME ? "100ms" : "2s";
            for (int i = 0; i < n; i++) {
                Cli.Run run = cli.run("check", "-H", target.address().getAddress().getHostAddress(),
                        "-p", String.valueOf(target.address().getPort()), "-u", "player1", "--timeout", timeout);
                assertThat(run.exitCode()).as("run %d: %s%s", i + 1, run.out(), run.err()).isIn(kind.exits);
            }
        }
    }
}

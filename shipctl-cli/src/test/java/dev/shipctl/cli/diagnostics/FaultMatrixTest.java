package dev.shipctl.cli.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.fixtures.FaultRig;
import dev.shipctl.cli.fixtures.ProcessLeaks;
import dev.shipctl.protocol.Direction;
import dev.shipctl.testkit.Fault;
import dev.shipctl.testkit.FaultPlan;
import dev.shipctl.testkit.FaultProxy;
import dev.shipctl.testkit.HostileServer;
import dev.shipctl.testkit.HostileServer.Behaviour;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No server can hang {@code shipctl check}: every fault at every stage of the Tethealla chain, and every hostile
 * server, ends in the documented exit code within the stage deadline plus a second, with one line on stderr, no
 * stack trace, and no socket or thread left behind.
 *
 * <p>The chain runs through a {@link FaultProxy} (see {@link FaultRig}): connection 1 is the login port (stages
 * connect and login), 2, 3 and 4 the character port (character #1, #2 and #3 = "ship list"), 5 the ship, 6 the
 * block (block, then lobby). A fault at "connect" starts at accept and hits the 0x03; at the other stages it starts
 * once the client's 0x93 (0xB4 bytes, 0xB8 on the wire) has gone through, so it hits the server's answers; at
 * "lobby" once the client has sent more than its 0x93 (its 0x61). Faults act on what the server sends.
 *
 * <p>Expected exit codes ({@link ExitCodes}: 3 unreachable, 5 protocol, 6 timeout, 8 disconnected; "-": no such
 * cell, the stage opens no connection of its own):
 *
 * <pre>
 * fault                                   connect login char#1 char#2 char#3 ship block lobby
 * unreachable (nothing listens)              3      -     3      3      3     3    3     -
 * refuse (accept, then close)                8      -     8      8      8     8    8     -
 * reset (RST)                                8      8     8      8      8     8    8     8
 * drop (close)                               8      8     8      8      8     8    8     8
 * truncate (12 more bytes, then close)       8      8     8      8      8     8    8     8
 * stall (open, nothing more)                 6      6     6      6      6     6    6     6
 * delay (3 s per chunk)                      6      6     6      6      6     6    6     6
 * drip (one byte per 100 ms)                 6      6     6      6      6     6    6     6
 * corrupt (one byte flipped)                 5     5|6   5|6    5|6    5|6   5|6  5|6   5|6
 * inject (8 bytes)                           5     5|6   5|6    5|6    5|6   5|6  5|6   5|6
 * </pre>
 *
 * Why: a server that accepts and then closes or resets has been reached and disconnected us (8), not unreachable
 * (3) — also when a reset at accept reaches the client before its connect() has returned ("connection reset by
 * peer" from connect() is a reset after the handshake; an unreachable port answers "connection refused"). At "connect" the corrupted byte is the 0x03's command and the injected bytes a plain header of another
 * command where the 0x03 must be: a protocol error (5). Later the bytes are encrypted: a flipped or inserted byte
 * decrypts to a random header, which is a protocol error when its size is out of bounds (5) and otherwise a frame
 * whose rest never comes (6, at the deadline); no client can tell which without a MAC. Each cell's sandbox keys come
 * from a seeded random, so a cell always takes the same branch.
 *
 * <p>Hostile servers, on the login port: silent 6, garbage 5, 0xFFFF size 5, endless unknown 8-byte frames 5, a
 * ping every 5 ms 5, endless 64000-byte frames 5, close after 0x03 8 (all at "login"), no 0x03 at all 6 (at
 * "connect"). The same behind the proxy on the block port, where every one fails at "block". A flood of packets
 * the client does not wait for is a protocol error (5) as soon as a wait has skipped 256 packets or 1 MiB: no
 * Blue Burst server sends that much before the answer a client waits for, and the error names what came instead.
 *
 * <p>Controls that must succeed: the healthy chain through the proxy, and 20 ms of latency on every chunk.
 *
 * <p>Running cells concurrently (JUnit parallel execution for this class only, see junit-platform.properties):
 * a socket is the cell's when its remote end is one of the cell's ports on 127.0.0.2 (or its hostile server),
 * checked as soon as the run returns, while the cell still holds those ports so no other cell can use them;
 * platform threads are the cell's when they are in the thread group of its run. What per-cell checks cannot see —
 * a socket the kernel no longer lists after a reset, a virtual thread — is caught by comparing the whole process
 * (open fds, every thread by name, virtual included) before and after the matrix, and, one kind at a time, by
 * {@link RepeatedFailuresLeakTest}. The CPU-bound floods run one at a time, after the others.
 */
@Timeout(value = 40, unit = TimeUnit.SECONDS)
class FaultMatrixTest {
    static final Duration STAGE_DEADLINE = Duration.ofSeconds(2);
    static final String TIMEOUT_OPTION = "2s";
    /** The bound on a failing stage is the deadline plus this. */
    static final Duration GRACE = Duration.ofSeconds(1);
    /** A run still going after this is cut and reported as hung. */
    static final Duration HANG_LIMIT = Duration.ofSeconds(10);
    /** The 0x93 login on the wire (0xB4 bytes padded to 8). */
    static final int LOGIN_ON_THE_WIRE = 0xB8;

    static final Set<Integer> DISCONNECTED = Set.of(ExitCodes.DISCONNECTED);
    static final Set<Integer> TIMEOUT = Set.of(ExitCodes.TIMEOUT);
    static final Set<Integer> PROTOCOL = Set.of(ExitCodes.PROTOCOL);
    static final Set<Integer> GARBLED = Set.of(ExitCodes.PROTOCOL, ExitCodes.TIMEOUT);

    @TempDir
    static Path config;

    static final Map<String, String> SUMMARY = new ConcurrentSkipListMap<>();
    static int fdsBefore;
    static Map<String, Integer> threadsBefore;

    /** The stages of the Tethealla chain, each with the connection it happens on and where its faults start. */
    enum ChainStage {
        CONNECT("connect", 1, FaultRig.Port.LOGIN, true),
        LOGIN("login", 1, FaultRig.Port.LOGIN, false),
        CHARACTER_1("character #1", 2, FaultRig.Port.CHARACTER, true),
        CHARACTER_2("character #2", 3, FaultRig.Port.CHARACTER, true),
        CHARACTER_3("ship list", 4, FaultRig.Port.CHARACTER, true),
        SHIP("ship", 5, FaultRig.Port.SHIP, true),
        BLOCK("block", 6, FaultRig.Port.BLOCK1, true),
        LOBBY("lobby", 6, FaultRig.Port.BLOCK1, false);

        final String label;
        final int connection;
        final FaultRig.Port port;
        final boolean opensConnection;

        ChainStage(String label, int connection, FaultRig.Port port, boolean opensConnection) {
            this.label = label;
            this.connection = connection;
            this.port = port;
            this.opensConnection = opensConnection;
        }

        /** A fault moved to where this stage begins (see the class comment). */
        Fault at(Fault f) {
            return switch (this) {
                case CONNECT -> f;
                case LOBBY -> f.after(Direction.CLIENT, LOGIN_ON_THE_WIRE + 1);
                default -> f.after(Direction.CLIENT, LOGIN_ON_THE_WIRE);
            };
        }
    }

    /** A proxy fault with what it must end in, at "connect" and at the later stages. */
    enum Misbehaviour {
        REFUSE(Fault.refuse(), DISCONNECTED, DISCONNECTED),
        RESET(Fault.reset(), DISCONNECTED, DISCONNECTED),
        DROP(Fault.drop(), DISCONNECTED, DISCONNECTED),
        TRUNCATE(Fault.truncate(12), DISCONNECTED, DISCONNECTED),
        STALL(Fault.stall(), TIMEOUT, TIMEOUT),
        DELAY(Fault.delay(Duration.ofSeconds(3)), TIMEOUT, TIMEOUT),
        DRIP(Fault.drip(Duration.ofMillis(100)), TIMEOUT, TIMEOUT),
        CORRUPT(Fault.corrupt(2), PROTOCOL, GARBLED),
        INJECT(Fault.inject(new byte[] {8, 0, (byte) HostileServer.UNKNOWN_COMMAND, 0, 0, 0, 0, 0}), PROTOCOL, GARBLED);

        final Fault fault;
        final Set<Integer> atConnect;
        final Set<Integer> later;

        Misbehaviour(Fault fault, Set<Integer> atConnect, Set<Integer> later) {
            this.fault = fault;
            this.atConnect = atConnect;
            this.later = later;
        }

        boolean appliesTo(ChainStage s) {
            return this != REFUSE || s.opensConnection;
        }

        /**
         * The fault where stage {@code s} begins. A refusal is always at accept (of the stage's own connection). At
         * "connect" a corrupted byte is the 0x03's command (offset 2); later, the first byte of the next frame.
         */
        Fault at(ChainStage s) {
            if (this == REFUSE) return fault;
            return s.at(this == CORRUPT && s != ChainStage.CONNECT ? Fault.corrupt(0) : fault);
        }
    }

    /** One cell: a name for reports, a set-up, the exit codes allowed and the stage the verdict must name. */
    record Cell(String name, FaultRig.Setup setup, Set<Integer> exits, Optional<String> stage, Optional<Integer> faultyConnection) {
        @Override
        public String toString() {
            return name;
        }

        boolean expectsSuccess() {
            return exits.equals(Set.of(ExitCodes.OK));
        }
    }

    static Stream<Cell> quietCells() {
        List<Cell> cells = new ArrayList<>();
        cells.add(new Cell("healthy through the proxy", proxied(FaultPlan.healthy()), Set.of(ExitCodes.OK), Optional.empty(), Optional.empty()));
        cells.add(new Cell("20 ms latency on every chunk", proxied(FaultPlan.always(Fault.delay(Duration.ofMillis(20)))),
                Set.of(ExitCodes.OK), Optional.empty(), Optional.empty()));
        for (ChainStage s : ChainStage.values()) {
            if (s.opensConnection) cells.add(unreachable(s));
            for (Misbehaviour m : Misbehaviour.values()) {
                if (!m.appliesTo(s)) continue;
                cells.add(new Cell(m.name().toLowerCase() + " at " + s.label, proxied(FaultPlan.onConnection(s.connection, m.at(s))),
                        s == ChainStage.CONNECT ? m.atConnect : m.later, Optional.of(s.label), Optional.of(s.connection)));
            }
        }
        for (Behaviour b : Behaviour.values()) {
            if (!flood(b)) cells.addAll(hostile(b));
        }
        return cells.stream();
    }

    static Stream<Cell> floodCells() {
        return Stream.of(Behaviour.values()).filter(FaultMatrixTest::flood).flatMap(b -> hostile(b).stream());
    }

    private static boolean flood(Behaviour b) {
        return b == Behaviour.UNKNOWN_FRAME_FLOOD || b == Behaviour.BIG_FRAME_FLOOD;
    }

    /**
     * Nothing listens where the stage connects: its port is not routed, or (character #2 and #3, which reuse the
     * character port) the proxy stops listening there once the previous connection has arrived.
     */
    private static Cell unreachable(ChainStage s) {
        FaultRig.Setup setup = switch (s) {
            case CHARACTER_2, CHARACTER_3 -> proxied(FaultPlan.onConnection(s.connection - 1, Fault.stopListening()));
            default -> new FaultRig.Proxied(FaultPlan.healthy(), Set.of(s.port), Optional.empty());
        };
        return new Cell("unreachable at " + s.label, setup, Set.of(ExitCodes.UNREACHABLE), Optional.of(s.label), Optional.empty());
    }

    private static List<Cell> hostile(Behaviour b) {
        Set<Integer> exits = switch (b) {
            case SILENT, NO_INIT -> TIMEOUT;
            case GARBAGE, HUGE_SIZE, UNKNOWN_FRAME_FLOOD, PING_FLOOD, BIG_FRAME_FLOOD -> PROTOCOL;
            case CLOSE_AFTER_INIT -> DISCONNECTED;
        };
        String name = b.name().toLowerCase().replace('_', ' ');
        return List.of(
                new Cell("hostile login port: " + name, new FaultRig.Direct(b), exits,
                        Optional.of(b.sendsInit() ? "login" : "connect"), Optional.empty()),
                new Cell("hostile block port: " + name, new FaultRig.Proxied(FaultPlan.healthy(), Set.of(),
                        Optional.of(new FaultRig.HostileAt(FaultRig.Port.BLOCK1, b))), exits, Optional.of("block"), Optional.empty()));
    }

    private static FaultRig.Proxied proxied(FaultPlan plan) {
        return new FaultRig.Proxied(plan, Set.of(), Optional.empty());
    }

    @BeforeAll
    static void warmUpAndCountWhatTheProcessHolds() throws Exception {
        // the first runs load classes, start the virtual-thread scheduler and pollers, open jars: not leaks
        for (Cell c : List.of(quietCells().findFirst().orElseThrow(), unreachable(ChainStage.SHIP),
                hostile(Behaviour.SILENT).getFirst())) {
            try (FaultRig rig = FaultRig.start(c.setup(), 0)) {
                rig.check(config, HANG_LIMIT, "--timeout", "300ms");
            }
        }
        fdsBefore = ProcessLeaks.openFds();
        threadsBefore = ProcessLeaks.threadNames();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("quietCells")
    @Execution(ExecutionMode.CONCURRENT)
    @ResourceLock(value = "cpu", mode = ResourceAccessMode.READ)
    void endsInItsExitCodeWithinTheDeadline(Cell cell) throws Exception {
        runCell(cell);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("floodCells")
    @ResourceLock(value = "cpu", mode = ResourceAccessMode.READ_WRITE)
    void floodsEndInTheirExitCodeWithinTheDeadline(Cell cell) throws Exception {
        runCell(cell);
    }

    private void runCell(Cell cell) throws Exception {
        FaultRig.Outcome o;
        List<FaultProxy.Fired> fired;
        try (FaultRig rig = FaultRig.start(cell.setup(), cell.name().hashCode())) {
            o = rig.check(config, HANG_LIMIT, "--timeout", TIMEOUT_OPTION);
            fired = rig.proxy().map(FaultProxy::fired).orElse(List.of());
        }
        SUMMARY.put(cell.name(), "%-45s expected %-6s got %-5s in %5d ms%s".formatted(cell.name(), codes(cell.exits()),
                o.exitCode().map(String::valueOf).orElse("HUNG"), o.elapsed().toMillis(),
                o.failedStage().map(s -> " at " + s).orElse("")));

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(o.hung()).as("hung: no exit code within %s", HANG_LIMIT).isFalse();
        if (!o.hung()) {
            soft.assertThat(o.exitCode().orElseThrow()).as("exit code; out: %s err: %s", o.out(), o.err()).isIn(cell.exits());
            soft.assertThat(o.failedStage()).as("the stage the verdict names; out: %s", o.out()).isEqualTo(cell.stage());
            if (!cell.expectsSuccess()) {
                soft.assertThat(o.failingStage()).as("time in the failing stage (elapsed %s)", o.elapsed())
                        .isLessThanOrEqualTo(STAGE_DEADLINE.plus(GRACE));
                soft.assertThat(o.out().lines().filter(l -> l.startsWith("FAIL")).count()).as("one verdict: %s", o.out()).isEqualTo(1);
            }
            soft.assertThat(o.err().lines().toList()).as("stderr").singleElement().asString().startsWith("Checking ");
            soft.assertThat(o.out() + o.err()).as("no stack trace").doesNotContainPattern("(?m)^\\s+at [\\w.$]+\\(")
                    .doesNotContain("Caused by:").doesNotContain("Exception in");
            soft.assertThat(o.leakedSockets()).as("sockets shipctl left open").isEmpty();
        }
        soft.assertThat(o.leakedThreads()).as("threads shipctl left running").isEmpty();
        cell.faultyConnection().ifPresent(n -> soft.assertThat(fired).as("the fault took effect on connection %d", n)
                .anySatisfy(f -> assertThat(f.connection().number()).isEqualTo(n)));
        try {
            soft.assertAll();
        } catch (AssertionError e) {
            throw new AssertionError(cell.name() + ": " + e.getMessage(), e);
        }
    }

    @AfterAll
    static void nothingIsLeftInTheProcess() {
        System.out.println("Fault matrix (--timeout " + TIMEOUT_OPTION + "):");
        SUMMARY.values().forEach(System.out::println);
        // Threads of the proxies and sandboxes end when they close; a thread shipctl started and never stopped stays.
        assertThat(ProcessLeaks.added(threadsBefore, ProcessLeaks.threadNames())).as("threads alive now and not before the matrix").isEmpty();
        assertThat(ProcessLeaks.openFds()).as("open file descriptors, before the matrix: %d", fdsBefore).isLessThanOrEqualTo(fdsBefore);
    }

    private static String codes(Set<Integer> exits) {
        return String.join("|", exits.stream().sorted().map(String::valueOf).toList());
    }
}

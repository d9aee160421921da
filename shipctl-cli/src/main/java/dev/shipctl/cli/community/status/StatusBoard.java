package dev.shipctl.cli.community.status;

import dev.shipctl.MenuItem;
import dev.shipctl.ServerFlavour;
import dev.shipctl.Stage;
import dev.shipctl.StageTiming;
import dev.shipctl.check.CheckResult;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The servers' latest states, fed by finished checks keyed by a server's name and read by the status server.
 * Thread-safe: checks record from their threads while requests read snapshots.
 */
public final class StatusBoard {
    private final InstantSource clock;
    private final Map<String, ServerStatus> servers = new LinkedHashMap<>();

    /** A board that reads the time (a snapshot's generation, a check's age) from {@code clock}. */
    public StatusBoard(InstantSource clock) {
        this.clock = clock;
    }

    /** Lists a server before its first check ("checking"), so that its page row and badge exist from the start. */
    public synchronized void expect(String name, String address) {
        servers.putIfAbsent(name, ServerStatus.pending(name, address));
    }

    /** Records a finished check of the server {@code name}: its state, and since when if it changed. */
    public synchronized void record(String name, CheckResult r) {
        ServerStatus before = servers.get(name);
        ServerStatus.State state = r.ok() ? ServerStatus.State.UP : ServerStatus.State.DOWN;
        Instant since = before != null && before.state() == state ? before.since().orElse(r.at()) : r.at();
        Map<String, java.time.Duration> stages = new LinkedHashMap<>();
        for (StageTiming t : r.stages()) stages.put(t.stage().id(), t.elapsed());
        List<ServerStatus.Ship> ships = new ArrayList<>();
        if (r.ok()) {
            for (MenuItem ship : r.ships()) ships.add(new ServerStatus.Ship(clean(ship.name()), ship.players()));
        }
        Optional<String> flavour = r.flavour().map(ServerFlavour::name)
                .or(() -> before == null ? Optional.empty() : before.flavour());
        servers.put(name, new ServerStatus(name, r.server(), state, Optional.of(since), Optional.of(r.at()), r.total(),
                r.depth().id(), r.failedStage().map(Stage::id), flavour, ships, stages));
    }

    /** Every server's status, in the order they were first named, and the time it was taken. */
    public synchronized Snapshot snapshot() {
        return new Snapshot(clock.instant(), List.copyOf(servers.values()));
    }

    /**
     * The board at one instant.
     *
     * @param generated when it was taken
     * @param servers every server, in the order they were first named
     */
    public record Snapshot(Instant generated, List<ServerStatus> servers) {
        /** The server of that name, if it is on the board. */
        public Optional<ServerStatus> server(String name) {
            return servers.stream().filter(s -> s.name().equals(name)).findFirst();
        }
    }

    /**
     * A text the server sent, fit for every format: control characters and lone surrogates (which XML cannot carry
     * even escaped) become U+FFFD. Markup characters stay; each format escapes them.
     */
    static String clean(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else if (Character.isISOControl(c) || Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                b.append('\uFFFD');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}

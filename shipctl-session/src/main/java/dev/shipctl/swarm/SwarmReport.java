package dev.shipctl.swarm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a swarm measured. Counts are of sessions (one per account); latencies per stage of the login chain, by
 * {@link dev.shipctl.Stage#id()}, plus {@link Swarm#TOTAL} for the whole chain.
 *
 * @param label           what the run is ("shard 2/3", or empty)
 * @param target          host:port of the login server
 * @param behaviour       what the sessions did while held
 * @param requested       sessions asked for
 * @param attempted       logins started (fewer than requested when stopped during the ramp)
 * @param loggedIn        logins that reached a lobby
 * @param failed          logins that failed
 * @param loggedOut       sessions the swarm logged out itself at the end (clean logouts)
 * @param heldPeak        most sessions held at once
 * @param heldAtEnd       sessions still held when the swarm began to leave
 * @param rampTime        from the first login started to the last one ended
 * @param elapsed         the whole run
 * @param stopped         whether the run was stopped before its duration ended
 * @param latencies       per stage id, and {@link Swarm#TOTAL}
 * @param errors          failed logins and behaviour errors by "stage/Type" ("ship/StageTimeout", "hold/NoReply")
 * @param errorExamples   the message of the first error of each key of {@code errors} ("ship/LoginRefused": "Block is
 *                        full."): what a count alone does not say
 * @param disconnects     sessions the server ended, by {@link DisconnectKind#id()}
 * @param actions         what the behaviour did: "chat_lines", "lobby_changes", "announcements_heard"
 * @param timeline        one snapshot a second
 * @param cpuTime         CPU time of this process during the run (client, and an in-process sandbox if any)
 * @param heapBytesPerSession heap used per session held at the peak, over what was used before the ramp
 * @param maxInFlight     the bound on logins in flight ({@link Swarm.Builder#maxInFlight}, or the derived one, which
 *                        follows the fastest login: then the largest it was during the ramp)
 * @param peakInFlight    the most logins in flight at once: at the bound, the server rather than the ramp set the pace
 */
public record SwarmReport(String label, String target, Behaviour behaviour, long requested, long attempted, long loggedIn,
                          long failed, long loggedOut, long heldPeak, long heldAtEnd, Duration rampTime, Duration elapsed,
                          boolean stopped, Map<String, LatencyHistogram> latencies, Map<String, Long> errors,
                          Map<String, String> errorExamples, Map<String, Long> disconnects, Map<String, Long> actions, List<SwarmSnapshot> timeline,
                          Duration cpuTime, long heapBytesPerSession, int maxInFlight, int peakInFlight) {
    public SwarmReport {
        Objects.requireNonNull(label);
        Objects.requireNonNull(target);
        Objects.requireNonNull(behaviour);
        latencies = Map.copyOf(latencies);
        errors = Map.copyOf(errors);
        errorExamples = Map.copyOf(errorExamples);
        disconnects = Map.copyOf(disconnects);
        actions = Map.copyOf(actions);
        timeline = List.copyOf(timeline);
    }

    /** Logins that reached a lobby per second of the ramp; zero when none did. */
    public double loginsPerSecond() {
        long nanos = rampTime.toNanos();
        return loggedIn == 0 || nanos <= 0 ? 0 : loggedIn * 1e9 / nanos;
    }

    /** The sum of all server disconnects. */
    public long disconnectCount() {
        return disconnects.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The sum of all errors. */
    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Adds shards' reports that ran side by side: counts summed (the example of each error from the first report that
     * has one), histograms merged, logins per second summed (the
     * ramp time is the longest), timelines added second by second (the peak is the peak of that sum), CPU summed
     * and heap per session averaged over the sessions each held; the bounds on logins in flight, and their peaks, summed.
     *
     * @throws IllegalArgumentException no reports, or reports of different targets or behaviours
     */
    public static SwarmReport merge(List<SwarmReport> reports) {
        if (reports.isEmpty()) throw new IllegalArgumentException("nothing to merge");
        SwarmReport first = reports.getFirst();
        for (SwarmReport r : reports) {
            if (!r.target.equals(first.target)) {
                throw new IllegalArgumentException("the reports are of different servers: " + first.target + " and " + r.target);
            }
            if (r.behaviour != first.behaviour) {
                throw new IllegalArgumentException("the reports are of different behaviours: " + first.behaviour.id() + " and " + r.behaviour.id());
            }
        }
        Map<String, LatencyHistogram> latencies = new TreeMap<>();
        Map<String, Long> errors = new TreeMap<>();
        Map<String, String> errorExamples = new TreeMap<>();
        Map<String, Long> disconnects = new TreeMap<>();
        Map<String, Long> actions = new TreeMap<>();
        long requested = 0, attempted = 0, loggedIn = 0, failed = 0, loggedOut = 0, heldAtEnd = 0, heapWeighted = 0, heldForHeap = 0;
        int maxInFlight = 0, peakInFlight = 0; // summed, as the rates: shards ran side by side
        Duration ramp = Duration.ZERO, elapsed = Duration.ZERO, cpu = Duration.ZERO;
        boolean stopped = false;
        double rate = 0;
        for (SwarmReport r : reports) {
            r.latencies.forEach((k, v) -> latencies.computeIfAbsent(k, x -> new LatencyHistogram()).add(v));
            r.errors.forEach((k, v) -> errors.merge(k, v, Long::sum));
            r.errorExamples.forEach(errorExamples::putIfAbsent);
            r.disconnects.forEach((k, v) -> disconnects.merge(k, v, Long::sum));
            r.actions.forEach((k, v) -> actions.merge(k, v, Long::sum));
            requested += r.requested;
            attempted += r.attempted;
            loggedIn += r.loggedIn;
            failed += r.failed;
            loggedOut += r.loggedOut;
            heldAtEnd += r.heldAtEnd;
            heapWeighted += r.heapBytesPerSession * r.heldPeak;
            heldForHeap += r.heldPeak;
            ramp = ramp.compareTo(r.rampTime) < 0 ? r.rampTime : ramp;
            elapsed = elapsed.compareTo(r.elapsed) < 0 ? r.elapsed : elapsed;
            cpu = cpu.plus(r.cpuTime);
            stopped |= r.stopped;
            rate += r.loginsPerSecond();
            maxInFlight += r.maxInFlight;
            peakInFlight += r.peakInFlight;
        }
        List<SwarmSnapshot> timeline = addTimelines(reports);
        long peak = timeline.stream().mapToLong(SwarmSnapshot::held).max().orElse(0);
        peak = Math.max(peak, reports.stream().mapToLong(SwarmReport::heldPeak).max().orElse(0));
        // the ramp time that gives the summed rate: shards that ramped side by side add their rates
        Duration mergedRamp = rate > 0 ? Duration.ofNanos((long) (loggedIn * 1e9 / rate)) : ramp;
        String label = "merged " + reports.size() + " report" + (reports.size() == 1 ? "" : "s");
        return new SwarmReport(label, first.target, first.behaviour, requested, attempted, loggedIn, failed, loggedOut, peak,
                heldAtEnd, mergedRamp, elapsed, stopped, latencies, errors, errorExamples, disconnects, actions, timeline, cpu,
                heldForHeap == 0 ? 0 : heapWeighted / heldForHeap, maxInFlight, peakInFlight);
    }

    private static List<SwarmSnapshot> addTimelines(List<SwarmReport> reports) {
        int length = reports.stream().mapToInt(r -> r.timeline.size()).max().orElse(0);
        List<SwarmSnapshot> sum = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            Duration at = Duration.ZERO;
            SwarmSnapshot.Phase phase = SwarmSnapshot.Phase.DONE;
            long attempted = 0, loggedIn = 0, failed = 0, held = 0, disconnects = 0;
            for (SwarmReport r : reports) {
                // a shard that ended earlier keeps its last figures, but holds nothing any more
                SwarmSnapshot s = r.timeline.get(Math.min(i, r.timeline.size() - 1));
                boolean ended = i >= r.timeline.size();
                at = at.compareTo(s.elapsed()) < 0 ? s.elapsed() : at;
                if (!ended && s.phase().ordinal() < phase.ordinal()) phase = s.phase();
                attempted += s.attempted();
                loggedIn += s.loggedIn();
                failed += s.failed();
                held += ended ? 0 : s.held();
                disconnects += s.disconnects();
            }
            sum.add(new SwarmSnapshot(at, phase, attempted, loggedIn, failed, held, disconnects));
        }
        return sum;
    }
}

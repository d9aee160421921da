package dev.shipctl.swarm;

import java.time.Duration;

/**
 * Where a swarm stands at one moment: once a second for progress lines, {@code --jsonl} and the sessions-over-time
 * chart.
 *
 * @param elapsed    since the swarm started
 * @param phase      ramp, hold, leave or done
 * @param attempted  logins started so far
 * @param loggedIn   logins that reached a lobby so far
 * @param failed     logins that failed so far
 * @param held       sessions open in their lobbies now
 * @param disconnects sessions the server ended so far
 */
public record SwarmSnapshot(Duration elapsed, Phase phase, long attempted, long loggedIn, long failed, long held, long disconnects) {
    /** The parts of a swarm's run. */
    public enum Phase {
        RAMP, HOLD, LEAVE, DONE;

        /** Lower case for JSON ("ramp"). */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}

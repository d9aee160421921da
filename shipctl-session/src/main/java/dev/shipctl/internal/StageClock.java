package dev.shipctl.internal;

import dev.shipctl.Stage;
import dev.shipctl.StageTiming;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which stage of the login the chain is in, how long each completed stage took, and the current stage's
 * {@link Deadline}: {@link dev.shipctl.ShipClient#timeout()} after the stage began, or the whole login's
 * ({@link dev.shipctl.ShipClient#deadline()}), whichever is earlier. Connections of the chain ask it for the
 * deadline before every read ({@link #deadline()} is their deadline supplier).
 */
public final class StageClock {
    private static final Logger log = LoggerFactory.getLogger(StageClock.class);

    private final Duration stageTimeout;
    private final Deadline whole;
    private final List<StageTiming> timings = new ArrayList<>();
    private volatile Stage stage = Stage.CONNECT;
    private volatile Deadline deadline;
    private long started = System.nanoTime();

    /**
     * @param stageTimeout how long each stage may take, start to end
     * @param wholeLogin how long the whole login may take, if limited; its clock starts now
     */
    public StageClock(Duration stageTimeout, Optional<Duration> wholeLogin) {
        this.stageTimeout = stageTimeout;
        this.whole = wholeLogin.map(Deadline::wholeLogin).orElse(Deadline.NONE);
        this.deadline = Deadline.after(stageTimeout).earliest(whole);
    }

    /** Starts a stage: its clock and its deadline. */
    public void begin(Stage next) {
        stage = next;
        started = System.nanoTime();
        deadline = Deadline.after(stageTimeout).earliest(whole);
        log.debug("stage {}: {}", next.label(), next.description());
    }

    /** Ends the current stage with a short result. */
    public StageTiming complete(String detail) {
        StageTiming timing = new StageTiming(stage, elapsed(), detail);
        timings.add(timing);
        log.debug("stage {} done in {} ms: {}", stage.label(), timing.elapsed().toMillis(), detail);
        return timing;
    }

    /** How long the current stage has been running. */
    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    public Stage stage() {
        return stage;
    }

    /** The deadline of the current stage. */
    public Deadline deadline() {
        return deadline;
    }

    /** The completed stages, in order. */
    public List<StageTiming> timings() {
        return List.copyOf(timings);
    }
}

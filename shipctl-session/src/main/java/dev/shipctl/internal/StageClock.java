package dev.shipctl.internal;

import dev.shipctl.LifecycleEvent;
import dev.shipctl.ShipException;
import dev.shipctl.Stage;
import dev.shipctl.StageTiming;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which stage of the login the chain is in, how long each completed stage took, and the current stage's
 * {@link Deadline}: {@link dev.shipctl.ShipClient#timeout()} after the stage began, or the whole login's
 * ({@link dev.shipctl.ShipClient#deadline()}), whichever is earlier. Connections of the chain ask it for the
 * deadline before every read ({@link #deadline()} is their deadline supplier). Tells the client's lifecycle
 * listeners when each stage starts and ends or fails, on the thread that logs in.
 */
public final class StageClock {
    private static final Logger log = LoggerFactory.getLogger(StageClock.class);

    private final Duration stageTimeout;
    private final Deadline whole;
    private final Lifecycle lifecycle;
    private final List<StageTiming> timings = new ArrayList<>();
    private volatile Stage stage = Stage.CONNECT;
    private volatile Deadline deadline;
    private long started = System.nanoTime();
    private final long loginStarted = started;
    private boolean open;

    /**
     * @param stageTimeout how long each stage may take, start to end
     * @param wholeLogin how long the whole login may take, if limited; its clock starts now
     */
    public StageClock(Duration stageTimeout, Optional<Duration> wholeLogin) {
        this(stageTimeout, wholeLogin, Lifecycle.NONE);
    }

    /** As {@link #StageClock(Duration, Optional)}, telling {@code lifecycle} about each stage. */
    public StageClock(Duration stageTimeout, Optional<Duration> wholeLogin, Lifecycle lifecycle) {
        this.stageTimeout = stageTimeout;
        this.lifecycle = lifecycle;
        this.whole = wholeLogin.map(Deadline::wholeLogin).orElse(Deadline.NONE);
        this.deadline = Deadline.after(stageTimeout).earliest(whole);
    }

    /** Starts a stage: its clock and its deadline. */
    public void begin(Stage next) {
        stage = next;
        started = System.nanoTime();
        deadline = Deadline.after(stageTimeout).earliest(whole);
        open = true;
        log.debug("stage {}: {}", next.label(), next.description());
        lifecycle.emit(new LifecycleEvent.StageStarted(Instant.now(), next));
    }

    /** Ends the current stage with a short result. */
    public StageTiming complete(String detail) {
        StageTiming timing = new StageTiming(stage, elapsed(), detail);
        timings.add(timing);
        open = false;
        log.debug("stage {} done in {} ms: {}", stage.label(), timing.elapsed().toMillis(), detail);
        lifecycle.emit(new LifecycleEvent.StageEnded(Instant.now(), stage, timing.elapsed(), detail));
        return timing;
    }

    /** Ends the current stage, if one is under way, with the failure that ends the login. */
    public void fail(ShipException cause) {
        if (!open) return;
        open = false;
        lifecycle.emit(new LifecycleEvent.StageFailed(Instant.now(), stage, elapsed(), cause));
    }

    /** How long the whole login has taken so far. */
    public Duration sinceLoginStarted() {
        return Duration.ofNanos(System.nanoTime() - loginStarted);
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

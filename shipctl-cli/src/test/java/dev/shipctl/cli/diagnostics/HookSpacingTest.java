package dev.shipctl.cli.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.cli.diagnostics.HookSpacing.Hold;
import dev.shipctl.cli.diagnostics.HookSpacing.Run;
import dev.shipctl.cli.diagnostics.HookSpacing.Settled;
import dev.shipctl.cli.options.DurationConverter;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code watch --on-change-min-interval}: the hook's spacing, on a clock the test moves. */
class HookSpacingTest {
    /** A clock that moves only when told. */
    static final class TestClock implements InstantSource {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    final TestClock clock = new TestClock();
    final HookSpacing spacing = new HookSpacing(Duration.ofSeconds(60), clock);

    @Test
    void theFirstStateIsTheStartAndTheFirstChangeRunsAtOnce() {
        assertThat(spacing.observe("up")).isEmpty();
        clock.advance(Duration.ofSeconds(30));
        assertThat(spacing.observe("up")).isEmpty();
        assertThat(spacing.observe("down:login")).contains(new Run("up", "down:login", List.of("up", "down:login")));
        assertThat(spacing.pending()).isEmpty();
    }

    @Test
    void aFlappingServerRunsTheHookOncePerIntervalWithTheLatestStateAndEveryStatePassedThrough() {
        spacing.observe("up");
        assertThat(spacing.observe("down:connect")).contains(new Run("up", "down:connect", List.of("up", "down:connect")));
        clock.advance(Duration.ofSeconds(10));
        assertThat(spacing.observe("up")).contains(new Hold("down:connect", "up", Duration.ofSeconds(50)));
        clock.advance(Duration.ofSeconds(10));
        assertThat(spacing.observe("down:block")).as("said once, when holding starts").isEmpty();
        clock.advance(Duration.ofSeconds(10));
        assertThat(spacing.observe("down:block")).isEmpty();
        assertThat(spacing.pending()).contains(List.of("down:connect", "up", "down:block"));

        clock.advance(Duration.ofSeconds(30)); // 60 s after the run
        Run run = (Run) spacing.observe("down:block").orElseThrow();
        assertThat(run).isEqualTo(new Run("down:connect", "down:block", List.of("down:connect", "up", "down:block")));
        assertThat(run.coalesced()).isTrue();
        assertThat(spacing.pending()).isEmpty();

        clock.advance(Duration.ofSeconds(59));
        assertThat(spacing.observe("up")).containsInstanceOf(Hold.class);
    }

    @Test
    void changesThatComeBackWithinTheIntervalAreSaidNotRun() {
        spacing.observe("up");
        spacing.observe("down:ship");
        clock.advance(Duration.ofSeconds(5));
        spacing.observe("up");
        clock.advance(Duration.ofSeconds(5));
        spacing.observe("down:ship");
        clock.advance(Duration.ofSeconds(5));
        assertThat(spacing.observe("down:ship")).isEmpty();

        clock.advance(Duration.ofSeconds(45));
        assertThat(spacing.observe("down:ship")).contains(new Settled(List.of("down:ship", "up", "down:ship")));
        assertThat(spacing.pending()).isEmpty();
        assertThat(spacing.observe("down:ship")).isEmpty();
        assertThat(spacing.observe("up")).as("the interval has passed since the last run").containsInstanceOf(Run.class);
    }

    @Test
    void zeroRunsOnEveryChange() {
        HookSpacing none = new HookSpacing(Duration.ZERO, clock);
        none.observe("up");
        assertThat(none.observe("down:login")).containsInstanceOf(Run.class);
        assertThat(none.observe("up")).contains(new Run("down:login", "up", List.of("down:login", "up")));
        assertThat(new DurationConverter.OrZero().convert("0")).isZero();
        assertThat(new DurationConverter.OrZero().convert("0s")).isZero();
        assertThat(new DurationConverter.OrZero().convert("90s")).isEqualTo(Duration.ofSeconds(90));
    }
}

package dev.shipctl.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeadlineTest {
    @Test
    void noneNeverPassesAndMeansNoSocketTimeout() {
        assertThat(Deadline.NONE.passed()).isFalse();
        assertThat(Deadline.NONE.isNone()).isTrue();
        assertThat(Deadline.NONE.remainingMillisForSocket()).isZero();
    }

    @Test
    void aPassedDeadlineSaysSo() {
        Deadline d = Deadline.after(Duration.ofNanos(1));
        while (!d.passed()) Thread.onSpinWait();
        assertThat(d.remaining()).isZero();
    }

    @Test
    void socketTimeoutsAreWhatIsLeftAndNeverZero() {
        Deadline d = Deadline.after(Duration.ofSeconds(30));
        assertThat(d.remainingMillisForSocket()).isBetween(1, 30_000);
        assertThat(d.passed()).isFalse();
    }

    @Test
    void earliestPicksTheSoonerAndIgnoresNone() {
        Deadline soon = Deadline.after(Duration.ofSeconds(1));
        Deadline late = Deadline.wholeLogin(Duration.ofHours(1));
        assertThat(soon.earliest(late)).isSameAs(soon);
        assertThat(late.earliest(soon)).isSameAs(soon);
        assertThat(Deadline.NONE.earliest(late)).isSameAs(late);
        assertThat(late.earliest(Deadline.NONE)).isSameAs(late);
        assertThat(late.whole()).isTrue();
    }

    @Test
    void hugeLimitsSaturateInsteadOfOverflowing() {
        Deadline d = Deadline.after(Duration.ofSeconds(Long.MAX_VALUE));
        assertThat(d.passed()).isFalse();
        assertThat(d.isNone()).isFalse();
        assertThat(d.remainingMillisForSocket()).isPositive();
    }
}

package dev.shipctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The delays between login attempts, computed without waiting for them. */
class ReconnectPolicyTest {
    /** Jitter that always picks the top of the range. */
    private static final RandomGenerator HIGHEST = new RandomGenerator() {
        @Override
        public long nextLong() {
            return -1;
        }

        @Override
        public long nextLong(long bound) {
            return bound - 1;
        }
    };

    /** Jitter that always picks the bottom of the range. */
    private static final RandomGenerator LOWEST = new RandomGenerator() {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public long nextLong(long bound) {
            return 0;
        }
    };

    private static ReconnectPolicy policy(RandomGenerator jitter) {
        return ReconnectPolicy.builder().initialDelay(Duration.ofSeconds(1)).maxDelay(Duration.ofSeconds(10)).random(jitter).build();
    }

    @Test
    void theCeilingDoublesFromTheInitialDelayUpToTheCap() {
        ReconnectPolicy p = policy(HIGHEST);
        assertThat(IntStream.rangeClosed(1, 6).mapToObj(p::delay).map(Duration::toMillis))
                .containsExactly(1000L, 2000L, 4000L, 8000L, 10_000L, 10_000L);
        assertThat(p.delay(1_000)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void jitterKeepsEachDelayBetweenHalfAndAllOfItsCeiling() {
        ReconnectPolicy p = policy(LOWEST);
        assertThat(IntStream.rangeClosed(1, 5).mapToObj(p::delay).map(Duration::toMillis))
                .containsExactly(500L, 1000L, 2000L, 4000L, 5000L);
        ReconnectPolicy random = ReconnectPolicy.builder().initialDelay(Duration.ofSeconds(1)).maxDelay(Duration.ofSeconds(10)).build();
        for (int n = 1; n <= 8; n++) {
            long ceiling = Math.min(10_000, 1000L << (n - 1));
            for (int i = 0; i < 50; i++) {
                assertThat(random.delay(n).toMillis()).isBetween(ceiling / 2, ceiling);
            }
        }
    }

    @Test
    void defaultsAreOneSecondToTwoMinutesForeverResetAfterAMinuteAndTheFirstLoginNotRetried() {
        ReconnectPolicy d = ReconnectPolicy.defaults();
        assertThat(d.initialDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(d.maxDelay()).isEqualTo(Duration.ofMinutes(2));
        assertThat(d.maxAttempts()).isEmpty();
        assertThat(d.resetAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(d.retryFirstLogin()).isFalse();
        assertThat(d.newBuilder().maxAttempts(3).build().maxAttempts()).hasValue(3);
    }

    @Test
    void aCapBelowTheInitialDelayIsRaisedAndNonsenseIsRefused() {
        assertThat(ReconnectPolicy.builder().initialDelay(Duration.ofSeconds(5)).maxDelay(Duration.ofSeconds(1)).build().maxDelay())
                .isEqualTo(Duration.ofSeconds(5));
        assertThatThrownBy(() -> ReconnectPolicy.builder().initialDelay(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReconnectPolicy.builder().maxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReconnectPolicy.defaults().delay(0)).isInstanceOf(IllegalArgumentException.class);
    }
}

package dev.shipctl.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipctl.ShipException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The countdown's schedule, its texts and its ends (zero, a miss, a cancel) on a clock the test moves. */
class CountdownTest {
    static final Instant T0 = Instant.parse("2026-12-06T20:00:00Z");

    /** A clock that jumps to each deadline at once, noting it; interrupts the thread at the {@code interruptAt}-th wait. */
    static final class JumpingClock implements CountdownClock {
        Instant now = T0;
        final List<Instant> waitedUntil = new ArrayList<>();
        int interruptAt = -1;

        @Override
        public Instant now() {
            return now;
        }

        @Override
        public ZoneId zone() {
            return ZoneOffset.UTC;
        }

        @Override
        public void sleepUntil(Instant deadline) throws InterruptedException {
            if (waitedUntil.size() == interruptAt) throw new InterruptedException();
            waitedUntil.add(deadline);
            if (deadline.isAfter(now)) now = deadline;
        }
    }

    static AdminResult done(String text) {
        return new AdminResult("announce", Optional.empty(), AdminResult.Outcome.DONE, "announced: \"" + text + "\"", List.of());
    }

    @Test
    void theTimeLeftIsWrittenAsPeopleWriteIt() {
        assertThat(Countdown.spoken(Duration.ofMinutes(10))).isEqualTo("10 minutes");
        assertThat(Countdown.spoken(Duration.ofSeconds(90))).isEqualTo("1 minute 30 seconds");
        assertThat(Countdown.spoken(Duration.ofSeconds(30))).isEqualTo("30 seconds");
        assertThat(Countdown.spoken(Duration.ofSeconds(1))).isEqualTo("1 second");
        assertThat(Countdown.spoken(Duration.ofMinutes(65))).isEqualTo("1 hour 5 minutes");
        assertThat(Countdown.spoken(Duration.ofDays(2))).isEqualTo("2 days");
        assertThat(Countdown.spoken(Duration.ZERO)).isEqualTo("0 seconds");
    }

    @Test
    void everyMakesAStepAtTheStartAndEachIntervalAfter() {
        Countdown c = Countdown.every(Duration.ofMinutes(10), Duration.ofMinutes(3), "Restart in {remaining}!");
        assertThat(c.steps()).extracting(Countdown.Step::text)
                .containsExactly("Restart in 10 minutes!", "Restart in 7 minutes!", "Restart in 4 minutes!", "Restart in 1 minute!");
        assertThat(c.steps()).extracting(Countdown.Step::offset)
                .containsExactly(Duration.ZERO, Duration.ofMinutes(3), Duration.ofMinutes(6), Duration.ofMinutes(9));
        assertThat(c.steps().getLast().number()).isEqualTo(4);
        assertThat(c.steps().getLast().of()).isEqualTo(4);
    }

    @Test
    void atSortsTheTimesAndZeroIsAtTheLongestUnlessGiven() {
        Countdown c = Countdown.at(null, List.of(Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofMinutes(1)), "{remaining}");
        assertThat(c.total()).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.steps()).extracting(Countdown.Step::text).containsExactly("10 minutes", "1 minute", "30 seconds");
        Countdown later = Countdown.at(Duration.ofMinutes(15), List.of(Duration.ofMinutes(5)), "{remaining}");
        assertThat(later.steps().getFirst().offset()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void badSchedulesAndTemplatesAreRefused() {
        assertThatThrownBy(() -> Countdown.every(Duration.ofMinutes(1), Duration.ofMinutes(5), "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longer than the countdown");
        assertThatThrownBy(() -> Countdown.at(Duration.ofMinutes(1), List.of(Duration.ofMinutes(5)), "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before the countdown");
        assertThatThrownBy(() -> Countdown.every(Duration.ofMinutes(1), Duration.ofSeconds(10), "Restart in {remaning}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown placeholder {remaning}");
        assertThatThrownBy(() -> Countdown.at(null, List.of(), "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Countdown.every(Duration.ZERO, Duration.ofSeconds(1), "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void runAnnouncesEachStepAtItsTimeThenWaitsForZero() {
        JumpingClock clock = new JumpingClock();
        List<String> sentAt = new ArrayList<>();
        Countdown c = Countdown.at(null, List.of(Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofMinutes(1)), "Restart in {remaining}");

        Countdown.Result r = c.run(text -> {
            sentAt.add(clock.now() + " " + text);
            return done(text);
        }, clock, new Countdown.Listener() {});

        assertThat(sentAt).containsExactly("2026-12-06T20:00:00Z Restart in 10 minutes", "2026-12-06T20:05:00Z Restart in 5 minutes",
                "2026-12-06T20:09:00Z Restart in 1 minute");
        assertThat(clock.waitedUntil.getLast()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
        assertThat(r.reachedZero()).isTrue();
        assertThat(r.cancelled()).isFalse();
        assertThat(r.announced()).hasSize(3);
    }

    @Test
    void aMissedAnnouncementStopsTheCountdownUnlessKeepGoing() {
        Countdown c = Countdown.every(Duration.ofMinutes(3), Duration.ofMinutes(1), "in {remaining}");
        Countdown.Announcer secondFails = text -> {
            if (text.equals("in 2 minutes")) throw new ShipException.NoReply("no broadcast");
            return done(text);
        };

        Countdown.Result stopped = c.run(secondFails, new JumpingClock(), new Countdown.Listener() {});
        assertThat(stopped.reachedZero()).isFalse();
        assertThat(stopped.announced()).hasSize(1);
        assertThat(stopped.missed()).extracting(m -> m.step().text()).containsExactly("in 2 minutes");

        Countdown.Result kept = c.keepGoing(true).run(secondFails, new JumpingClock(), new Countdown.Listener() {});
        assertThat(kept.reachedZero()).isTrue();
        assertThat(kept.announced()).hasSize(2);
        assertThat(kept.missed()).hasSize(1);
    }

    @Test
    void anInterruptCancelsAndAnnouncesTheCancelTextWithTheTimeLeft() {
        JumpingClock clock = new JumpingClock();
        clock.interruptAt = 1; // the wait before the second announcement
        List<String> sent = new ArrayList<>();
        Countdown c = Countdown.every(Duration.ofMinutes(10), Duration.ofMinutes(5), "Restart in {remaining}")
                .cancelText("Restart cancelled ({remaining} were left)");

        Countdown.Result r = c.run(text -> {
            sent.add(text);
            return done(text);
        }, clock, new Countdown.Listener() {});

        assertThat(sent).containsExactly("Restart in 10 minutes", "Restart cancelled (10 minutes were left)");
        assertThat(r.cancelled()).isTrue();
        assertThat(r.reachedZero()).isFalse();
        assertThat(r.cancel()).get().extracting(Countdown.CancelAnnouncement::text).isEqualTo("Restart cancelled (10 minutes were left)");
        assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is consumed by the cancel").isFalse();
    }

    @Test
    void checkRefusesATextTheServerCannotCarryBeforeAnythingIsSent() {
        Admin admin = (Admin) java.lang.reflect.Proxy.newProxyInstance(Admin.class.getClassLoader(), new Class<?>[] {Admin.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("checkAnnouncement") && ((String) args[0]).length() > 20) {
                        throw new IllegalArgumentException("too long");
                    }
                    return null;
                });
        Countdown c = Countdown.at(null, List.of(Duration.ofSeconds(90), Duration.ofSeconds(10)), "Restart in {remaining}");
        assertThatThrownBy(() -> c.check(admin)).hasMessage("too long: \"Restart in 1 minute 30 seconds\"");
    }
}

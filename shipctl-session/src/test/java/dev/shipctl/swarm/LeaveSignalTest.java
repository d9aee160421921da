package dev.shipctl.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LeaveSignalTest {

    @Test
    void signalEndsEveryWaitTimedOrNot() throws Exception {
        LeaveSignal leave = new LeaveSignal();
        List<CompletableFuture<Boolean>> waits = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            CompletableFuture<Boolean> result = new CompletableFuture<>();
            boolean timed = i % 2 == 0;
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    if (timed) {
                        result.complete(leave.await(TimeUnit.HOURS.toNanos(1)));
                    } else {
                        leave.await();
                        result.complete(true);
                    }
                } catch (InterruptedException e) {
                    result.completeExceptionally(e);
                }
            }));
            waits.add(result);
        }
        for (Thread t : threads) {
            while (t.getState() != Thread.State.WAITING && t.getState() != Thread.State.TIMED_WAITING) Thread.onSpinWait();
        }
        assertThat(waits).noneMatch(CompletableFuture::isDone);
        assertThat(leave.signal()).isTrue();
        for (CompletableFuture<Boolean> w : waits) assertThat(w.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(leave.signal()).as("once only").isFalse();
        assertThat(leave.await(1)).as("a wait after the signal ends at once").isTrue();
    }

    @Test
    void aTimedWaitWithoutTheSignalReturnsFalse() throws InterruptedException {
        LeaveSignal leave = new LeaveSignal();
        assertThat(leave.await(TimeUnit.MILLISECONDS.toNanos(5))).isFalse();
        assertThat(leave.await(0)).isFalse();
        assertThat(leave.isSignalled()).isFalse();
    }

    @Test
    void anInterruptedWaitThrows() {
        LeaveSignal leave = new LeaveSignal();
        Thread.currentThread().interrupt();
        assertThatThrownBy(leave::await).isInstanceOf(InterruptedException.class);
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> leave.await(TimeUnit.SECONDS.toNanos(10))).isInstanceOf(InterruptedException.class);
        assertThat(Thread.interrupted()).isFalse();
    }
}

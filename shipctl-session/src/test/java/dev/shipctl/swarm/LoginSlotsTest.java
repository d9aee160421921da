package dev.shipctl.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoginSlotsTest {

    @Test
    void aBoundThatShrankStillReportsTheLargestItWasSoThePeakNeverExceedsIt() throws InterruptedException {
        LoginSlots slots = new LoginSlots(16);
        slots.resize(600); // the first logins were slow: the derived bound grew
        for (int i = 0; i < 500; i++) assertThat(slots.take()).isTrue();
        slots.resize(16); // then logins got fast: it shrank, with 500 still in flight
        assertThat(slots.size()).isEqualTo(16);
        assertThat(slots.peak()).isEqualTo(500);
        assertThat(slots.largest()).isEqualTo(600).isGreaterThanOrEqualTo(slots.peak());
        for (int i = 0; i < 500; i++) slots.give();
        assertThat(slots.take()).isTrue();
        assertThat(slots.largest()).isEqualTo(600);
    }

    @Test
    void aFixedBoundIsItsOwnLargest() throws InterruptedException {
        LoginSlots slots = new LoginSlots(8);
        for (int i = 0; i < 8; i++) assertThat(slots.take()).isTrue();
        slots.close();
        assertThat(slots.take()).as("closed").isFalse();
        assertThat(slots.largest()).isEqualTo(8);
        assertThat(slots.peak()).isEqualTo(8);
    }
}

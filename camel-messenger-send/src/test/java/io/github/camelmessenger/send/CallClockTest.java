package io.github.camelmessenger.send;

import java.util.concurrent.TimeUnit;

import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The call timestamp: the wall-clock time of the pacing slot, with the distances between slots kept. */
class CallClockTest {

    private final CallClock clock = new CallClock();

    @Test
    void aCallMadeLateIsStampedWithItsSlotsTime() {
        // the slot began 300 ms ago; the thread that makes the call only got here now
        long slot = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(300);
        long before = System.currentTimeMillis();
        Message message = new DefaultMessage(new DefaultCamelContext());
        MessengerHeaders.callMade(message, slot);
        long after = System.currentTimeMillis();

        // within the two clocks' pairing (a millisecond or two) of the wall-clock time 300 ms ago
        assertThat(message.getHeader(MessengerSendConstants.CALL_TIMESTAMP, Long.class))
                .isBetween(before - 300 - 2, after - 300);
    }

    @Test
    void slotsMoreThanASecondApartAreStampedMoreThanASecondApart() {
        long slot = System.nanoTime();
        long first = clock.epochMillis(slot);
        // a pacer's 1 s + 1 ms, and just over and under a whole second
        assertThat(clock.epochMillis(slot + TimeUnit.MILLISECONDS.toNanos(1_001)) - first).isBetween(1_001L, 1_002L);
        assertThat(clock.epochMillis(slot + TimeUnit.SECONDS.toNanos(1) + 1) - first).isBetween(1_000L, 1_001L);
        assertThat(clock.epochMillis(slot + TimeUnit.SECONDS.toNanos(1) - 1) - first).isBetween(999L, 1_000L);
        // and a stamp follows the wall clock
        assertThat(Math.abs(clock.epochMillis(System.nanoTime()) - System.currentTimeMillis()))
                .isLessThanOrEqualTo(CallClock.REANCHOR_MILLIS);
    }
}

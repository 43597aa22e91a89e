package io.github.camelmessenger.examples.kafka;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scale-out guarantees against real parts: an in-JVM KRaft broker, the Graph API simulator over HTTP with 200 ms
 * answers, and sender instances as separate JVMs (this JVM's class path), one stopped with SIGTERM and one killed
 * with SIGKILL while 6 Pages are fed at 30/s, then a replacement.
 */
class ScaleOutTest {

    static final ScaleOutRun.Plan PLAN = new ScaleOutRun.Plan(6, 30, Duration.ofSeconds(24), Duration.ofSeconds(4),
            Duration.ofSeconds(8), Duration.ofSeconds(14), Duration.ofSeconds(17), 50, "200ms");

    @TempDir
    Path work;

    @Test
    @Timeout(170)
    void nothingLostNothingTwiceAfterSigtermAtMostTheInFlightAfterSigkill() throws Exception {
        ScaleOutRun.Report report = ScaleOutRun.run(PLAN, work, System.out);
        report.events().forEach(e -> System.out.println("  " + e));
        report.print(System.out, PLAN);

        int fedPerPage = (int) (PLAN.feed().toSeconds() * PLAN.rate());
        assertThat(report.fed()).isEqualTo(PLAN.pages() * fedPerPage);
        assertThat(report.lost()).isZero();
        for (ScaleOutRun.PageFigures page : report.pages()) {
            assertThat(page.fed()).isEqualTo(fedPerPage);
            assertThat(page.deadLettered()).isEqualTo(fedPerPage / PLAN.blockedEvery());
            assertThat(page.sent() + page.deadLettered()).isEqualTo(fedPerPage);
        }
        // the SIGTERM-ed instance finished its sends and committed: nothing of its Pages was sent twice
        assertThat(report.terminatedCleanly()).isTrue();
        assertThat(report.duplicatesOther()).isZero();
        // the SIGKILL-ed one could not record what it had in flight: those, and only those, may go out again
        assertThat(report.duplicatesAfterKill()).isLessThanOrEqualTo(report.inFlightAtKill());
        assertThat(report.rebalances()).isGreaterThanOrEqualTo(2);
        // every call the simulator saw was reported by the sender that made it, but for the killed instance's calls
        // that had no answer yet; and no sender reported a call the simulator did not see
        assertThat(report.overreportedCalls()).isZero();
        assertThat(report.unreportedCalls()).isBetween(0, report.inFlightAtKill());
        // one owner per Page: over all instances, no Page had more than rate + 1 calls leave in any 1 s window,
        // except the windows that overlap a move of its partition (reported, and at most two owners' budgets)
        assertThat(report.maxAtSenders()).isBetween(PLAN.rate() - 1, PLAN.rate() + 1);
        assertThat(report.maxAtSendersOverMoves()).isLessThanOrEqualTo(2 * PLAN.rate());
        // at the simulator the same calls arrive with the machine's jitter on top (6 JVMs on a small host): reported
        // with the trip times; bounded here only by two budgets, which a second owner pacing the Page would exceed
        assertThat(report.maxAtArrival()).isBetween(PLAN.rate() - 1, 2 * PLAN.rate());
        assertThat(report.deadLetterHeaders())
                .containsEntry("messenger.failure.class", "MessengerRecipientException")
                .containsEntry("messenger.error.code", "551")
                .containsEntry("messenger.error.subcode", "1545041")
                .containsKey("messenger.fbtrace.id");
    }
}

package io.github.camelmessenger.send;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.camelmessenger.send.error.MessengerRateLimitException;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pacing per Page without parked threads, and no calls for a Page while Meta says it is rate-limited.
 */
class PacingAndPauseTest extends MessengerSendTestSupport {

    private static final String OTHER_PAGE = "5566778899";
    private static final String RATE_LIMITED = """
            {"error":{"message":"(#613) Calls to this api have exceeded the rate limit.","type":"OAuthException",
             "code":613,"fbtrace_id":"C8eF69zBeUS"}}""";
    private static final String USAGE_7_MINUTES = """
            {"1122334455":[{"type":"messenger","call_count":100,"total_cputime":20,"total_time":25,
             "estimated_time_to_regain_access":7}]}""";

    @Test
    void fiveASecondPacesTwentySendsWithoutHoldingThreads() throws Exception {
        warmUp();
        AsyncProducer producer = context.getEndpoint(uri("rateLimit=5")).createAsyncProducer();
        producer.start();
        int threadsBefore = Thread.activeCount();
        CountDownLatch done = new CountDownLatch(20);
        List<Exchange> exchanges = new ArrayList<>();

        long handOverStart = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setBody("message " + i);
            exchange.getMessage().setHeader(MessengerSendConstants.RECIPIENT_ID, "1");
            exchanges.add(exchange);
            boolean completedSynchronously = producer.process(exchange, doneSync -> done.countDown());
            assertThat(completedSynchronously).isFalse();
        }
        Duration handOver = Duration.ofNanos(System.nanoTime() - handOverStart);

        // the caller handed all twenty over at once, and they wait for their slots without a thread each
        assertThat(handOver).isLessThan(Duration.ofSeconds(1));
        assertThat(Thread.activeCount() - threadsBefore).isLessThanOrEqualTo(2);
        assertThat(done.await(15, TimeUnit.SECONDS)).isTrue();
        assertThat(exchanges).allSatisfy(e -> assertThat(e.getException()).isNull());
        List<Long> times = requestTimes(received().stream().filter(r -> r.getUrl().contains(PAGE_ID)).toList());
        assertThat(times).hasSize(20);
        assertThat(times.get(19) - times.get(0)).as("span of 20 sends at 5/s (ms)").isBetween(3_000L, 6_000L);
        assertThat(mostInAnySecond(times)).as("most requests in any 1 s window").isLessThanOrEqualTo(6);
        // each exchange says when its call left: after its slot, at the pacer's rate, before WireMock logged it
        List<Long> calls = exchanges.stream()
                .map(e -> e.getMessage().getHeader(MessengerSendConstants.CALL_TIMESTAMP, Long.class)).sorted()
                .toList();
        assertThat(calls).doesNotContainNull().hasSize(20);
        assertThat(mostInAnySecond(calls)).as("most calls in any 1 s window, at the sender").isLessThanOrEqualTo(5);
        assertThat(calls.get(19) - calls.get(0)).as("span of the calls (ms)").isBetween(3_600L, 6_000L);
        for (int i = 0; i < 20; i++) {
            assertThat(calls.get(i)).as("call %d left no later than it arrived", i).isLessThanOrEqualTo(times.get(i));
        }
        producer.stop();
    }

    @Test
    void theCallTimestampIsSetByEachSendThatMakesACallAndOnlyByIt() {
        // a header left by an earlier send: a send refused before calling removes it
        Exchange refused = send("no recipient", java.util.Map.of(MessengerSendConstants.CALL_TIMESTAMP, 1L));
        assertThat(refused.getException()).isNotNull();
        assertThat(refused.getMessage().getHeaders()).doesNotContainKey(MessengerSendConstants.CALL_TIMESTAMP);
        assertThat(received()).isEmpty();

        long before = System.currentTimeMillis();
        Exchange sent = send("hello", java.util.Map.of(MessengerSendConstants.RECIPIENT_ID, "1",
                MessengerSendConstants.CALL_TIMESTAMP, 1L));
        long after = System.currentTimeMillis();
        assertThat(sent.getException()).isNull();
        assertThat(sent.getMessage().getHeader(MessengerSendConstants.CALL_TIMESTAMP, Long.class))
                // the slot's wall-clock time, to within the two clocks' pairing
                .isBetween(before - 2, after)
                .isLessThanOrEqualTo(onlyRequest().getLoggedDate().getTime());
    }

    @Test
    void burstsOfThousandsOfPacedSendsAllGoOut() throws Exception {
        warmUp();
        // more waiting sends for one Page, and more busy Pages, than a scheduler queue of 1,000 would take
        List<Exchange> exchanges = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1_200 + 2 * 1_050);
        AsyncProducer fast = context.getEndpoint(uri("rateLimit=1000")).createAsyncProducer();
        AsyncProducer slow = context.getEndpoint(uri("rateLimit=2")).createAsyncProducer();
        fast.start();
        slow.start();
        for (int i = 0; i < 1_200; i++) {
            exchanges.add(handOver(fast, PAGE_ID, done));
        }
        for (int page = 0; page < 1_050; page++) {
            for (int i = 0; i < 2; i++) {
                exchanges.add(handOver(slow, "77" + page, done));
            }
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(exchanges).allSatisfy(e -> assertThat(e.getException()).isNull());
        List<Long> times = requestTimes(received().stream().filter(r -> r.getUrl().contains(PAGE_ID)).toList());
        assertThat(times).hasSize(1_200);
        assertThat(mostInAnySecond(times)).as("most requests in any 1 s window").isLessThanOrEqualTo(1_001);
        fast.stop();
        slow.stop();
    }

    private Exchange handOver(AsyncProducer producer, String pageId, CountDownLatch done) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody("burst");
        exchange.getMessage().setHeader(MessengerSendConstants.RECIPIENT_ID, "1");
        exchange.getMessage().setHeader(MessengerSendConstants.PAGE_ID, pageId);
        producer.process(exchange, doneSync -> done.countDown());
        return exchange;
    }

    @Test
    void eachPageHasItsOwnBudget() throws Exception {
        List<CompletableFuture<Exchange>> sends = new ArrayList<>(sendAsync(10, uri("rateLimit=5"), PAGE_ID));
        sends.addAll(sendAsync(10, uri("rateLimit=5"), OTHER_PAGE));
        for (CompletableFuture<Exchange> send : sends) {
            assertThat(send.get(15, TimeUnit.SECONDS).getException()).isNull();
        }

        List<LoggedRequest> all = received();
        List<Long> first = requestTimes(all.stream().filter(r -> r.getUrl().contains(PAGE_ID)).toList());
        List<Long> other = requestTimes(all.stream().filter(r -> r.getUrl().contains(OTHER_PAGE)).toList());
        assertThat(first).hasSize(10);
        assertThat(other).hasSize(10);
        assertThat(mostInAnySecond(first)).isLessThanOrEqualTo(6);
        assertThat(mostInAnySecond(other)).isLessThanOrEqualTo(6);
        // twenty sends took as long as ten: the Pages were paced side by side, not one after the other
        assertThat(Math.max(first.get(9), other.get(9)) - Math.min(first.get(0), other.get(0))).isLessThan(3_000L);
    }

    @Test
    void theDocumentedThrottleAlternativePacesEachPage() throws Exception {
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("direct:throttled")
                        .throttle(5).totalRequestsMode().timePeriodMillis(1000).asyncDelayed(true)
                        .correlationExpression(header(MessengerSendConstants.PAGE_ID))
                        .to(uri(""));
            }
        });

        List<CompletableFuture<Exchange>> sends = new ArrayList<>(sendAsync(10, "direct:throttled", PAGE_ID));
        sends.addAll(sendAsync(10, "direct:throttled", OTHER_PAGE));
        for (CompletableFuture<Exchange> send : sends) {
            assertThat(send.get(15, TimeUnit.SECONDS).getException()).isNull();
        }

        List<LoggedRequest> all = received();
        assertThat(all).hasSize(20);
        List<Long> first = requestTimes(all.stream().filter(r -> r.getUrl().contains(PAGE_ID)).toList());
        List<Long> other = requestTimes(all.stream().filter(r -> r.getUrl().contains(OTHER_PAGE)).toList());
        // the Throttle EIP lets a first burst through, then paces: ten per Page cannot all leave at once
        assertThat(first.get(9) - first.get(0)).isGreaterThanOrEqualTo(700L);
        assertThat(other.get(9) - other.get(0)).isGreaterThanOrEqualTo(700L);
        // and each Page has its own budget: twenty on one shared budget would take about 3 s
        assertThat(Math.max(first.get(9), other.get(9)) - Math.min(first.get(0), other.get(0))).isLessThan(2_500L);
    }

    @Test
    void aRateLimitedPageGetsNoCallsUntilMetasDelayHasPassed() {
        AtomicLong clock = new AtomicLong(System.nanoTime());
        context.getComponent("messenger-send", MessengerSendComponent.class).pauses().useClock(clock::get);
        graph.stubFor(post(urlPathEqualTo("/v24.0/" + PAGE_ID + "/messages")).inScenario("limit")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("limited")
                .willReturn(aResponse().withStatus(400).withHeader("X-Business-Use-Case-Usage", USAGE_7_MINUTES)
                        .withBody(RATE_LIMITED)));

        Exchange limited = send("first", java.util.Map.of(MessengerSendConstants.RECIPIENT_ID, "1"));
        assertThat(limited.getException()).isInstanceOf(MessengerRateLimitException.class);
        assertThat(((MessengerRateLimitException) limited.getException()).getRetryAfter())
                .isEqualTo(Duration.ofMinutes(7));

        // while paused: fail at once, with the time left, and no call
        clock.addAndGet(Duration.ofMinutes(2).toNanos());
        Exchange paused = send("second", java.util.Map.of(MessengerSendConstants.RECIPIENT_ID, "1"));
        MessengerRateLimitException fastFail = (MessengerRateLimitException) paused.getException();
        assertThat(fastFail).hasMessageContaining("paused");
        assertThat(fastFail.getRetryAfter()).isEqualTo(Duration.ofMinutes(5));
        assertThat(paused.getMessage().getHeader(MessengerSendConstants.RETRY_AFTER)).isEqualTo(300_000L);
        // the refused call was made; the paused one was not
        assertThat(limited.getMessage().getHeader(MessengerSendConstants.CALL_TIMESTAMP)).isNotNull();
        assertThat(paused.getMessage().getHeaders()).doesNotContainKey(MessengerSendConstants.CALL_TIMESTAMP);
        assertThat(received()).hasSize(1);

        // another Page is not affected
        Exchange otherPage = send("other", java.util.Map.of(MessengerSendConstants.RECIPIENT_ID, "1",
                MessengerSendConstants.PAGE_ID, OTHER_PAGE));
        assertThat(otherPage.getException()).isNull();
        assertThat(received()).hasSize(2);

        // once the delay has passed, the Page is called again
        clock.addAndGet(Duration.ofMinutes(5).plusSeconds(1).toNanos());
        graph.stubFor(post(urlPathEqualTo("/v24.0/" + PAGE_ID + "/messages")).inScenario("limit")
                .whenScenarioStateIs("limited").willReturn(aResponse().withStatus(200).withBody(OK_BODY)));
        Exchange resumed = send("third", java.util.Map.of(MessengerSendConstants.RECIPIENT_ID, "1"));
        assertThat(resumed.getException()).isNull();
        assertThat(received()).hasSize(3);
    }

    @Test
    void pacedSendsWaitingForTheirSlotFailFastOnceThePageIsLimited() throws Exception {
        warmUp();
        graph.stubFor(post(urlPathEqualTo("/v24.0/" + PAGE_ID + "/messages"))
                .willReturn(aResponse().withStatus(400).withBody(RATE_LIMITED)));

        // slots 500 ms apart: the first answer (613) arrives long before the second slot
        List<CompletableFuture<Exchange>> sends = sendAsync(4, uri("rateLimit=2"), PAGE_ID);

        List<Exchange> done = new ArrayList<>();
        for (CompletableFuture<Exchange> send : sends) {
            done.add(send.get(10, TimeUnit.SECONDS));
        }
        assertThat(done).allSatisfy(e -> assertThat(e.getException()).isInstanceOf(MessengerRateLimitException.class));
        assertThat(done.stream().filter(e -> e.getException().getMessage().contains("paused"))).hasSize(3);
        assertThat(received().stream().filter(r -> r.getUrl().contains(PAGE_ID))).hasSize(1);
    }

    /** One send from another Page, so connection set-up and the first answers' latency are behind us. */
    private void warmUp() {
        Exchange warm = sendTo(uri(""), "warm-up", java.util.Map.of(MessengerSendConstants.RECIPIENT_ID, "1",
                MessengerSendConstants.PAGE_ID, "9999"));
        assertThat(warm.getException()).isNull();
    }

    private List<CompletableFuture<Exchange>> sendAsync(int count, String endpoint, String pageId) {
        List<CompletableFuture<Exchange>> sends = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            sends.add(template.asyncSend(endpoint, e -> {
                e.getMessage().setBody("message " + n);
                e.getMessage().setHeader(MessengerSendConstants.RECIPIENT_ID, "1");
                e.getMessage().setHeader(MessengerSendConstants.PAGE_ID, pageId);
            }));
        }
        return sends;
    }

    private static List<Long> requestTimes(List<LoggedRequest> requests) {
        return requests.stream().map(r -> r.getLoggedDate().getTime()).sorted().toList();
    }

    /** The most requests that fall in any window of one second. */
    private static int mostInAnySecond(List<Long> sortedTimes) {
        int most = 0;
        for (int i = 0, j = 0; i < sortedTimes.size(); i++) {
            while (sortedTimes.get(i) - sortedTimes.get(j) >= 1000) {
                j++;
            }
            most = Math.max(most, i - j + 1);
        }
        return most;
    }
}

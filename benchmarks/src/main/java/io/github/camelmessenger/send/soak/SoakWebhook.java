package io.github.camelmessenger.send.soak;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.github.camelmessenger.send.MessengerWebhookConstants;
import io.github.camelmessenger.send.graph.AppSecretProof;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.main.MainHttpServer;

/**
 * The webhook half of the soak: a {@code messenger-webhook:} bot route on the camel-main HTTP server (a free port)
 * that answers every message through the producer, and a poster that sends it signed batches at a steady rate, of
 * which some carry a bad signature and some events repeat a mid already routed. The bot route counts what it routes
 * by mid, so a forged batch or a repeated event that got through shows as a count above 0.
 */
final class SoakWebhook {

    private static final String SECRET = "5e3b1c9d2a7f4e6b8c0d1e2f3a4b5c6d";
    private static final String FORGED_PREFIX = "m_forged_";
    private static final String MID_PREFIX = "m_soak_";
    private static final int EVENTS_PER_POST = 10;
    private static final int WEBHOOK_PAGES = 20;
    private static final int MAX_POSTS_IN_FLIGHT = 500;
    private static final int RECENT = 512;

    private final int eventsPerSecond;
    private final double badSignaturePct = Double.parseDouble(System.getProperty("soak.webhookBadSignaturePct", "1"));
    private final double duplicatePct = Double.parseDouble(System.getProperty("soak.webhookDuplicatePct", "0.5"));
    private final long basePage;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final SplittableRandom random = new SplittableRandom(500);
    private final AtomicLong posts = new AtomicLong();
    private final AtomicLong inFlight = new AtomicLong();
    private final LongAdder skipped = new LongAdder();
    private final LongAdder eventsPosted = new LongAdder();
    private final LongAdder duplicatesPosted = new LongAdder();
    private final LongAdder forgedPosts = new LongAdder();
    private final LongAdder forgedRefused = new LongAdder();
    private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();
    private final LongAdder eventsRouted = new LongAdder();
    private final LongAdder duplicatesRouted = new LongAdder();
    private final LongAdder forgedEventsRouted = new LongAdder();
    private final Map<String, Boolean> forgedBatchesRouted = new ConcurrentHashMap<>();
    // the mids routed so far, by number; a mid routed twice is a duplicate routed
    private final BitSet routed = new BitSet();
    // mids of events in batches answered 200, as duplicates to post again
    private final long[] recent = new long[RECENT];
    private int recentCount;
    private long nextMid;

    private String uri;
    private ScheduledExecutorService driver;

    SoakWebhook(int eventsPerSecond, long basePage) {
        this.eventsPerSecond = eventsPerSecond;
        this.basePage = basePage;
    }

    boolean enabled() {
        return eventsPerSecond > 0;
    }

    /** Adds the HTTP server and the bot route, which replies with {@code replyUri}. */
    void addTo(CamelContext context, String replyUri) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        MainHttpServer server = new MainHttpServer();
        server.setCamelContext(context);
        server.setPort(port);
        context.addService(server, true, true);
        uri = "http://127.0.0.1:" + port + "/soakbot";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // a failed reply answers 500 (Meta would retry): counted by the poster, not logged per event
                errorHandler(defaultErrorHandler().logExhausted(false));
                from("messenger-webhook:soakbot?verifyToken=RAW(soak)&appSecret=RAW(" + SECRET + ")")
                        .routeId("soakBot")
                        .process(SoakWebhook.this::routed)
                        .filter(header(MessengerWebhookConstants.EVENT_TYPE).isEqualTo("message"))
                        .setBody(simple("You said: ${header." + MessengerWebhookConstants.EVENT_TEXT + "}"))
                        .to(replyUri).id("soakReply");
            }
        });
    }

    private void routed(Exchange exchange) {
        eventsRouted.increment();
        String mid = exchange.getMessage().getHeader(MessengerWebhookConstants.EVENT_MESSAGE_ID, String.class);
        if (mid == null) {
            return;
        }
        if (mid.startsWith(FORGED_PREFIX)) {
            forgedEventsRouted.increment();
            forgedBatchesRouted.put(mid.substring(FORGED_PREFIX.length(), mid.lastIndexOf('_')), Boolean.TRUE);
        } else if (mid.startsWith(MID_PREFIX)) {
            int n = Integer.parseInt(mid.substring(MID_PREFIX.length()));
            synchronized (routed) {
                if (routed.get(n)) {
                    duplicatesRouted.increment();
                } else {
                    routed.set(n);
                }
            }
        }
    }

    /** Posts at the configured rate from now until {@code endNanos}. */
    void start(long startNanos, long endNanos) {
        driver = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "soak-webhook-driver");
            t.setDaemon(true);
            return t;
        });
        double postsPerSecond = eventsPerSecond / (double) EVENTS_PER_POST;
        driver.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            long due = (long) ((Math.min(now, endNanos) - startNanos) / 1e9 * postsPerSecond);
            while (posts.get() < due) {
                posts.incrementAndGet();
                if (inFlight.get() >= MAX_POSTS_IN_FLIGHT) {
                    skipped.increment();
                    continue;
                }
                post();
            }
        }, 0, 20, TimeUnit.MILLISECONDS);
    }

    void stop() throws InterruptedException {
        if (driver != null) {
            driver.shutdownNow();
            driver.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** Waits, bounded, for the posts still unanswered. */
    void drain(long deadlineNanos) throws InterruptedException {
        while (inFlight.get() > 0 && System.nanoTime() < deadlineNanos) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    private void post() {
        long post = posts.get();
        boolean forged = random.nextDouble() * 100 < badSignaturePct;
        long page = basePage + post % WEBHOOK_PAGES;
        long[] mids = new long[EVENTS_PER_POST];
        StringBuilder body = new StringBuilder(EVENTS_PER_POST * 170 + 100);
        body.append("{\"object\":\"page\",\"entry\":[{\"id\":\"").append(page)
                .append("\",\"time\":").append(System.currentTimeMillis()).append(",\"messaging\":[");
        for (int i = 0; i < EVENTS_PER_POST; i++) {
            String mid;
            if (forged) {
                mid = FORGED_PREFIX + post + "_" + i;
                mids[i] = -1;
            } else {
                long n = -1;
                synchronized (recent) {
                    if (recentCount > 0 && random.nextDouble() * 100 < duplicatePct) {
                        n = recent[random.nextInt(Math.min(recentCount, RECENT))];
                    }
                }
                if (n >= 0) {
                    duplicatesPosted.increment();
                    mids[i] = -1;
                } else {
                    n = nextMid++;
                    mids[i] = n;
                }
                mid = MID_PREFIX + n;
            }
            if (i > 0) {
                body.append(',');
            }
            body.append("{\"sender\":{\"id\":\"psid-w").append((post * EVENTS_PER_POST + i) % 5000)
                    .append("\"},\"recipient\":{\"id\":\"").append(page)
                    .append("\"},\"timestamp\":").append(System.currentTimeMillis())
                    .append(",\"message\":{\"mid\":\"").append(mid).append("\",\"text\":\"hello ").append(i)
                    .append("\"}}");
        }
        byte[] bytes = body.append("]}]}").toString().getBytes(StandardCharsets.UTF_8);
        eventsPosted.add(EVENTS_PER_POST);
        if (forged) {
            forgedPosts.increment();
        }
        // a bad signature: the right length, the wrong key
        String signature = sign(forged ? "not-the-app-secret-at-all-000000" : SECRET, bytes);
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("X-Hub-Signature-256", "sha256=" + signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        inFlight.incrementAndGet();
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((answer, failure) -> {
            try {
                String status = failure != null ? "error " + failure.getClass().getSimpleName()
                        : Integer.toString(answer.statusCode());
                answers.computeIfAbsent(status, k -> new LongAdder()).increment();
                if (forged && answer != null && answer.statusCode() == 403) {
                    forgedRefused.increment();
                }
                if (!forged && answer != null && answer.statusCode() == 200) {
                    synchronized (recent) {
                        for (long n : mids) {
                            if (n >= 0) {
                                recent[recentCount++ % RECENT] = n;
                            }
                        }
                        if (recentCount >= 2 * RECENT) {
                            recentCount -= RECENT;
                        }
                    }
                }
            } finally {
                inFlight.decrementAndGet();
            }
        });
    }

    private static String sign(String secret, byte[] body) {
        // Meta's signature is the appsecret_proof's HMAC over the raw body
        return HexFormat.of().formatHex(AppSecretProof.hmacSha256(secret, body));
    }

    /** The figures of the webhook half, for the table and soak-results.json. */
    Map<String, Object> results(double seconds) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("events_per_s_configured", eventsPerSecond);
        r.put("events_per_post", EVENTS_PER_POST);
        r.put("posts", posts.get());
        r.put("posts_skipped_over_in_flight_cap", skipped.sum());
        r.put("events_posted", eventsPosted.sum());
        r.put("events_posted_per_s", Math.round(eventsPosted.sum() / seconds * 10) / 10.0);
        Map<String, Long> byStatus = new TreeMap<>();
        answers.forEach((k, v) -> byStatus.put(k, v.sum()));
        r.put("answers_by_status", byStatus);
        r.put("forged_posts", forgedPosts.sum());
        r.put("forged_refused_403", forgedRefused.sum());
        r.put("forged_batches_routed", (long) forgedBatchesRouted.size());
        r.put("forged_events_routed", forgedEventsRouted.sum());
        r.put("duplicates_posted", duplicatesPosted.sum());
        r.put("duplicates_routed", duplicatesRouted.sum());
        r.put("events_routed", eventsRouted.sum());
        r.put("unanswered_posts", inFlight.get());
        return r;
    }
}

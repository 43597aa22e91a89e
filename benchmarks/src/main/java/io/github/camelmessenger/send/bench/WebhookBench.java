package io.github.camelmessenger.send.bench;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The webhook consumer under load: a {@code messenger-webhook:} route, on the camel-main HTTP server
 * (platform-http-main) on a free port, routing every event to a no-op, receives signed POSTs of 100 events each,
 * every event with a mid of its own (so each one passes signature check, parsing, de-duplication and routing). The
 * client, the JDK HttpClient with a few calls in flight, runs in the same JVM: the CPU figure is the whole process,
 * consumer and client together, per event, with nothing subtracted. Then the time to answer one POST of 1,000 events,
 * one call at a time.
 */
final class WebhookBench {

    private static final String SECRET = "0f3c9a1b2d4e5f60718293a4b5c6d7e8";
    private static final String PAGE = "104217156637689";
    private static final int EVENTS_PER_POST = 100;
    private static final int IN_FLIGHT = 4;
    private static final int LARGE_POST = 1_000;
    private static final int LARGE_POSTS = 11;

    private final AtomicLong nextMid = new AtomicLong();
    private final HttpClient client = HttpClient.newHttpClient();
    private URI uri;

    private WebhookBench() {
    }

    static Map<String, Object> run(long warmupMillis, long measureMillis) throws Exception {
        return new WebhookBench().measure(warmupMillis, measureMillis);
    }

    private Map<String, Object> measure(long warmupMillis, long measureMillis) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        uri = URI.create("http://localhost:" + port + "/messenger");
        try (CamelContext context = new DefaultCamelContext()) {
            MainHttpServer server = new MainHttpServer();
            server.setCamelContext(context);
            server.setPort(port);
            context.addService(server, true, true);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("messenger-webhook:messenger?verifyToken=RAW(bench)&appSecret=RAW(" + SECRET + ")")
                            .process(exchange -> {
                            });
                }
            });
            context.start();

            load(warmupMillis, new Measurement(1 << 20));
            Measurement m = new Measurement(1 << 20);
            System.gc();
            load(measureMillis, m);

            double[] largeMillis = new double[LARGE_POSTS];
            for (int i = 0; i < LARGE_POSTS; i++) {
                byte[] body = body(LARGE_POST);
                long start = System.nanoTime();
                HttpResponse<Void> answer = client.send(request(body), HttpResponse.BodyHandlers.discarding());
                largeMillis[i] = (System.nanoTime() - start) / 1e6;
                check(answer.statusCode());
            }
            Arrays.sort(largeMillis);

            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("events_per_post", EVENTS_PER_POST);
            figures.put("in_flight", IN_FLIGHT);
            figures.put("events", (long) m.messages() * EVENTS_PER_POST);
            figures.put("events_per_s", BenchHarness.round(m.messagesPerSecond() * EVENTS_PER_POST));
            figures.put("cpu_us_per_event", BenchHarness.round(m.cpuMicrosPerMessage() / EVENTS_PER_POST));
            figures.put("post_p50_us", BenchHarness.round(m.latencyPercentileMicros(50)));
            figures.put("post_1000_events_ms", BenchHarness.round(largeMillis[LARGE_POSTS / 2]));
            figures.put("post_1000_events_min_ms", BenchHarness.round(largeMillis[0]));
            figures.put("post_1000_events_max_ms", BenchHarness.round(largeMillis[LARGE_POSTS - 1]));
            figures.put("live_threads", m.peakThreads());
            return figures;
        }
    }

    /** Keeps {@value #IN_FLIGHT} POSTs of 100 events in flight for {@code millis}, each recorded when answered. */
    private void load(long millis, Measurement measurement) throws Exception {
        measurement.start();
        long end = System.nanoTime() + millis * 1_000_000;
        CompletableFuture<?>[] lanes = new CompletableFuture<?>[IN_FLIGHT];
        for (int i = 0; i < IN_FLIGHT; i++) {
            lanes[i] = lane(end, measurement);
        }
        CompletableFuture.allOf(lanes).join();
        measurement.stop();
    }

    private CompletableFuture<Void> lane(long end, Measurement measurement) {
        if (System.nanoTime() >= end) {
            return CompletableFuture.completedFuture(null);
        }
        long start = System.nanoTime();
        return client.sendAsync(request(body(EVENTS_PER_POST)), HttpResponse.BodyHandlers.discarding())
                .thenCompose(answer -> {
                    check(answer.statusCode());
                    measurement.record(System.nanoTime() - start);
                    measurement.sample();
                    return lane(end, measurement);
                });
    }

    private HttpRequest request(byte[] body) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", "sha256=" + sign(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    /** A Page call with {@code events} text messages, each with a mid not used before. */
    private byte[] body(int events) {
        StringBuilder body = new StringBuilder(events * 160 + 100);
        body.append("{\"object\":\"page\",\"entry\":[{\"id\":\"").append(PAGE)
                .append("\",\"time\":1700000000123,\"messaging\":[");
        for (int i = 0; i < events; i++) {
            if (i > 0) {
                body.append(',');
            }
            body.append("{\"sender\":{\"id\":\"1423587017700273\"},\"recipient\":{\"id\":\"").append(PAGE)
                    .append("\"},\"timestamp\":1700000000000,\"message\":{\"mid\":\"m_")
                    .append(nextMid.incrementAndGet()).append("\",\"text\":\"hello, world\"}}");
        }
        return body.append("]}]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void check(int status) {
        if (status != 200) {
            throw new IllegalStateException("the webhook answered " + status);
        }
    }

    private static String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

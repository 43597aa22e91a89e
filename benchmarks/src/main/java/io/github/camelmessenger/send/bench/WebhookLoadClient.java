package io.github.camelmessenger.send.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelmessenger.send.graph.AppSecretProof;

/**
 * The load client of the webhook benchmark, run in a JVM of its own so that the consumer's process CPU is the
 * consumer's alone. Arguments: the webhook URI, the warm-up and measurement times in milliseconds, and the number of
 * 1,000-event POSTs to time. Builds, signs and sends POSTs of 100 events, each with a mid not used before, a few in
 * flight, and reports on standard output, one line at a time: {@code MEASURE} when the measured window begins,
 * {@code DONE <posts> <events_per_s> <p50_us>} when it ends, then {@code LARGE <ms> <ms> ...} with the answer time of
 * each 1,000-event POST, sorted.
 */
public final class WebhookLoadClient {

    static final String SECRET = "0f3c9a1b2d4e5f60718293a4b5c6d7e8";
    static final int EVENTS_PER_POST = 100;
    static final int IN_FLIGHT = 4;
    static final int LARGE_POST = 1_000;
    private static final String PAGE = "104217156637689";
    private static final long CALL_TIMEOUT_SECONDS = 30;

    private final AtomicLong nextMid = new AtomicLong();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.valueOf(
            System.getProperty("webhook.httpVersion", "HTTP_1_1"))).build();
    private final URI uri;

    private WebhookLoadClient(URI uri) {
        this.uri = uri;
    }

    public static void main(String[] args) throws Exception {
        WebhookLoadClient load = new WebhookLoadClient(URI.create(args[0]));
        long warmupMillis = Long.parseLong(args[1]);
        long measureMillis = Long.parseLong(args[2]);
        int largePosts = Integer.parseInt(args[3]);

        load.load(warmupMillis, new Measurement(1 << 20));
        Measurement m = new Measurement(1 << 20);
        System.out.println("MEASURE");
        System.out.flush();
        load.load(measureMillis, m);
        System.out.println("DONE " + m.messages() + " " + m.messagesPerSecond() * EVENTS_PER_POST + " "
                + m.latencyPercentileMicros(50));
        System.out.flush();

        double[] largeMillis = new double[largePosts];
        for (int i = 0; i < largePosts; i++) {
            byte[] body = load.body(LARGE_POST);
            long start = System.nanoTime();
            HttpResponse<Void> answer = load.client.send(load.request(body), HttpResponse.BodyHandlers.discarding());
            largeMillis[i] = (System.nanoTime() - start) / 1e6;
            check(answer.statusCode());
        }
        Arrays.sort(largeMillis);
        StringBuilder line = new StringBuilder("LARGE");
        for (double ms : largeMillis) {
            line.append(' ').append(ms);
        }
        System.out.println(line);
        System.out.flush();
    }

    /** Keeps {@value #IN_FLIGHT} POSTs of 100 events in flight for {@code millis}, each recorded when answered. */
    private void load(long millis, Measurement measurement) throws Exception {
        measurement.start();
        long end = System.nanoTime() + millis * 1_000_000;
        CompletableFuture<?>[] lanes = new CompletableFuture<?>[IN_FLIGHT];
        for (int i = 0; i < IN_FLIGHT; i++) {
            lanes[i] = lane(end, measurement);
        }
        CompletableFuture.allOf(lanes).get(millis + CALL_TIMEOUT_SECONDS * 1_000, TimeUnit.MILLISECONDS);
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
                    return lane(end, measurement);
                });
    }

    private HttpRequest request(byte[] body) {
        return HttpRequest.newBuilder(uri).timeout(java.time.Duration.ofSeconds(CALL_TIMEOUT_SECONDS))
                .header("Content-Type", "application/json").header("X-Hub-Signature-256", "sha256=" + sign(body))
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
        // Meta's signature is the appsecret_proof's HMAC over the raw body
        return HexFormat.of().formatHex(AppSecretProof.hmacSha256(SECRET, body));
    }
}

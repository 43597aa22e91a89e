package io.github.camelmessenger.send.soak;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelmessenger.send.MessengerSendComponent;
import io.github.camelmessenger.send.MessengerSendConstants;
import io.github.camelmessenger.send.MessengerSendProducer;
import io.github.camelmessenger.send.MessengerTokenProvider;
import io.github.camelmessenger.send.routing.MessengerErrorRouting;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.InflightRepository;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.apache.camel.support.DefaultExchange;

/**
 * The soak run: sends at a steady rate over many Pages, through the shipped error routing, to {@link SoakStub} in a
 * JVM of its own, with tokens rotating, and samples every figure that could grow (heap after GC, threads, open
 * connections, exchanges in flight, per-Page state, the token handler's entries) every 10 s. At the end it prints a
 * table and writes the results, with the least-squares slope of each figure over the last 80% of the run, as JSON.
 * Settings (system properties): soak.minutes (10), soak.rate (2000 messages/s), soak.pages (200),
 * soak.tokenRotateSeconds (60), soak.requestTimeoutMs (5000), soak.sampleSeconds (10).
 */
public final class SoakRun {

    private static final long BASE_PAGE = 100_000_000_000L;

    private final double minutes = Double.parseDouble(System.getProperty("soak.minutes", "10"));
    private final int rate = Integer.getInteger("soak.rate", 2000);
    private final int pages = Integer.getInteger("soak.pages", 200);
    private final int rotateSeconds = Integer.getInteger("soak.tokenRotateSeconds", 60);
    private final long requestTimeoutMs = Long.getLong("soak.requestTimeoutMs", 5000);
    private final int sampleSeconds = Integer.getInteger("soak.sampleSeconds", 10);
    // the webhook half: events per second posted to the bot route (0: off)
    private final SoakWebhook webhook = new SoakWebhook(Integer.getInteger("soak.webhookRate", 500),
            BASE_PAGE + 1_000_000);
    // per Page, 25% over the offered share: redeliveries (3%) and the ~10% of the time a Page is paused after a 613
    // must fit, or the pacer's queue only grows
    private final double pageRateLimit = rate / (double) pages * 1.25;

    private final LongAdder completed = new LongAdder();
    private final LongAdder succeeded = new LongAdder();
    private final LongAdder untyped = new LongAdder();
    private final LongAdder redelivered = new LongAdder();
    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong open = new AtomicLong();
    private final Map<String, LongAdder> failedByClass = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> failureKinds = new ConcurrentHashMap<>();
    private final List<Sample> samples = new ArrayList<>();

    private CamelContext context;
    private Process stub;
    private String stubUri;
    private final HttpClient control = HttpClient.newHttpClient();

    record Sample(double minute, double heapMb, double threads, double connections, double inFlight, double hung,
            double pauses, double pacerSlots, double pacerPending, double clients, double tokenEntries,
            double completedPerSecond) {

        static final String[] NAMES = { "heap_after_gc_mb", "live_threads", "open_connections", "in_flight",
                "hung", "page_pauses", "pacer_pages", "pacer_pending", "clients_by_token", "token_handler_entries",
                "completed_per_s" };

        double[] values() {
            return new double[] { heapMb, threads, connections, inFlight, hung, pauses, pacerSlots, pacerPending,
                    clients, tokenEntries, completedPerSecond };
        }
    }

    public static void main(String[] args) throws Exception {
        Path results = Path.of(args.length > 0 ? args[0] : "target/soak-results.json");
        new SoakRun().run(results);
    }

    private void run(Path results) throws Exception {
        startStub();
        try {
            startCamel();
            soak();
            String stats = stubStats();
            long hungAtEnd = hung();
            context.stop();
            report(results, stats, hungAtEnd);
        } finally {
            stopStub();
        }
    }

    private void startStub() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        stub = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                SoakStub.class.getName(), "16").redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(stub.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("PORT ")) {
            stub.destroyForcibly();
            throw new IOException("The soak stub did not start: " + line);
        }
        stubUri = "http://127.0.0.1:" + line.substring(5).trim();
    }

    private void stopStub() throws InterruptedException {
        try {
            stub.getOutputStream().close();
        } catch (IOException e) {
            // it goes away anyway
        }
        if (!stub.waitFor(10, TimeUnit.SECONDS)) {
            stub.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void startCamel() throws Exception {
        context = new DefaultCamelContext();
        // a new token per Page every rotateSeconds, as a vault would hand out
        MessengerTokenProvider tokens = pageId -> "soak-" + pageId + "-"
                + System.currentTimeMillis() / (rotateSeconds * 1000L);
        context.getRegistry().bind("soakTokens", tokens);
        context.addRoutesConfigurations(new MessengerErrorRouting("direct:soakDead")
                .maximumRedeliveries(3)
                .redeliveryDelay(100)
                .maximumRedeliveryDelay(2000));
        String uri = "messenger-send:me?tokenProvider=#soakTokens&messagingType=UPDATE&baseUri=" + stubUri
                + "&rateLimit=" + pageRateLimit + "&rateLimitBackoff=1000&requestTimeout=" + requestTimeoutMs;
        if (webhook.enabled()) {
            // replies are not paced (their Pages are the webhook's own); a short timeout keeps a batch whose replies
            // meet several unanswered calls under the hung limit
            webhook.addTo(context, "messenger-send:me?tokenProvider=#soakTokens&baseUri=" + stubUri
                    + "&rateLimitBackoff=1000&requestTimeout=" + Math.max(500, requestTimeoutMs / 3));
        }
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:soak").routeId("soak").routeConfigurationId(MessengerErrorRouting.ID)
                        .to(uri).id("soakSend");
                from("direct:soakDead").routeId("soakDead").log(org.apache.camel.LoggingLevel.TRACE, "dead");
            }
        });
        context.start();
    }

    private void soak() throws Exception {
        AsyncProcessor route = AsyncProcessorConverterHelper.convert(context.getRoute("soak").getConsumer()
                .getProcessor());
        ScheduledExecutorService driver = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "soak-driver");
            t.setDaemon(true);
            return t;
        });
        long start = System.nanoTime();
        long end = start + (long) (minutes * 60e9);
        // sends what is due every 5 ms: an open loop, the rate does not depend on how fast answers come
        driver.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            long due = (long) ((Math.min(now, end) - start) / 1e9 * rate);
            while (offered.get() < due) {
                long id = offered.getAndIncrement();
                Exchange exchange = new DefaultExchange(context);
                exchange.getIn().setHeader(MessengerSendConstants.PAGE_ID, Long.toString(BASE_PAGE + id % pages));
                exchange.getIn().setHeader(MessengerSendConstants.RECIPIENT_ID, "psid-" + id % 5000);
                exchange.getIn().setBody("soak n=" + id);
                open.incrementAndGet();
                route.process(exchange, doneSync -> done(exchange));
            }
        }, 0, 5, TimeUnit.MILLISECONDS);
        if (webhook.enabled()) {
            webhook.start(start, end);
        }
        long lastCompleted = 0;
        long lastSample = start;
        try {
            while (System.nanoTime() < end) {
                long next = Math.min(end, lastSample + TimeUnit.SECONDS.toNanos(sampleSeconds));
                TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
                long now = System.nanoTime();
                long done = completed.sum();
                double perSecond = (done - lastCompleted) / ((now - lastSample) / 1e9);
                lastCompleted = done;
                lastSample = now;
                Sample s = sample((now - start) / 60e9, perSecond);
                samples.add(s);
                System.out.printf(Locale.ROOT, "soak %5.2f min: %,d offered, %,d done, %.0f/s, heap %.1f MB, "
                        + "threads %.0f, conns %.0f, in flight %.0f, clients %.0f, token entries %.0f, pacer pages "
                        + "%.0f, pauses %.0f%n", s.minute(), offered.get(), done, perSecond, s.heapMb(),
                        s.threads(), s.connections(), s.inFlight(), s.clients(), s.tokenEntries(), s.pacerSlots(),
                        s.pauses());
            }
        } finally {
            driver.shutdownNow();
            driver.awaitTermination(10, TimeUnit.SECONDS);
            webhook.stop();
        }
        // the last sends may still wait for an answer, a pause or a redelivery: bounded drain
        long drainEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(30 + 2 * requestTimeoutMs / 1000);
        while (open.get() > 0 && System.nanoTime() < drainEnd) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        webhook.drain(drainEnd);
    }

    private void done(Exchange exchange) {
        open.decrementAndGet();
        completed.increment();
        Object failure = exchange.getMessage().getHeader(MessengerSendConstants.FAILURE_CLASS);
        Integer redeliveries = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class);
        if (redeliveries != null) {
            redelivered.add(redeliveries);
        }
        if (failure != null) {
            failedByClass.computeIfAbsent(failure.toString(), k -> new LongAdder()).increment();
            Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
            if (caught != null && failureKinds.size() < 40) {
                Throwable root = caught.getCause() != null ? caught.getCause() : caught;
                // the kinds of failure seen, messages only: no header of the exchange, so no token
                failureKinds.computeIfAbsent(failure + ": " + root.getClass().getSimpleName() + ": "
                        + String.valueOf(root.getMessage()).replaceAll("[0-9]+", "#"), k -> new LongAdder())
                        .increment();
            }
        } else if (exchange.getMessage().getHeader(MessengerSendConstants.MESSAGE_ID) != null) {
            succeeded.increment();
        } else {
            untyped.increment();
        }
    }

    private long hung() {
        long limit = 2 * requestTimeoutMs;
        long count = 0;
        InflightRepository inflight = context.getInflightRepository();
        for (InflightRepository.InflightExchange e : inflight.browse()) {
            if (e.getDuration() > limit) {
                count++;
            }
        }
        return count;
    }

    private Sample sample(double minute, double perSecond) throws Exception {
        System.gc();
        double heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
        double threads = ManagementFactory.getThreadMXBean().getThreadCount();
        double connections = number(stubStats(), "open_connections");
        MessengerSendComponent component = context.getComponent("messenger-send", MessengerSendComponent.class);
        return new Sample(minute, heap, threads, connections, context.getInflightRepository().size(), hung(),
                size(component, "pauses", "pausedUntilNanos"),
                size(component, "pacer", "lanes"),
                invokeCount(read(component, "pacer"), "pending"),
                size(producer("soakSend"), "clientsByToken", "byToken")
                        + Math.max(0, size(producer("soakReply"), "clientsByToken", "byToken")),
                size(component, "httpClients", "authorization", "referencesByValue"),
                perSecond);
    }

    private MessengerSendProducer producer(String id) {
        Object send = context.getProcessor(id);
        Object candidate = read(send, "producer");
        return candidate instanceof MessengerSendProducer p ? p : null;
    }

    /** The size of a map or collection inside the component, read by reflection: monitoring only. */
    private static double size(Object root, String... path) {
        Object value = root;
        for (String field : path) {
            value = read(value, field);
            if (value == null) {
                return -1;
            }
        }
        if (value instanceof Map<?, ?> map) {
            return map.size();
        }
        if (value instanceof Collection<?> collection) {
            return collection.size();
        }
        return -1;
    }

    /** The int answer of a no-argument method of a component object, called by reflection: monitoring only. */
    private static double invokeCount(Object target, String method) {
        if (target == null) {
            return -1;
        }
        try {
            java.lang.reflect.Method m = target.getClass().getDeclaredMethod(method);
            m.setAccessible(true);
            return ((Number) m.invoke(target)).doubleValue();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }

    private static Object read(Object target, String name) {
        if (target == null) {
            return null;
        }
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(target);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
        return null;
    }

    private String stubStats() throws IOException, InterruptedException {
        return control.send(HttpRequest.newBuilder(URI.create(stubUri + "/stats")).timeout(Duration.ofSeconds(10))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":(-?[0-9.]+)").matcher(json);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    /** Least-squares slope per minute of one figure over the samples from 20% of the run on. */
    private double slope(int figure) {
        double from = minutes * 0.2;
        double n = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (Sample s : samples) {
            if (s.minute() < from) {
                continue;
            }
            double x = s.minute();
            double y = s.values()[figure];
            n++;
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        double d = n * sxx - sx * sx;
        return n < 2 || d == 0 ? 0 : (n * sxy - sx * sy) / d;
    }

    private void report(Path results, String stats, long hungAtEnd) throws IOException {
        double seconds = minutes * 60;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("minutes", minutes);
        r.put("configured_rate", rate);
        r.put("pages", pages);
        r.put("rate_limit_per_page", round(pageRateLimit));
        r.put("token_rotate_seconds", rotateSeconds);
        r.put("request_timeout_ms", requestTimeoutMs);
        r.put("sent", offered.get());
        r.put("offered_per_s", round(offered.get() / seconds));
        r.put("completed", completed.sum());
        r.put("succeeded", succeeded.sum());
        Map<String, Long> failed = new TreeMap<>();
        failedByClass.forEach((k, v) -> failed.put(k, v.sum()));
        r.put("failed_by_class", failed);
        Map<String, Long> kinds = new TreeMap<>();
        failureKinds.forEach((k, v) -> kinds.put(k, v.sum()));
        r.put("failure_kinds", kinds);
        r.put("untyped", untyped.sum());
        r.put("redelivered", redelivered.sum());
        r.put("never_completed", open.get());
        r.put("hung", hungAtEnd + samples.stream().mapToLong(s -> (long) s.hung()).max().orElse(0));
        r.put("duplicate_ids", (long) number(stats, "duplicate_ids"));
        if (webhook.enabled()) {
            r.put("webhook", webhook.results(seconds));
        }
        r.put("stub", stats);
        double[] rates = samples.stream().filter(s -> s.minute() >= minutes * 0.2)
                .mapToDouble(Sample::completedPerSecond).toArray();
        double meanRate = java.util.Arrays.stream(rates).average().orElse(0);
        r.put("completed_per_s_last_80pct", round(meanRate));
        r.put("rate_deviation_pct", round((meanRate - rate) / rate * 100));
        Map<String, Object> slopes = new LinkedHashMap<>();
        Map<String, Object> last = new LinkedHashMap<>();
        Sample end = samples.isEmpty() ? null : samples.get(samples.size() - 1);
        for (int i = 0; i < Sample.NAMES.length; i++) {
            slopes.put(Sample.NAMES[i] + "_per_min", round(slope(i)));
            last.put(Sample.NAMES[i], end == null ? 0 : round(end.values()[i]));
        }
        r.put("slopes_last_80pct", slopes);
        r.put("last_sample", last);
        List<Map<String, Object>> series = new ArrayList<>();
        for (Sample s : samples) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("minute", round(s.minute()));
            for (int i = 0; i < Sample.NAMES.length; i++) {
                row.put(Sample.NAMES[i], round(s.values()[i]));
            }
            series.add(row);
        }
        r.put("samples", series);
        Files.createDirectories(results.toAbsolutePath().getParent());
        Files.writeString(results, json(r) + "\n");
        printTable(r, slopes, last);
        System.out.println("Results written to " + results);
    }

    private static void printTable(Map<String, Object> r, Map<String, Object> slopes, Map<String, Object> last) {
        System.out.println();
        System.out.println("| figure | value |");
        System.out.println("|---|---|");
        for (String key : List.of("minutes", "configured_rate", "sent", "completed", "succeeded", "failed_by_class",
                "failure_kinds",
                "untyped", "redelivered", "never_completed", "hung", "duplicate_ids", "completed_per_s_last_80pct",
                "rate_deviation_pct")) {
            System.out.println("| " + key + " | " + json(r.get(key)) + " |");
        }
        if (r.get("webhook") instanceof Map<?, ?> webhook) {
            webhook.forEach((key, value) -> System.out.println("| webhook " + key + " | " + json(value) + " |"));
        }
        System.out.println();
        System.out.println("| sampled figure | last | slope per min (last 80%) |");
        System.out.println("|---|---|---|");
        for (String name : Sample.NAMES) {
            System.out.println("| " + name + " | " + last.get(name) + " | " + slopes.get(name + "_per_min") + " |");
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static String json(Object value) {
        if (value instanceof Map<?, ?> map) {
            StringBuilder sb = new StringBuilder("{");
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (sb.length() > 1) {
                    sb.append(',');
                }
                sb.append('"').append(e.getKey()).append("\":").append(json(e.getValue()));
            }
            return sb.append('}').toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder sb = new StringBuilder("[");
            for (Object o : list) {
                if (sb.length() > 1) {
                    sb.append(',');
                }
                sb.append(json(o));
            }
            return sb.append(']').toString();
        }
        if (value instanceof String s) {
            // the stub's counters are JSON already
            return s.startsWith("{") ? s : '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + '"';
        }
        return String.valueOf(value);
    }
}

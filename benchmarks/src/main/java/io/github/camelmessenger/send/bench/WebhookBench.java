package io.github.camelmessenger.send.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The webhook consumer under load: a {@code messenger-webhook:} route, on the camel-main HTTP server
 * (platform-http-main) on a free port, routing every event to a no-op, receives signed POSTs of 100 events each,
 * every event with a mid of its own (so each one passes signature check, parsing, de-duplication and routing). The
 * client ({@link WebhookLoadClient}) runs in a child JVM, so the CPU figure is this JVM's process CPU over the
 * measured window, per event: the consumer's and the HTTP server's, not the client's. Two floors take the same load:
 * a bare {@code platform-http:} route on the same server that reads the body and answers 200 with no per-event work
 * (what any Camel route on that server pays), and a plain Vert.x HTTP server with no Camel that does the same (what
 * the HTTP server itself pays). The three run in turn twice, in one JVM: the first round warms the JIT (its figures
 * are kept as {@code cold}), the second is the one reported. Each window's CPU is also split by thread: Vert.x event
 * loops, Vert.x workers, other Java threads, and the JVM's own (JIT compiler, GC; the process CPU no Java thread
 * accounts for). Then the time to answer one POST of 1,000 events, one call at a time.
 */
final class WebhookBench {

    private static final int LARGE_POSTS = 11;

    private WebhookBench() {
    }

    static Map<String, Object> run(long warmupMillis, long benchMeasureMillis) throws Exception {
        // a longer window than the other rows: the GC's share of a window comes in lumps (a young collection or not)
        long measureMillis = Long.getLong("bench.webhookMeasureMillis", Math.max(benchMeasureMillis, 6_000));
        int port = freePort();
        int rawPort = freePort();
        Vertx vertx = Vertx.vertx();
        try (CamelContext context = new DefaultCamelContext()) {
            MainHttpServer server = new MainHttpServer();
            server.setCamelContext(context);
            server.setPort(port);
            context.addService(server, true, true);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("messenger-webhook:messenger?verifyToken=RAW(bench)&appSecret=RAW("
                            + WebhookLoadClient.SECRET + ")")
                            .process(exchange -> {
                            });
                    from("platform-http:/floor?httpMethodRestrict=POST&useStreaming=true").process(exchange -> {
                        exchange.getMessage().getBody(byte[].class);
                        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
                        exchange.getMessage().setBody("EVENT_RECEIVED");
                    });
                }
            });
            context.start();
            HttpServer raw = rawVertxServer(vertx, rawPort);

            String base = "http://localhost:" + port;
            String rawUri = "http://localhost:" + rawPort + "/raw";
            Run rawCold = client(rawUri, warmupMillis, measureMillis, 0);
            Run floorCold = client(base + "/floor", warmupMillis, measureMillis, 0);
            Run componentCold = client(base + "/messenger", warmupMillis, measureMillis, 0);
            Run rawFloor = client(rawUri, warmupMillis, measureMillis, 0);
            Run floor = client(base + "/floor", warmupMillis, measureMillis, 0);
            Run component = client(base + "/messenger", warmupMillis, measureMillis, LARGE_POSTS);
            raw.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

            double[] largeMillis = component.largeMillis;
            double cpuPerEvent = component.cpuPerEvent();
            double floorPerEvent = floor.cpuPerEvent();
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("events_per_post", WebhookLoadClient.EVENTS_PER_POST);
            figures.put("in_flight", WebhookLoadClient.IN_FLIGHT);
            figures.put("client_process", "separate");
            figures.put("http_version", System.getProperty("bench.webhookHttpVersion", "HTTP_1_1"));
            figures.put("measure_ms", measureMillis);
            figures.put("events", component.posts * WebhookLoadClient.EVENTS_PER_POST);
            figures.put("events_per_s", BenchHarness.round(component.eventsPerSecond));
            figures.put("cpu_us_per_event", BenchHarness.round(cpuPerEvent));
            figures.put("floor_cpu_us_per_event", BenchHarness.round(floorPerEvent));
            figures.put("component_cpu_us_per_event_over_floor", BenchHarness.round(cpuPerEvent - floorPerEvent));
            figures.put("component_java_threads_cpu_us_per_event_over_floor",
                    BenchHarness.round(component.javaThreadsPerEvent() - floor.javaThreadsPerEvent()));
            figures.put("floor_events_per_s", BenchHarness.round(floor.eventsPerSecond));
            figures.put("raw_vertx_floor_cpu_us_per_event", BenchHarness.round(rawFloor.cpuPerEvent()));
            figures.put("raw_vertx_floor_events_per_s", BenchHarness.round(rawFloor.eventsPerSecond));
            figures.put("cpu_us_per_event_by_thread", component.byThread());
            figures.put("floor_cpu_us_per_event_by_thread", floor.byThread());
            figures.put("raw_vertx_floor_cpu_us_per_event_by_thread", rawFloor.byThread());
            figures.put("cold_cpu_us_per_event", BenchHarness.round(componentCold.cpuPerEvent()));
            figures.put("cold_floor_cpu_us_per_event", BenchHarness.round(floorCold.cpuPerEvent()));
            figures.put("cold_raw_vertx_floor_cpu_us_per_event", BenchHarness.round(rawCold.cpuPerEvent()));
            figures.put("post_p50_us", BenchHarness.round(component.p50Micros));
            figures.put("post_1000_events_ms", BenchHarness.round(largeMillis[LARGE_POSTS / 2]));
            figures.put("post_1000_events_min_ms", BenchHarness.round(largeMillis[0]));
            figures.put("post_1000_events_max_ms", BenchHarness.round(largeMillis[LARGE_POSTS - 1]));
            figures.put("live_threads", ManagementFactory.getThreadMXBean().getPeakThreadCount());
            return figures;
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A Vert.x HTTP server with no Camel that reads each POST's body and answers 200, as the floor route does. */
    private static HttpServer rawVertxServer(Vertx vertx, int port) throws Exception {
        return vertx.createHttpServer(new HttpServerOptions().setPort(port).setHost("localhost"))
                .requestHandler(request -> {
                    if (request.method() != HttpMethod.POST) {
                        request.response().setStatusCode(405).end();
                        return;
                    }
                    request.body().onComplete(body -> {
                        if (body.succeeded()) {
                            request.response().setStatusCode(200).putHeader("Content-Type", "text/plain")
                                    .end("EVENT_RECEIVED");
                        } else {
                            request.response().setStatusCode(500).end();
                        }
                    });
                })
                .listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private record Run(long posts, double eventsPerSecond, double p50Micros, long cpuNanos,
            Map<String, Long> threadCpuNanos, double[] largeMillis) {

        double events() {
            return posts * (double) WebhookLoadClient.EVENTS_PER_POST;
        }

        double cpuPerEvent() {
            return cpuNanos / 1e3 / events();
        }

        /** CPU µs per event of the Java threads (event loops, workers, others), not the JIT's nor the GC's. */
        double javaThreadsPerEvent() {
            return threadCpuNanos.values().stream().mapToLong(Long::longValue).sum() / 1e3 / events();
        }

        /** CPU µs per event of each group of threads; {@code jvm} is what no Java thread accounts for. */
        Map<String, Object> byThread() {
            Map<String, Object> split = new LinkedHashMap<>();
            long java = 0;
            for (String group : new String[] { "event_loop", "worker", "other_java" }) {
                long nanos = threadCpuNanos.getOrDefault(group, 0L);
                java += nanos;
                split.put(group, BenchHarness.round(nanos / 1e3 / events()));
            }
            split.put("jvm", BenchHarness.round((cpuNanos - java) / 1e3 / events()));
            return split;
        }
    }

    /** Runs the load client in a child JVM against {@code uri}; this JVM's CPU is taken over its measured window. */
    private static Run client(String uri, long warmupMillis, long measureMillis, int largePosts) throws IOException,
            InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx512m",
                "-Dwebhook.httpVersion=" + System.getProperty("bench.webhookHttpVersion", "HTTP_1_1"), "-cp",
                System.getProperty("java.class.path"),
                WebhookLoadClient.class.getName(), uri, Long.toString(warmupMillis), Long.toString(measureMillis),
                Integer.toString(largePosts))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "webhook-bench-watchdog");
            t.setDaemon(true);
            return t;
        });
        // every read below is bounded: past the deadline the child is killed and its output ends
        watchdog.schedule(process::destroyForcibly, warmupMillis + measureMillis + 120_000, TimeUnit.MILLISECONDS);
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            expect(out.readLine(), "MEASURE");
            Map<Long, Long> threadsStart = threadCpuNanos();
            long cpuStart = processCpuNanos();
            String[] done = expect(out.readLine(), "DONE");
            long cpuNanos = processCpuNanos() - cpuStart;
            Map<String, Long> byGroup = byGroup(threadsStart, threadCpuNanos());
            String[] large = expect(out.readLine(), "LARGE");
            double[] largeMillis = Arrays.stream(large).skip(1).mapToDouble(Double::parseDouble).toArray();
            return new Run(Long.parseLong(done[1]), Double.parseDouble(done[2]), Double.parseDouble(done[3]),
                    cpuNanos, byGroup, largeMillis);
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            watchdog.shutdownNow();
        }
    }

    private static Map<Long, Long> threadCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            long nanos = threads.getThreadCpuTime(id);
            if (nanos >= 0) {
                cpu.put(id, nanos);
            }
        }
        return cpu;
    }

    /** The CPU each group of threads used between two snapshots; a thread that started in between counts whole. */
    private static Map<String, Long> byGroup(Map<Long, Long> start, Map<Long, Long> end) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> groups = new HashMap<>();
        for (Map.Entry<Long, Long> thread : end.entrySet()) {
            ThreadInfo info = threads.getThreadInfo(thread.getKey());
            if (info == null) {
                continue;
            }
            String name = info.getThreadName();
            String group = name.startsWith("vert.x-eventloop") ? "event_loop"
                    : name.startsWith("vert.x-worker") || name.startsWith("vert.x-internal-blocking") ? "worker"
                            : "other_java";
            groups.merge(group, thread.getValue() - start.getOrDefault(thread.getKey(), 0L), Long::sum);
        }
        return groups;
    }

    private static String[] expect(String line, String word) throws IOException {
        if (line == null || !line.startsWith(word)) {
            throw new IOException("The webhook load client said " + line + " instead of " + word);
        }
        return line.split(" ");
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}

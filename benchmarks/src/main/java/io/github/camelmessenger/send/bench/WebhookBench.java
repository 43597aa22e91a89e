package io.github.camelmessenger.send.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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
 * measured window, per event: the consumer's and the HTTP server's, not the client's. The floor is the same load on a
 * bare {@code platform-http:} route on the same server that reads the body and answers 200 with no per-event work.
 * Then the time to answer one POST of 1,000 events, one call at a time.
 */
final class WebhookBench {

    private static final int LARGE_POSTS = 11;

    private WebhookBench() {
    }

    static Map<String, Object> run(long warmupMillis, long measureMillis) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
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

            String base = "http://localhost:" + port;
            Run floor = client(base + "/floor", warmupMillis, measureMillis, 0);
            Run component = client(base + "/messenger", warmupMillis, measureMillis, LARGE_POSTS);

            double[] largeMillis = component.largeMillis;
            double events = component.posts * (double) WebhookLoadClient.EVENTS_PER_POST;
            double cpuPerEvent = component.cpuNanos / 1e3 / events;
            double floorPerEvent = floor.cpuNanos / 1e3 / (floor.posts * (double) WebhookLoadClient.EVENTS_PER_POST);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("events_per_post", WebhookLoadClient.EVENTS_PER_POST);
            figures.put("in_flight", WebhookLoadClient.IN_FLIGHT);
            figures.put("client_process", "separate");
            figures.put("events", (long) events);
            figures.put("events_per_s", BenchHarness.round(component.eventsPerSecond));
            figures.put("cpu_us_per_event", BenchHarness.round(cpuPerEvent));
            figures.put("floor_cpu_us_per_event", BenchHarness.round(floorPerEvent));
            figures.put("component_cpu_us_per_event_over_floor", BenchHarness.round(cpuPerEvent - floorPerEvent));
            figures.put("floor_events_per_s", BenchHarness.round(floor.eventsPerSecond));
            figures.put("post_p50_us", BenchHarness.round(component.p50Micros));
            figures.put("post_1000_events_ms", BenchHarness.round(largeMillis[LARGE_POSTS / 2]));
            figures.put("post_1000_events_min_ms", BenchHarness.round(largeMillis[0]));
            figures.put("post_1000_events_max_ms", BenchHarness.round(largeMillis[LARGE_POSTS - 1]));
            figures.put("live_threads", ManagementFactory.getThreadMXBean().getPeakThreadCount());
            return figures;
        }
    }

    private record Run(long posts, double eventsPerSecond, double p50Micros, long cpuNanos, double[] largeMillis) {
    }

    /** Runs the load client in a child JVM against {@code uri}; this JVM's CPU is taken over its measured window. */
    private static Run client(String uri, long warmupMillis, long measureMillis, int largePosts) throws IOException,
            InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
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
            long cpuStart = processCpuNanos();
            String[] done = expect(out.readLine(), "DONE");
            long cpuNanos = processCpuNanos() - cpuStart;
            String[] large = expect(out.readLine(), "LARGE");
            double[] largeMillis = Arrays.stream(large).skip(1).mapToDouble(Double::parseDouble).toArray();
            return new Run(Long.parseLong(done[1]), Double.parseDouble(done[2]), Double.parseDouble(done[3]),
                    cpuNanos, largeMillis);
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            watchdog.shutdownNow();
        }
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

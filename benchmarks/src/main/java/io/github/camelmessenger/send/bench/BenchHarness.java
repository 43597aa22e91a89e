package io.github.camelmessenger.send.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark in one go and prints a table: the three senders at 1, 16, 64 and 256 in flight, a pacing run,
 * a scale run with 10,000 in flight, the webhook consumer
 * under signed 100-event POSTs, and the JMH microbenchmarks. Writes every figure, under stable names, to the
 * JSON file given as the first argument.
 */
public final class BenchHarness {

    private static final int[] IN_FLIGHT = { 1, 16, 64, 256 };
    private static final long WARMUP_MILLIS = 2_000;
    private static final long MEASURE_MILLIS = 3_000;

    private BenchHarness() {
    }

    public static void main(String[] args) throws Exception {
        Path resultsFile = Path.of(args.length > 0 ? args[0] : "target/bench-results.json");
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("machine", machine());
        boolean webhookOnly = "webhook".equals(System.getProperty("bench.only"));

        if (!webhookOnly) {
            senders(results);
        }
        results.put("webhook", WebhookBench.run(WARMUP_MILLIS, MEASURE_MILLIS));
        System.out.println("webhook: done");
        if (!webhookOnly) {
            results.put("jmh", jmh());
        }

        Files.createDirectories(resultsFile.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(resultsFile.toFile(), results);
        System.out.println(Table.render(results));
        System.out.println("Results written to " + resultsFile.toAbsolutePath());
    }

    private static void senders(Map<String, Object> results) throws Exception {
        try (StubProcess stub = StubProcess.start(0)) {
            Map<String, Object> load = new LinkedHashMap<>();
            results.put("load", load);
            for (int inFlight : IN_FLIGHT) {
                Map<String, Object> row = new LinkedHashMap<>();
                try (Senders.AsyncSender raw = Senders.rawAsyncHttpClient(stub.baseUri())) {
                    row.put("raw_ahc", figures(LoadDriver.run(raw, inFlight, WARMUP_MILLIS, MEASURE_MILLIS)));
                }
                try (Senders.AsyncSender component = Senders.component(stub.baseUri(), "")) {
                    row.put("component", figures(LoadDriver.run(component, inFlight, WARMUP_MILLIS, MEASURE_MILLIS)));
                }
                try (Senders.SyncSender http = Senders.camelHttpRoute(stub.baseUri(), inFlight + 8)) {
                    row.put("camel_http",
                            figures(LoadDriver.runBlocking(http, inFlight, WARMUP_MILLIS, MEASURE_MILLIS)));
                }
                row.put("ratio_component_to_raw_cpu", ratio(row, "component", "raw_ahc", "cpu_us_per_msg"));
                row.put("ratio_component_to_raw_rate", ratio(row, "component", "raw_ahc", "msgs_per_s"));
                row.put("ratio_camel_http_to_component_cpu", ratio(row, "camel_http", "component", "cpu_us_per_msg"));
                row.put("ratio_component_to_camel_http_rate", ratio(row, "component", "camel_http", "msgs_per_s"));
                load.put("in_flight_" + inFlight, row);
                System.out.println("load: " + inFlight + " in flight done");
            }
            results.put("pacing", pacing(stub));
        }
        try (StubProcess slowStub = StubProcess.start(1_000)) {
            results.put("scale", scale(slowStub));
        }
    }

    private static Map<String, Object> figures(Measurement m) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("messages", m.messages());
        figures.put("msgs_per_s", round(m.messagesPerSecond()));
        figures.put("cpu_us_per_msg", round(m.cpuMicrosPerMessage()));
        figures.put("p50_us", round(m.latencyPercentileMicros(50)));
        figures.put("p99_us", round(m.latencyPercentileMicros(99)));
        figures.put("live_threads", m.peakThreads());
        figures.put("heap_mb", round(m.peakHeapMegabytes()));
        return figures;
    }

    @SuppressWarnings("unchecked")
    private static double ratio(Map<String, Object> row, String a, String b, String figure) {
        double x = ((Number) ((Map<String, Object>) row.get(a)).get(figure)).doubleValue();
        double y = ((Number) ((Map<String, Object>) row.get(b)).get(figure)).doubleValue();
        return round(x / y);
    }

    /** rateLimit 50 for 10 s: 500 sends handed over at once, paced by the component. */
    private static Map<String, Object> pacing(StubProcess stub) throws Exception {
        int rate = 50;
        int count = rate * 10;
        stub.resetTimes();
        try (Senders.AsyncSender paced = Senders.component(stub.baseUri(), "&rateLimit=" + rate)) {
            LoadDriver.burst(paced, count, 30_000);
        }
        List<Long> times = stub.arrivalTimes();
        double seconds = (times.get(times.size() - 1) - times.get(0)) / 1000.0;
        Map<String, Object> pacing = new LinkedHashMap<>();
        pacing.put("configured_per_s", rate);
        pacing.put("messages", times.size());
        pacing.put("achieved_per_s", round((times.size() - 1) / seconds));
        pacing.put("deviation_percent", round(((times.size() - 1) / seconds - rate) / rate * 100));
        pacing.put("max_in_any_1s_window", mostInAnySecond(times));
        return pacing;
    }

    /** 10,000 sends in flight against a stub that answers each after 1 s. */
    private static Map<String, Object> scale(StubProcess slowStub) throws Exception {
        int count = 10_000;
        try (Senders.AsyncSender component = Senders.component(slowStub.baseUri(), "&requestTimeout=60000")) {
            LoadDriver.burst(component, 200, 30_000);
            System.gc();
            Measurement m = LoadDriver.burst(component, count, 120_000);
            Map<String, Object> scale = new LinkedHashMap<>();
            scale.put("in_flight", count);
            scale.put("completed", m.messages());
            scale.put("peak_live_threads", m.peakThreads());
            scale.put("peak_heap_mb", round(m.peakHeapMegabytes()));
            scale.put("seconds", round(count / m.messagesPerSecond()));
            return scale;
        }
    }

    private static Map<String, Object> jmh() throws Exception {
        Options options = new OptionsBuilder()
                .include("io\\.github\\.camelmessenger\\.send\\..*Benchmark.*")
                .forks(1)
                .warmupIterations(2).warmupTime(TimeValue.seconds(1))
                .measurementIterations(3).measurementTime(TimeValue.seconds(1))
                .shouldFailOnError(true)
                .build();
        Map<String, Object> jmh = new LinkedHashMap<>();
        for (RunResult result : new Runner(options).run()) {
            String name = result.getParams().getBenchmark().replaceAll(".*\\.", "");
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("score", round(result.getPrimaryResult().getScore()));
            figures.put("error", round(result.getPrimaryResult().getScoreError()));
            figures.put("unit", result.getPrimaryResult().getScoreUnit());
            jmh.put(name, figures);
        }
        return jmh;
    }

    private static int mostInAnySecond(List<Long> sortedMillis) {
        int most = 0;
        for (int i = 0, j = 0; i < sortedMillis.size(); i++) {
            while (sortedMillis.get(i) - sortedMillis.get(j) >= 1000) {
                j++;
            }
            most = Math.max(most, i - j + 1);
        }
        return most;
    }

    private static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        machine.put("jvm_args", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        return machine;
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}

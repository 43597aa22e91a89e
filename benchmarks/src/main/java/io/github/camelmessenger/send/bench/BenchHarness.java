package io.github.camelmessenger.send.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark in one go and prints a table: the four senders at 1, 16, 64 and 256 in flight, a pacing run,
 * a paced broadcast to 3 Pages against a stub answering after 250 ms, scale runs with 10,000 and 100,000 in flight,
 * the webhook consumer under signed 100-event POSTs, and the JMH microbenchmarks. Writes every figure, under stable
 * names, to the JSON file given as the first argument. {@code -Dbench.only=load,latency} runs some rows alone (load,
 * pacing, latency, scale, scale_100k, webhook, jmh); {@code -Dbench.inFlight=64} only those levels of the load row;
 * {@code -Dbench.rounds=3} measures the raw, floor and component senders that many times, interleaved, and keeps the
 * round of median CPU of each; {@code -Dbench.debug=true} prints the latency row's arrival times per Page.
 */
public final class BenchHarness {

    private static final String IN_FLIGHT = "1,16,64,256";
    private static final Set<String> ONLY = Set.of(System.getProperty("bench.only", "all").split(","));
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final long WARMUP_MILLIS = Long.getLong("bench.warmupMillis", 2_000);
    private static final long MEASURE_MILLIS = Long.getLong("bench.measureMillis", 3_000);
    // once, before the load row: the JIT compiles the hot paths of all three async senders, whose compiler threads
    // would otherwise burn CPU inside the first measurements (on shared cores, for many seconds)
    private static final long JIT_WARMUP_MILLIS = Long.getLong("bench.jitWarmupMillis", 6_000);

    private BenchHarness() {
    }

    public static void main(String[] args) throws Exception {
        Path resultsFile = Path.of(args.length > 0 ? args[0] : "target/bench-results.json");
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("machine", machine());
        senders(results);
        if (runs("webhook")) {
            results.put("webhook", WebhookBench.run(WARMUP_MILLIS, MEASURE_MILLIS));
            System.out.println("webhook: done");
        }
        if (runs("jmh")) {
            results.put("jmh", jmh());
        }

        Files.createDirectories(resultsFile.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(resultsFile.toFile(), results);
        System.out.println(Table.render(results));
        System.out.println("Results written to " + resultsFile.toAbsolutePath());
    }

    private static boolean runs(String row) {
        return ONLY.contains("all") || ONLY.contains(row);
    }

    private static void senders(Map<String, Object> results) throws Exception {
        if (runs("load") || runs("pacing")) {
            try (StubProcess stub = StubProcess.start(0)) {
                if (runs("load")) {
                    results.put("load", load(stub));
                }
                if (runs("pacing")) {
                    results.put("pacing", pacing(stub));
                }
            }
        }
        if (runs("latency")) {
            try (StubProcess latencyStub = StubProcess.start(250)) {
                results.put("latency_broadcast", latencyBroadcast(latencyStub));
                System.out.println("latency_broadcast: done");
            }
        }
        if (runs("scale") || runs("scale_100k")) {
            try (StubProcess slowStub = StubProcess.start(1_000)) {
                if (runs("scale")) {
                    results.put("scale", scale(slowStub));
                }
                if (runs("scale_100k")) {
                    results.put("scale_100k", scale100k(slowStub));
                    System.out.println("scale_100k: done");
                }
            }
        }
    }

    private static Map<String, Object> load(StubProcess stub) throws Exception {
        Map<String, Object> load = new LinkedHashMap<>();
        int rounds = Integer.getInteger("bench.rounds", 1);
        try (Senders.AsyncSender raw = Senders.rawAsyncHttpClient(stub.baseUri());
                Senders.AsyncSender floor = Senders.camelFloor(stub.baseUri());
                Senders.AsyncSender component = Senders.component(stub.baseUri(), "")) {
            for (Senders.AsyncSender sender : List.of(raw, floor, component)) {
                LoadDriver.run(sender, 64, JIT_WARMUP_MILLIS, 500);
            }
        }
        for (String level : System.getProperty("bench.inFlight", IN_FLIGHT).split(",")) {
            int inFlight = Integer.parseInt(level.trim());
            Map<String, Object> row = new LinkedHashMap<>();
            // interleaved rounds, so that noise from the shared cores falls on all three alike
            List<Measurement> raw = new ArrayList<>();
            List<Measurement> floor = new ArrayList<>();
            List<Measurement> component = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                try (Senders.AsyncSender sender = Senders.rawAsyncHttpClient(stub.baseUri())) {
                    raw.add(LoadDriver.run(sender, inFlight, WARMUP_MILLIS, MEASURE_MILLIS));
                }
                try (Senders.AsyncSender sender = Senders.camelFloor(stub.baseUri())) {
                    floor.add(LoadDriver.run(sender, inFlight, WARMUP_MILLIS, MEASURE_MILLIS));
                }
                try (Senders.AsyncSender sender = Senders.component(stub.baseUri(), "")) {
                    component.add(LoadDriver.run(sender, inFlight, WARMUP_MILLIS, MEASURE_MILLIS));
                }
            }
            row.put("raw_ahc", figures(median(raw)));
            row.put("component", figures(median(component)));
            if (!Boolean.getBoolean("bench.skipCamelHttp")) {
                try (Senders.SyncSender http = Senders.camelHttpRoute(stub.baseUri(), inFlight + 8)) {
                    row.put("camel_http",
                            figures(LoadDriver.runBlocking(http, inFlight, WARMUP_MILLIS, MEASURE_MILLIS)));
                }
            }
            row.put("camel_floor", figures(median(floor)));
            row.put("ratio_component_to_raw_cpu", ratio(row, "component", "raw_ahc", "cpu_us_per_msg"));
            row.put("ratio_component_to_raw_rate", ratio(row, "component", "raw_ahc", "msgs_per_s"));
            if (row.containsKey("camel_http")) {
                row.put("ratio_camel_http_to_component_cpu",
                        ratio(row, "camel_http", "component", "cpu_us_per_msg"));
                row.put("ratio_component_to_camel_http_rate", ratio(row, "component", "camel_http", "msgs_per_s"));
            }
            row.put("ratio_component_to_floor_cpu", ratio(row, "component", "camel_floor", "cpu_us_per_msg"));
            row.put("ratio_floor_to_raw_cpu", ratio(row, "camel_floor", "raw_ahc", "cpu_us_per_msg"));
            row.put("ratio_component_to_floor_rate", ratio(row, "component", "camel_floor", "msgs_per_s"));
            if (rounds > 1) {
                row.put("rounds", rounds);
                row.put("ratio_component_to_floor_cpu_per_round", perRound(component, floor));
                row.put("ratio_floor_to_raw_cpu_per_round", perRound(floor, raw));
            }
            load.put("in_flight_" + inFlight, row);
            System.out.println("load: " + inFlight + " in flight done: " + row.get("ratio_component_to_floor_cpu")
                    + " component/floor, " + row.get("ratio_floor_to_raw_cpu") + " floor/raw CPU");
        }
        return load;
    }

    /** The measurement of median CPU per message. */
    private static Measurement median(List<Measurement> runs) {
        List<Measurement> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(Measurement::cpuMicrosPerMessage));
        return sorted.get(sorted.size() / 2);
    }

    private static List<Double> perRound(List<Measurement> a, List<Measurement> b) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            ratios.add(round(a.get(i).cpuMicrosPerMessage() / b.get(i).cpuMicrosPerMessage()));
        }
        return ratios;
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

    /**
     * A broadcast to 3 Pages at {@code rateLimit=50} each, against a stub that answers after 250 ms: 20 s worth of
     * sends handed over at once, paced by the component without a thread per waiting send.
     */
    private static Map<String, Object> latencyBroadcast(StubProcess stub) throws Exception {
        int rate = 50;
        String[] pages = { "2001", "2002", "2003" };
        int seconds = 20;
        int count = rate * pages.length * seconds;
        Measurement m;
        try (Senders.AsyncSender paced = Senders.component(stub.baseUri(), "&rateLimit=" + rate, pages);
                Senders.AsyncSender unpaced = Senders.component(stub.baseUri(), "", new String[] { "2999" })) {
            // a warm JVM with connections open: cold, the I/O threads' first answers (class loading) can delay
            // writes that left the pacer on time, so that a few arrive together
            LoadDriver.burst(unpaced, 500, 30_000);
            stub.resetTimes();
            m = LoadDriver.burst(paced, count, 60_000);
        }
        Map<String, List<Long>> byPage = stub.arrivalTimesByPage();
        double achieved = 0;
        int most = 0;
        Map<String, Object> perPage = new LinkedHashMap<>();
        for (Map.Entry<String, List<Long>> page : byPage.entrySet()) {
            List<Long> times = page.getValue();
            double pageRate = (times.size() - 1) / ((times.get(times.size() - 1) - times.get(0)) / 1000.0);
            achieved += pageRate;
            int pageMost = mostInAnySecond(times);
            if (Boolean.getBoolean("bench.debug")) {
                StringBuilder gaps = new StringBuilder();
                for (int i = 1; i < times.size(); i++) {
                    gaps.append(times.get(i) - times.get(0)).append(' ');
                }
                System.out.println(page.getKey() + ": " + gaps);
            }
            most = Math.max(most, pageMost);
            perPage.put(page.getKey(), Map.of("messages", times.size(), "achieved_per_s", round(pageRate),
                    "max_in_any_1s_window", pageMost));
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("pages", pages.length);
        row.put("rate_limit_per_page", rate);
        row.put("latency_ms", 250);
        row.put("messages", count);
        row.put("completed", m.messages());
        row.put("configured_per_s", rate * pages.length);
        row.put("achieved_per_s", round(achieved));
        row.put("achieved_ratio", round(achieved / (rate * pages.length) * 1000) / 1000.0);
        row.put("max_per_page_in_any_1s", most);
        row.put("p50_latency_ms", round(m.latencyPercentileMicros(50) / 1000));
        row.put("peak_live_threads", m.peakThreads());
        row.put("per_page", perPage);
        return row;
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

    /**
     * 100,000 sends handed over at once against a stub that answers each after 1 s. Loopback has about 28,000
     * ephemeral ports and the process 20,000 file descriptors, so not all of them can be on the wire at once:
     * {@code rateLimit=10000} lets 10,000 a second out (about 10,000 connections open), and the rest wait in the
     * pacer. All 100,000 exchanges are in flight at once; live heap per in-flight send is measured after a GC once
     * they are all handed over.
     */
    private static Map<String, Object> scale100k(StubProcess slowStub) throws Exception {
        int count = 100_000;
        int rate = 10_000;
        try (Senders.AsyncSender component = Senders.component(slowStub.baseUri(),
                "&requestTimeout=120000&rateLimit=" + rate)) {
            LoadDriver.burst(component, 2_000, 30_000);
            System.gc();
            long before = MEMORY.getHeapMemoryUsage().getUsed();
            long[] live = new long[2];
            Measurement m = LoadDriver.burst(component, count, 180_000, pending -> {
                System.gc();
                live[0] = MEMORY.getHeapMemoryUsage().getUsed() - before;
                live[1] = pending;
            });
            Map<String, Object> scale = new LinkedHashMap<>();
            scale.put("in_flight", count);
            scale.put("rate_limit", rate);
            scale.put("completed", m.messages());
            scale.put("peak_live_threads", m.peakThreads());
            scale.put("peak_heap_mb", round(m.peakHeapMegabytes()));
            scale.put("in_flight_after_handover", live[1]);
            scale.put("live_heap_mb_after_handover", round(live[0] / (1024.0 * 1024.0)));
            scale.put("heap_bytes_per_in_flight_send", Math.round((double) live[0] / Math.max(1, live[1])));
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

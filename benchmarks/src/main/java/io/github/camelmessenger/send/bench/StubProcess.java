package io.github.camelmessenger.send.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stub Graph API in a JVM of its own, so that the harness's process CPU is the client's alone.
 */
final class StubProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private StubProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static StubProcess start(long delayMillis) throws IOException {
        return start(delayMillis, delayMillis);
    }

    /** A stub whose answers wait a log-normal time with this median and 99th percentile (equal: fixed). */
    static StubProcess start(long p50Millis, long p99Millis) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                StubGraphServer.class.getName(), Long.toString(p50Millis), Long.toString(p99Millis))
                .redirectErrorStream(true)
                .start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("PORT ")) {
            process.destroyForcibly();
            throw new IOException("The stub did not start: " + line);
        }
        return new StubProcess(process, Integer.parseInt(line.substring(5).trim()));
    }

    String baseUri() {
        return "http://127.0.0.1:" + port;
    }

    /** Arrival times of the POSTs since the last reset, in milliseconds since the epoch, sorted. */
    List<Long> arrivalTimes() throws IOException, InterruptedException {
        return arrivals().stream().map(a -> a.millis).sorted().toList();
    }

    /** Arrival times since the last reset, sorted, by Page. */
    Map<String, List<Long>> arrivalTimesByPage() throws IOException, InterruptedException {
        Map<String, List<Long>> byPage = new TreeMap<>();
        for (Arrival a : arrivals()) {
            byPage.computeIfAbsent(a.page, p -> new ArrayList<>()).add(a.millis);
        }
        byPage.values().forEach(Collections::sort);
        return byPage;
    }

    private record Arrival(long millis, String page) {
    }

    private List<Arrival> arrivals() throws IOException, InterruptedException {
        String body = get("/times");
        return Arrays.stream(body.split("\n")).filter(s -> !s.isBlank()).map(line -> {
            String[] parts = line.split(" ", 2);
            return new Arrival(Long.parseLong(parts[0]), parts.length > 1 ? parts[1] : "");
        }).toList();
    }

    void resetTimes() throws IOException, InterruptedException {
        get("/reset");
    }

    private String get(String path) throws IOException, InterruptedException {
        // java.net.http is enough for the two control calls
        HttpClient client = HttpClient.newHttpClient();
        return client.send(HttpRequest.newBuilder(URI.create(baseUri() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // the process is going away anyway
        }
        process.destroy();
    }
}

package io.github.camelmessenger.examples.kafka;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One {@link SenderApp} in a JVM of its own, started with this JVM's class path; its event lines are read as they
 * come. {@link #terminate()} sends SIGTERM, {@link #kill()} SIGKILL.
 */
final class SenderProcess implements AutoCloseable {

    /** One line the sender printed, with its time stamp (milliseconds since the epoch). */
    record Event(String sender, String kind, long at, String line) {
    }

    /** One Send API call the sender made and saw completed: when it left, for which Page and notification. */
    record Call(String sender, long at, String pageId, String notificationId) {
    }

    final String name;
    private final Process process;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private final Thread reader;
    private volatile int inFlight;
    private volatile int owned;
    private volatile String lastStatus = "";

    private final Path log;

    private SenderProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.reader = new Thread(this::read, "read-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    static SenderProcess start(String name, String brokers, String graphBaseUri, Path logDir) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        // room for the classes loaded at start: the default first threshold (about 21 MB) costs each sender two full
        // collections in its first seconds, which stall its sends for a tenth of a second or more each
        command.add("-XX:MetaspaceSize=128m");
        command.add("-Dcamel.component.kafka.brokers=" + brokers);
        command.add("-Dcamel.component.messenger-send.base-uri=" + graphBaseUri);
        command.add("-Dcamel.main.name=" + name);
        // the sender ends when this JVM does, also when this one is killed (a killed build, a stopped test fork)
        command.add("-Dsender.exitWithParent=true");
        // a CALLED line for each call whose send completed, with the time it left the sender
        command.add("-Dsender.reportCalls=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(SenderApp.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.redirectError(logDir.resolve(name + ".err.log").toFile());
        return new SenderProcess(name, builder.start(), logDir.resolve(name + ".out.log"));
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer copy = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                copy.write(line);
                copy.write('\n');
                copy.flush();
                try {
                    take(line);
                } catch (RuntimeException e) {
                    copy.write("UNREADABLE " + e + '\n');
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private void take(String line) {
        String[] parts = line.split(" ");
        if (parts.length < 2) {
            return;
        }
        long at;
        try {
            at = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            at = System.currentTimeMillis();
        }
        switch (parts[0]) {
            case "STATUS" -> {
                inFlight = Integer.parseInt(value(line, "inflight"));
                lastStatus = line;
            }
            case "STARTED" -> started.countDown();
            case "CALLED" -> {
                calls.add(new Call(name, at, value(line, "page"), value(line, "id")));
                return;
            }
            case "ASSIGNED", "REVOKED", "LOST" -> owned = Integer.parseInt(value(line, "owned"));
            default -> {
            }
        }
        if (!parts[0].equals("STATUS")) {
            events.add(new Event(name, parts[0], at, line));
        }
    }

    private static String value(String line, String key) {
        int at = line.indexOf(key + "=");
        int end = line.indexOf(' ', at);
        return line.substring(at + key.length() + 1, end < 0 ? line.length() : end);
    }

    /** The calls the sender reported so far. */
    List<Call> calls() {
        return List.copyOf(calls);
    }

    boolean awaitStarted(long timeout, TimeUnit unit) throws InterruptedException {
        return started.await(timeout, unit);
    }

    int inFlight() {
        return inFlight;
    }

    int owned() {
        return alive() ? owned : 0;
    }

    String lastStatus() {
        return lastStatus;
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGTERM. Through the handle: {@code Process.destroy()} would also close the pipe the last lines come on. */
    void terminate() {
        process.toHandle().destroy();
    }

    /** SIGKILL. */
    void kill() {
        process.toHandle().destroyForcibly();
    }

    /** Waits for the process to end, and for its last lines to be read. */
    boolean awaitExit(long timeout, TimeUnit unit) throws InterruptedException {
        boolean exited = process.waitFor(timeout, unit);
        if (exited) {
            reader.join(unit.toMillis(timeout));
        }
        return exited;
    }

    /** SIGKILL without waiting: for this JVM's shutdown hook. */
    void destroyNow() {
        process.destroyForcibly();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}

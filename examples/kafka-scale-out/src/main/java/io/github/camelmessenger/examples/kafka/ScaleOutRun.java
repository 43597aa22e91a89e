package io.github.camelmessenger.examples.kafka;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import io.github.camelmessenger.simulator.AcceptedMessage;
import io.github.camelmessenger.simulator.GraphSimulator;
import io.github.camelmessenger.simulator.Latency;
import io.github.camelmessenger.simulator.ScenarioRecipients;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The scale-out run behind the demo and the test: an in-JVM broker and Graph API simulator (with latency), sender
 * instances as separate JVMs, a feed of notifications for several Pages, one instance stopped with SIGTERM and one
 * killed with SIGKILL mid-way, a replacement started; then the figures, all taken from the simulator's record of what
 * it accepted, the dead-letter topic and the senders' event lines.
 */
public final class ScaleOutRun {

    /**
     * @param pages        how many Pages notifications are fed for
     * @param rate         notifications per second fed per Page, and the senders' per-Page rateLimit
     * @param feed         how long the feed runs
     * @param warmUp       how long after the feed's start the throughput measurement begins (JIT, connections)
     * @param terminateAt  when (from the feed's start) the first instance gets SIGTERM
     * @param killAt       when the second instance gets SIGKILL
     * @param replaceAt    when a replacement instance starts
     * @param blockedEvery every n-th notification of a Page goes to a recipient who blocked the Page (dead-lettered)
     * @param latency      the simulator's answer time
     */
    public record Plan(int pages, int rate, Duration feed, Duration warmUp, Duration terminateAt, Duration killAt,
            Duration replaceAt,
            int blockedEvery, String latency) {
    }

    /** Per Page: accepted sends (with repeats), distinct notifications sent, dead-lettered, repeats, busiest second. */
    public record PageFigures(String pageId, int partition, int fed, int accepted, int sent, int deadLettered,
            int duplicates, int maxInOneSecond) {
    }

    /**
     * @param pages                  the per-Page figures
     * @param lost                   notifications neither accepted by the simulator nor dead-lettered
     * @param duplicatesAfterKill    repeats whose first send came from the killed instance (its Page, sent before the
     *                               kill)
     * @param duplicatesOther        every other repeat (after the SIGTERM, a rebalance, the replacement)
     * @param inFlightAtKill         sends the killed instance had in flight at its last status line before the kill
     * @param rebalances             group generations that began after the feed started
     * @param windowsOverRate        1 s windows (start times) with more than rate + 1 sends for one Page
     * @param windowsOverRateOutside of those, the ones neither within 1 s of a partition moving nor in a host stall
     *                               (should be none)
     * @param windowsInHostStall     of those, the ones where Pages of two or more senders burst in the same second:
     *                               no single sender's pacing does that; the machine (or the simulator measuring the
     *                               arrivals) stalled and the requests queued meanwhile arrived together
     * @param throughput             accepted sends per second while all the first instances ran
     * @param terminatedCleanly      whether the SIGTERM-ed instance exited by itself, reporting no send unfinished
     * @param deadLetterHeaders      the Kafka headers of one dead-lettered record
     * @param events                 the senders' event lines, in time order
     */
    public record Report(List<PageFigures> pages, int fed, int lost, int duplicatesAfterKill, int duplicatesOther,
            int inFlightAtKill, int rebalances, List<String> windowsOverRate, List<String> windowsOverRateOutside,
            List<String> windowsInHostStall,
            double throughput, boolean terminatedCleanly, Duration took, Map<String, String> deadLetterHeaders,
            List<String> events) {

        public int duplicates() {
            return duplicatesAfterKill + duplicatesOther;
        }

        public void print(PrintStream out, Plan plan) {
            out.printf("%-12s %9s %5s %9s %6s %13s %10s %15s%n", "page", "partition", "fed", "accepted", "sent",
                    "dead-lettered", "duplicates", "max in any 1 s");
            for (PageFigures p : pages) {
                out.printf("%-12s %9d %5d %9d %6d %13d %10d %15d%n", p.pageId(), p.partition(), p.fed(),
                        p.accepted(), p.sent(), p.deadLettered(), p.duplicates(), p.maxInOneSecond());
            }
            out.printf("fed %d, lost %d, duplicates %d (after SIGTERM and rebalances %d; after SIGKILL %d, with %d "
                    + "sends in flight at the kill)%n", fed, lost, duplicates(), duplicatesOther, duplicatesAfterKill,
                    inFlightAtKill);
            out.printf(
                    "rebalances %d; 1 s windows with more than %d sends for a Page: %d (%d within 1 s of a partition "
                            + "moving, %d in host stalls, %d other)%s%n",
                    rebalances, plan.rate() + 1, windowsOverRate.size(),
                    windowsOverRate.size() - windowsInHostStall.size() - windowsOverRateOutside.size(),
                    windowsInHostStall.size(), windowsOverRateOutside.size(),
                    windowsOverRate.isEmpty() ? "" : ": " + windowsOverRate);
            if (!windowsInHostStall.isEmpty()) {
                out.println("  in host stalls: " + windowsInHostStall);
            }
            out.printf("throughput while all 3 instances ran (t+%d s to t+%d s): %.1f msgs/s (%.1f%% of %d)%n",
                    plan.warmUp().toSeconds(), plan.terminateAt().toSeconds(), throughput,
                    100 * throughput / (plan.pages() * plan.rate()), plan.pages() * plan.rate());
            out.println("a dead-letter record's headers: " + deadLetterHeaders);
            out.printf("SIGTERM-ed instance finished its sends and exited: %s; run took %d s%n", terminatedCleanly,
                    took.toSeconds());
        }
    }

    private ScaleOutRun() {
    }

    public static Report run(Plan plan, Path workDir, PrintStream out) throws Exception {
        long begun = System.nanoTime();
        Files.createDirectories(workDir);
        List<SenderProcess> senders = new ArrayList<>();
        EmbeddedKafkaKraftBroker broker = BrokerMain.start();
        GraphSimulator simulator = GraphSimulator.start(GraphSimulator.Settings.defaults()
                .withLatency(Latency.parse(plan.latency())));
        CamelContext feeder = new DefaultCamelContext();
        ScheduledExecutorService feed = Executors.newSingleThreadScheduledExecutor();
        try {
            String brokers = broker.getBrokersAsString();
            out.println("broker " + brokers + ", simulator " + simulator.baseUri() + " (latency " + plan.latency()
                    + ")");
            for (int i = 1; i <= 3; i++) {
                senders.add(SenderProcess.start("sender-" + i, brokers, simulator.baseUri(), workDir));
            }
            for (SenderProcess s : senders) {
                if (!s.awaitStarted(90, TimeUnit.SECONDS)) {
                    throw new IllegalStateException(s.name + " did not start; see " + workDir);
                }
            }
            awaitAssigned(senders, 60_000);
            out.println("3 senders own the " + BrokerMain.PARTITIONS + " partitions");

            KafkaComponent kafka = new KafkaComponent();
            kafka.getConfiguration().setBrokers(brokers);
            feeder.addComponent("kafka", kafka);
            feeder.addRoutes(new NotificationsProducerRoutes());
            feeder.start();
            ProducerTemplate template = feeder.createProducerTemplate();

            List<String> pageIds = pagesOnDistinctPartitions(plan.pages());
            warmUp(template, simulator, pageIds, out);
            Map<String, Notification> fed = new ConcurrentHashMap<>();
            AtomicLong tick = new AtomicLong();
            long ticks = plan.feed().toMillis() * plan.rate() / 1000;
            long feedStart = System.currentTimeMillis();
            // each tick sends every notification due by now: a slow tick (a busy machine) catches up in one batch
            java.util.function.LongConsumer feedUpTo = due -> {
                List<Notification> batch = new ArrayList<>();
                while (tick.get() < due) {
                    long n = tick.incrementAndGet();
                    for (String page : pageIds) {
                        String psid = n % plan.blockedEvery() == 0 ? ScenarioRecipients.BLOCKED
                                : "psid-" + page + "-" + (n % 7);
                        batch.add(new Notification("n-" + page + "-" + n, page, psid, "Update " + n + " from Page "
                                + page));
                    }
                }
                if (!batch.isEmpty()) {
                    template.sendBody("direct:notify", batch);
                    batch.forEach(notification -> fed.put(notification.id(), notification));
                }
            };
            feed.scheduleAtFixedRate(() -> {
                feedUpTo.accept(Math.min(ticks, (System.currentTimeMillis() - feedStart) * plan.rate() / 1000 + 1));
            }, 0, 1_000_000 / plan.rate(), TimeUnit.MICROSECONDS);

            SenderProcess terminated = senders.get(0);
            SenderProcess killed = senders.get(1);
            sleepUntil(feedStart + plan.terminateAt().toMillis());
            long terminateTime = System.currentTimeMillis();
            out.println("t+" + (terminateTime - feedStart) / 1000.0 + " s: SIGTERM " + terminated.name);
            terminated.terminate();
            sleepUntil(feedStart + plan.killAt().toMillis());
            int inFlightAtKill = killed.inFlight();
            long killTime = System.currentTimeMillis();
            killed.kill();
            out.println("t+" + (killTime - feedStart) / 1000.0 + " s: SIGKILL " + killed.name + " with "
                    + inFlightAtKill + " sends in flight");
            sleepUntil(feedStart + plan.replaceAt().toMillis());
            out.println("t+" + (System.currentTimeMillis() - feedStart) / 1000.0 + " s: start sender-4");
            SenderProcess replacement = SenderProcess.start("sender-4", brokers, simulator.baseUri(), workDir);
            senders.add(replacement);
            sleepUntil(feedStart + plan.feed().toMillis() + 200);
            feed.shutdown();
            if (!feed.awaitTermination(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The feed did not finish");
            }
            feedUpTo.accept(ticks);
            out.println("t+" + (System.currentTimeMillis() - feedStart) / 1000.0 + " s: feed done, " + fed.size()
                    + " notifications; waiting for the senders");

            Map<String, Map<String, String>> deadLetters = new HashMap<>();
            boolean complete = awaitAccounted(simulator, brokers, fed.keySet(), deadLetters, 90_000);
            out.println("t+" + (System.currentTimeMillis() - feedStart) / 1000.0 + " s: "
                    + (complete ? "every notification accounted for" : "gave up waiting"));
            boolean terminatedCleanly = terminated.awaitExit(5, TimeUnit.SECONDS)
                    && terminated.lastStatus().contains("unfinished=0")
                    && terminated.events().stream().anyMatch(e -> e.kind().equals("STOPPED"));
            for (SenderProcess s : senders) {
                if (s.alive()) {
                    s.terminate();
                }
            }
            for (SenderProcess s : senders) {
                s.awaitExit(60, TimeUnit.SECONDS);
            }
            // a final look: sends still arriving after the wait would be repeats
            Thread.sleep(500);
            return figures(plan, simulator.accepted(), fed, deadLetters, senders, feedStart, terminateTime, killTime,
                    killed.name, inFlightAtKill, terminatedCleanly, Duration.ofNanos(System.nanoTime() - begun));
        } finally {
            feed.shutdownNow();
            for (SenderProcess s : senders) {
                s.close();
            }
            feeder.stop();
            simulator.close();
            broker.destroy();
        }
    }

    /**
     * Two notifications per Page before the feed, left out of the figures: the first sends of a fresh JVM (class
     * loading, JIT, first connections) take seconds on a small machine and then go out in a burst.
     */
    private static void warmUp(ProducerTemplate template, GraphSimulator simulator, List<String> pageIds,
                               PrintStream out)
            throws InterruptedException {
        List<Notification> batch = new ArrayList<>();
        for (String page : pageIds) {
            for (int i = 1; i <= 2; i++) {
                batch.add(new Notification("w-" + page + "-" + i, page, "psid-warm-up", "Warm-up " + i));
            }
        }
        template.sendBody("direct:notify", batch);
        if (!simulator.await(sent -> sent.size() >= batch.size(), Duration.ofSeconds(60))) {
            throw new IllegalStateException("The warm-up notifications were not sent in 60 s");
        }
        out.println("warm-up: " + batch.size() + " notifications sent");
        // so the warm-up sends are out of every 1 s window of the feed
        Thread.sleep(1500);
    }

    /** Pages whose ids hash to distinct partitions (Kafka's default partitioner), so each has a partition of its own. */
    static List<String> pagesOnDistinctPartitions(int pages) {
        List<String> ids = new ArrayList<>();
        Set<Integer> used = new HashSet<>();
        for (long candidate = 100_000_000_001L; ids.size() < pages; candidate++) {
            if (used.add(partitionOf(Long.toString(candidate)))) {
                ids.add(Long.toString(candidate));
            }
        }
        return ids;
    }

    static int partitionOf(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % BrokerMain.PARTITIONS;
    }

    private static void awaitAssigned(List<SenderProcess> senders, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (senders.stream().mapToInt(SenderProcess::owned).sum() < BrokerMain.PARTITIONS
                || senders.stream().anyMatch(s -> s.owned() == 0)) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("The partitions were not assigned to all senders in time");
            }
            Thread.sleep(50);
        }
    }

    private static void sleepUntil(long epochMillis) throws InterruptedException {
        long left = epochMillis - System.currentTimeMillis();
        if (left > 0) {
            Thread.sleep(left);
        }
    }

    /** Waits until every fed notification was accepted or dead-lettered; collects the dead letters' headers. */
    private static boolean awaitAccounted(GraphSimulator simulator, String brokers, Set<String> fed,
                                          Map<String, Map<String, String>> deadLetters, long timeoutMs)
            throws InterruptedException {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> dlq = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = dlq.partitionsFor(SenderRoutes.DLQ).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            dlq.assign(partitions);
            dlq.seekToBeginning(partitions);
            long deadline = System.currentTimeMillis() + timeoutMs;
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : dlq.poll(Duration.ofMillis(200))) {
                    Map<String, String> headers = new LinkedHashMap<>();
                    for (Header h : r.headers()) {
                        headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
                    }
                    deadLetters.put(Notification.fromJson(r.value()).id(), headers);
                }
                Set<String> accounted = new HashSet<>(deadLetters.keySet());
                simulator.accepted().forEach(m -> accounted.add(metadata(m)));
                if (accounted.containsAll(fed)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static String metadata(AcceptedMessage m) {
        return m.request().path("message").path("metadata").asText(null);
    }

    private static Report figures(Plan plan, List<AcceptedMessage> accepted, Map<String, Notification> fed,
                                  Map<String, Map<String, String>> deadLetters, List<SenderProcess> senders,
                                  long feedStart, long terminateTime, long killTime, String killedName,
                                  int inFlightAtKill, boolean terminatedCleanly, Duration took) {
        List<SenderProcess.Event> events = senders.stream().flatMap(s -> s.events().stream())
                .sorted((a, b) -> Long.compare(a.at(), b.at())).toList();
        // partitions moving: every revocation, loss or assignment of a non-empty set
        List<Long> moves = events.stream()
                .filter(e -> Set.of("ASSIGNED", "REVOKED", "LOST").contains(e.kind()))
                .filter(e -> !e.line().contains("partitions=[]")).map(SenderProcess.Event::at).toList();
        Set<String> generations = events.stream().filter(e -> e.kind().equals("ASSIGNED") && e.at() >= feedStart)
                .map(e -> e.line().replaceAll(".*generation=(\\S+).*", "$1")).collect(Collectors.toSet());
        // the pages the killed instance owned when it died
        Set<Integer> killedPartitions = new TreeSet<>();
        for (SenderProcess.Event e : events) {
            if (e.sender().equals(killedName) && e.at() <= killTime
                    && Set.of("ASSIGNED", "REVOKED", "LOST").contains(e.kind())) {
                List<Integer> parts = partitions(e.line());
                if (e.kind().equals("ASSIGNED")) {
                    killedPartitions.addAll(parts);
                } else {
                    killedPartitions.removeAll(parts);
                }
            }
        }

        Map<String, List<AcceptedMessage>> byPage = accepted.stream()
                .filter(m -> fed.containsKey(metadata(m)))
                .collect(Collectors.groupingBy(AcceptedMessage::pageId));
        List<PageFigures> pages = new ArrayList<>();
        List<String> over = new ArrayList<>();
        List<String> overOutside = new ArrayList<>();
        List<long[]> overStarts = new ArrayList<>();
        int afterKill = 0;
        int other = 0;
        Set<String> accountedIds = new HashSet<>(deadLetters.keySet());
        for (String page : fed.values().stream().map(Notification::pageId).distinct().sorted().toList()) {
            List<AcceptedMessage> sends = byPage.getOrDefault(page, List.of()).stream()
                    .sorted((a, b) -> a.receivedAt().compareTo(b.receivedAt())).toList();
            Map<String, List<AcceptedMessage>> byId = sends.stream().collect(Collectors.groupingBy(
                    ScaleOutRun::metadata, LinkedHashMap::new, Collectors.toList()));
            accountedIds.addAll(byId.keySet());
            int duplicates = 0;
            for (List<AcceptedMessage> repeats : byId.values()) {
                if (repeats.size() > 1) {
                    long first = repeats.get(0).receivedAt().toEpochMilli();
                    // sent by the killed instance (before anyone else owned its Page), not recorded before it died,
                    // sent again by the next owner
                    boolean atKill = killedPartitions.contains(partitionOf(page))
                            && first < takeover(events, partitionOf(page), killTime);
                    duplicates += repeats.size() - 1;
                    if (atKill) {
                        afterKill += repeats.size() - 1;
                    } else {
                        other += repeats.size() - 1;
                    }
                }
            }
            int max = 0;
            int j = 0;
            long[] times = sends.stream().mapToLong(m -> m.receivedAt().toEpochMilli()).toArray();
            for (int i = 0; i < times.length; i++) {
                while (j < times.length && times[j] < times[i] + 1000) {
                    j++;
                }
                int inWindow = j - i;
                max = Math.max(max, inWindow);
                if (inWindow > plan.rate() + 1) {
                    long start = times[i];
                    String label = page + "@t+" + (start - feedStart) / 1000.0 + "s:" + inWindow;
                    if (over.stream().noneMatch(l -> l.startsWith(page + "@") && near(l, start, feedStart))) {
                        over.add(label);
                        boolean nearMove = moves.stream().anyMatch(m -> m >= start - 1000 && m <= start + 2000);
                        if (!nearMove) {
                            overOutside.add(label);
                            overStarts.add(new long[] { start, owner(events, partitionOf(page), start).hashCode() });
                        }
                    }
                }
            }
            int dead = (int) deadLetters.keySet().stream().filter(id -> fed.get(id) != null
                    && fed.get(id).pageId().equals(page)).count();
            int pageFed = (int) fed.values().stream().filter(n -> n.pageId().equals(page)).count();
            pages.add(new PageFigures(page, partitionOf(page), pageFed, sends.size(), byId.size(), dead, duplicates,
                    max));
        }
        // a burst that Pages of different senders share within 1 s is the host's, not a pacer's
        List<String> hostStall = new ArrayList<>();
        for (int i = 0; i < overOutside.size(); i++) {
            long[] mine = overStarts.get(i);
            boolean shared = overStarts.stream().anyMatch(o -> o[1] != mine[1] && Math.abs(o[0] - mine[0]) < 1000);
            if (shared) {
                hostStall.add(overOutside.get(i));
            }
        }
        overOutside.removeAll(hostStall);
        int lost = (int) fed.keySet().stream().filter(id -> !accountedIds.contains(id)).count();
        long from = feedStart + plan.warmUp().toMillis();
        long count = accepted.stream().filter(m -> fed.containsKey(metadata(m)))
                .map(m -> m.receivedAt().toEpochMilli()).filter(t -> t >= from
                        && t < terminateTime)
                .count();
        double throughput = count * 1000.0 / Math.max(1, terminateTime - from);
        return new Report(pages, fed.size(), lost, afterKill, other, inFlightAtKill, generations.size(), over,
                overOutside, hostStall, throughput, terminatedCleanly, took,
                deadLetters.values().stream().findFirst().orElse(Map.of()),
                events.stream().map(e -> e.sender() + " " + e.line()).toList());
    }

    /** When the partition was next assigned after the time, to whomever. */
    private static long takeover(List<SenderProcess.Event> events, int partition, long after) {
        return events.stream().filter(e -> e.at() > after && e.kind().equals("ASSIGNED")
                && partitions(e.line()).contains(partition)).mapToLong(SenderProcess.Event::at).min()
                .orElse(Long.MAX_VALUE);
    }

    /** The sender that owned the partition at that time, from the assignment events. */
    private static String owner(List<SenderProcess.Event> events, int partition, long at) {
        String owner = "";
        for (SenderProcess.Event e : events) {
            if (e.at() <= at && e.kind().equals("ASSIGNED") && partitions(e.line()).contains(partition)) {
                owner = e.sender();
            }
        }
        return owner;
    }

    /** Whether a reported window of the same Page starts within 1 s (one busy second is reported once). */
    private static boolean near(String label, long start, long feedStart) {
        double t = Double.parseDouble(label.replaceAll(".*@t\\+([0-9.\\-]+)s:.*", "$1"));
        return Math.abs(feedStart + t * 1000 - start) < 1000;
    }

    private static List<Integer> partitions(String line) {
        String list = line.replaceAll(".*partitions=\\[([^]]*)].*", "$1").trim();
        List<Integer> parts = new ArrayList<>();
        if (!list.isEmpty()) {
            for (String p : list.split(",")) {
                parts.add(Integer.parseInt(p.trim()));
            }
        }
        return parts;
    }
}

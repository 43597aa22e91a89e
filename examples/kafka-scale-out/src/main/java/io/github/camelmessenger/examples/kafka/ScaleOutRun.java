package io.github.camelmessenger.examples.kafka;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
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

    /**
     * Per Page: accepted sends (with repeats), distinct notifications sent, dead-lettered, repeats; and from the
     * arrival times of its Send API calls (accepted or refused, as the simulator saw them): the most calls in any 1 s
     * window that overlaps no move of its partition, how many times its partition moved during the feed, and the most
     * calls in a 1 s window overlapping such a move (the old owner's last sends and the new owner's first).
     */
    public record PageFigures(String pageId, int partition, int fed, int accepted, int sent, int deadLettered,
            int duplicates, int calls, int maxInOneSecond, int moves, int windowsOverMoves, int maxOverMoves) {
    }

    /**
     * @param pages                  the per-Page figures
     * @param lost                   notifications neither accepted by the simulator nor dead-lettered
     * @param duplicatesAfterKill    repeats whose first send came from the killed instance (its Page, sent before the
     *                               kill)
     * @param duplicatesOther        every other repeat (after the SIGTERM, a rebalance, the replacement)
     * @param inFlightAtKill         sends the killed instance had in flight at its last status line before the kill
     * @param rebalances             group generations that began after the feed started
     * @param windowsOverRate        1 s windows with more than rate + 1 calls for one Page, overlapping no move of
     *                               its partition (should be none), as {@code page@t+seconds:calls}
     * @param windowsOverMoves       1 s windows with more than rate + 1 calls for one Page that overlap a move of its
     *                               partition (excluded from the rate figure; reported), one per move
     * @param throughput             accepted sends per second while all the first instances ran
     * @param terminatedCleanly      whether the SIGTERM-ed instance exited by itself, reporting no send unfinished
     * @param deadLetterHeaders      the Kafka headers of one dead-lettered record
     * @param events                 the senders' event lines, in time order
     */
    public record Report(List<PageFigures> pages, int fed, int lost, int duplicatesAfterKill, int duplicatesOther,
            int inFlightAtKill, int rebalances, List<String> windowsOverRate, List<String> windowsOverMoves,
            double throughput, boolean terminatedCleanly, Duration took, Map<String, String> deadLetterHeaders,
            List<String> events) {

        public int duplicates() {
            return duplicatesAfterKill + duplicatesOther;
        }

        /** The most calls for one Page in any 1 s window overlapping no move of its partition. */
        public int maxInOneSecond() {
            return pages.stream().mapToInt(PageFigures::maxInOneSecond).max().orElse(0);
        }

        public void print(PrintStream out, Plan plan) {
            out.printf("%-12s %9s %5s %9s %6s %13s %10s %6s %15s %5s %18s%n", "page", "partition", "fed",
                    "accepted", "sent", "dead-lettered", "duplicates", "calls", "max in any 1 s", "moves",
                    "max in 1 s at move");
            for (PageFigures p : pages) {
                out.printf("%-12s %9d %5d %9d %6d %13d %10d %6d %15d %5d %18s%n", p.pageId(), p.partition(), p.fed(),
                        p.accepted(), p.sent(), p.deadLettered(), p.duplicates(), p.calls(), p.maxInOneSecond(),
                        p.moves(), p.moves() == 0 ? "-" : Integer.toString(p.maxOverMoves()));
            }
            out.printf("fed %d, lost %d, duplicates %d (after SIGTERM and rebalances %d; after SIGKILL %d, with %d "
                    + "sends in flight at the kill)%n", fed, lost, duplicates(), duplicatesOther, duplicatesAfterKill,
                    inFlightAtKill);
            out.printf("rebalances %d; per Page at most %d calls in any 1 s window outside partition moves "
                    + "(limit rate + 1 = %d), windows over it: %d%s%n", rebalances, maxInOneSecond(), plan.rate() + 1,
                    windowsOverRate.size(), windowsOverRate.isEmpty() ? "" : " " + windowsOverRate);
            int moves = pages.stream().mapToInt(PageFigures::moves).sum();
            out.printf("excluded: the 1 s windows overlapping one of the %d moves of a Page's partition; over %d in "
                    + "them: %d moves, at most %d calls%s%n", moves, plan.rate() + 1, windowsOverMoves.size(),
                    pages.stream().mapToInt(PageFigures::maxOverMoves).max().orElse(0),
                    windowsOverMoves.isEmpty() ? "" : " " + windowsOverMoves);
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
        List<SenderProcess> senders = new CopyOnWriteArrayList<>();
        // a run stopped from outside (Ctrl-C, a build timeout) takes its sender JVMs with it; a killed one leaves
        // them to notice it (SenderApp's sender.exitWithParent)
        Thread reaper = new Thread(() -> senders.forEach(SenderProcess::destroyNow), "reap-senders");
        Runtime.getRuntime().addShutdownHook(reaper);
        AtomicReference<Throwable> feedFailure = new AtomicReference<>();
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
                try {
                    feedUpTo.accept(Math.min(ticks,
                            (System.currentTimeMillis() - feedStart) * plan.rate() / 1000 + 1));
                } catch (RuntimeException | Error e) {
                    // the run waits on the feed's schedule: it ends now, with this as the cause
                    feedFailure.compareAndSet(null, e);
                    throw e;
                }
            }, 0, 1_000_000 / plan.rate(), TimeUnit.MICROSECONDS);
            Waits waits = new Waits(feedFailure);

            SenderProcess terminated = senders.get(0);
            SenderProcess killed = senders.get(1);
            waits.sleepUntil(feedStart + plan.terminateAt().toMillis());
            long terminateTime = System.currentTimeMillis();
            out.println("t+" + (terminateTime - feedStart) / 1000.0 + " s: SIGTERM " + terminated.name);
            terminated.terminate();
            waits.sleepUntil(feedStart + plan.killAt().toMillis());
            int inFlightAtKill = killed.inFlight();
            long killTime = System.currentTimeMillis();
            killed.kill();
            out.println("t+" + (killTime - feedStart) / 1000.0 + " s: SIGKILL " + killed.name + " with "
                    + inFlightAtKill + " sends in flight");
            waits.sleepUntil(feedStart + plan.replaceAt().toMillis());
            out.println("t+" + (System.currentTimeMillis() - feedStart) / 1000.0 + " s: start sender-4");
            SenderProcess replacement = SenderProcess.start("sender-4", brokers, simulator.baseUri(), workDir);
            senders.add(replacement);
            waits.sleepUntil(feedStart + plan.feed().toMillis() + 200);
            feed.shutdown();
            if (!feed.awaitTermination(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The feed did not finish");
            }
            waits.check();
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
            Map<String, List<Instant>> calls = new HashMap<>();
            pageIds.forEach(page -> calls.put(page, simulator.sendCallTimes(page)));
            return figures(plan, simulator.accepted(), calls, fed, deadLetters, senders, feedStart, terminateTime,
                    killTime,
                    killed.name, inFlightAtKill, terminatedCleanly, Duration.ofNanos(System.nanoTime() - begun));
        } finally {
            feed.shutdownNow();
            for (SenderProcess s : senders) {
                s.close();
            }
            feeder.stop();
            simulator.close();
            broker.destroy();
            try {
                Runtime.getRuntime().removeShutdownHook(reaper);
            } catch (IllegalStateException e) {
                // this JVM is already shutting down: the hook runs
            }
        }
    }

    /** Sleeps of the run's main thread that end early, with its cause, when the feed failed. */
    private record Waits(AtomicReference<Throwable> feedFailure) {
        void sleepUntil(long epochMillis) throws InterruptedException {
            long left;
            while ((left = epochMillis - System.currentTimeMillis()) > 0) {
                check();
                Thread.sleep(Math.min(left, 100));
            }
            check();
        }

        void check() {
            Throwable failure = feedFailure.get();
            if (failure != null) {
                throw new IllegalStateException("The feed failed: " + failure, failure);
            }
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

    /** A consumer of the whole dead-letter topic from its beginning, in no group. */
    static KafkaConsumer<String, String> deadLetterReader(String brokers) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> dlq = new KafkaConsumer<>(config);
        List<TopicPartition> partitions = dlq.partitionsFor(SenderRoutes.DLQ).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        dlq.assign(partitions);
        dlq.seekToBeginning(partitions);
        return dlq;
    }

    /** Waits until every fed notification was accepted or dead-lettered; collects the dead letters' headers. */
    private static boolean awaitAccounted(GraphSimulator simulator, String brokers, Set<String> fed,
                                          Map<String, Map<String, String>> deadLetters, long timeoutMs)
            throws InterruptedException {
        try (KafkaConsumer<String, String> dlq = deadLetterReader(brokers)) {
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

    private static Report figures(Plan plan, List<AcceptedMessage> accepted, Map<String, List<Instant>> calls,
                                  Map<String, Notification> fed,
                                  Map<String, Map<String, String>> deadLetters, List<SenderProcess> senders,
                                  long feedStart, long terminateTime, long killTime, String killedName,
                                  int inFlightAtKill, boolean terminatedCleanly, Duration took) {
        List<SenderProcess.Event> events = senders.stream().flatMap(s -> s.events().stream())
                .sorted((a, b) -> Long.compare(a.at(), b.at())).toList();
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
        List<String> overMoves = new ArrayList<>();
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
            // the Page's Send API calls as they arrived, from the feed's start (the warm-up is over by then)
            long[] times = calls.getOrDefault(page, List.of()).stream().mapToLong(Instant::toEpochMilli)
                    .filter(t -> t >= feedStart).sorted().toArray();
            List<long[]> pageMoves = moves(events, partitionOf(page), killedName, killTime, feedStart,
                    times.length == 0 ? feedStart : times[times.length - 1]);
            int max = 0;
            int[] maxAtMove = new int[pageMoves.size()];
            int j = 0;
            String overLabel = null;
            long overAt = Long.MIN_VALUE;
            for (int i = 0; i < times.length; i++) {
                while (j < times.length && times[j] < times[i] + 1000) {
                    j++;
                }
                int inWindow = j - i;
                long start = times[i];
                int move = overlappedMove(pageMoves, start);
                if (move >= 0) {
                    maxAtMove[move] = Math.max(maxAtMove[move], inWindow);
                    continue;
                }
                max = Math.max(max, inWindow);
                // the windows over rate + 1 that overlap no move, one per busy second
                if (inWindow > plan.rate() + 1 && start >= overAt + 1000) {
                    overAt = start;
                    overLabel = page + "@t+" + (start - feedStart) / 1000.0 + "s:" + inWindow;
                    over.add(overLabel);
                } else if (inWindow > plan.rate() + 1 && overLabel != null) {
                    int busiest = Integer.parseInt(overLabel.substring(overLabel.lastIndexOf(':') + 1));
                    if (inWindow > busiest) {
                        over.set(over.size() - 1, page + "@t+" + (overAt - feedStart) / 1000.0 + "s:" + inWindow);
                        overLabel = over.get(over.size() - 1);
                    }
                }
            }
            int maxOverMoves = 0;
            int windowsOverMoves = 0;
            for (int m = 0; m < pageMoves.size(); m++) {
                maxOverMoves = Math.max(maxOverMoves, maxAtMove[m]);
                if (maxAtMove[m] > plan.rate() + 1) {
                    windowsOverMoves++;
                    overMoves.add(page + "@t+" + (pageMoves.get(m)[0] - feedStart) / 1000.0 + "s:" + maxAtMove[m]);
                }
            }
            int dead = (int) deadLetters.keySet().stream().filter(id -> fed.get(id) != null
                    && fed.get(id).pageId().equals(page)).count();
            int pageFed = (int) fed.values().stream().filter(n -> n.pageId().equals(page)).count();
            pages.add(new PageFigures(page, partitionOf(page), pageFed, sends.size(), byId.size(), dead, duplicates,
                    times.length, max, pageMoves.size(), windowsOverMoves, maxOverMoves));
        }
        int lost = (int) fed.keySet().stream().filter(id -> !accountedIds.contains(id)).count();
        long from = feedStart + plan.warmUp().toMillis();
        long count = accepted.stream().filter(m -> fed.containsKey(metadata(m)))
                .map(m -> m.receivedAt().toEpochMilli()).filter(t -> t >= from
                        && t < terminateTime)
                .count();
        double throughput = count * 1000.0 / Math.max(1, terminateTime - from);
        return new Report(pages, fed.size(), lost, afterKill, other, inFlightAtKill, generations.size(), over,
                overMoves, throughput, terminatedCleanly, took,
                deadLetters.values().stream().findFirst().orElse(Map.of()),
                events.stream().map(e -> e.sender() + " " + e.line()).toList());
    }

    /**
     * The moves of a partition during the feed, each as [left its owner, assigned to the next]: from its revocation
     * (after the old owner's sends in flight completed), its loss, or its owner's SIGKILL, to its next assignment.
     * Only then can two owners' sends of one Page, or an old owner's and a new owner's fresh pacer, share a 1 s window.
     */
    private static List<long[]> moves(List<SenderProcess.Event> events, int partition, String killedName, long killTime,
                                      long feedStart, long lastCall) {
        List<long[]> moves = new ArrayList<>();
        Set<String> owners = new HashSet<>();
        for (SenderProcess.Event e : events) {
            if (!Set.of("ASSIGNED", "REVOKED", "LOST").contains(e.kind())
                    || !partitions(e.line()).contains(partition)) {
                continue;
            }
            if (e.kind().equals("ASSIGNED")) {
                owners.add(e.sender());
            } else {
                owners.remove(e.sender());
                if (e.at() >= feedStart && e.at() <= lastCall) {
                    moves.add(new long[] { e.at(), takeover(events, partition, e.at()) });
                }
            }
        }
        // the killed instance never said it let go: its partitions moved from the kill on
        if (owners.contains(killedName)) {
            moves.add(new long[] { killTime, takeover(events, partition, killTime) });
        }
        moves.sort((a, b) -> Long.compare(a[0], b[0]));
        return moves;
    }

    /** The move a 1 s window from the time overlaps (its index), or -1. */
    private static int overlappedMove(List<long[]> moves, long windowStart) {
        for (int m = 0; m < moves.size(); m++) {
            if (windowStart <= moves.get(m)[1] && windowStart + 1000 > moves.get(m)[0]) {
                return m;
            }
        }
        return -1;
    }

    /** When the partition was next assigned after the time, to whomever. */
    private static long takeover(List<SenderProcess.Event> events, int partition, long after) {
        return events.stream().filter(e -> e.at() >= after && e.kind().equals("ASSIGNED")
                && partitions(e.line()).contains(partition)).mapToLong(SenderProcess.Event::at).min()
                .orElse(Long.MAX_VALUE);
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

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
     * Per Page: accepted sends (with repeats), distinct notifications sent, dead-lettered, repeats; its Send API calls
     * as the simulator saw them (accepted or refused) and as the senders reported them; how many times its partition
     * moved during the feed; and the most calls in any 1 s window, counted twice: when the calls left the senders
     * (their call timestamps, all instances together) and when they arrived at the simulator, each outside the windows
     * that overlap a move of its partition and, apart, in those windows (the old owner's last calls and the new
     * owner's first).
     */
    public record PageFigures(String pageId, int partition, int fed, int accepted, int sent, int deadLettered,
            int duplicates, int calls, int reportedCalls, int moves, Windows atSenders, Windows atArrival) {
    }

    /**
     * The most calls of one Page in any 1 s window outside the moves of its partition, the most in a window that
     * overlaps a move, and the windows outside moves with more than rate + 1, as {@code page@t+seconds:calls} (one per
     * busy second, with its most).
     */
    public record Windows(int max, int maxAtMove, List<String> over) {
    }

    /**
     * @param pages               the per-Page figures
     * @param lost                notifications neither accepted by the simulator nor dead-lettered
     * @param duplicatesAfterKill repeats whose first send came from the killed instance (its Page, sent before the
     *                            kill)
     * @param duplicatesOther     every other repeat (after the SIGTERM, a rebalance, the replacement)
     * @param inFlightAtKill      sends the killed instance had in flight at its last status line before the kill
     * @param rebalances          group generations that began after the feed started
     * @param trip                milliseconds from a call's timestamp in its sender to its arrival at the simulator,
     *                            over the calls matched one to one by notification id: p50, p99, max
     * @param throughput          Send API calls per second (accepted or refused: notifications sent or
     *                            dead-lettered, and any repeats) while all the first instances ran
     * @param acceptedRate        of those, the calls the simulator accepted per second (the feed sends every 50th
     *                            notification of a Page to a recipient who blocked it)
     * @param terminatedCleanly   whether the SIGTERM-ed instance exited by itself, reporting no send unfinished
     * @param deadLetterHeaders   the Kafka headers of one dead-lettered record
     * @param events              the senders' event lines, in time order
     */
    public record Report(List<PageFigures> pages, int fed, int lost, int duplicatesAfterKill, int duplicatesOther,
            int inFlightAtKill, int rebalances, long[] trip, double throughput, double acceptedRate,
            boolean terminatedCleanly,
            Duration took, Map<String, String> deadLetterHeaders, List<String> events) {

        public int duplicates() {
            return duplicatesAfterKill + duplicatesOther;
        }

        /** Per Page, the most calls in any 1 s window outside moves, when they left the senders. */
        public int maxAtSenders() {
            return pages.stream().mapToInt(p -> p.atSenders().max()).max().orElse(0);
        }

        /** Per Page, the most calls in any 1 s window outside moves, when they arrived at the simulator. */
        public int maxAtArrival() {
            return pages.stream().mapToInt(p -> p.atArrival().max()).max().orElse(0);
        }

        /** The most calls of one Page in a 1 s window overlapping a move, when they left the senders. */
        public int maxAtSendersOverMoves() {
            return pages.stream().mapToInt(p -> p.atSenders().maxAtMove()).max().orElse(0);
        }

        /** Calls the simulator saw that no sender reported: made by the killed instance, whose answers it never saw. */
        public int unreportedCalls() {
            return pages.stream().mapToInt(p -> p.calls() - p.reportedCalls()).sum();
        }

        /** Calls the senders reported beyond those the simulator saw, per Page: none when every report is real. */
        public int overreportedCalls() {
            return pages.stream().mapToInt(p -> Math.max(0, p.reportedCalls() - p.calls())).sum();
        }

        public void print(PrintStream out, Plan plan) {
            int limit = plan.rate() + 1;
            out.printf("%-12s %9s %5s %8s %5s %13s %10s %6s %13s %12s %5s %16s%n", "page", "partition", "fed",
                    "accepted", "sent", "dead-lettered", "duplicates", "calls", "max 1 s sent", "max 1 s came",
                    "moves", "max 1 s at move");
            for (PageFigures p : pages) {
                out.printf("%-12s %9d %5d %8d %5d %13d %10d %6d %13d %12d %5d %16s%n", p.pageId(), p.partition(),
                        p.fed(), p.accepted(), p.sent(), p.deadLettered(), p.duplicates(), p.calls(),
                        p.atSenders().max(), p.atArrival().max(), p.moves(),
                        p.moves() == 0 ? "-" : p.atSenders().maxAtMove() + " / " + p.atArrival().maxAtMove());
            }
            out.printf("fed %d, lost %d, duplicates %d (after SIGTERM and rebalances %d; after SIGKILL %d, with %d "
                    + "sends in flight at the kill)%n", fed, lost, duplicates(), duplicatesOther, duplicatesAfterKill,
                    inFlightAtKill);
            List<String> overAtSenders = pages.stream().flatMap(p -> p.atSenders().over().stream()).toList();
            out.printf("rebalances %d; per Page at most %d calls in any 1 s window outside partition moves, as the "
                    + "calls left the senders (limit rate + 1 = %d), windows over it: %d%s%n", rebalances,
                    maxAtSenders(), limit, overAtSenders.size(), overAtSenders.isEmpty() ? "" : " " + overAtSenders);
            long overAtArrival = pages.stream().mapToLong(p -> p.atArrival().over().size()).sum();
            out.printf("as the calls arrived at the simulator: at most %d, over %d in %d windows; a call's trip from "
                    + "its sender to the simulator took p50 %d ms, p99 %d ms, max %d ms%n", maxAtArrival(), limit,
                    overAtArrival, trip[0], trip[1], trip[2]);
            int moves = pages.stream().mapToInt(PageFigures::moves).sum();
            out.printf("excluded: the 1 s windows overlapping one of the %d moves of a Page's partition: at most %d "
                    + "calls as they left the senders, %d as they arrived%n", moves, maxAtSendersOverMoves(),
                    pages.stream().mapToInt(p -> p.atArrival().maxAtMove()).max().orElse(0));
            out.printf("calls reported by the senders: %d of the %d the simulator saw (not reported: %d, the killed "
                    + "instance's unanswered calls)%n", pages.stream().mapToInt(PageFigures::reportedCalls).sum(),
                    pages.stream().mapToInt(PageFigures::calls).sum(), unreportedCalls());
            out.printf("throughput while all 3 instances ran (t+%d s to t+%d s): %.1f msgs/s (%.1f%% of %d), "
                    + "%.1f of them accepted and the rest dead-lettered (a recipient who blocked the Page)%n",
                    plan.warmUp().toSeconds(), plan.terminateAt().toSeconds(), throughput,
                    100 * throughput / (plan.pages() * plan.rate()), plan.pages() * plan.rate(), acceptedRate);
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
        EmbeddedKafkaKraftBroker broker = null;
        GraphSimulator simulator = null;
        CamelContext feeder = new DefaultCamelContext();
        ScheduledExecutorService feed = Executors.newSingleThreadScheduledExecutor();
        try {
            broker = BrokerMain.start();
            simulator = GraphSimulator.start(GraphSimulator.Settings.defaults()
                    .withLatency(Latency.parse(plan.latency())));
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
            for (String page : pageIds) {
                calls.put(page, simulator.sendCallTimes(page));
            }
            return figures(plan, simulator.accepted(), calls, fed, deadLetters, senders, feedStart, terminateTime,
                    killTime,
                    killed.name, inFlightAtKill, terminatedCleanly, Duration.ofNanos(System.nanoTime() - begun));
        } finally {
            feed.shutdownNow();
            for (SenderProcess s : senders) {
                s.close();
            }
            feeder.stop();
            if (simulator != null) {
                simulator.close();
            }
            if (broker != null) {
                broker.destroy();
            }
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
        List<SenderProcess.Call> reported = senders.stream().flatMap(s -> s.calls().stream()).toList();
        List<PageFigures> pages = new ArrayList<>();
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
            // the Page's Send API calls from the feed's start (the warm-up is over by then): as they arrived, and as
            // the senders reported them leaving
            long[] arrivals = calls.getOrDefault(page, List.of()).stream().mapToLong(Instant::toEpochMilli)
                    .filter(t -> t >= feedStart).sorted().toArray();
            long[] left = reported.stream().filter(c -> c.pageId().equals(page)).mapToLong(SenderProcess.Call::at)
                    .filter(t -> t >= feedStart).sorted().toArray();
            long lastCall = Math.max(arrivals.length == 0 ? feedStart : arrivals[arrivals.length - 1],
                    left.length == 0 ? feedStart : left[left.length - 1]);
            List<long[]> pageMoves = moves(events, partitionOf(page), killedName, killTime, feedStart, lastCall);
            int dead = (int) deadLetters.keySet().stream().filter(id -> fed.get(id) != null
                    && fed.get(id).pageId().equals(page)).count();
            int pageFed = (int) fed.values().stream().filter(n -> n.pageId().equals(page)).count();
            pages.add(new PageFigures(page, partitionOf(page), pageFed, sends.size(), byId.size(), dead, duplicates,
                    arrivals.length, left.length, pageMoves.size(),
                    windows(left, pageMoves, plan.rate() + 1, page, feedStart),
                    windows(arrivals, pageMoves, plan.rate() + 1, page, feedStart)));
        }
        int lost = (int) fed.keySet().stream().filter(id -> !accountedIds.contains(id)).count();
        long from = feedStart + plan.warmUp().toMillis();
        double seconds = Math.max(1, terminateTime - from) / 1000.0;
        long callCount = calls.values().stream().flatMap(List::stream).mapToLong(Instant::toEpochMilli)
                .filter(t -> t >= from && t < terminateTime).count();
        long acceptedCount = accepted.stream().filter(m -> fed.containsKey(metadata(m)))
                .mapToLong(m -> m.receivedAt().toEpochMilli()).filter(t -> t >= from && t < terminateTime).count();
        return new Report(pages, fed.size(), lost, afterKill, other, inFlightAtKill, generations.size(),
                trip(accepted, reported, feedStart), callCount / seconds, acceptedCount / seconds, terminatedCleanly,
                took,
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

    /** The 1 s windows of one Page's calls (sorted times), outside and over its partition's moves. */
    static Windows windows(long[] times, List<long[]> moves, int limit, String page, long feedStart) {
        int max = 0;
        int maxAtMove = 0;
        List<String> over = new ArrayList<>();
        long overAt = Long.MIN_VALUE;
        int overMost = 0;
        int j = 0;
        for (int i = 0; i < times.length; i++) {
            while (j < times.length && times[j] < times[i] + 1000) {
                j++;
            }
            int inWindow = j - i;
            long start = times[i];
            if (overlappedMove(moves, start) >= 0) {
                maxAtMove = Math.max(maxAtMove, inWindow);
                continue;
            }
            max = Math.max(max, inWindow);
            if (inWindow <= limit) {
                continue;
            }
            // one entry per busy second, with the most calls of its windows
            if (start >= overAt + 1000) {
                overAt = start;
                overMost = inWindow;
                over.add(page + "@t+" + (start - feedStart) / 1000.0 + "s:" + inWindow);
            } else if (inWindow > overMost) {
                overMost = inWindow;
                over.set(over.size() - 1, page + "@t+" + (overAt - feedStart) / 1000.0 + "s:" + inWindow);
            }
        }
        return new Windows(max, maxAtMove, List.copyOf(over));
    }

    /**
     * How long calls took from their sender to the simulator, in milliseconds (p50, p99, max), over the notifications
     * of the feed called once and accepted once, so each arrival is matched with the one call that made it.
     */
    private static long[] trip(List<AcceptedMessage> accepted, List<SenderProcess.Call> reported, long feedStart) {
        Map<String, List<Long>> left = new HashMap<>();
        reported.forEach(c -> left.computeIfAbsent(c.notificationId(), k -> new ArrayList<>()).add(c.at()));
        Map<String, List<Long>> arrived = new HashMap<>();
        accepted.forEach(m -> arrived.computeIfAbsent(metadata(m), k -> new ArrayList<>())
                .add(m.receivedAt().toEpochMilli()));
        long[] trips = left.entrySet().stream()
                .filter(e -> e.getValue().size() == 1 && e.getValue().get(0) >= feedStart
                        && arrived.getOrDefault(e.getKey(), List.of()).size() == 1)
                .mapToLong(e -> arrived.get(e.getKey()).get(0) - e.getValue().get(0)).sorted().toArray();
        if (trips.length == 0) {
            return new long[] { 0, 0, 0 };
        }
        return new long[] { trips[trips.length / 2], trips[(int) Math.min(trips.length - 1, trips.length * 0.99)],
                trips[trips.length - 1] };
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

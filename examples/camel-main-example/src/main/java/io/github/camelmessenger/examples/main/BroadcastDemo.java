package io.github.camelmessenger.examples.main;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.camelmessenger.send.MessengerSendConstants;
import io.github.camelmessenger.send.routing.MessengerErrorRouting;
import io.github.camelmessenger.simulator.GraphSimulator;
import io.github.camelmessenger.simulator.Latency;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;

/**
 * The demo job: broadcasts the bundled notifications (text, quick replies, templates, and recipients that fail in
 * each way Meta fails) through a paced route with error routing, shows live progress, and ends with a summary table.
 * It runs against the local Graph API simulator unless {@code MESSENGER_PAGE_ID} and {@code MESSENGER_ACCESS_TOKEN}
 * are set ({@code MESSENGER_NOTIFICATIONS} may name your own file of {@code {"id", "psid", "message"}} lines).
 * Against the simulator it prints the local Messenger's URL first (its port is {@code -Ddemo.port}, a free one by
 * default), answering each call after {@code -Ddemo.latency} (250 ms by default, as Meta takes hundreds of ms); with
 * {@code -Ddemo.keepOpen=true} the local Messenger stays up after the summary until Ctrl-C. The summary gives the
 * rate the Send API calls reached against the configured one.
 */
public final class BroadcastDemo {

    static final double RATE = 25;

    private BroadcastDemo() {
    }

    public static void main(String[] args) throws Exception {
        Path output = Path.of(args.length > 0 ? args[0] : "target/demo");
        String pageId = System.getenv("MESSENGER_PAGE_ID");
        String token = System.getenv("MESSENGER_ACCESS_TOKEN");
        String notifications = notifications(System.getenv("MESSENGER_NOTIFICATIONS"));
        Progress progress;
        if (pageId != null && token != null) {
            progress = run("https://graph.facebook.com", pageId, token, notifications, output, System.out);
            progress.printSummary(System.out, "Graph API, Page " + pageId,
                    output.resolve("dead-letter.jsonl").toString());
        } else {
            int port = Integer.getInteger("demo.port", 0);
            // Meta answers in hundreds of milliseconds: the simulator too, unless -Ddemo.latency says otherwise
            Latency latency = Latency.parse(System.getProperty("demo.latency", "250ms"));
            try (GraphSimulator simulator = GraphSimulator.start(port,
                    GraphSimulator.Settings.defaults().withRateLimit(40).withLatency(latency))) {
                System.out.println("Local Messenger: " + simulator.baseUri() + "/ (open it to watch the broadcast)");
                System.out.println("Simulator latency: " + latency + ", rate limit 40/s; broadcast paced at " + RATE
                        + "/s");
                progress = run(simulator.baseUri(), "1122334455", GraphSimulator.DEFAULT_TOKEN, notifications, output,
                        System.out, simulator);
                progress.printSummary(System.out, "local Graph API simulator, " + simulator.accepted().size()
                        + " messages accepted, answering after " + latency,
                        output.resolve("dead-letter.jsonl").toString());
                if (Boolean.getBoolean("demo.keepOpen")) {
                    keepOpen(simulator);
                }
            }
        }
        if (progress.sentCount() + progress.failedCount() == 0) {
            System.exit(1);
        }
    }

    /** Keeps the local Messenger up until Ctrl-C, so the conversations can still be browsed. */
    private static void keepOpen(GraphSimulator simulator) throws InterruptedException {
        System.out.println("The local Messenger stays open at " + simulator.baseUri() + "/ until Ctrl-C");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
        stopped.await();
    }

    /** Runs the broadcast to completion (or 150 s) and returns the counts. */
    static Progress run(String baseUri, String pageId, String token, String notifications, Path output,
                        PrintStream out)
            throws Exception {
        return run(baseUri, pageId, token, notifications, output, out, null);
    }

    /**
     * As above; against the simulator, a few sends to another Page first warm the route, then the simulator forgets
     * them. A JVM that has just started loads the classes of the answer path on the HTTP client's I/O threads while
     * the first answers come in, and the requests paced behind them would leave those threads together; an
     * application that has been running does not.
     */
    static Progress run(String baseUri, String pageId, String token, String notifications, Path output,
                        PrintStream out, GraphSimulator warmUp)
            throws Exception {
        Files.createDirectories(output);
        Files.deleteIfExists(output.resolve("dead-letter.jsonl"));
        int total = (int) notifications.lines().filter(l -> !l.isBlank()).count();
        Progress progress = new Progress(total, RATE);
        Main main = new Main();
        // counts the Send API calls (every attempt, answered or failed) for the achieved rate
        main.bind("broadcastCalls", progress.callCounter());
        main.configure().addRoutesBuilder(new MessengerErrorRouting("direct:dead-letter")
                .maximumRedeliveries(3).redeliveryDelay(500));
        main.configure().addRoutesBuilder(new BroadcastRoutes(progress));
        main.addInitialProperty("page.id", pageId);
        main.addInitialProperty("page.token", token);
        main.addInitialProperty("graph.baseUri", baseUri);
        main.addInitialProperty("demo.rate", Double.toString(RATE));
        main.addInitialProperty("demo.output", output.toAbsolutePath().toString());
        main.start();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ticker.scheduleAtFixedRate(() -> progress.printLine(out), 1, 1, TimeUnit.SECONDS);
        try {
            ProducerTemplate template = main.getCamelContext().createProducerTemplate();
            if (warmUp != null) {
                for (int i = 0; i < 10; i++) {
                    template.sendBodyAndHeader("direct:send-one", "{\"id\":\"" + Progress.WARM_UP
                            + "\",\"psid\":\"warm-up\",\"message\":\"warm-up\"}", MessengerSendConstants.PAGE_ID,
                            "999000999");
                }
                warmUp.reset();
            }
            progress.start();
            template.asyncSendBody("direct:broadcast", notifications);
            if (!progress.await(150, TimeUnit.SECONDS)) {
                out.println("The broadcast did not finish in 150 s");
            }
            progress.printLine(out);
        } finally {
            ticker.shutdownNow();
            main.stop();
        }
        return progress;
    }

    private static String notifications(String file) throws IOException {
        if (file != null) {
            return Files.readString(Path.of(file));
        }
        try (InputStream in = BroadcastDemo.class.getResourceAsStream("/notifications.jsonl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

package io.github.camelmessenger.examples.kafka;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.camelmessenger.send.routing.MessengerErrorRouting;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.processor.idempotent.kafka.KafkaIdempotentRepository;

/**
 * One sender instance; run as many as needed with the same {@code sender.group}. Configuration is camel-main's:
 * {@code application.properties}, overridden by JVM system properties, e.g. {@code -Dcamel.component.kafka.brokers=...},
 * {@code -Dcamel.component.messenger-send.base-uri=...}, {@code -Dcamel.component.messenger-send.access-token=...}.
 * <p>
 * Prints one line per event on standard output ({@code STARTED}, {@code ASSIGNED}, {@code REVOKED}, {@code STATUS}
 * every 50 ms with the sends in flight, {@code STOPPED}); the scale-out demo reads them. On SIGTERM it stops consuming,
 * lets the sends in flight finish, commits, and exits.
 */
public final class SenderApp {

    private SenderApp() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main();
        CompletedPrefixCommits commits = new CompletedPrefixCommits(
                Integer.getInteger("sender.maxInFlight", 256), System.out);
        String brokers = System.getProperty("camel.component.kafka.brokers", "localhost:9092");
        // the shared record of completed notifications; every instance reads the whole topic into its cache at start
        KafkaIdempotentRepository done = new KafkaIdempotentRepository(SenderRoutes.DONE, brokers);
        done.setMaxCacheSize(Integer.getInteger("sender.doneCacheSize", 1_000_000));
        SenderRoutes routes = new SenderRoutes(commits, done);
        main.bind("completedPrefixCommits", commits);
        main.bind("subscribeAdapter", commits);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport configured) {
                // started with the context, before the routes, and stopped after them
                try {
                    configured.getCamelContext().addService(done, true, false);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        main.configure().addRoutesBuilder(new MessengerErrorRouting("direct:dead-letter")
                .maximumRedeliveries(3).redeliveryDelay(200));
        main.configure().addRoutesBuilder(routes);

        ScheduledExecutorService status = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "status");
            t.setDaemon(true);
            return t;
        });
        Runnable print = () -> System.out.println("STATUS " + System.currentTimeMillis() + " inflight="
                + commits.inFlight() + " sent=" + routes.sent + " dead=" + routes.deadLettered + " skipped="
                + routes.skipped + " unfinished=" + routes.unfinished);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("STOPPING " + System.currentTimeMillis() + " inflight=" + commits.inFlight());
            try {
                main.stop();
            } catch (Exception e) {
                System.out.println("STOP-FAILED " + e);
            }
            print.run();
            System.out.println("STOPPED " + System.currentTimeMillis());
            System.out.flush();
            stopped.countDown();
        }, "graceful-stop"));

        main.start();
        status.scheduleAtFixedRate(print, 50, 50, TimeUnit.MILLISECONDS);
        System.out.println("STARTED " + System.currentTimeMillis());
        stopped.await();
    }
}

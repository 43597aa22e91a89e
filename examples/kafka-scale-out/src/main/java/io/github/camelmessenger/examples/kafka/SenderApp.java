package io.github.camelmessenger.examples.kafka;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.camelmessenger.send.routing.MessengerErrorRouting;
import org.apache.camel.main.Main;

/**
 * One sender instance; run as many as needed with the same {@code sender.group}. Configuration is camel-main's:
 * {@code application.properties}, overridden by JVM system properties, e.g. {@code -Dcamel.component.kafka.brokers=...},
 * {@code -Dcamel.component.messenger-send.base-uri=...}, {@code -Dcamel.component.messenger-send.access-token=...}.
 * <p>
 * Prints one line per event on standard output ({@code STARTED}, {@code ASSIGNED}, {@code REVOKED}, {@code LOST},
 * {@code HELD} and {@code RESUMED} for a partition held back over its cap, {@code STATUS} every 50 ms with the sends in
 * flight, {@code STOPPED}, and with {@code -Dsender.reportCalls=true} a {@code CALLED} line per completed send with its
 * call timestamp); the scale-out demo reads them. On SIGTERM it stops consuming,
 * lets the sends in flight finish, commits, and exits.
 */
public final class SenderApp {

    private SenderApp() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main();
        SenderRoutes routes = new SenderRoutes();
        main.configure().addRoutesBuilder(new MessengerErrorRouting("direct:dead-letter")
                .maximumRedeliveries(3).redeliveryDelay(200));
        main.configure().addRoutesBuilder(routes);

        ScheduledExecutorService status = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "status");
            t.setDaemon(true);
            return t;
        });
        Runnable print = () -> System.out.println("STATUS " + System.currentTimeMillis() + " inflight="
                + inFlight(routes) + " held=" + (routes.commits() == null ? 0 : routes.commits().held()) + " sent="
                + routes.sent + " dead=" + routes.deadLettered + " skipped="
                + routes.skipped + " unfinished=" + routes.unfinished);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("STOPPING " + System.currentTimeMillis() + " inflight=" + inFlight(routes));
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

        if (Boolean.getBoolean("sender.exitWithParent")) {
            exitWithParent();
        }
        main.start();
        status.scheduleAtFixedRate(print, 50, 50, TimeUnit.MILLISECONDS);
        System.out.println("STARTED " + System.currentTimeMillis());
        stopped.await();
    }

    /**
     * For a sender started by another JVM (the scale-out demo and test): when that parent ends, even killed, this
     * sender stops too (gracefully, with its shutdown hook, but within 15 s), rather than living on unattended.
     */
    private static void exitWithParent() {
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        CompletableFuture<ProcessHandle> gone = parent.map(ProcessHandle::onExit)
                .orElse(CompletableFuture.completedFuture(null));
        gone.thenRun(() -> {
            System.out.println("ORPHANED " + System.currentTimeMillis());
            Thread halt = new Thread(() -> {
                try {
                    Thread.sleep(15_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                Runtime.getRuntime().halt(3);
            }, "halt-when-orphaned");
            halt.setDaemon(true);
            halt.start();
            System.exit(3);
        });
    }

    private static int inFlight(SenderRoutes routes) {
        return routes.commits() == null ? 0 : routes.commits().inFlight();
    }
}

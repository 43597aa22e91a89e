package io.github.camelmessenger.examples.kafka;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The scale-out demo: an in-JVM Kafka broker and Graph API simulator (200 ms per answer), three sender JVMs in one
 * consumer group, 6 Pages fed at 30 notifications/s each for 40 s; at 20 s one sender gets SIGTERM, at 26 s another
 * SIGKILL, at 30 s a replacement starts; throughput is measured from 8 s (after warm-up) to 20 s. Prints the per-Page table and the figures. The argument, if any, is the
 * folder for the senders' error logs.
 */
public final class ScaleOutDemo {

    static final ScaleOutRun.Plan PLAN = new ScaleOutRun.Plan(6, 30, Duration.ofSeconds(40), Duration.ofSeconds(8),
            Duration.ofSeconds(20), Duration.ofSeconds(26), Duration.ofSeconds(30), 50, "200ms");

    private ScaleOutDemo() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "target/scale-out-demo");
        ScaleOutRun.Report report = ScaleOutRun.run(PLAN, work, System.out);
        System.out.println();
        report.events().forEach(e -> System.out.println("  " + e));
        System.out.println();
        report.print(System.out, PLAN);
        System.exit(report.lost() == 0 ? 0 : 1);
    }
}

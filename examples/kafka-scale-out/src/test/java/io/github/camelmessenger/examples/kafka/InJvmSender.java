package io.github.camelmessenger.examples.kafka;

import java.io.PrintStream;
import java.util.Properties;

import io.github.camelmessenger.send.MessengerSendComponent;
import io.github.camelmessenger.send.routing.MessengerErrorRouting;
import io.github.camelmessenger.simulator.GraphSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;

/**
 * The example's sender routes in this JVM, against a real broker and the simulator over HTTP: the routes, commit
 * tracking and error routing of {@link SenderApp}, with an in-memory repository and settings a test can tighten.
 */
final class InJvmSender implements AutoCloseable {

    final CamelContext context = new DefaultCamelContext();
    final CompletedPrefixCommits commits;

    /**
     * @param maxInFlightPerPartition the cap of {@link CompletedPrefixCommits}
     * @param rate                    the Pages' rateLimit
     * @param maxPollIntervalMs       the Kafka consumer's max.poll.interval.ms: how long it may go without polling
     *                                before the group takes its partitions away
     * @param events                  where the sender's event lines go
     */
    InJvmSender(String brokers, GraphSimulator simulator, String group, int maxInFlightPerPartition, int rate,
                int maxPollIntervalMs, PrintStream events)
            throws Exception {
        Properties properties = new Properties();
        properties.put("sender.group", group);
        properties.put("sender.sessionTimeoutMs", "6000");
        properties.put("page.rate", Integer.toString(rate));
        context.getPropertiesComponent().setInitialProperties(properties);
        KafkaComponent kafka = new KafkaComponent();
        kafka.getConfiguration().setBrokers(brokers);
        kafka.getConfiguration().setMaxPollIntervalMs(maxPollIntervalMs);
        context.addComponent("kafka", kafka);
        MessengerSendComponent messenger = new MessengerSendComponent();
        messenger.getConfiguration().setBaseUri(simulator.baseUri());
        messenger.getConfiguration().setAccessToken(GraphSimulator.DEFAULT_TOKEN);
        context.addComponent("messenger-send", messenger);
        commits = new CompletedPrefixCommits(maxInFlightPerPartition, events);
        context.addRoutes(new MessengerErrorRouting("direct:dead-letter").maximumRedeliveries(1).redeliveryDelay(50));
        MemoryIdempotentRepository done = new MemoryIdempotentRepository();
        context.addService(done);
        context.addRoutes(new SenderRoutes(commits, done));
        context.start();
    }

    @Override
    public void close() {
        context.stop();
    }
}

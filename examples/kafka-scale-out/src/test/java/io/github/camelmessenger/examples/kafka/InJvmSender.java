package io.github.camelmessenger.examples.kafka;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

import io.github.camelmessenger.send.MessengerSendComponent;
import io.github.camelmessenger.send.routing.MessengerErrorRouting;
import io.github.camelmessenger.simulator.GraphSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.component.kafka.KafkaConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The example's sender routes in this JVM, against an in-JVM broker and the simulator over HTTP, both started here:
 * the routes, commit tracking and error routing of {@link SenderApp}, with an in-memory repository and settings a test
 * can tighten. Closing it stops all three.
 */
final class InJvmSender implements AutoCloseable {

    final EmbeddedKafkaKraftBroker broker;
    final GraphSimulator simulator;
    final CamelContext context = new DefaultCamelContext();
    final CompletedPrefixCommits commits;
    private final ByteArrayOutputStream eventBytes = new ByteArrayOutputStream();
    SenderRoutes routes;

    /**
     * @param group                   the senders' consumer group
     * @param maxInFlightPerPartition the cap of {@link CompletedPrefixCommits}
     * @param rate                    the Pages' rateLimit
     * @param kafkaSettings           changes to camel-kafka's settings for the sender's consumer and producers
     * @param properties              more of the sender's properties ({@code sender.*})
     */
    InJvmSender(String group, int maxInFlightPerPartition, int rate, Consumer<KafkaConfiguration> kafkaSettings,
                Map<String, String> properties)
            throws Exception {
        broker = BrokerMain.start();
        commits = new CompletedPrefixCommits(maxInFlightPerPartition,
                new PrintStream(eventBytes, true, StandardCharsets.UTF_8));
        GraphSimulator started = null;
        try {
            started = GraphSimulator.start(GraphSimulator.Settings.defaults());
            startSender(started, group, rate, kafkaSettings, properties);
        } catch (Exception | Error e) {
            stop(context, started, broker);
            throw e;
        }
        simulator = started;
    }

    /** The sender's event lines so far ({@code ASSIGNED}, {@code HELD}, ...); printed when it is closed. */
    List<String> events() {
        return eventBytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    String brokers() {
        return broker.getBrokersAsString();
    }

    private void startSender(GraphSimulator graph, String group, int rate, Consumer<KafkaConfiguration> kafkaSettings,
                             Map<String, String> more)
            throws Exception {
        Properties properties = new Properties();
        properties.put("sender.group", group);
        properties.put("sender.sessionTimeoutMs", "6000");
        properties.put("page.rate", Integer.toString(rate));
        properties.putAll(more);
        context.getPropertiesComponent().setInitialProperties(properties);
        KafkaComponent kafka = new KafkaComponent();
        kafka.getConfiguration().setBrokers(brokers());
        kafkaSettings.accept(kafka.getConfiguration());
        context.addComponent("kafka", kafka);
        MessengerSendComponent messenger = new MessengerSendComponent();
        messenger.getConfiguration().setBaseUri(graph.baseUri());
        messenger.getConfiguration().setAccessToken(GraphSimulator.DEFAULT_TOKEN);
        context.addComponent("messenger-send", messenger);
        context.addRoutes(new MessengerErrorRouting("direct:dead-letter").maximumRedeliveries(1).redeliveryDelay(50));
        MemoryIdempotentRepository done = new MemoryIdempotentRepository();
        context.addService(done);
        routes = new SenderRoutes(commits, done);
        context.addRoutes(routes);
        // so a test can see which exchanges are in flight where
        context.getInflightRepository().setInflightBrowseEnabled(true);
        context.start();
    }

    @Override
    public void close() {
        try {
            stop(context, simulator, broker);
        } finally {
            System.out.print(eventBytes.toString(StandardCharsets.UTF_8));
        }
    }

    private static void stop(CamelContext context, GraphSimulator simulator, EmbeddedKafkaKraftBroker broker) {
        try {
            context.stop();
        } finally {
            try {
                if (simulator != null) {
                    simulator.close();
                }
            } finally {
                broker.destroy();
            }
        }
    }
}

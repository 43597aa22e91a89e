package io.github.camelmessenger.examples.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.github.camelmessenger.send.MessengerSendComponent;
import io.github.camelmessenger.send.routing.MessengerErrorRouting;
import io.github.camelmessenger.simulator.GraphSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A record that is not a notification, between good ones on one Page's partition: it goes to the dead-letter topic
 * as it came, and the partition's committed offset moves past it. The sender runs in this JVM against the in-JVM
 * broker and the simulator over HTTP.
 */
class MalformedRecordTest {

    private static final String PAGE = ScaleOutRun.pagesOnDistinctPartitions(1).get(0);
    private static final TopicPartition PARTITION = new TopicPartition(NotificationsProducerRoutes.TOPIC,
            ScaleOutRun.partitionOf(PAGE));
    private static final String GROUP = "malformed-test";

    private EmbeddedKafkaKraftBroker broker;
    private GraphSimulator simulator;
    private CamelContext sender;
    private CompletedPrefixCommits commits;

    @BeforeEach
    void start() throws Exception {
        broker = BrokerMain.start();
        simulator = GraphSimulator.start(GraphSimulator.Settings.defaults());
        sender = new DefaultCamelContext();
        Properties properties = new Properties();
        properties.put("sender.group", GROUP);
        properties.put("sender.sessionTimeoutMs", "6000");
        properties.put("page.rate", "30");
        sender.getPropertiesComponent().setInitialProperties(properties);
        KafkaComponent kafka = new KafkaComponent();
        kafka.getConfiguration().setBrokers(broker.getBrokersAsString());
        sender.addComponent("kafka", kafka);
        MessengerSendComponent messenger = new MessengerSendComponent();
        messenger.getConfiguration().setBaseUri(simulator.baseUri());
        messenger.getConfiguration().setAccessToken(GraphSimulator.DEFAULT_TOKEN);
        sender.addComponent("messenger-send", messenger);
        commits = new CompletedPrefixCommits(128, System.out);
        sender.addRoutes(new MessengerErrorRouting("direct:dead-letter").maximumRedeliveries(1).redeliveryDelay(50));
        MemoryIdempotentRepository done = new MemoryIdempotentRepository();
        sender.addService(done);
        sender.addRoutes(new SenderRoutes(commits, done));
        sender.start();
    }

    @AfterEach
    void stop() {
        if (sender != null) {
            sender.stop();
        }
        if (simulator != null) {
            simulator.close();
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    @Timeout(120)
    void aMalformedRecordIsDeadLetteredAsItCameAndThePartitionCommitsPastIt() throws Exception {
        List<String> values = new ArrayList<>();
        values.add(new Notification("n-1", PAGE, "psid-1", "first").toJson());
        values.add("{not a notification");
        for (int i = 2; i <= 4; i++) {
            values.add(new Notification("n-" + i, PAGE, "psid-1", "after " + i).toJson());
        }
        long first = produce(values);
        long end = first + values.size();

        Map<String, String> headers = new LinkedHashMap<>();
        String deadLetter = awaitDeadLetter(headers, 30_000);
        assertThat(deadLetter).isEqualTo("{not a notification");
        assertThat(headers).containsEntry("messenger.failure.class", IllegalArgumentException.class.getName())
                .containsKey("messenger.failure.reason");
        assertThat(headers.get("messenger.failure.reason")).startsWith("Not a notification");

        assertThat(simulator.await(sent -> sent.size() >= 4, Duration.ofSeconds(30))).isTrue();
        // committed as the sends complete (after each poll), not only when the partition is revoked
        assertThat(((org.apache.camel.component.kafka.KafkaConsumer) sender.getRoute("notifications-in")
                .getConsumer()).getConsumerListener()).isNotNull();
        // the records after the malformed one are committed: the prefix did not stop at it
        assertThat(awaitCommitted(end, 30_000)).isEqualTo(end);
        assertThat(commits.inFlight()).isZero();
    }

    private long produce(List<String> values) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            long first = -1;
            for (String value : values) {
                long offset = producer.send(new ProducerRecord<>(NotificationsProducerRoutes.TOPIC, PAGE, value))
                        .get().offset();
                if (first < 0) {
                    first = offset;
                }
                assertThat(ScaleOutRun.partitionOf(PAGE)).isEqualTo(PARTITION.partition());
            }
            return first;
        }
    }

    private String awaitDeadLetter(Map<String, String> headers, long timeoutMs) {
        try (KafkaConsumer<String, String> dlq = ScaleOutRun.deadLetterReader(broker.getBrokersAsString())) {
            long deadline = System.currentTimeMillis() + timeoutMs;
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : dlq.poll(Duration.ofMillis(200))) {
                    assertThat(r.key()).isEqualTo(PAGE);
                    for (Header h : r.headers()) {
                        headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
                    }
                    return r.value();
                }
            }
            return null;
        }
    }

    private long awaitCommitted(long atLeast, long timeoutMs) throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        long committed = -1;
        try (Admin admin = Admin.create(config)) {
            long deadline = System.currentTimeMillis() + timeoutMs;
            while (System.currentTimeMillis() < deadline) {
                OffsetAndMetadata offset = admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata()
                        .get().get(PARTITION);
                committed = offset == null ? -1 : offset.offset();
                if (committed >= atLeast) {
                    return committed;
                }
                Thread.sleep(100);
            }
        }
        return committed;
    }
}

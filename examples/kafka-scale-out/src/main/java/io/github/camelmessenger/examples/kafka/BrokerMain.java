package io.github.camelmessenger.examples.kafka;

import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * An in-JVM single-node KRaft broker for tests and the demo, with the example's topics. Prints its bootstrap servers
 * and runs until stopped. Real deployments point {@code camel.component.kafka.brokers} at their own cluster instead.
 */
public final class BrokerMain {

    /** Partitions of each topic: more than the instances, so every instance owns some and Pages spread out. */
    public static final int PARTITIONS = 12;

    private BrokerMain() {
    }

    /** Starts a broker on a free port with the notifications, dead-letter and idempotent-repository topics. */
    public static EmbeddedKafkaKraftBroker start() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS,
                NotificationsProducerRoutes.TOPIC, SenderRoutes.DLQ, SenderRoutes.DONE);
        broker.brokerProperties(Map.of("group.initial.rebalance.delay.ms", "0",
                "offsets.topic.replication.factor", "1", "transaction.state.log.replication.factor", "1"));
        broker.afterPropertiesSet();
        return broker;
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedKafkaKraftBroker broker = start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.destroy();
            stopped.countDown();
        }));
        System.out.println("Kafka bootstrap servers: " + broker.getBrokersAsString());
        System.out.println("Senders: -Dcamel.component.kafka.brokers=" + broker.getBrokersAsString());
        stopped.await();
    }
}

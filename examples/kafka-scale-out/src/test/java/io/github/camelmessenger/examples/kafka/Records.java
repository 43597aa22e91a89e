package io.github.camelmessenger.examples.kafka;

import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/** Test records on the notifications topic, and the group's committed offsets, through Kafka's own clients. */
final class Records {

    private Records() {
    }

    /** Puts the values on the notifications topic keyed by the Page, in order; answers the first one's offset. */
    static long produce(String brokers, String pageId, List<String> values) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            long first = -1;
            for (String value : values) {
                long offset = producer.send(new ProducerRecord<>(NotificationsProducerRoutes.TOPIC, pageId, value))
                        .get().offset();
                if (first < 0) {
                    first = offset;
                }
            }
            return first;
        }
    }

    /** Waits until the group committed at least the offset for the partition; answers its last committed offset. */
    static long awaitCommitted(String brokers, String group, TopicPartition partition, long atLeast, long timeoutMs)
            throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        long committed = -1;
        try (Admin admin = Admin.create(config)) {
            long deadline = System.currentTimeMillis() + timeoutMs;
            while (System.currentTimeMillis() < deadline) {
                OffsetAndMetadata offset = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                        .get().get(partition);
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

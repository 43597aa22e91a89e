package io.github.camelmessenger.examples.kafka;

import java.util.concurrent.atomic.AtomicLong;

import io.github.camelmessenger.send.MessengerSendConstants;
import io.github.camelmessenger.send.routing.MessengerErrorRouting;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Route;
import org.apache.camel.Service;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.KafkaConsumer;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.camel.processor.idempotent.kafka.KafkaIdempotentRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.LifecycleStrategySupport;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.kafka.common.TopicPartition;

/**
 * The sender: consumes {@value NotificationsProducerRoutes#TOPIC} in one consumer group with any number of
 * instances, so each Page (record key) has one owner that paces it alone.
 * <ul>
 * <li>{@code notifications-in} runs on the Kafka consumer thread and only hands each record off (a wire tap), so many
 * sends are in flight per partition while the consumer keeps polling; {@link CompletedPrefixCommits} holds back
 * (pauses) a partition with too many in flight, never the consumer thread.</li>
 * <li>{@code send} skips a notification the shared repository has seen, sends it through {@code messenger-send}
 * with the Page's {@code rateLimit} (asynchronous, no thread held while paced or waiting for Meta), records its id,
 * and marks its record complete; {@link CompletedPrefixCommits} commits the completed prefix of each partition.</li>
 * <li>final failures go to {@value #DLQ} through {@link MessengerErrorRouting}, with the failure as Kafka headers
 * ({@code messenger.*}: camel-kafka does not pass on headers named {@code Camel*}), and count as complete; so does
 * any other failure of the route (a record that is not a notification, a bug): its record goes to {@value #DLQ} as
 * it came, so no partition's committed prefix waits for it.</li>
 * </ul>
 */
public class SenderRoutes extends RouteBuilder {

    public static final String DLQ = "messenger.notifications.dlq";
    /** The {@code KafkaIdempotentRepository} topic: ids of notifications sent or dead-lettered. */
    public static final String DONE = "messenger.notifications.done";

    private static final String IN = "notifications-in";
    private static final String NOTIFICATION = "notification";
    private static final String PAGE = "pageId";
    /** The record's value as it came off the topic, for a dead letter when it is not a notification. */
    private static final String RAW = "rawRecord";
    /** When the failed call left (the component's call timestamp), kept past the dead letter's header reset. */
    private static final String CALLED_AT = "calledAt";
    /** The send route's call to messenger-send: where an exchange waits for its pacing slot and for Meta. */
    static final String SEND_NODE = "send-to-messenger";
    /** Redeliveries of a dead letter the broker refused, after the Kafka producer's own retries. */
    static final int DEAD_LETTER_TRIES = 5;

    private CompletedPrefixCommits commits;
    private IdempotentRepository done;
    final AtomicLong sent = new AtomicLong();
    final AtomicLong deadLettered = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();
    final AtomicLong unfinished = new AtomicLong();
    private boolean reportCalls;

    /**
     * Routes that make their own commit tracking and shared repository (a {@code KafkaIdempotentRepository} on
     * {@value #DONE} at {@code camel.component.kafka.brokers}), as a Camel K Integration or camel-main discovers them.
     */
    public SenderRoutes() {
    }

    public SenderRoutes(CompletedPrefixCommits commits, IdempotentRepository done) {
        this.commits = commits;
        this.done = done;
    }

    CompletedPrefixCommits commits() {
        return commits;
    }

    @Override
    public void configure() throws Exception {
        if (commits == null) {
            commits = new CompletedPrefixCommits(
                    Integer.parseInt(getContext().resolvePropertyPlaceholders(
                            "{{sender.maxInFlightPerPartition:64}}")),
                    System.out);
            KafkaIdempotentRepository repository = new KafkaIdempotentRepository(DONE,
                    getContext().resolvePropertyPlaceholders("{{camel.component.kafka.brokers}}"));
            repository.setMaxCacheSize(1_000_000);
            done = repository;
            // started with the context, before the routes, and stopped after them
            getContext().addService(repository, true, false);
        }
        reportCalls = Boolean.parseBoolean(getContext().resolvePropertyPlaceholders("{{sender.reportCalls:false}}"));
        CompletedPrefixCommits tracker = commits;
        getContext().addLifecycleStrategy(new LifecycleStrategySupport() {
            @Override
            public void onContextStopping(CamelContext context) {
                // a graceful stop waits for the sends in flight while the consumer still polls: take no more
                tracker.stopHandingOn();
            }

            @Override
            public void onServiceAdd(CamelContext context, Service service, Route route) {
                // the route's consumer, made when the route warms up and before it starts: camel-kafka hands its
                // consumer listener to the polling task at start, and calls it after every poll (empty ones too)
                if (service instanceof KafkaConsumer kafka && route != null && IN.equals(route.getRouteId())) {
                    kafka.setConsumerListener(tracker.pollListener());
                }
            }
        });
        getContext().getRegistry().bind("completedPrefixCommits", commits);
        // camel-kafka subscribes through this bean: the rebalance listener that waits and commits on revocation
        getContext().getRegistry().bind("subscribeAdapter", commits);
        from("kafka:" + NotificationsProducerRoutes.TOPIC + "?groupId={{sender.group}}&consumersCount=1"
                + "&autoCommitEnable=false&allowManualCommit=true&kafkaManualCommitFactory=#completedPrefixCommits"
                + "&breakOnFirstError=false&maxPollRecords=500&pollTimeoutMs=100&autoOffsetReset=earliest"
                + "&sessionTimeoutMs={{sender.sessionTimeoutMs}}&heartbeatIntervalMs=1000"
                + "&partitionAssignor=org.apache.kafka.clients.consumer.CooperativeStickyAssignor")
                .routeId(IN)
                .process(this::admit)
                .wireTap("direct:send");

        from("direct:send").routeId("send").routeConfigurationId(MessengerErrorRouting.ID)
                // every failure the component's error routing does not handle (it handles the messenger-send
                // ones, which match it more closely) is final too: dead-lettered, so its record completes
                .onException(Exception.class).handled(true).to("direct:dead-letter").end()
                .process(this::prepare)
                .toD("messenger-send:${exchangeProperty." + PAGE + "}?messagingType=UPDATE"
                        + "&rateLimit={{page.rate}}")
                .id(SEND_NODE)
                // recording the id waits for Kafka's acknowledgement: not on the HTTP client's I/O thread
                .threads(16, 16).threadName("record-done")
                .process(exchange -> finish(exchange, sent));

        from("direct:dead-letter").routeId("dead-letter")
                // the Kafka producer already retries for its delivery.timeout.ms (2 minutes); past that, a few more
                // tries a while apart, without a thread waiting, before the record is given up (UNFINISHED)
                .errorHandler(defaultErrorHandler().maximumRedeliveries(DEAD_LETTER_TRIES)
                        .redeliveryDelay(Long.parseLong(getContext().resolvePropertyPlaceholders(
                                "{{sender.deadLetterRedeliveryDelayMs:1000}}")))
                        .useExponentialBackOff().maximumRedeliveryDelay(30_000)
                        .asyncDelayedRedelivery().retryAttemptedLogLevel(LoggingLevel.WARN))
                .process(SenderRoutes::failureRecord)
                .to("kafka:" + DLQ)
                .threads(2, 8).threadName("record-dead")
                .process(exchange -> finish(exchange, deadLettered));
    }

    /** Hands nothing on over the partition's cap (the partition is held back) or once the stop has begun. */
    private void admit(Exchange exchange) {
        org.apache.camel.Message m = exchange.getMessage();
        TopicPartition partition = new TopicPartition(m.getHeader(KafkaConstants.TOPIC, String.class),
                m.getHeader(KafkaConstants.PARTITION, Integer.class));
        if (!commits.admit(partition, m.getHeader(KafkaConstants.OFFSET, Long.class))) {
            exchange.setRouteStop(true);
        }
    }

    /** Reads the notification, arranges for its record to count as complete, and skips it when already done. */
    private void prepare(Exchange exchange) {
        org.apache.camel.Message record = exchange.getMessage();
        KafkaManualCommit commit = record.getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onComplete(Exchange completed) {
                commit.commit();
            }

            @Override
            public void onFailure(Exchange failed) {
                // neither sent nor dead-lettered (the dead-letter topic unreachable): its record stays
                // uncommitted, so the partition's commits stop at it until the partition changes owner or the
                // instance restarts, and the next consumer sends it; not waited for meanwhile
                commits.abandon(commit);
                unfinished.incrementAndGet();
                System.out.println("UNFINISHED " + failed.getProperty(NOTIFICATION) + " "
                        + failed.getException());
            }
        });
        exchange.setProperty(RAW, exchange.getMessage().getBody(String.class));
        Notification notification = Notification.fromJson(exchange.getMessage().getBody(String.class));
        exchange.setProperty(NOTIFICATION, notification);
        exchange.setProperty(PAGE, notification.pageId());
        if (done.contains(notification.id())) {
            skipped.incrementAndGet();
            exchange.setRouteStop(true);
            return;
        }
        exchange.getMessage().setHeader(MessengerSendConstants.RECIPIENT_ID, notification.psid());
        exchange.getMessage().setBody(notification.messageJson());
    }

    private void finish(Exchange exchange, AtomicLong counter) {
        Notification notification = exchange.getProperty(NOTIFICATION, Notification.class);
        Long called = exchange.getProperty(CALLED_AT, exchange.getMessage()
                .getHeader(MessengerSendConstants.CALL_TIMESTAMP, Long.class), Long.class);
        if (reportCalls && notification != null && called != null) {
            // when the call left this instance, after its pacing slot: the demo counts each Page's calls per second
            // over all instances from these lines
            System.out.println("CALLED " + called + " page=" + notification.pageId() + " id=" + notification.id());
        }
        if (notification != null) {
            try {
                done.add(notification.id());
            } catch (RuntimeException e) {
                // the send is done (sent or dead-lettered) whatever the shared repository says: never dead-letter a
                // notification Meta accepted. Its record is still committed, so only a replay of the topic from
                // before this offset could send it again
                System.out.println("NOT-RECORDED " + notification.id() + " " + e);
            }
        }
        counter.incrementAndGet();
    }

    /**
     * The dead-letter record: the notification as it came, keyed by Page, with the failure as plain headers; a record
     * that could not be read as a notification goes as it came, with its own key.
     */
    private static void failureRecord(Exchange exchange) {
        org.apache.camel.Message m = exchange.getMessage();
        Long called = m.getHeader(MessengerSendConstants.CALL_TIMESTAMP, Long.class);
        if (called != null) {
            exchange.setProperty(CALLED_AT, called);
        }
        Notification notification = exchange.getProperty(NOTIFICATION, Notification.class);
        Object key = notification != null ? notification.pageId() : m.getHeader(KafkaConstants.KEY);
        String raw = exchange.getProperty(RAW, String.class);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String failureClass = m.getHeader(MessengerSendConstants.FAILURE_CLASS, String.class);
        String code = m.getHeader(MessengerSendConstants.ERROR_CODE, String.class);
        String subcode = m.getHeader(MessengerSendConstants.ERROR_SUBCODE, String.class);
        String fbtrace = m.getHeader(MessengerSendConstants.FBTRACE_ID, String.class);
        String retriable = m.getHeader(MessengerSendConstants.RETRIABLE, String.class);
        m.removeHeaders("*");
        if (key != null) {
            m.setHeader(KafkaConstants.KEY, key);
        }
        putIfSet(m, "messenger.failure.class", failureClass != null ? failureClass
                : cause == null ? null : cause.getClass().getName());
        putIfSet(m, "messenger.error.code", code);
        putIfSet(m, "messenger.error.subcode", subcode);
        putIfSet(m, "messenger.fbtrace.id", fbtrace);
        putIfSet(m, "messenger.retriable", retriable);
        putIfSet(m, "messenger.failure.reason", cause == null ? null : cause.getMessage());
        putIfSet(m, "messenger.call.timestamp", called == null ? null : called.toString());
        m.setBody(notification != null ? notification.toJson() : raw);
    }

    private static void putIfSet(org.apache.camel.Message m, String name, String value) {
        if (value != null) {
            m.setHeader(name, value);
        }
    }

}

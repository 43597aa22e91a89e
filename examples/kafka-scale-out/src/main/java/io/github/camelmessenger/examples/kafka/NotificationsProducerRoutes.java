package io.github.camelmessenger.examples.kafka;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * The producing side: whatever creates notifications sends a {@link Notification} to {@code direct:notify}; the route
 * puts it on {@value #TOPIC} keyed by its Page ID. Each record is acknowledged before the next is sent, so a Page's
 * notifications keep their order.
 */
public class NotificationsProducerRoutes extends RouteBuilder {

    public static final String TOPIC = "messenger.notifications";

    @Override
    public void configure() {
        from("direct:notify").routeId("notifications-producer")
                .setHeader(KafkaConstants.KEY, simple("${body.pageId}"))
                .transform(simple("${body.toJson()}"))
                .to("kafka:" + TOPIC + "?acks=all");
    }
}

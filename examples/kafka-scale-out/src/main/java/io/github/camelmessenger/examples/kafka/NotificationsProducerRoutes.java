package io.github.camelmessenger.examples.kafka;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.support.DefaultMessage;

/**
 * The producing side: whatever creates notifications sends a {@link Notification}, or a list of them, to
 * {@code direct:notify}; the route puts each on {@value #TOPIC} keyed by its Page ID, so all of a Page's notifications
 * go to one partition, in order. A list goes out as one batch of records (camel-kafka sends an iterable body record
 * by record, each with its own key), which keeps a fast feed from waiting for one acknowledgement per record.
 */
public class NotificationsProducerRoutes extends RouteBuilder {

    public static final String TOPIC = "messenger.notifications";

    @Override
    public void configure() {
        from("direct:notify").routeId("notifications-producer")
                .process(NotificationsProducerRoutes::toRecords)
                .to("kafka:" + TOPIC);
    }

    private static void toRecords(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        if (body instanceof Notification notification) {
            exchange.getMessage().setHeader(KafkaConstants.KEY, notification.pageId());
            exchange.getMessage().setBody(notification.toJson());
            return;
        }
        List<Message> records = new ArrayList<>();
        for (Object item : exchange.getMessage().getBody(List.class)) {
            Notification notification = (Notification) item;
            Message record = new DefaultMessage(exchange);
            record.setHeader(KafkaConstants.KEY, notification.pageId());
            record.setBody(notification.toJson());
            records.add(record);
        }
        exchange.getMessage().setBody(records);
    }
}

package io.github.camelmessenger.examples.main;

import java.util.Map;

import io.github.camelmessenger.send.MessengerSendConstants;
import io.github.camelmessenger.send.model.Message;
import io.github.camelmessenger.send.model.QuickReply;
import org.apache.camel.builder.RouteBuilder;

/**
 * The smallest useful route: an order event in, a Messenger notification with quick replies out.
 */
public class NotifyRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:order-shipped").routeId("order-shipped")
                .process(exchange -> {
                    Map<?, ?> order = exchange.getMessage().getBody(Map.class);
                    exchange.getMessage().setHeader(MessengerSendConstants.RECIPIENT_ID, order.get("psid"));
                    exchange.getMessage().setBody(Message.builder()
                            .text("Your order " + order.get("orderId") + " has shipped")
                            .quickReply(QuickReply.text("Track it", "TRACK"))
                            .build());
                })
                .to("messenger-send:{{page.id}}?accessToken=RAW({{page.token}})&baseUri={{graph.baseUri}}"
                        + "&messagingType=UPDATE");
    }
}

package io.github.camelmessenger.examples.bot;

import io.github.camelmessenger.send.model.Message;
import io.github.camelmessenger.send.model.QuickReply;
import io.github.camelmessenger.send.model.button.Button;
import io.github.camelmessenger.send.model.template.ButtonTemplate;
import org.apache.camel.builder.RouteBuilder;

/**
 * An order-status bot. Each message or postback is marked seen, answered with typing, then with a reply chosen by
 * the quick reply's or the button's payload. Every send goes to the person who wrote (the webhook sets
 * {@code CamelMessengerRecipientId}) from the Page that received it ({@code CamelMessengerPageId}), as a
 * {@code RESPONSE}.
 */
public class BotRoutes extends RouteBuilder {

    static final Message GREETING = Message.builder()
            .text("Hi! I am the order bot. What can I do for you?")
            .quickReply(QuickReply.text("Track my order", "ORDER_STATUS"))
            .quickReply(QuickReply.text("Talk to a human", "HUMAN"))
            .build();

    static final Message ORDER_STATUS = Message.template(ButtonTemplate.of(
            "Order #1234 has shipped and arrives on Friday.",
            Button.postback("Cancel order", "CANCEL_1234"),
            Button.webUrl("Track parcel", "https://shop.example.com/orders/1234")));

    static final Message CANCELLED = Message.text("Order #1234 is cancelled. The refund is on its way.");

    static final Message HUMAN = Message.text("Someone from our team will answer you here shortly.");

    @Override
    public void configure() {
        String send = "messenger-send:me?accessToken=RAW({{bot.accessToken}})&baseUri={{bot.baseUri}}";

        from("messenger-webhook:messenger?verifyToken=RAW({{bot.verifyToken}})&appSecret=RAW({{bot.appSecret}})"
                + "&events=message,postback").routeId("order-bot")
                .to(send + "&senderAction=mark_seen")
                .to(send + "&senderAction=typing_on")
                .choice()
                .when(header("CamelMessengerPayload").isEqualTo("ORDER_STATUS")).setBody(constant(ORDER_STATUS))
                .when(header("CamelMessengerPayload").isEqualTo("CANCEL_1234")).setBody(constant(CANCELLED))
                .when(header("CamelMessengerPayload").isEqualTo("HUMAN")).setBody(constant(HUMAN))
                .otherwise().setBody(constant(GREETING))
                .end()
                .to(send);
    }
}

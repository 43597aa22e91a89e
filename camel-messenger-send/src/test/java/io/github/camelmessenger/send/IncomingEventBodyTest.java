package io.github.camelmessenger.send;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.github.camelmessenger.send.error.MessengerValidationException;
import io.github.camelmessenger.send.error.MessengerValidationException.Violation;
import io.github.camelmessenger.send.model.event.WebhookEvent;
import io.github.camelmessenger.send.model.event.WebhookEvents;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body that is still the webhook event a route received is not sent back: the route forgot to set its reply.
 */
class IncomingEventBodyTest extends MessengerSendTestSupport {

    private static final String PSID = "1254477777772919";
    private static final WebhookEvent RECEIVED = WebhookEvents.parse(("{\"object\":\"page\",\"entry\":[{\"id\":\""
            + PAGE_ID + "\",\"time\":1458692752478,\"messaging\":[{\"sender\":{\"id\":\"" + PSID + "\"},"
            + "\"recipient\":{\"id\":\"" + PAGE_ID + "\"},\"timestamp\":1458692752478,\"message\":{\"mid\":\"m_1\","
            + "\"text\":\"hello\"}}]}]}").getBytes(StandardCharsets.UTF_8)).get(0);

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(uri(""));
                from("direct:reply").setBody(simple("You said: ${header.CamelMessengerEventText}")).to(uri(""));
            }
        };
    }

    /** The headers the webhook consumer sets for the event. */
    private static Map<String, Object> eventHeaders() {
        return Map.of(MessengerSendConstants.PAGE_ID, RECEIVED.pageId(),
                MessengerSendConstants.RECIPIENT_ID, RECEIVED.replyTargetId(),
                "CamelMessengerEventText", RECEIVED.text());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "validate=false", "operation=uploadAttachment", "operation=createPersona" })
    void theIncomingEventIsRefusedAsABody(String options) {
        Exchange exchange = sendTo(uri(options), RECEIVED.event(), eventHeaders());

        assertThat(exchange.getException()).isInstanceOf(MessengerValidationException.class);
        List<Violation> violations = ((MessengerValidationException) exchange.getException()).getViolations();
        assertThat(violations).extracting(Violation::field).containsExactly("body");
        assertThat(violations.get(0).problem()).contains("incoming webhook event (MessagingEvent)")
                .contains("set the reply as the body");
        assertThat(received()).as("calls made").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "String", "Map", "JsonNode" })
    void theEventConvertedToJsonIsRefusedToo(String form) throws Exception {
        // what the messenger-webhook-source Kamelet or a convertBodyTo hands on: the event's JSON
        Object body = switch (form) {
            case "String" -> context.getTypeConverter().convertTo(String.class, RECEIVED.event());
            case "Map" -> context.getTypeConverter().convertTo(Map.class, RECEIVED.event());
            default -> context.getTypeConverter().convertTo(com.fasterxml.jackson.databind.JsonNode.class,
                    RECEIVED.event());
        };
        assertThat(body).isNotNull();

        Exchange exchange = sendTo(uri(""), body, eventHeaders());

        assertThat(exchange.getException()).isInstanceOf(MessengerValidationException.class);
        List<Violation> violations = ((MessengerValidationException) exchange.getException()).getViolations();
        assertThat(violations).extracting(Violation::field).containsExactly("body");
        assertThat(violations.get(0).problem()).contains("incoming webhook event").contains("set the reply");
        assertThat(received()).as("calls made").isEmpty();
    }

    @Test
    void theReplySetAsTheBodyIsSent() {
        Exchange exchange = template.send("direct:reply", e -> {
            e.getMessage().setBody(RECEIVED.event());
            e.getMessage().setHeaders(new java.util.HashMap<>(eventHeaders()));
        });

        assertThat(exchange.getException()).isNull();
        assertSent("{\"recipient\":{\"id\":\"" + PSID + "\"},\"messaging_type\":\"RESPONSE\","
                + "\"message\":{\"text\":\"You said: hello\"}}");
    }

    @Test
    void aSenderActionIgnoresTheEventBody() {
        Exchange exchange = sendTo(uri("senderAction=mark_seen"), RECEIVED.event(), eventHeaders());

        assertThat(exchange.getException()).isNull();
        assertSent("{\"recipient\":{\"id\":\"" + PSID + "\"},\"sender_action\":\"mark_seen\"}");
    }
}

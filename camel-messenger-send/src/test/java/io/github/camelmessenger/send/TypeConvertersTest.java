package io.github.camelmessenger.send;

import java.util.Map;

import io.github.camelmessenger.send.model.Message;
import io.github.camelmessenger.send.model.QuickReply;
import io.github.camelmessenger.send.model.Recipient;
import io.github.camelmessenger.send.model.SendRequest;
import io.github.camelmessenger.send.model.button.Button;
import io.github.camelmessenger.send.model.button.PostbackButton;
import io.github.camelmessenger.send.model.template.ButtonTemplate;
import org.apache.camel.TypeConverter;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated type converters: String, Map and JsonNode to the model and the model back to Meta's JSON, in routes
 * ({@code convertBodyTo}, {@code marshal().json()}) as well as directly.
 */
class TypeConvertersTest extends MessengerSendTestSupport {

    private static final String BUTTON_MESSAGE_JSON = """
            {"attachment":{"type":"template","payload":{"template_type":"button","text":"Ready?",
             "buttons":[{"type":"postback","title":"Yes","payload":"YES"}]}}}""";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:to-message").convertBodyTo(Message.class);
                from("direct:to-request").convertBodyTo(SendRequest.class);
                from("direct:to-json").convertBodyTo(String.class);
                from("direct:marshal").marshal().json();
                from("direct:send-converted").convertBodyTo(SendRequest.class).to(uri(""));
            }
        };
    }

    @Test
    void jsonStringBecomesTypedTemplateMessage() {
        Message message = template.requestBody("direct:to-message", BUTTON_MESSAGE_JSON, Message.class);

        assertThat(message).isEqualTo(Message.template(ButtonTemplate.of("Ready?", Button.postback("Yes", "YES"))));
        assertThat(message.getAttachment().getPayload()).isInstanceOf(ButtonTemplate.class);
        assertThat(((ButtonTemplate) message.getAttachment().getPayload()).buttons().get(0))
                .isInstanceOf(PostbackButton.class);
    }

    @Test
    void plainTextBecomesATextMessage() {
        assertThat(template.requestBody("direct:to-message", "hello", Message.class)).isEqualTo(Message.text("hello"));
    }

    @Test
    void mapAndJsonNodeBecomeRequestAndMessage() {
        Map<String, Object> map = Map.of("recipient", Map.of("id", "42"), "message", Map.of("text", "from a map"));
        SendRequest request = template.requestBody("direct:to-request", map, SendRequest.class);
        assertThat(request).isEqualTo(SendRequest.message(Recipient.id("42"), Message.text("from a map")));

        Message fromNode = template.requestBody("direct:to-message", json("""
                {"text":"pick","quick_replies":[{"content_type":"user_email"}]}"""), Message.class);
        assertThat(fromNode).isEqualTo(Message.builder().text("pick").quickReply(QuickReply.userEmail()).build());
    }

    @Test
    void modelBecomesMetasJsonWithConvertBodyToAndMarshal() {
        Message message = Message.template(ButtonTemplate.of("Ready?", Button.postback("Yes", "YES")));

        String converted = template.requestBody("direct:to-json", message, String.class);
        assertThat(json(converted)).isEqualTo(json(BUTTON_MESSAGE_JSON));

        // camel-jackson's own ObjectMapper writes the same JSON: the model carries its naming and inclusion rules
        String marshalled = template.requestBody("direct:marshal", message, String.class);
        assertThat(json(marshalled)).isEqualTo(json(BUTTON_MESSAGE_JSON));

        SendRequest request = SendRequest.builder().recipient(Recipient.userRef("ref-1")).message(message).build();
        assertThat(json(template.requestBody("direct:marshal", request, String.class)))
                .isEqualTo(json("{\"recipient\":{\"user_ref\":\"ref-1\"},\"message\":" + BUTTON_MESSAGE_JSON + "}"));
    }

    @Test
    void directConversionThroughTheContextsConverter() {
        TypeConverter converter = context.getTypeConverter();
        Message message = converter.convertTo(Message.class, BUTTON_MESSAGE_JSON);

        assertThat(json(converter.convertTo(String.class, message))).isEqualTo(json(BUTTON_MESSAGE_JSON));
    }

    @Test
    void aConvertedBodyIsSentExactly() {
        template.sendBodyAndHeader("direct:send-converted", BUTTON_MESSAGE_JSON, MessengerSendConstants.RECIPIENT_ID,
                "7");

        assertSent("{\"recipient\":{\"id\":\"7\"},\"messaging_type\":\"RESPONSE\",\"message\":" + BUTTON_MESSAGE_JSON
                + "}");
    }
}

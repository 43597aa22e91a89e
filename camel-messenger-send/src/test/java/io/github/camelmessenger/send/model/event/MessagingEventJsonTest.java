package io.github.camelmessenger.send.model.event;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmessenger.send.model.MessengerJson;
import org.apache.camel.CamelContext;
import org.apache.camel.TypeConverter;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.github.camelmessenger.send.model.event.Bodies.only;
import static io.github.camelmessenger.send.model.event.Bodies.page;
import static io.github.camelmessenger.send.model.event.Bodies.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An event's JSON keeps every field, unknown ones included, and Camel converts events to and from it. */
class MessagingEventJsonTest {

    private static final String EVENT = """
            {"sender":{"id":"p1","locale":"nl_NL"},"recipient":{"id":"page1"},"timestamp":1700000000000,
             "message":{"mid":"m_1","seq":51,"text":"hi","sticker_id":369239263222822,
                        "attachments":[{"type":"image","payload":{"url":"https://u","unknown":[1,2.50]},"extra":"x"}],
                        "reply_to":{"story":{"url":"https://s","id":"S1"}}},
             "prior_message":{"source":"checkbox_plugin","identifier":"UREF"}}""";

    private static CamelContext camel;

    @BeforeAll
    static void startCamel() {
        camel = new DefaultCamelContext();
        camel.start();
    }

    @AfterAll
    static void stopCamel() {
        camel.stop();
    }

    @Test
    void roundTripKeepsUnknownFields() throws Exception {
        MessagingEvent event = only(page(EVENT)).event();

        String json = MessagingEventConverters.toJson(event);

        assertThat(tree(json)).isEqualTo(tree(EVENT));
        assertThat(MessagingEventConverters.toMessagingEvent(json)).isEqualTo(event);
        assertThat(event.unknownFields()).containsOnlyKeys("prior_message");
        assertThat(event.message().unknownFields()).containsOnlyKeys("seq", "sticker_id");
        assertThat(event.message().replyTo().unknownFields()).containsOnlyKeys("story");
        assertThat(event.sender().unknownFields()).isEqualTo(Map.of("locale", "nl_NL"));
    }

    @Test
    void jsonIsTheNormalisedForm() throws Exception {
        MessagingEvent event = only(page("""
                {"sender":{"id":987654321432},"recipient":{"id":12345},"timestamp":"1527459824",
                 "delivery":{"mids":[1],"watermark":"1527459824"}}""")).event();

        assertThat(tree(MessagingEventConverters.toJson(event))).isEqualTo(tree("""
                {"sender":{"id":"987654321432"},"recipient":{"id":"12345"},"timestamp":1527459824000,
                 "delivery":{"mids":["1"],"watermark":1527459824000}}"""));
    }

    @Test
    void helpersAreNotWritten() throws Exception {
        MessagingEvent event = only(page(
                "{\"sender\":{\"id\":\"p\"},\"message\":{\"mid\":\"m\",\"is_echo\":true}}")).event();

        assertThat(tree(MessagingEventConverters.toJson(event)))
                .isEqualTo(tree("{\"sender\":{\"id\":\"p\"},\"message\":{\"mid\":\"m\",\"is_echo\":true}}"));
    }

    @Test
    void camelConvertsEventsBothWays() {
        TypeConverter converter = camel.getTypeConverter();
        MessagingEvent event = only(page(EVENT)).event();

        String json = converter.convertTo(String.class, event);
        Map<?, ?> map = converter.convertTo(Map.class, event);
        JsonNode node = converter.convertTo(JsonNode.class, event);

        assertThat(tree(json)).isEqualTo(tree(EVENT));
        assertThat(map.get("prior_message")).isEqualTo(Map.of("source", "checkbox_plugin", "identifier", "UREF"));
        assertThat(((Map<?, ?>) map.get("message")).get("text")).isEqualTo("hi");
        assertThat(node).isEqualTo(tree(EVENT));
        assertThat(converter.convertTo(MessagingEvent.class, json)).isEqualTo(event);
        assertThat(converter.convertTo(MessagingEvent.class, json.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(event);
        assertThat(converter.convertTo(MessagingEvent.class, node)).isEqualTo(event);
        assertThat(converter.convertTo(MessagingEvent.class, tree(EVENT))).isEqualTo(event);
    }

    @Test
    void jsonThatIsNoObjectIsNoEvent() {
        assertThatThrownBy(() -> MessagingEventConverters.toMessagingEvent("[1]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A messaging event is a JSON object, not array");
    }

    @Test
    void unreadableEventWritesBackWhatItCameWith() throws Exception {
        String odd = "{\"sender\":{\"id\":\"p\"},\"timestamp\":1700000000000,\"message\":{\"mid\":\"m\",\"text\":[1]}}";

        MessagingEvent event = MessagingEventConverters.toMessagingEvent(odd);

        assertThat(event.kind()).isEqualTo(MessagingEventType.UNKNOWN);
        assertThat(tree(MessagingEventConverters.toJson(event))).isEqualTo(tree(odd));
        assertThat(MessengerJson.mapper().writeValueAsString(event)).isEqualTo(MessagingEventConverters.toJson(event));
    }
}

package io.github.camelmessenger.send;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelmessenger.send.model.event.WebhookEvent;
import io.github.camelmessenger.send.model.event.WebhookEvents;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.util.CaseInsensitiveMap;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookEventHeadersTest {

    private static final String BODY = "{\"object\":\"page\",\"entry\":[{\"id\":\"P1\",\"messaging\":[{\"sender\":"
            + "{\"id\":\"S1\"},\"recipient\":{\"id\":\"P1\"},\"timestamp\":1700000000000,\"message\":{\"mid\":\"m_1\","
            + "\"text\":\"hi\"}}]}]}";

    private static WebhookEvent event() {
        return WebhookEvents.parse(BODY.getBytes(StandardCharsets.UTF_8)).get(0);
    }

    @Test
    void theHeadersOfAnEventAreSortedAsCamelSortsThemAndLeaveOutNulls() {
        EventHeaders headers = new EventHeaders(event());

        List<String> names = new ArrayList<>(headers.keySet());
        assertThat(names).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        assertThat(headers).containsEntry(MessengerWebhookConstants.EVENT_TYPE, "message")
                .containsEntry(MessengerWebhookConstants.EVENT_ID, "m_1")
                .containsEntry(MessengerWebhookConstants.PAGE_ID, "P1")
                .containsEntry(MessengerWebhookConstants.RECIPIENT_ID, "S1")
                .containsEntry(MessengerWebhookConstants.SENDER_ID, "S1")
                .containsEntry(MessengerWebhookConstants.EVENT_MESSAGE_ID, "m_1")
                .containsEntry(MessengerWebhookConstants.EVENT_TEXT, "hi")
                .containsEntry(MessengerWebhookConstants.EVENT_TIMESTAMP, 1700000000000L)
                .containsEntry(MessengerWebhookConstants.PLATFORM, "MESSENGER")
                .doesNotContainKey(MessengerWebhookConstants.PAYLOAD)
                .hasSize(9);
        assertThat(headers.firstKey()).isEqualTo(names.get(0));
        assertThat(headers.lastKey()).isEqualTo(names.get(8));
        assertThat(new CaseInsensitiveMap(headers)).isEqualTo(Map.copyOf(headers));
    }

    @Test
    void onAMessageTheyAreTheMessagesOwnHeaders() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            // a started context, as a consumer's is: its headers map factory is in place
            context.start();
            Message message = new DefaultExchange(context).getMessage();
            message.setHeaders(new EventHeaders(event()));

            assertThat(message.getHeader("camelmessengereventtext")).isEqualTo("hi");
            message.setHeader(MessengerWebhookConstants.EVENT_TEXT, "changed");
            message.removeHeader(MessengerWebhookConstants.PAGE_ID);
            assertThat(message.getHeader(MessengerWebhookConstants.EVENT_TEXT)).isEqualTo("changed");
            assertThat(message.getHeaders()).hasSize(8);
        }
    }
}

package io.github.camelmessenger.send;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.github.camelmessenger.send.model.Message;
import io.github.camelmessenger.send.model.MessengerJson;
import io.github.camelmessenger.send.model.Recipient;
import io.github.camelmessenger.send.model.SendRequest;
import io.github.camelmessenger.send.model.event.Optin;
import io.github.camelmessenger.send.model.event.WebhookEvent;
import io.github.camelmessenger.send.model.event.WebhookEvents;
import io.github.camelmessenger.send.model.template.NotificationMessagesTemplate;
import io.github.camelmessenger.send.model.template.NotificationMessagesTemplate.CtaText;
import io.github.camelmessenger.send.model.template.NotificationMessagesTemplate.Frequency;
import io.github.camelmessenger.send.model.template.NotificationMessagesTemplate.Reoptin;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Marketing messages (recurring notifications) end to end on the wire: the opt-in request built with
 * {@link NotificationMessagesTemplate}, the optin webhook event that answers it, and a send to its token.
 */
class RecurringNotificationsTest extends MessengerSendTestSupport {

    private static final String PSID = "1254477777772919";
    private static final String TOKEN_OF_THE_OPTIN = "7021566487591337891";

    @Test
    void theOptInRequestIsSentAsANotificationMessagesTemplate() {
        NotificationMessagesTemplate request = NotificationMessagesTemplate.builder("Bird facts, once a week")
                .imageUrl("https://example.com/birds.png")
                .payload("BIRD_FACTS")
                .frequency(Frequency.WEEKLY)
                .reoptin(Reoptin.ENABLED)
                .timezone("Europe/Berlin")
                .ctaText(CtaText.SIGN_UP)
                .build();

        Exchange exchange = send(SendRequest.message(Recipient.id(PSID), Message.template(request)), Map.of());

        assertThat(exchange.getException()).isNull();
        assertSent("{\"recipient\":{\"id\":\"" + PSID + "\"},\"messaging_type\":\"RESPONSE\",\"message\":{"
                + "\"attachment\":{\"type\":\"template\",\"payload\":{\"template_type\":\"notification_messages\","
                + "\"title\":\"Bird facts, once a week\",\"image_url\":\"https://example.com/birds.png\","
                + "\"payload\":\"BIRD_FACTS\",\"notification_messages_frequency\":\"WEEKLY\","
                + "\"notification_messages_reoptin\":\"ENABLED\",\"notification_messages_timezone\":\"Europe/Berlin\","
                + "\"notification_messages_cta_text\":\"SIGN_UP\"}}}}");
    }

    @Test
    void aTitleOnlyOptInRequestSendsOnlyTheTitle() {
        Exchange exchange = send(Message.template(NotificationMessagesTemplate.builder("Deals").build()),
                Map.of(MessengerSendConstants.RECIPIENT_ID, PSID));

        assertThat(exchange.getException()).isNull();
        assertSent("{\"recipient\":{\"id\":\"" + PSID + "\"},\"messaging_type\":\"RESPONSE\",\"message\":{"
                + "\"attachment\":{\"type\":\"template\",\"payload\":{\"template_type\":\"notification_messages\","
                + "\"title\":\"Deals\"}}}}");
    }

    @Test
    void theTemplateReadsBackFromItsJson() throws Exception {
        NotificationMessagesTemplate template = NotificationMessagesTemplate.builder("Deals").payload("DEALS")
                .ctaText(CtaText.OPT_IN).build();
        Message message = Message.template(template);

        Message read = MessengerJson.mapper().readValue(MessengerJson.mapper().writeValueAsString(message),
                Message.class);

        assertThat(read.getAttachment().getPayload()).isEqualTo(template);
    }

    @Test
    void aSendToTheTokenTheOptinEventCarries() {
        List<WebhookEvent> events = WebhookEvents.parse(("{\"object\":\"page\",\"entry\":[{\"id\":\"" + PAGE_ID
                + "\",\"time\":1700000000000,\"messaging\":[{\"sender\":{\"id\":\"" + PSID + "\"},\"recipient\":{"
                + "\"id\":\"" + PAGE_ID + "\"},\"timestamp\":1700000000000,\"optin\":{\"type\":"
                + "\"notification_messages\",\"payload\":\"BIRD_FACTS\",\"notification_messages_token\":\""
                + TOKEN_OF_THE_OPTIN + "\",\"notification_messages_frequency\":\"WEEKLY\","
                + "\"notification_messages_timezone\":\"Europe/Berlin\",\"token_expiry_timestamp\":2145916800000,"
                + "\"user_token_status\":\"NOT_REFRESHED\",\"title\":\"Bird facts, once a week\"}}]}]}")
                .getBytes(StandardCharsets.UTF_8));
        Optin optin = events.get(0).event().optin();
        assertThat(optin.notificationMessages()).isTrue();
        assertThat(optin.notificationMessagesFrequency()).isEqualTo("WEEKLY");
        assertThat(optin.tokenExpiryTimestamp()).isEqualTo(2145916800000L);

        Exchange exchange = send("This week: the bar-tailed godwit flies 13,000 km non-stop.",
                Map.of(MessengerSendConstants.PAGE_ID, events.get(0).pageId(),
                        MessengerSendConstants.RECIPIENT_NOTIFICATION_MESSAGES_TOKEN,
                        optin.notificationMessagesToken()));

        assertThat(exchange.getException()).isNull();
        assertSent("{\"recipient\":{\"notification_messages_token\":\"" + TOKEN_OF_THE_OPTIN + "\"},"
                + "\"messaging_type\":\"RESPONSE\",\"message\":{\"text\":\"This week: the bar-tailed godwit flies "
                + "13,000 km non-stop.\"}}");
    }
}

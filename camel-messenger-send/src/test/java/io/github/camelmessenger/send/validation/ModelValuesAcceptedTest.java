package io.github.camelmessenger.send.validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.send.model.MessagingType;
import io.github.camelmessenger.send.model.NotificationType;
import io.github.camelmessenger.send.model.QuickReply;
import io.github.camelmessenger.send.model.SenderAction;
import io.github.camelmessenger.send.model.template.NotificationMessagesTemplate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Validation states Meta's accepted values itself (it sits below the model and does not read its enums), so every
 * value the model can put on the wire must pass it: a constant added to the model without the rule fails here.
 */
class ModelValuesAcceptedTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(MessagingType.class)
    void everyMessagingTypeOfTheModel(MessagingType type) {
        ObjectNode request = textRequest();
        request.put("messaging_type", type.name());
        if (type == MessagingType.MESSAGE_TAG) {
            request.put("tag", MessageTags.HUMAN_AGENT);
        }

        assertThatCode(() -> SendRequestValidator.validate(request)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(NotificationType.class)
    void everyNotificationTypeOfTheModel(NotificationType type) {
        ObjectNode request = textRequest();
        request.put("notification_type", type.name());

        assertThatCode(() -> SendRequestValidator.validate(request)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(SenderAction.class)
    void everySenderActionOfTheModel(SenderAction action) {
        ObjectNode request = JSON.createObjectNode();
        request.putObject("recipient").put("id", "1254477777772919");
        request.put("sender_action", action.wireValue());
        if (action.needsPayload()) {
            ObjectNode payload = request.putObject("payload").put("message_id", "m_1");
            if (action == SenderAction.REACT) {
                payload.put("reaction", "love");
            }
        }

        assertThatCode(() -> SendRequestValidator.validate(request)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = { QuickReply.TEXT, QuickReply.USER_PHONE_NUMBER, QuickReply.USER_EMAIL })
    void everyQuickReplyTypeOfTheModel(String contentType) {
        ObjectNode reply = JSON.createObjectNode().put("content_type", contentType);
        if (QuickReply.TEXT.equals(contentType)) {
            reply.put("title", "Yes").put("payload", "YES");
        }

        assertThatCode(() -> SendRequestValidator.validateQuickReply(reply)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(NotificationMessagesTemplate.Frequency.class)
    void everyNotificationMessagesFrequencyOfTheModel(NotificationMessagesTemplate.Frequency frequency) {
        assertAccepted(notificationMessages("notification_messages_frequency", frequency.name()));
    }

    @ParameterizedTest
    @EnumSource(NotificationMessagesTemplate.Reoptin.class)
    void everyNotificationMessagesReoptinOfTheModel(NotificationMessagesTemplate.Reoptin reoptin) {
        assertAccepted(notificationMessages("notification_messages_reoptin", reoptin.name()));
    }

    @ParameterizedTest
    @EnumSource(NotificationMessagesTemplate.CtaText.class)
    void everyNotificationMessagesCtaTextOfTheModel(NotificationMessagesTemplate.CtaText ctaText) {
        assertAccepted(notificationMessages("notification_messages_cta_text", ctaText.name()));
    }

    private static ObjectNode notificationMessages(String field, String value) {
        return JSON.createObjectNode().put("template_type", NotificationMessagesTemplate.TYPE)
                .put("title", "Bird facts").put(field, value);
    }

    private static void assertAccepted(ObjectNode template) {
        assertThatCode(() -> SendRequestValidator.validateTemplate(template)).doesNotThrowAnyException();
    }

    private static ObjectNode textRequest() {
        ObjectNode request = JSON.createObjectNode();
        request.putObject("recipient").put("id", "1254477777772919");
        request.put("messaging_type", MessagingType.RESPONSE.name());
        request.putObject("message").put("text", "Your order has shipped");
        return request;
    }
}

package io.github.camelmessenger.send;

import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.send.error.MessengerValidationException;
import io.github.camelmessenger.send.validation.SendApiLimit;
import org.apache.camel.Message;

/**
 * Reads the handover protocol operations: {@code pass_thread_control} {@code {recipient, target_app_id, metadata}},
 * {@code take_thread_control} and {@code request_thread_control} {@code {recipient, metadata}}. The person is the
 * CamelMessengerRecipientId header or the recipientId option (a PSID: a conversation is a PSID's thread); the
 * metadata is the CamelMessengerHandoverMetadata header. The body is ignored, so a route can hand over the
 * conversation of the webhook event it received. Meta answers {@code {"success": true}}, which becomes the body.
 */
final class ThreadControlReader {

    /** App ids are numbers; 18 digits keep them within a long, far above the 15 or 16 of today's ids. */
    private static final Pattern APP_ID = Pattern.compile("[0-9]{1,18}");
    private static final String[] OTHER_RECIPIENT_HEADERS = { MessengerSendConstants.RECIPIENT_USER_REF,
            MessengerSendConstants.RECIPIENT_PHONE_NUMBER, MessengerSendConstants.RECIPIENT_POST_ID,
            MessengerSendConstants.RECIPIENT_COMMENT_ID,
            MessengerSendConstants.RECIPIENT_NOTIFICATION_MESSAGES_TOKEN };

    private final ObjectMapper mapper;
    private final MessengerSendEndpoint endpoint;

    ThreadControlReader(ObjectMapper mapper, MessengerSendEndpoint endpoint) {
        this.mapper = mapper;
        this.endpoint = endpoint;
    }

    MessengerCall<JsonNode> read(Message in, String pageId, MessengerOperation operation)
            throws JsonProcessingException {
        ObjectNode request = mapper.createObjectNode();
        request.putObject("recipient").put("id", psid(in, operation));
        if (operation == MessengerOperation.passThreadControl) {
            request.put("target_app_id", targetAppId(in));
        }
        String metadata = MessengerHeaders.text(in, MessengerSendConstants.HANDOVER_METADATA);
        if (metadata != null) {
            if (endpoint.getConfiguration().isValidate()) {
                checkMetadataLength(metadata);
            }
            request.put("metadata", metadata);
        }
        byte[] json = mapper.writeValueAsBytes(request);
        return new MessengerCall<>(pageId, operation, api -> switch (operation) {
            case passThreadControl -> api.passThreadControl(pageId, json);
            case takeThreadControl -> api.takeThreadControl(pageId, json);
            case requestThreadControl -> api.requestThreadControl(pageId, json);
            default -> throw new IllegalArgumentException(operation + " is not a handover operation");
        }, (message, answer) -> message.setBody(answer.path("success").asBoolean()));
    }

    private String psid(Message in, MessengerOperation operation) {
        String psid = MessengerHeaders.text(in, MessengerSendConstants.RECIPIENT_ID);
        if (psid == null) {
            for (String header : OTHER_RECIPIENT_HEADERS) {
                if (MessengerHeaders.text(in, header) != null) {
                    throw new MessengerValidationException(MessengerSendConstants.RECIPIENT_ID, operation
                            + " takes the person's PSID (this header or the recipientId option), not " + header);
                }
            }
            psid = endpoint.getRecipientId();
        }
        if (psid == null || psid.isBlank()) {
            throw new MessengerValidationException(MessengerSendConstants.RECIPIENT_ID, "missing: " + operation
                    + " needs the PSID of the person whose conversation it is (this header or the recipientId "
                    + "option)");
        }
        return psid.strip();
    }

    private static long targetAppId(Message in) {
        String appId = MessengerHeaders.text(in, MessengerSendConstants.TARGET_APP_ID);
        if (appId == null) {
            throw new MessengerValidationException(MessengerSendConstants.TARGET_APP_ID, "missing: passThreadControl "
                    + "needs the app id to pass the conversation to (" + PageInbox.APP_ID + " for the Page inbox)");
        }
        String digits = appId.strip();
        if (!APP_ID.matcher(digits).matches()) {
            throw new MessengerValidationException(MessengerSendConstants.TARGET_APP_ID, "'" + digits + "' is not an "
                    + "app id: digits, such as " + PageInbox.APP_ID + " for the Page inbox");
        }
        return Long.parseLong(digits);
    }

    private static void checkMetadataLength(String metadata) {
        int length = SendApiLimit.length(metadata);
        if (!SendApiLimit.METADATA.allows(length)) {
            throw new MessengerValidationException(MessengerSendConstants.HANDOVER_METADATA,
                    SendApiLimit.METADATA.describeExcess(length));
        }
    }
}

package io.github.camelmessenger.examples.springboot;

import java.util.Map;

import io.github.camelmessenger.send.MessengerSendConstants;
import io.github.camelmessenger.send.error.MessengerSendException;
import io.github.camelmessenger.send.model.SendResponse;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /notifications {"psid": "...", "text": "..."}} sends the text to the person and answers Meta's ids; a
 * failure answers its class and Meta's code, with 422 when nothing was sent and 502 otherwise.
 */
@RestController
public class NotificationController {

    private final ProducerTemplate template;

    public NotificationController(ProducerTemplate template) {
        this.template = template;
    }

    /** A notification to send. */
    public record Notification(String psid, String text) {
    }

    @PostMapping("/notifications")
    public ResponseEntity<Map<String, Object>> notify(@RequestBody Notification notification) {
        try {
            SendResponse sent = template.requestBodyAndHeader("direct:notify", notification.text(),
                    MessengerSendConstants.RECIPIENT_ID, notification.psid(), SendResponse.class);
            return ResponseEntity.ok(Map.of("message_id", sent.messageId(), "recipient_id", sent.recipientId()));
        } catch (CamelExecutionException e) {
            if (e.getCause() instanceof MessengerSendException failure) {
                HttpStatus status = failure.getHttpResponseCode() == 0 ? HttpStatus.UNPROCESSABLE_ENTITY
                        : HttpStatus.BAD_GATEWAY;
                return ResponseEntity.status(status).body(Map.of("failure", failure.getClass().getSimpleName(),
                        "code", failure.getCode() == null ? 0 : failure.getCode(),
                        "message", String.valueOf(failure.getMessage())));
            }
            throw e;
        }
    }
}

package io.github.camelmessenger.send;

import java.util.Map;

import io.github.camelmessenger.send.model.SendResponse;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmokeTest extends MessengerSendTestSupport {

    @Test
    void sendsText() {
        Exchange exchange = send("Hello!", Map.of(MessengerSendConstants.RECIPIENT_ID, "42"));
        assertThat(exchange.getException()).isNull();
        assertSent("{\"recipient\":{\"id\":\"42\"},\"messaging_type\":\"RESPONSE\",\"message\":{\"text\":\"Hello!\"}}");
        assertThat(exchange.getMessage().getBody()).isEqualTo(new SendResponse("1254477777772919", "m_AG5Hz2Uq7tuwNEhX", null));
        assertThat(exchange.getMessage().getHeader(MessengerSendConstants.MESSAGE_ID)).isEqualTo("m_AG5Hz2Uq7tuwNEhX");
        System.out.println("ENDPOINT " + context.getEndpoints());
    }
}

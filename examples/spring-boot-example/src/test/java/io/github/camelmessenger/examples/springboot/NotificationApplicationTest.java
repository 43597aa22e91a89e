package io.github.camelmessenger.examples.springboot;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmessenger.simulator.GraphSimulator;
import io.github.camelmessenger.simulator.ScenarioRecipients;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spring Boot example end to end: an HTTP call triggers a notification that the simulator receives.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = "messenger.simulator.enabled=false")
class NotificationApplicationTest {

    private static final GraphSimulator SIMULATOR = GraphSimulator.start(GraphSimulator.Settings.defaults());

    @DynamicPropertySource
    static void simulator(DynamicPropertyRegistry registry) {
        registry.add("camel.component.messenger-send.base-uri", SIMULATOR::baseUri);
    }

    @AfterAll
    static void stop() {
        SIMULATOR.close();
    }

    @Autowired
    TestRestTemplate http;

    @BeforeEach
    void reset() {
        SIMULATOR.reset();
    }

    @Test
    void anHttpCallSendsTheNotification() throws Exception {
        ResponseEntity<Map> answer = http.postForEntity("/notifications",
                Map.of("psid", "1254477777772919", "text", "Your table is ready"), Map.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(SIMULATOR.accepted()).singleElement().satisfies(m -> {
            assertThat(m.pageId()).isEqualTo("me");
            assertThat(m.request()).isEqualTo(new ObjectMapper().readTree("""
                    {"recipient":{"id":"1254477777772919"},"messaging_type":"UPDATE",
                     "message":{"text":"Your table is ready"}}"""));
            assertThat(answer.getBody()).containsEntry("message_id", m.messageId());
        });
    }

    @Test
    void aRecipientFailureIsAnsweredWithItsClass() {
        ResponseEntity<Map> answer = http.postForEntity("/notifications",
                Map.of("psid", ScenarioRecipients.BLOCKED, "text", "Hello?"), Map.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(answer.getBody()).containsEntry("failure", "MessengerRecipientException").containsEntry("code", 551);
        assertThat(SIMULATOR.accepted()).isEmpty();
    }
}

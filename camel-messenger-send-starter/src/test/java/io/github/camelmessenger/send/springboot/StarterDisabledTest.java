package io.github.camelmessenger.send.springboot;

import io.github.camelmessenger.send.MessengerSendComponent;
import io.github.camelmessenger.send.MessengerSendProducerHealthCheck;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With enabled=false the starter adds nothing: no customizer, no health check, and the properties do not reach the
 * component, which Camel still finds on the classpath.
 */
@SpringBootTest(classes = StarterDisabledTest.App.class, properties = {
        "camel.component.messenger-send.enabled=false",
        "camel.component.messenger-send.access-token=never-applied-token",
        "camel.component.messenger-send.rate-limit=7",
        "camel.component.messenger-send.health-check-enabled=true" })
class StarterDisabledTest {

    @Configuration
    @EnableAutoConfiguration
    static class App {
    }

    @Autowired
    CamelContext camelContext;

    @Autowired
    ApplicationContext spring;

    @Test
    void switchesOffCleanly() {
        assertThat(spring.getBeansOfType(MessengerSendComponentAutoConfiguration.class)).isEmpty();
        assertThat(spring.getBeansOfType(MessengerSendProducerHealthCheck.class)).isEmpty();
        assertThat(spring.getBeansOfType(ComponentCustomizer.class).keySet())
                .doesNotContain("messengerSendComponentCustomizer");

        MessengerSendComponent component = camelContext.getComponent("messenger-send", MessengerSendComponent.class);
        assertThat(component.getConfiguration().getAccessToken()).isNull();
        assertThat(component.getConfiguration().getRateLimit()).isZero();
        assertThat(component.isHealthCheckProducerEnabled()).isTrue();
    }
}

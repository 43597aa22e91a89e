package io.github.camelmessenger.examples.springboot;

import io.github.camelmessenger.simulator.GraphSimulator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot app whose {@code POST /notifications} sends a Messenger notification through the starter. Without
 * credentials it starts the local Graph API simulator on port 8089 and sends there.
 */
@SpringBootApplication
public class NotificationApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationApplication.class, args);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "messenger.simulator.enabled", havingValue = "true")
    GraphSimulator graphSimulator(@Value("${messenger.simulator.port}") int port) {
        return GraphSimulator.start(port, GraphSimulator.Settings.defaults());
    }
}

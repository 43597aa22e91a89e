package io.github.camelmessenger.send.springboot;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.springframework.test.context.DynamicPropertyRegistry;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * One WireMock server on a free port standing in for the Graph API, shared by the starter's tests.
 */
final class GraphStandIn {

    static final WireMockServer SERVER = new WireMockServer(wireMockConfig().dynamicPort());
    static final String TOKEN = "EAAGstarterTestToken0123456789";

    static {
        SERVER.start();
        Runtime.getRuntime().addShutdownHook(new Thread(SERVER::stop));
    }

    private GraphStandIn() {
    }

    static void baseUri(DynamicPropertyRegistry registry) {
        registry.add("camel.component.messenger-send.base-uri", SERVER::baseUrl);
        registry.add("camel.component.messenger-send.access-token", () -> TOKEN);
    }
}

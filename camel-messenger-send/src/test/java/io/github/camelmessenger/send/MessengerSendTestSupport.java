package io.github.camelmessenger.send;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routes that send to a real HTTP server (WireMock on a free port) standing in for the Graph API.
 */
public abstract class MessengerSendTestSupport extends CamelTestSupport {

    public static final String TOKEN = "EAAGtestPageAccessToken0123456789";
    public static final String PAGE_ID = "1122334455";
    public static final String OK_BODY =
            "{\"recipient_id\":\"1254477777772919\",\"message_id\":\"m_AG5Hz2Uq7tuwNEhX\"}";

    protected static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    protected static WireMockExtension graph = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @BeforeEach
    void stubSuccess() {
        graph.resetAll();
        graph.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(OK_BODY)));
    }

    /** The base URI of the stand-in Graph API. */
    protected static String baseUri() {
        return graph.baseUrl();
    }

    /** An endpoint URI for the test Page, pointing at WireMock, with extra options appended. */
    protected static String uri(String extraOptions) {
        return "messenger-send:" + PAGE_ID + "?accessToken=RAW(" + TOKEN + ")&baseUri=" + baseUri()
                + (extraOptions == null || extraOptions.isEmpty() ? "" : "&" + extraOptions);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(uri(""));
            }
        };
    }

    /** Sends through direct:send and returns the exchange (with its exception, if any). */
    protected Exchange send(Object body, Map<String, Object> headers) {
        return template.send("direct:send", e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(new java.util.HashMap<>(headers));
        });
    }

    protected Exchange sendTo(String endpointUri, Object body, Map<String, Object> headers) {
        return template.send(endpointUri, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeaders(new java.util.HashMap<>(headers));
        });
    }

    protected static List<LoggedRequest> received() {
        return graph.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()));
    }

    /** The only request WireMock received. */
    protected static LoggedRequest onlyRequest() {
        List<LoggedRequest> all = received();
        assertThat(all).as("requests received by the Graph API stand-in").hasSize(1);
        return all.get(0);
    }

    protected static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    protected static JsonNode bodyOf(LoggedRequest request) {
        return json(new String(request.getBody(), StandardCharsets.UTF_8));
    }

    /**
     * Asserts the one request that arrived: POST to the Page's messages path, bearer token, JSON content type, and
     * exactly this JSON body (same keys and values; key order aside).
     */
    protected static LoggedRequest assertSent(String expectedJson) {
        return assertSent("/v24.0/" + PAGE_ID + "/messages", expectedJson);
    }

    protected static LoggedRequest assertSent(String expectedPath, String expectedJson) {
        LoggedRequest request = onlyRequest();
        assertThat(request.getMethod().getName()).isEqualTo("POST");
        assertThat(request.getUrl()).isEqualTo(expectedPath);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        assertThat(bodyOf(request)).isEqualTo(json(expectedJson));
        return request;
    }
}

package io.github.camelmessenger.send;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.camelmessenger.send.error.FailureDetails;
import io.github.camelmessenger.send.error.MessengerRateLimitException;
import io.github.camelmessenger.send.error.MessengerRecipientException;
import io.github.camelmessenger.send.error.MessengerTransportException;
import io.github.camelmessenger.send.routing.MessengerErrorRouting;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ready-made route configuration, Java and YAML: what is redelivered, how long it waits, and what reaches the
 * dead letter with which headers.
 */
class ErrorRoutingTest extends MessengerSendTestSupport {

    private static final Map<String, Object> TO_PSID = Map.of(MessengerSendConstants.RECIPIENT_ID, "1254477777772919");
    private static final String RECIPIENT_GONE = """
            {"error":{"message":"(#551) This person isn't available right now.","type":"OAuthException","code":551,
             "error_subcode":1545041,"fbtrace_id":"GZLdPD3DuDR"}}""";
    private static final String RATE_LIMITED = """
            {"error":{"message":"(#613) Calls to this api have exceeded the rate limit.","type":"OAuthException",
             "code":613,"fbtrace_id":"C8eF69zBeUS"}}""";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // each test adds the error routing it needs, then its route
            }
        };
    }

    private void routeWith(MessengerErrorRouting errorRouting, String endpointOptions) throws Exception {
        context.addRoutesConfigurations(errorRouting);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").routeConfigurationId(MessengerErrorRouting.ID).to(uri(endpointOptions));
            }
        });
    }

    @Test
    void temporaryFailuresAreRedeliveredUntilTheySucceed() throws Exception {
        routeWith(new MessengerErrorRouting("mock:dead").redeliveryDelay(20), "");
        answersInTurn(aResponse().withStatus(500).withBody("{\"error\":{\"code\":1200,\"message\":\"Temporary\"}}"),
                aResponse().withStatus(503).withBody("<html>busy</html>"),
                aResponse().withStatus(200).withBody(OK_BODY));
        MockEndpoint dead = getMockEndpoint("mock:dead");
        dead.expectedMessageCount(0);

        Exchange exchange = send("hello", TO_PSID);

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(MessengerSendConstants.MESSAGE_ID)).isEqualTo("m_AG5Hz2Uq7tuwNEhX");
        assertThat(exchange.getMessage().getHeaders()).doesNotContainKeys(MessengerSendConstants.FAILURE_CLASS,
                Exchange.REDELIVERY_DELAY);
        assertThat(received()).hasSize(3);
        dead.assertIsSatisfied();
    }

    @Test
    void aRateLimitedPageIsRetriedOnlyAfterItsPause() throws Exception {
        routeWith(new MessengerErrorRouting("mock:dead").redeliveryDelay(20), "rateLimitBackoff=700");
        answersInTurn(aResponse().withStatus(400).withBody(RATE_LIMITED),
                aResponse().withStatus(200).withBody(OK_BODY));

        Exchange exchange = send("hello", TO_PSID);

        // the early redelivery met the paused Page and made no call; the next one waited for the pause to end
        assertThat(exchange.getException()).isNull();
        List<LoggedRequest> calls = received();
        assertThat(calls).hasSize(2);
        long gap = Math.abs(calls.get(0).getLoggedDate().getTime() - calls.get(1).getLoggedDate().getTime());
        assertThat(gap).isGreaterThanOrEqualTo(690);
    }

    @Test
    void redeliveryWaitsAtLeastTheDelayMetaSuggested() throws Exception {
        List<Long> attempts = new CopyOnWriteArrayList<>();
        context.addRoutesConfigurations(new MessengerErrorRouting("mock:dead").redeliveryDelay(20));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:suggested").routeConfigurationId(MessengerErrorRouting.ID).process(e -> {
                    attempts.add(System.nanoTime());
                    if (attempts.size() == 1) {
                        throw new MessengerRateLimitException("rate limited", new FailureDetails(400, null, null,
                                Duration.ofMillis(1200), null), null);
                    }
                });
            }
        });

        Exchange exchange = template.send("direct:suggested", e -> e.getMessage().setBody("x"));

        assertThat(exchange.getException()).isNull();
        assertThat(attempts).hasSize(2);
        assertThat(Duration.ofNanos(attempts.get(1) - attempts.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(1200));
    }

    @Test
    void recipientFailuresGoToTheDeadLetterWithFailureHeaders() throws Exception {
        routeWith(new MessengerErrorRouting("mock:dead").redeliveryDelay(20), "");
        graph.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(400).withBody(RECIPIENT_GONE)));
        MockEndpoint dead = getMockEndpoint("mock:dead");
        dead.expectedMessageCount(1);
        dead.expectedHeaderReceived(MessengerSendConstants.FAILURE_CLASS, "MessengerRecipientException");
        dead.expectedHeaderReceived(MessengerSendConstants.ERROR_CODE, 551);
        dead.expectedHeaderReceived(MessengerSendConstants.ERROR_SUBCODE, 1545041);
        dead.expectedHeaderReceived(MessengerSendConstants.FBTRACE_ID, "GZLdPD3DuDR");
        dead.expectedHeaderReceived(MessengerSendConstants.RETRIABLE, false);

        Exchange exchange = send("hello", TO_PSID);

        dead.assertIsSatisfied();
        assertThat(exchange.getException()).as("handled by the route configuration").isNull();
        assertThat(dead.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT))
                .isInstanceOf(MessengerRecipientException.class);
        assertThat(received()).as("not retried").hasSize(1);
    }

    @Test
    void transportFailuresAreNotRetriedByDefault() throws Exception {
        routeWith(new MessengerErrorRouting("mock:dead").redeliveryDelay(20), "");
        graph.stubFor(post(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        MockEndpoint dead = getMockEndpoint("mock:dead");
        dead.expectedMessageCount(1);
        dead.expectedHeaderReceived(MessengerSendConstants.FAILURE_CLASS, "MessengerTransportException");

        send("hello", TO_PSID);

        dead.assertIsSatisfied();
        assertThat(received()).hasSize(1);
    }

    @Test
    void transportFailuresAreRetriedWhenTheUserOptsIn() throws Exception {
        routeWith(new MessengerErrorRouting("mock:dead").redeliveryDelay(20).maximumRedeliveries(2)
                .retryTransportFailures(true), "");
        graph.stubFor(post(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        MockEndpoint dead = getMockEndpoint("mock:dead");
        dead.expectedMessageCount(1);

        send("hello", TO_PSID);

        dead.assertIsSatisfied();
        assertThat(received()).hasSize(3);
        assertThat(dead.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT))
                .isInstanceOf(MessengerTransportException.class);
    }

    @Test
    void exhaustedRetriesReachTheDeadLetterMarkedRetriable() throws Exception {
        routeWith(new MessengerErrorRouting("mock:dead").redeliveryDelay(20).maximumRedeliveries(2),
                "rateLimitBackoff=0");
        graph.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(429).withBody("Too Many Requests")));
        MockEndpoint dead = getMockEndpoint("mock:dead");
        dead.expectedMessageCount(1);
        dead.expectedHeaderReceived(MessengerSendConstants.FAILURE_CLASS, "MessengerRateLimitException");
        dead.expectedHeaderReceived(MessengerSendConstants.RETRIABLE, true);

        send("hello", TO_PSID);

        dead.assertIsSatisfied();
        assertThat(received()).hasSize(3);
    }

    @Test
    void theShippedYamlConfigurationRoutesTheSameWay() throws Exception {
        context.getPropertiesComponent().addInitialProperty("messenger.errors.deadLetterUri", "mock:dead");
        context.getPropertiesComponent().addInitialProperty("messenger.errors.redeliveryDelay", "20");
        context.getPropertiesComponent().addInitialProperty("messenger.errors.maximumRedeliveries", "2");
        context.getPropertiesComponent().addInitialProperty("test.page", PAGE_ID);
        context.getPropertiesComponent().addInitialProperty("test.token", TOKEN);
        context.getPropertiesComponent().addInitialProperty("test.baseUri", baseUri());
        PluginHelper.getRoutesLoader(context).loadRoutes(
                ResourceHelper.resolveMandatoryResource(context, "classpath:messenger-send/error-routing.camel.yaml"),
                ResourceHelper.resolveMandatoryResource(context,
                        "classpath:routes/send-with-error-routing.camel.yaml"));
        answersInTurn(aResponse().withStatus(503).withBody("busy"), aResponse().withStatus(200).withBody(OK_BODY),
                aResponse().withStatus(400).withBody(RECIPIENT_GONE));
        MockEndpoint dead = getMockEndpoint("mock:dead");
        dead.expectedMessageCount(1);
        dead.expectedHeaderReceived(MessengerSendConstants.FAILURE_CLASS, "MessengerRecipientException");

        Exchange retried = sendTo("direct:yaml-send", "first", TO_PSID);
        Exchange deadLettered = sendTo("direct:yaml-send", "second", TO_PSID);

        assertThat(retried.getMessage().getHeader(MessengerSendConstants.MESSAGE_ID)).isEqualTo("m_AG5Hz2Uq7tuwNEhX");
        assertThat(deadLettered.getException()).isNull();
        dead.assertIsSatisfied();
        assertThat(received()).hasSize(3);
    }

    /** The stand-in answers these responses in turn; the last one repeats. */
    private static void answersInTurn(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder... answers) {
        graph.resetMappings();
        for (int i = 0; i < answers.length; i++) {
            String current = i == 0 ? Scenario.STARTED : "answer-" + i;
            var stub = post(anyUrl()).inScenario("in turn").whenScenarioStateIs(current).willReturn(answers[i]);
            if (i < answers.length - 1) {
                stub = stub.willSetStateTo("answer-" + (i + 1));
            }
            graph.stubFor(stub);
        }
    }
}

package io.github.camelmessenger.send;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access token and the app secret appear in no URL, no log line (with every logger at DEBUG, the HTTP client's
 * included), no exception message and no endpoint URI as Camel prints it.
 */
class SecretsStayOutTest extends MessengerSendTestSupport {

    private static final String SECRET = "s3cr3t-app-secret-value";
    private static final String[] NOISY_LOGGERS = { Logger.ROOT_LOGGER_NAME, "org.asynchttpclient", "io.netty",
            "org.apache.camel", "io.github.camelmessenger" };

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Map<String, Level> previousLevels = new HashMap<>();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(uri("appSecret=RAW(" + SECRET + ")&requestTimeout=700"));
            }
        };
    }

    @BeforeEach
    void captureEveryLogAtDebug() {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        captured.setContext(logging);
        captured.start();
        for (String name : NOISY_LOGGERS) {
            Logger logger = logging.getLogger(name);
            previousLevels.put(name, logger.getLevel());
            logger.setLevel(Level.DEBUG);
        }
        logging.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(captured);
    }

    @AfterEach
    void restoreLogging() {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        logging.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(captured);
        previousLevels.forEach((name, level) -> logging.getLogger(name).setLevel(level));
    }

    @Test
    void noSecretInLogsUrlsOrExceptions() {
        List<Throwable> failures = new ArrayList<>();

        // a success, an error whose message echoes the token, a timeout, and a refused message
        Exchange ok = send("hello", Map.of(MessengerSendConstants.RECIPIENT_ID, "1"));
        assertThat(ok.getException()).isNull();

        graph.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(400).withBody(
                "{\"error\":{\"message\":\"Malformed access token " + TOKEN + "\",\"type\":\"OAuthException\","
                        + "\"code\":190,\"fbtrace_id\":\"Abc\"}}")));
        failures.add(send("hello", Map.of(MessengerSendConstants.RECIPIENT_ID, "1")).getException());

        graph.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(3000).withBody(OK_BODY)));
        failures.add(send("hello", Map.of(MessengerSendConstants.RECIPIENT_ID, "1")).getException());

        failures.add(send("x".repeat(2001), Map.of(MessengerSendConstants.RECIPIENT_ID, "1")).getException());

        assertThat(failures).doesNotContainNull();
        for (Throwable failure : failures) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(TOKEN).doesNotContain(SECRET);
                assertThat(t.toString()).doesNotContain(TOKEN).doesNotContain(SECRET);
            }
        }
        assertThat(failures.get(0).getMessage()).contains("Malformed access token xxxxxx");

        for (var request : received()) {
            assertThat(request.getUrl()).doesNotContain(TOKEN).doesNotContain(SECRET).contains("appsecret_proof=");
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        }

        List<ILoggingEvent> events;
        synchronized (captured) {
            // the HTTP client's threads may still be logging: read a copy, under the appender's own lock
            events = new ArrayList<>(captured.list);
        }
        List<String> lines = events.stream()
                .map(e -> e.getFormattedMessage()
                        + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy())))
                .toList();
        // the HTTP client's debug log of the request did run: it shows the stand-in, not the token
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("messenger-send-credential-"));
        assertThat(lines).allSatisfy(line -> assertThat(line).doesNotContain(TOKEN).doesNotContain(SECRET));
    }

    @Test
    void endpointUriAsCamelPrintsItIsSanitized() {
        Endpoint endpoint = context.getEndpoint(uri("appSecret=RAW(" + SECRET + ")"));

        assertThat(endpoint.toString()).doesNotContain(TOKEN).doesNotContain(SECRET);
        assertThat(context.getEndpoints().toString()).doesNotContain(TOKEN).doesNotContain(SECRET);
        assertThat(context.getRoutes().get(0).getEndpoint().toString()).doesNotContain(TOKEN);
    }
}

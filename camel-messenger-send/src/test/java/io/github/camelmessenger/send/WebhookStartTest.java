package io.github.camelmessenger.send;

import java.nio.charset.StandardCharsets;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a webhook route needs to start, what it logs, and that no secret reaches a log line or an exception. */
class WebhookStartTest extends WebhookTestSupport {

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private Level rootLevel;

    @BeforeEach
    void captureLogs() {
        logs.start();
        root.addAppender(logs);
        rootLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
    }

    @AfterEach
    void releaseLogs() {
        root.setLevel(rootLevel);
        root.detachAppender(logs);
    }

    @Test
    void withoutAppSecretTheRouteDoesNotStart() {
        assertThatThrownBy(() -> context.addRoutes(route("messenger-webhook:unsigned?verifyToken=RAW("
                + WebhookHttp.VERIFY_TOKEN + ")")))
                .hasStackTraceContaining("appSecret")
                .satisfies(e -> assertThat(stackTrace(e)).doesNotContain(WebhookHttp.VERIFY_TOKEN));
    }

    @Test
    void anUnknownEventTypeFailsTheStart() {
        assertThatThrownBy(() -> context.addRoutes(route("messenger-webhook:typo?events=message,mesage&" + SECRETS)))
                .hasStackTraceContaining("mesage");
    }

    @Test
    void withoutTheSignatureCheckEveryPostIsRoutedAndTheStartWarns() throws Exception {
        context.addRoutes(route("messenger-webhook:local?signatureCheck=false"));
        getMockEndpoint("mock:local").expectedMessageCount(1);

        byte[] body = WebhookHttp.page(WebhookHttp.message("m_1", "hi")).getBytes(StandardCharsets.UTF_8);
        assertThat(http.post("/local", body, null).statusCode()).isEqualTo(200);

        getMockEndpoint("mock:local").assertIsSatisfied();
        assertThat(logs.list).anyMatch(e -> e.getLevel() == Level.WARN
                && e.getFormattedMessage().contains("signatureCheck=false"));
    }

    @Test
    void noSecretReachesALogLine() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("messenger-webhook:failing?" + SECRETS).throwException(new IllegalStateException("refused"));
            }
        });
        byte[] body = WebhookHttp.page(WebhookHttp.message("m_1", "hi")).getBytes(StandardCharsets.UTF_8);
        String signature = WebhookHttp.sign(body);

        http.get("/messenger?hub.mode=subscribe&hub.verify_token=" + WebhookHttp.VERIFY_TOKEN + "&hub.challenge=1");
        http.get("/messenger?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1");
        http.post("/messenger", body, "sha256=" + signature);
        http.post("/messenger", body, "sha256=" + signature.replace('a', 'b'));
        assertThat(http.post("/failing", body, "sha256=" + signature).statusCode()).isEqualTo(500);

        List<String> lines = logs.list.stream().map(e -> e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage())).toList();
        assertThat(lines).isNotEmpty().noneMatch(line -> line.contains(WebhookHttp.APP_SECRET)
                || line.contains(WebhookHttp.VERIFY_TOKEN) || line.contains(signature));
    }

    private static RouteBuilder route(String uri) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).to("mock:" + uri.substring("messenger-webhook:".length(), uri.indexOf('?')));
            }
        };
    }

    private static String stackTrace(Throwable e) {
        java.io.StringWriter out = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}

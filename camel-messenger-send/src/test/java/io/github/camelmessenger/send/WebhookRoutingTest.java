package io.github.camelmessenger.send;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.github.camelmessenger.send.model.event.MessagingEvent;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Signed POSTs routed as one exchange per event, over real HTTP. */
class WebhookRoutingTest extends WebhookTestSupport {

    /** Texts the flaky route fails on. */
    private final Set<String> failOn = ConcurrentHashMap.newKeySet();

    @Override
    protected RouteBuilder createRouteBuilder() {
        RouteBuilder base = super.createRouteBuilder();
        return new RouteBuilder() {
            @Override
            public void configure() throws Exception {
                base.addRoutesToCamelContext(getContext());
                from("messenger-webhook:flaky?" + SECRETS).process(e -> {
                    if (failOn.contains(e.getMessage().getHeader(MessengerWebhookConstants.EVENT_TEXT, String.class))) {
                        throw new IllegalStateException("the order service is down");
                    }
                }).to("mock:flaky");
                from("messenger-webhook:with-echo?events=message,echo&" + SECRETS).to("mock:echoes");
            }
        };
    }

    @Test
    void oneEventIsRoutedWithItsHeadersAndTypedBody() throws Exception {
        events().expectedMessageCount(1);
        String body = WebhookHttp.page(WebhookHttp.event(
                "\"message\":{\"mid\":\"m_AG5Hz2\",\"text\":\"Red please\",\"quick_reply\":{\"payload\":\"RED\"}}"));

        HttpResponse<String> answer = http.postSigned("/messenger", body);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("EVENT_RECEIVED");
        events().assertIsSatisfied();
        Message in = events().getReceivedExchanges().get(0).getMessage();
        assertThat(in.getBody()).isInstanceOf(MessagingEvent.class);
        MessagingEvent event = in.getBody(MessagingEvent.class);
        assertThat(event.message().text()).isEqualTo("Red please");
        assertThat(in.getHeaders()).containsEntry("CamelMessengerEventType", "message")
                .containsEntry("CamelMessengerEventId", "m_AG5Hz2")
                .containsEntry("CamelMessengerPageId", WebhookHttp.PAGE)
                .containsEntry("CamelMessengerRecipientId", WebhookHttp.PSID)
                .containsEntry("CamelMessengerSenderId", WebhookHttp.PSID)
                .containsEntry("CamelMessengerEventMessageId", "m_AG5Hz2")
                .containsEntry("CamelMessengerEventText", "Red please")
                .containsEntry("CamelMessengerPayload", "RED")
                .containsEntry("CamelMessengerEventTimestamp", 1700000000000L)
                .containsEntry("CamelMessengerPlatform", "MESSENGER");
        assertThat(in.getHeaders().keySet()).as("no HTTP request header reaches the event's exchange")
                .allMatch(name -> name.startsWith("CamelMessenger"));
        assertThat(in.getBody(String.class)).contains("\"mid\":\"m_AG5Hz2\"");
    }

    @Test
    void aBatchIsRoutedInMetasOrder() throws Exception {
        events().expectedHeaderValuesReceivedInAnyOrder("CamelMessengerEventType", "message", "postback", "read",
                "standby");
        String body = "{\"object\":\"page\",\"entry\":[{\"id\":\"" + WebhookHttp.PAGE + "\",\"time\":1,\"messaging\":["
                + WebhookHttp.message("m_1", "first") + ","
                + WebhookHttp.event("\"postback\":{\"mid\":\"m_2\",\"title\":\"Start\",\"payload\":\"GET_STARTED\"}")
                + "]},{\"id\":\"" + WebhookHttp.PAGE + "\",\"time\":2,\"messaging\":["
                + WebhookHttp.event("\"read\":{\"watermark\":1700000000000}") + "],\"standby\":["
                + WebhookHttp.message("m_4", "watched") + "]}]}";

        assertThat(http.postSigned("/messenger", body).statusCode()).isEqualTo(200);

        events().assertIsSatisfied();
        assertThat(types(events())).containsExactly("message", "postback", "read", "standby");
        assertThat(events().getReceivedExchanges().get(1).getMessage().getHeader("CamelMessengerPayload"))
                .isEqualTo("GET_STARTED");
    }

    @Test
    void aThousandEventsInOneCallAreAllRoutedInOrder() throws Exception {
        events().expectedMessageCount(1000);
        List<String> texts = IntStream.range(0, 1000).mapToObj(i -> "text " + i).toList();
        String body = WebhookHttp.page(IntStream.range(0, 1000)
                .mapToObj(i -> WebhookHttp.message("m_" + i, texts.get(i))).toArray(String[]::new));

        assertThat(http.postSigned("/messenger", body).statusCode()).isEqualTo(200);

        events().assertIsSatisfied();
        assertThat(events().getReceivedExchanges().stream()
                .map(e -> e.getMessage().getHeader("CamelMessengerEventText", String.class)))
                .containsExactlyElementsOf(texts);
    }

    @Test
    void theSameCallTwiceRoutesItsEventsOnce() throws Exception {
        events().expectedMessageCount(2);
        String body = WebhookHttp.page(WebhookHttp.message("m_a", "a"), WebhookHttp.message("m_b", "b"));

        assertThat(http.postSigned("/messenger", body).statusCode()).isEqualTo(200);
        HttpResponse<String> again = http.postSigned("/messenger", body);

        assertThat(again.statusCode()).isEqualTo(200);
        events().assertIsSatisfied();
        assertThat(texts(events())).containsExactly("a", "b");
    }

    @Test
    void aFailedEventAnswers500AndMetasRetryRoutesOnlyIt() throws Exception {
        MockEndpoint flaky = getMockEndpoint("mock:flaky");
        failOn.add("b");
        String body = WebhookHttp.page(WebhookHttp.message("m_a", "a"), WebhookHttp.message("m_b", "b"),
                WebhookHttp.message("m_c", "c"));

        HttpResponse<String> first = http.postSigned("/flaky", body);

        assertThat(first.statusCode()).isEqualTo(500);
        assertThat(first.body()).doesNotContain("order service");
        assertThat(texts(flaky)).as("a failed event does not stop the ones after it").containsExactly("a", "c");

        failOn.clear();
        HttpResponse<String> retry = http.postSigned("/flaky", body);

        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(texts(flaky)).containsExactly("a", "c", "b");
        assertThat(http.postSigned("/flaky", body).statusCode()).isEqualTo(200);
        assertThat(texts(flaky)).hasSize(3);
    }

    @Test
    void aFailureThatStaysAnswers500OnEveryRetry() throws Exception {
        failOn.add("poison");
        String body = WebhookHttp.page(WebhookHttp.message("m_p", "poison"));

        assertThat(http.postSigned("/flaky", body).statusCode()).isEqualTo(500);
        assertThat(http.postSigned("/flaky", body).statusCode()).isEqualTo(500);
        assertThat(getMockEndpoint("mock:flaky").getReceivedCounter()).isZero();
    }

    @Test
    void echoesAreNotRoutedByDefault() throws Exception {
        events().expectedHeaderValuesReceivedInAnyOrder("CamelMessengerEventText", "hi");
        String body = WebhookHttp.page(WebhookHttp.echo("m_echo", "our reply"), WebhookHttp.message("m_hi", "hi"));

        assertThat(http.postSigned("/messenger", body).statusCode()).isEqualTo(200);

        events().assertIsSatisfied();
        assertThat(types(events())).containsExactly("message");
    }

    @Test
    void echoesAreRoutedWhenListed() throws Exception {
        MockEndpoint echoes = getMockEndpoint("mock:echoes");
        echoes.expectedMessageCount(2);
        String body = WebhookHttp.page(WebhookHttp.echo("m_echo", "our reply"), WebhookHttp.message("m_hi", "hi"),
                WebhookHttp.event("\"read\":{\"watermark\":1700000000000}"));

        assertThat(http.postSigned("/with-echo", body).statusCode()).isEqualTo(200);

        echoes.assertIsSatisfied();
        assertThat(types(echoes)).containsExactly("echo", "message");
        Message echo = echoes.getReceivedExchanges().get(0).getMessage();
        assertThat(echo.getHeader("CamelMessengerRecipientId")).as("the person, not the Page")
                .isEqualTo(WebhookHttp.PSID);
        assertThat(echo.getHeader("CamelMessengerSenderId")).isEqualTo(WebhookHttp.PAGE);
    }

    @Test
    void eventsOfAnUnknownKindAreAlwaysRouted() throws Exception {
        events().expectedMessageCount(1);
        String body = WebhookHttp.page(WebhookHttp.event("\"game_play\":{\"game_id\":\"1\"}"));

        assertThat(http.postSigned("/messenger", body).statusCode()).isEqualTo(200);

        events().assertIsSatisfied();
        assertThat(types(events())).containsExactly("unknown");
    }

    private static List<String> types(MockEndpoint mock) {
        return header(mock, "CamelMessengerEventType");
    }

    private static List<String> texts(MockEndpoint mock) {
        return header(mock, "CamelMessengerEventText");
    }

    private static List<String> header(MockEndpoint mock, String name) {
        List<String> values = new ArrayList<>();
        for (Exchange exchange : mock.getReceivedExchanges()) {
            values.add(exchange.getMessage().getHeader(name, String.class));
        }
        return values.stream().collect(Collectors.toList());
    }
}

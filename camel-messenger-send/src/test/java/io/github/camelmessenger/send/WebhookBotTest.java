package io.github.camelmessenger.send;

import java.net.http.HttpResponse;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two-line bot: a signed message event comes in over HTTP, messenger-send sends the reply to the Graph API
 * stand-in, to the person who wrote, from the Page that received it.
 */
class WebhookBotTest extends MessengerSendTestSupport {

    private final WebhookHttp http = new WebhookHttp();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        http.addServerTo(context);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("messenger-webhook:bot?" + WebhookTestSupport.SECRETS)
                        .filter(header("CamelMessengerEventType").isEqualTo("message"))
                        .setBody(simple("You said: ${header.CamelMessengerEventText}"))
                        .to("messenger-send:me?accessToken=RAW(" + TOKEN + ")&baseUri=" + baseUri());
                // a reply route that forgot to set its reply
                from("messenger-webhook:forgetful?" + WebhookTestSupport.SECRETS)
                        .to("messenger-send:me?accessToken=RAW(" + TOKEN + ")&baseUri=" + baseUri());
            }
        };
    }

    @Test
    void aMessageIsAnsweredToItsSenderFromThePageThatReceivedIt() {
        String body = WebhookHttp.page(WebhookHttp.message("m_hello", "hello"));

        HttpResponse<String> answer = http.postSigned("/bot", body);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertSent("/v24.0/" + WebhookHttp.PAGE + "/messages", "{\"recipient\":{\"id\":\"" + WebhookHttp.PSID
                + "\"},\"messaging_type\":\"RESPONSE\",\"message\":{\"text\":\"You said: hello\"}}");
    }

    @Test
    void theReceivedEventIsNeverSentBack() {
        String body = WebhookHttp.page(WebhookHttp.message("m_forgot", "hello"));

        assertThat(http.postSigned("/forgetful", body).statusCode()).isEqualTo(500);
        assertThat(received()).isEmpty();
    }

    @Test
    void whatIsNotAMessageIsNotAnswered() {
        String body = WebhookHttp.page(WebhookHttp.event("\"read\":{\"watermark\":1700000000000}"),
                WebhookHttp.echo("m_echo", "You said: hello"));

        assertThat(http.postSigned("/bot", body).statusCode()).isEqualTo(200);
        assertThat(received()).isEmpty();
    }

    @Test
    void aFailedReplyAnswers500SoThatMetaRetries() {
        graph.resetAll();
        graph.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl())
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(500)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"An unexpected error has occurred.\",\"type\":"
                                + "\"OAuthException\",\"code\":2,\"is_transient\":true,\"fbtrace_id\":\"A1\"}}")));
        String body = WebhookHttp.page(WebhookHttp.message("m_retry", "hello"));

        assertThat(http.postSigned("/bot", body).statusCode()).isEqualTo(500);
        assertThat(received()).hasSize(1);
    }
}

package io.github.camelmessenger.send;

import java.util.Map;

import io.github.camelmessenger.send.error.MessengerAuthorizationException;
import io.github.camelmessenger.send.error.MessengerRateLimitException;
import io.github.camelmessenger.send.error.MessengerValidationException;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One endpoint for many Pages: a token per Page (pageToken.*, or a token provider bean), chosen by the
 * CamelMessengerPageId header.
 */
class ManyPagesTest extends MessengerSendTestSupport {

    @BindToRegistry("vault")
    private final MessengerTokenProvider vault = pageId -> pageId.startsWith("9") ? "vault-token-" + pageId : null;

    @BindToRegistry("brokenVault")
    private final MessengerTokenProvider brokenVault = pageId -> {
        throw new IllegalStateException("vault unreachable");
    };

    @Test
    void pageTokensChooseTheTokenByPage() {
        String endpoint = "messenger-send:me?baseUri=" + baseUri() + "&pageToken.111=RAW(token-one)"
                + "&pageToken.222=RAW(token-two)";

        sendTo(endpoint, "to 111",
                Map.of(MessengerSendConstants.RECIPIENT_ID, "1", MessengerSendConstants.PAGE_ID, "111"));
        sendTo(endpoint, "to 222",
                Map.of(MessengerSendConstants.RECIPIENT_ID, "1", MessengerSendConstants.PAGE_ID, "222"));

        assertThat(received()).extracting(r -> r.getUrl() + " " + r.getHeader("Authorization"))
                .containsExactlyInAnyOrder("/v24.0/111/messages Bearer token-one",
                        "/v24.0/222/messages Bearer token-two");
    }

    @Test
    void aPageWithoutItsOwnTokenUsesAccessToken() {
        sendTo(uri("pageToken.111=RAW(token-one)"), "default", Map.of(MessengerSendConstants.RECIPIENT_ID, "1"));

        assertThat(onlyRequest().getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void aTokenProviderIsAskedFirst() {
        String endpoint = "messenger-send:me?baseUri=" + baseUri() + "&tokenProvider=#vault&pageToken.911=RAW(ignored)";

        sendTo(endpoint, "from the vault", Map.of(MessengerSendConstants.RECIPIENT_ID, "1",
                MessengerSendConstants.PAGE_ID, "911"));

        assertThat(onlyRequest().getHeader("Authorization")).isEqualTo("Bearer vault-token-911");
    }

    @Test
    void aPageWithNoTokenAnywhereIsRefusedWithoutACall() {
        Exchange exchange = sendTo("messenger-send:me?baseUri=" + baseUri() + "&tokenProvider=#vault", "x",
                Map.of(MessengerSendConstants.RECIPIENT_ID, "1", MessengerSendConstants.PAGE_ID, "123"));

        assertThat(exchange.getException()).isInstanceOf(MessengerValidationException.class)
                .hasMessageContaining("no access token for Page 123");
        assertThat(received()).isEmpty();
    }

    @Test
    void aRateLimitOnOnePagePausesOnlyThatPage() {
        graph.stubFor(post(urlPathEqualTo("/v24.0/111/messages")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"message\":\"(#613) Calls to "
                        + "this api have exceeded the rate limit.\",\"type\":\"OAuthException\",\"code\":613,"
                        + "\"fbtrace_id\":\"Rl1\"}}")));
        String endpoint = "messenger-send:me?baseUri=" + baseUri() + "&pageToken.111=RAW(token-one)"
                + "&pageToken.222=RAW(token-two)";
        Map<String, Object> toOne =
                Map.of(MessengerSendConstants.RECIPIENT_ID, "1", MessengerSendConstants.PAGE_ID, "111");

        Exchange limited = sendTo(endpoint, "first", toOne);
        Exchange paused = sendTo(endpoint, "second", toOne);
        Exchange other = sendTo(endpoint, "to 222", Map.of(MessengerSendConstants.RECIPIENT_ID, "1",
                MessengerSendConstants.PAGE_ID, "222"));

        assertThat(limited.getException()).isInstanceOf(MessengerRateLimitException.class);
        assertThat(paused.getException()).isInstanceOf(MessengerRateLimitException.class)
                .hasMessageContaining("paused");
        assertThat(other.getException()).isNull();
        assertThat(received()).extracting(r -> r.getUrl() + " " + r.getHeader("Authorization"))
                .containsExactlyInAnyOrder("/v24.0/111/messages Bearer token-one",
                        "/v24.0/222/messages Bearer token-two");
    }

    @Test
    void aFailingTokenProviderFailsTheExchangeForAnOperatorWithoutACall() {
        Exchange exchange = sendTo("messenger-send:me?baseUri=" + baseUri() + "&tokenProvider=#brokenVault", "x",
                Map.of(MessengerSendConstants.RECIPIENT_ID, "1", MessengerSendConstants.PAGE_ID, "911"));

        assertThat(exchange.getException()).isInstanceOf(MessengerAuthorizationException.class)
                .hasMessageContaining("token provider failed for Page 911").hasRootCauseMessage("vault unreachable");
        assertThat(exchange.getMessage().getHeader(MessengerSendConstants.FAILURE_CLASS))
                .isEqualTo("MessengerAuthorizationException");
        assertThat(received()).isEmpty();
    }

    @Test
    void anEndpointsOwnAccessTokenBeatsTheComponentsPageTokens() {
        context.getComponent("messenger-send", MessengerSendComponent.class).getConfiguration()
                .setPageTokens(Map.of(PAGE_ID, "component-page-token"));

        sendTo(uri(""), "mine", Map.of(MessengerSendConstants.RECIPIENT_ID, "1"));
        sendTo("messenger-send:" + PAGE_ID + "?baseUri=" + baseUri(), "inherited",
                Map.of(MessengerSendConstants.RECIPIENT_ID, "1"));

        assertThat(received()).extracting(r -> bodyOf(r).path("message").path("text").asText() + " "
                + r.getHeader("Authorization"))
                .containsExactlyInAnyOrder("mine Bearer " + TOKEN, "inherited Bearer component-page-token");
    }

    @Test
    void pageTokensStayOutOfPrintedUris() {
        String printed = context.getEndpoint("messenger-send:me?baseUri=" + baseUri()
                + "&pageToken.111=RAW(token-one-secret)").toString();

        assertThat(printed).doesNotContain("token-one-secret");
    }
}

package io.github.camelmessenger.send;

import java.util.Map;

import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A producer's Page token health check against the Graph API stand-in: UP with the Page, DOWN with Meta's error,
 * cached.
 */
class TokenHealthCheckTest extends MessengerSendTestSupport {

    private MessengerSendEndpoint endpoint() {
        return context.getEndpoint(uri(""), MessengerSendEndpoint.class);
    }

    private MessengerSendProducerHealthCheck healthCheck(long cacheTimeMillis) {
        context.getComponent("messenger-send", MessengerSendComponent.class).setHealthCheckCacheTime(cacheTimeMillis);
        MessengerSendProducerHealthCheck check = new MessengerSendProducerHealthCheck(endpoint());
        check.setCamelContext(context);
        return check;
    }

    @Test
    void upWithThePageTheTokenBelongsTo() {
        graph.stubFor(get(urlPathEqualTo("/v24.0/me")).willReturn(okJson("{\"id\":\"1122334455\",\"name\":\"Shop\"}")));

        HealthCheck.Result result = healthCheck(0).call();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(result.getDetails()).containsEntry("page.id", "1122334455").containsEntry("page.name", "Shop");
        graph.verify(getRequestedFor(urlEqualTo("/v24.0/me?fields=id,name"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        assertThat(healthCheck(0).isLiveness()).isFalse();
        assertThat(healthCheck(0).isReadiness()).isTrue();
        assertThat(result.getCheck().getId())
                .isEqualTo(MessengerSendProducerHealthCheck.ID_PREFIX + endpoint().getId());
    }

    @Test
    void downWithMetasErrorAndNoToken() {
        graph.stubFor(get(urlPathEqualTo("/v24.0/me")).willReturn(aResponse().withStatus(400).withBody(
                "{\"error\":{\"message\":\"Error validating access token: Session has expired\","
                        + "\"type\":\"OAuthException\",\"code\":190,\"error_subcode\":463,\"fbtrace_id\":\"AbC\"}}")));

        HealthCheck.Result result = healthCheck(0).call();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getDetails()).containsEntry("failure", "MessengerAuthorizationException")
                .containsEntry("error.code", 190);
        assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("190").doesNotContain(TOKEN));
        assertThat(result.getDetails().values()).allSatisfy(v -> assertThat(String.valueOf(v)).doesNotContain(TOKEN));
    }

    @Test
    void resultsAreCachedBetweenProbes() {
        graph.stubFor(get(urlPathEqualTo("/v24.0/me")).willReturn(okJson("{\"id\":\"1122334455\"}")));
        MessengerSendProducerHealthCheck check = healthCheck(MessengerSendComponent.DEFAULT_HEALTH_CHECK_CACHE_TIME);

        for (int i = 0; i < 5; i++) {
            assertThat(check.call().getState()).isEqualTo(HealthCheck.State.UP);
        }

        assertThat(received()).hasSize(1);
    }

    @Test
    void unknownWithoutAToken() {
        MessengerSendProducerHealthCheck check = healthCheck(0);
        endpoint().getConfiguration().setAccessToken(null);

        HealthCheck.Result result = check.call(Map.of());

        assertThat(result.getState()).isEqualTo(HealthCheck.State.UNKNOWN);
        assertThat(received()).isEmpty();
    }

    @Test
    void eachPageTokenIsCheckedAndMustAnswerForItsOwnPage() {
        graph.stubFor(get(urlPathEqualTo("/v24.0/me")).withHeader("Authorization", equalTo("Bearer token-111"))
                .willReturn(okJson("{\"id\":\"111\",\"name\":\"Shop A\"}")));
        graph.stubFor(get(urlPathEqualTo("/v24.0/me")).withHeader("Authorization", equalTo("Bearer token-222"))
                .willReturn(okJson("{\"id\":\"333\",\"name\":\"Someone else\"}")));
        MessengerSendProducerHealthCheck check = healthCheck(0);
        MessengerSendConfiguration configuration = endpoint().getConfiguration();
        configuration.setAccessToken(null);
        configuration.setPageTokens(Map.of("111", "token-111"));

        HealthCheck.Result healthy = check.call(Map.of());
        configuration.setPageTokens(Map.of("111", "token-111", "222", "token-222"));
        HealthCheck.Result misfiled = check.call(Map.of());

        assertThat(healthy.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(healthy.getDetails()).containsEntry("pageToken.111", "UP");
        assertThat(misfiled.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(misfiled.getDetails()).containsEntry("pageToken.111", "UP").containsEntry("pageToken.222", "DOWN");
        assertThat(misfiled.getMessage()).hasValue("pageToken.222: belongs to Page 333, not 222");
        assertThat(received()).hasSize(3);
    }
}

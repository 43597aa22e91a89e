package io.github.camelmessenger.send;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A suspended webhook route answers 503 and routes nothing, so Meta delivers the call again once it is resumed. */
class WebhookSuspendTest extends WebhookTestSupport {

    @Test
    void aSuspendedRouteAnswers503AndTheRetryIsRoutedAfterResume() throws Exception {
        String body = WebhookHttp.page(WebhookHttp.message("m_suspended", "while suspended"));
        context.getRouteController().suspendRoute("webhook");

        HttpResponse<String> whileSuspended = http.postSigned("/messenger", body);
        HttpResponse<String> checkWhileSuspended = http.get("/messenger?hub.mode=subscribe&hub.verify_token="
                + WebhookHttp.VERIFY_TOKEN + "&hub.challenge=7");

        assertThat(whileSuspended.statusCode()).isEqualTo(503);
        assertThat(whileSuspended.body()).isEqualTo("This webhook is suspended; Meta delivers the call again later");
        assertThat(checkWhileSuspended.statusCode()).isEqualTo(503);
        assertThat(events().getReceivedCounter()).isZero();

        context.getRouteController().resumeRoute("webhook");
        events().expectedMessageCount(1);
        HttpResponse<String> retry = http.postSigned("/messenger", body);

        assertThat(retry.statusCode()).isEqualTo(200);
        events().assertIsSatisfied();
        assertThat(events().getReceivedExchanges().get(0).getMessage().getHeader("CamelMessengerEventText"))
                .isEqualTo("while suspended");
    }
}

package io.github.camelmessenger.send;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Meta's subscription check, GET with hub.mode, hub.verify_token and hub.challenge, over real HTTP. */
class WebhookSubscriptionTest extends WebhookTestSupport {

    static final String ODD_TOKEN = "a token&with=odd+chars/%";

    @Override
    protected RouteBuilder createRouteBuilder() {
        RouteBuilder base = super.createRouteBuilder();
        return new RouteBuilder() {
            @Override
            public void configure() throws Exception {
                base.addRoutesToCamelContext(getContext());
                from("messenger-webhook:odd?appSecret=RAW(" + WebhookHttp.APP_SECRET + ")&verifyToken=RAW("
                        + ODD_TOKEN + ")").to("mock:odd");
                from("messenger-webhook:no-token?appSecret=RAW(" + WebhookHttp.APP_SECRET + ")").to("mock:none");
            }
        };
    }

    @Test
    void theRightTokenGetsTheChallenge() {
        HttpResponse<String> answer = http.get("/messenger?hub.mode=subscribe&hub.verify_token="
                + WebhookHttp.VERIFY_TOKEN + "&hub.challenge=1158201444");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("1158201444");
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
    }

    @Test
    void aWrongTokenIsForbidden() {
        HttpResponse<String> answer = http.get(
                "/messenger?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444");

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).doesNotContain("1158201444", WebhookHttp.VERIFY_TOKEN);
    }

    @Test
    void aModeOtherThanSubscribeIsForbidden() {
        HttpResponse<String> answer = http.get("/messenger?hub.mode=unsubscribe&hub.verify_token="
                + WebhookHttp.VERIFY_TOKEN + "&hub.challenge=1158201444");

        assertThat(answer.statusCode()).isEqualTo(403);
    }

    @Test
    void aMissingParameterIsABadRequest() {
        assertThat(http.get("/messenger?hub.mode=subscribe&hub.verify_token=" + WebhookHttp.VERIFY_TOKEN)
                .statusCode()).isEqualTo(400);
        assertThat(http.get("/messenger?hub.mode=subscribe&hub.challenge=1").statusCode()).isEqualTo(400);
        assertThat(http.get("/messenger?hub.verify_token=" + WebhookHttp.VERIFY_TOKEN + "&hub.challenge=1")
                .statusCode()).isEqualTo(400);
        assertThat(http.get("/messenger").statusCode()).isEqualTo(400);
    }

    @Test
    void parametersAreUrlDecoded() {
        HttpResponse<String> answer = http.get("/odd?hub.mode=subscribe&hub.verify_token="
                + URLEncoder.encode(ODD_TOKEN, StandardCharsets.UTF_8) + "&hub.challenge="
                + URLEncoder.encode("chal lenge/=&", StandardCharsets.UTF_8));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("chal lenge/=&");
    }

    @Test
    void withoutAVerifyTokenEveryCheckIsForbidden() {
        assertThat(http.get("/no-token?hub.mode=subscribe&hub.verify_token=&hub.challenge=1").statusCode())
                .isEqualTo(403);
        assertThat(http.get("/no-token?hub.mode=subscribe&hub.verify_token=null&hub.challenge=1").statusCode())
                .isEqualTo(403);
    }
}

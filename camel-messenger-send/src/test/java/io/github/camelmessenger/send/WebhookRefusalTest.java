package io.github.camelmessenger.send;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** POSTs the webhook refuses, over real HTTP: none of them routes anything. */
class WebhookRefusalTest extends WebhookTestSupport {

    private static final String BODY = WebhookHttp.page(WebhookHttp.message("m_1", "hello"));
    private static final byte[] BYTES = BODY.getBytes(StandardCharsets.UTF_8);

    @Override
    protected RouteBuilder createRouteBuilder() {
        RouteBuilder base = super.createRouteBuilder();
        return new RouteBuilder() {
            @Override
            public void configure() throws Exception {
                base.addRoutesToCamelContext(getContext());
                from("messenger-webhook:small?maxBodySize=1000&" + SECRETS).to("mock:events");
            }
        };
    }

    @Test
    void aMissingSignatureIsForbidden() throws Exception {
        events().expectedMessageCount(0);

        HttpResponse<String> answer = http.post("/messenger", BYTES, null);

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("X-Hub-Signature-256");
        events().assertIsSatisfied();
    }

    @Test
    void aSignatureMadeWithAnotherSecretIsForbidden() throws Exception {
        events().expectedMessageCount(0);

        HttpResponse<String> answer = http.post("/messenger", BYTES,
                "sha256=" + WebhookHttp.sign(BYTES, "someone-elses-secret"));

        assertThat(answer.statusCode()).isEqualTo(403);
        events().assertIsSatisfied();
    }

    @Test
    void aSignatureOfAnotherBodyIsForbidden() throws Exception {
        events().expectedMessageCount(0);
        byte[] other = WebhookHttp.page(WebhookHttp.message("m_2", "other")).getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> answer = http.post("/messenger", BYTES, "sha256=" + WebhookHttp.sign(other));

        assertThat(answer.statusCode()).isEqualTo(403);
        events().assertIsSatisfied();
    }

    @Test
    void malformedSignaturesAreForbidden() throws Exception {
        events().expectedMessageCount(0);
        String good = WebhookHttp.sign(BYTES);

        assertThat(http.post("/messenger", BYTES, good).statusCode()).as("no sha256= prefix").isEqualTo(403);
        assertThat(http.post("/messenger", BYTES, "sha256=").statusCode()).as("empty").isEqualTo(403);
        assertThat(http.post("/messenger", BYTES, "sha256=zz" + good.substring(2)).statusCode()).as("not hex")
                .isEqualTo(403);
        assertThat(http.post("/messenger", BYTES, "sha256=" + good.substring(2)).statusCode()).as("truncated")
                .isEqualTo(403);
        events().assertIsSatisfied();
    }

    @Test
    void aSha1SignatureAloneIsForbidden() throws Exception {
        events().expectedMessageCount(0);
        HttpRequest request = HttpRequest.newBuilder(http.uri("/messenger"))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature", "sha1=0123456789abcdef0123456789abcdef01234567")
                .POST(HttpRequest.BodyPublishers.ofByteArray(BYTES)).build();

        assertThat(http.send(request).statusCode()).isEqualTo(403);
        assertThat(http.post("/messenger", BYTES, "sha1=0123456789abcdef0123456789abcdef01234567").statusCode())
                .isEqualTo(403);
        events().assertIsSatisfied();
    }

    @Test
    void upperCaseHexIsAccepted() throws Exception {
        events().expectedMessageCount(1);

        HttpResponse<String> answer = http.post("/messenger", BYTES,
                "sha256=" + WebhookHttp.sign(BYTES).toUpperCase(Locale.ROOT));

        assertThat(answer.statusCode()).isEqualTo(200);
        events().assertIsSatisfied();
    }

    @Test
    void anEmptyBodyIsABadRequest() throws Exception {
        events().expectedMessageCount(0);

        assertThat(http.postSigned("/messenger", "").statusCode()).isEqualTo(400);
        events().assertIsSatisfied();
    }

    @Test
    void aBodyOverMaxBodySizeIsTooLarge() throws Exception {
        events().expectedMessageCount(0);
        String big = WebhookHttp.page(WebhookHttp.message("m_big", "x".repeat(1200)));

        HttpResponse<String> answer = http.postSigned("/small", big);

        assertThat(answer.statusCode()).isEqualTo(413);
        events().assertIsSatisfied();
    }

    @Test
    void aBodyWithoutLengthOverMaxBodySizeIsTooLarge() throws Exception {
        events().expectedMessageCount(0);
        byte[] big = WebhookHttp.page(WebhookHttp.message("m_big", "x".repeat(1200))).getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = HttpRequest.newBuilder(http.uri("/small"))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", "sha256=" + WebhookHttp.sign(big))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();

        assertThat(http.send(chunked).statusCode()).isEqualTo(413);
        events().assertIsSatisfied();
    }

    @Test
    void aBodyUpToMaxBodySizeIsAccepted() throws Exception {
        events().expectedMessageCount(1);
        String body = WebhookHttp.page(WebhookHttp.message("m_fit", "fits"));
        assertThat(body.length()).isLessThan(1000);

        assertThat(http.postSigned("/small", body).statusCode()).isEqualTo(200);
        events().assertIsSatisfied();
    }

    @Test
    void whatIsNotAWebhookCallIsABadRequest() throws Exception {
        events().expectedMessageCount(0);

        assertThat(http.postSigned("/messenger", "not json").statusCode()).as("not JSON").isEqualTo(400);
        assertThat(http.postSigned("/messenger", "[" + BODY + "]").statusCode()).as("array").isEqualTo(400);
        assertThat(http.postSigned("/messenger", BODY.replace("\"page\"", "\"user\"")).statusCode())
                .as("object user").isEqualTo(400);
        HttpResponse<String> noEntry = http.postSigned("/messenger", "{\"object\":\"page\"}");
        assertThat(noEntry.statusCode()).as("no entry").isEqualTo(400);
        assertThat(noEntry.body()).contains("entry");
        events().assertIsSatisfied();
    }

    @Test
    void otherMethodsAreNotAllowed() throws Exception {
        events().expectedMessageCount(0);
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(http.uri("/messenger"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(BYTES)).build());
        HttpResponse<String> delete = http.send(HttpRequest.newBuilder(http.uri("/messenger")).DELETE().build());

        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(delete.statusCode()).isEqualTo(405);
        assertThat(put.headers().firstValue("Allow")).hasValue("GET, POST");
        events().assertIsSatisfied();
    }

    @Test
    void theAnswerEchoesNoRequestHeader() {
        HttpResponse<String> answer = http.post("/messenger", BYTES, "sha256=" + WebhookHttp.sign(BYTES));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().map().keySet()).noneMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("x-hub"));
    }
}

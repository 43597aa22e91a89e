package io.github.camelmessenger.send.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.asynchttpclient.AsyncHttpClient;
import org.asynchttpclient.DefaultAsyncHttpClient;
import org.asynchttpclient.DefaultAsyncHttpClientConfig;

/**
 * The three ways of sending the same message that the harness compares.
 */
final class Senders {

    static final String TOKEN = "EAAGbenchmarkPageAccessToken0123456789";
    static final String PAGE_ID = "1122334455";
    static final String PSID = "1254477777772919";
    static final String TEXT = "Your order #1001 has shipped";
    static final byte[] REQUEST_JSON = ("{\"recipient\":{\"id\":\"" + PSID + "\"},\"messaging_type\":\"RESPONSE\","
            + "\"message\":{\"text\":\"" + TEXT + "\"}}").getBytes(StandardCharsets.UTF_8);

    private Senders() {
    }

    /** A sender that completes asynchronously; {@code done} gets null or the failure. */
    interface AsyncSender extends AutoCloseable {
        void send(Consumer<Throwable> done);

        @Override
        void close() throws Exception;
    }

    /** A sender that blocks its caller until the answer. */
    interface SyncSender extends AutoCloseable {
        void send() throws Exception;

        @Override
        void close() throws Exception;
    }

    /** (1) The floor: AsyncHttpClient POSTs of the pre-built JSON, with the same client settings as the component. */
    static AsyncSender rawAsyncHttpClient(String baseUri) {
        AsyncHttpClient client = new DefaultAsyncHttpClient(new DefaultAsyncHttpClientConfig.Builder()
                .setMaxRequestRetry(0).setKeepAlive(true).setFollowRedirect(false)
                .setConnectTimeout(Duration.ofSeconds(10)).setRequestTimeout(Duration.ofSeconds(30)).build());
        String url = baseUri + "/v24.0/" + PAGE_ID + "/messages";
        return new AsyncSender() {
            @Override
            public void send(Consumer<Throwable> done) {
                client.preparePost(url)
                        .setHeader("Authorization", "Bearer " + TOKEN)
                        .setHeader("Content-Type", "application/json")
                        .setBody(REQUEST_JSON)
                        .execute().toCompletableFuture()
                        .whenComplete((response, failure) -> done.accept(
                                failure != null ? failure
                                        : response.getStatusCode() == 200 ? null
                                                : new IllegalStateException("HTTP " + response.getStatusCode())));
            }

            @Override
            public void close() throws Exception {
                client.close();
            }
        };
    }

    /** (2) The component, from a direct route, driven without a thread per message. */
    static AsyncSender component(String baseUri, String extraOptions) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:component").to("messenger-send:" + PAGE_ID + "?accessToken=RAW(" + TOKEN + ")&baseUri="
                        + baseUri + extraOptions);
            }
        });
        context.start();
        AsyncProducer producer = context.getEndpoint("direct:component").createAsyncProducer();
        producer.start();
        return new AsyncSender() {
            @Override
            public void send(Consumer<Throwable> done) {
                Exchange exchange = new DefaultExchange(context);
                exchange.getMessage().setBody(TEXT);
                exchange.getMessage().setHeader("CamelMessengerRecipientId", PSID);
                producer.process(exchange, doneSync -> done.accept(exchange.getException()));
            }

            @Override
            public void close() {
                context.stop();
            }
        };
    }

    /**
     * (3) The route a user would write without the component: marshal a Map to JSON and POST it with camel-http,
     * with a connection pool large enough for the concurrency.
     */
    static SyncSender camelHttpRoute(String baseUri, int connections) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:http")
                        .marshal().json()
                        .setHeader("Authorization", constant("Bearer " + TOKEN))
                        .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                        .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                        .to(baseUri + "/v24.0/" + PAGE_ID + "/messages?connectionsPerRoute="
                                + connections + "&maxTotalConnections=" + connections);
            }
        });
        context.start();
        ProducerTemplate template = context.createProducerTemplate();
        Map<String, Object> body = Map.of("recipient", Map.of("id", PSID), "messaging_type", "RESPONSE",
                "message", Map.of("text", TEXT));
        return new SyncSender() {
            @Override
            public void send() {
                template.requestBody("direct:http", body);
            }

            @Override
            public void close() {
                context.stop();
            }
        };
    }
}

package io.github.camelmessenger.send.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.AsyncProcessorSupport;
import org.apache.camel.support.DefaultExchange;
import org.asynchttpclient.AsyncHttpClient;
import org.asynchttpclient.DefaultAsyncHttpClient;
import org.asynchttpclient.DefaultAsyncHttpClientConfig;

/**
 * The four ways of sending the same message that the harness compares.
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

    /** The AsyncHttpClient settings of the raw sender and the Camel floor, the component's own. */
    private static AsyncHttpClient newAsyncHttpClient() {
        return new DefaultAsyncHttpClient(new DefaultAsyncHttpClientConfig.Builder()
                .setMaxRequestRetry(0).setKeepAlive(true).setFollowRedirect(false)
                .setConnectTimeout(Duration.ofSeconds(10)).setRequestTimeout(Duration.ofSeconds(30)).build());
    }

    /** One POST of the pre-built JSON; {@code done} gets null or the failure. */
    private static void post(AsyncHttpClient client, String url, Consumer<Throwable> done) {
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

    /** (1) The floor: AsyncHttpClient POSTs of the pre-built JSON, with the same client settings as the component. */
    static AsyncSender rawAsyncHttpClient(String baseUri) {
        AsyncHttpClient client = newAsyncHttpClient();
        String url = baseUri + "/v24.0/" + PAGE_ID + "/messages";
        return new AsyncSender() {
            @Override
            public void send(Consumer<Throwable> done) {
                post(client, url, done);
            }

            @Override
            public void close() throws Exception {
                client.close();
            }
        };
    }

    /**
     * (4) The Camel floor: the same POSTs as the raw sender, from an async processor on a direct route driven like the
     * component's. What the component costs over this is its own work; what this costs over raw is Camel's.
     */
    static AsyncSender camelFloor(String baseUri) throws Exception {
        AsyncHttpClient client = newAsyncHttpClient();
        String url = baseUri + "/v24.0/" + PAGE_ID + "/messages";
        AsyncProcessor poster = new AsyncProcessorSupport() {
            @Override
            public boolean process(Exchange exchange, AsyncCallback callback) {
                post(client, url, failure -> {
                    if (failure != null) {
                        exchange.setException(failure);
                    }
                    callback.done(false);
                });
                return false;
            }
        };
        return directRoute(route -> route.process(poster), exchange -> {
        }, client);
    }

    /** (2) The component, from a direct route, driven without a thread per message. */
    static AsyncSender component(String baseUri, String extraOptions) throws Exception {
        return component(baseUri, extraOptions, null);
    }

    /** As above, each send for the next of {@code pages} in turn (by the Page header), or the endpoint's Page. */
    static AsyncSender component(String baseUri, String extraOptions, String[] pages) throws Exception {
        AtomicInteger turn = new AtomicInteger();
        return directRoute(route -> route.to("messenger-send:" + PAGE_ID + "?accessToken=RAW(" + TOKEN + ")&baseUri="
                + baseUri + extraOptions), exchange -> {
                    if (pages != null) {
                        exchange.getMessage().setHeader("CamelMessengerPageId",
                                pages[Math.floorMod(turn.getAndIncrement(), pages.length)]);
                    }
                }, null);
    }

    /**
     * A sender into a direct route ending in {@code tail}, driven without a thread per message: each send is the
     * benchmark's text to its PSID, with whatever {@code prepare} adds; {@code resource} is closed after the context.
     */
    private static AsyncSender directRoute(Consumer<RouteDefinition> tail, Consumer<Exchange> prepare,
                                           AutoCloseable resource)
            throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                tail.accept(from("direct:send"));
            }
        });
        context.start();
        AsyncProducer producer = context.getEndpoint("direct:send").createAsyncProducer();
        producer.start();
        return new AsyncSender() {
            @Override
            public void send(Consumer<Throwable> done) {
                Exchange exchange = new DefaultExchange(context);
                exchange.getMessage().setBody(TEXT);
                exchange.getMessage().setHeader("CamelMessengerRecipientId", PSID);
                prepare.accept(exchange);
                producer.process(exchange, doneSync -> done.accept(exchange.getException()));
            }

            @Override
            public void close() throws Exception {
                context.stop();
                if (resource != null) {
                    resource.close();
                }
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

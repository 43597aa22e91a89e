package io.github.camelmessenger.send;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;

/**
 * A Camel context with the camel-main HTTP server on a free port and a webhook route at {@code /messenger} that
 * hands every event to {@code mock:events}.
 */
abstract class WebhookTestSupport extends CamelTestSupport {

    static final String SECRETS = "verifyToken=RAW(" + WebhookHttp.VERIFY_TOKEN + ")&appSecret=RAW("
            + WebhookHttp.APP_SECRET + ")";

    protected final WebhookHttp http = new WebhookHttp();

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
                from("messenger-webhook:messenger?" + SECRETS).routeId("webhook").to("mock:events");
            }
        };
    }

    protected MockEndpoint events() {
        return getMockEndpoint("mock:events");
    }
}

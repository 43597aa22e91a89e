package io.github.camelmessenger.examples.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The route the HTTP endpoint calls; the component is configured by camel.component.messenger-send.* properties.
 */
@Component
public class NotificationRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:notify").routeId("notify")
                .to("messenger-send:{{messenger.page-id}}");
    }
}

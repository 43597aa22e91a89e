package io.github.camelmessenger.examples.main;

import java.util.Map;

import io.github.camelmessenger.send.MessengerSendConstants;
import io.github.camelmessenger.send.routing.MessengerErrorRouting;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The broadcast: each line of the notifications file ({@code {"id", "psid", "message"}}) becomes one paced send;
 * retriable failures are redelivered (never sooner than Meta suggests), the rest go to a dead-letter file with the
 * reason.
 */
public class BroadcastRoutes extends RouteBuilder {

    private final Progress progress;

    public BroadcastRoutes(Progress progress) {
        this.progress = progress;
    }

    @Override
    public void configure() {
        from("direct:broadcast").routeId("broadcast")
                .split(body().tokenize("\n")).streaming()
                    .filter(body().isNotEqualTo(""))
                    .to("direct:send-one");

        from("direct:send-one").routeId("send-one").routeConfigurationId(MessengerErrorRouting.ID)
                .unmarshal().json(Map.class)
                .process(exchange -> {
                    Map<?, ?> notification = exchange.getMessage().getBody(Map.class);
                    exchange.getMessage().setHeader("NotificationId", notification.get("id"));
                    exchange.getMessage().setHeader(MessengerSendConstants.RECIPIENT_ID, notification.get("psid"));
                    exchange.getMessage().setBody(notification.get("message"));
                })
                .marshal().json()
                .to("messenger-send:{{page.id}}?accessToken=RAW({{page.token}})&baseUri={{graph.baseUri}}"
                    + "&messagingType=UPDATE&rateLimit={{demo.rate}}&rateLimitBackoff=2s")
                .process(progress::sent);

        from("direct:dead-letter").routeId("dead-letter")
                .process(progress::failed)
                .setBody(exchange -> deadLetterLine(exchange))
                .to("file:{{demo.output}}?fileName=dead-letter.jsonl&fileExist=Append");
    }

    private static String deadLetterLine(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        org.apache.camel.Message m = exchange.getMessage();
        return "{\"id\":" + m.getHeader("NotificationId") + ",\"psid\":\""
               + m.getHeader(MessengerSendConstants.RECIPIENT_ID) + "\",\"failure\":\""
               + m.getHeader(MessengerSendConstants.FAILURE_CLASS) + "\",\"code\":"
               + m.getHeader(MessengerSendConstants.ERROR_CODE) + ",\"subcode\":"
               + m.getHeader(MessengerSendConstants.ERROR_SUBCODE) + ",\"fbtrace_id\":\""
               + m.getHeader(MessengerSendConstants.FBTRACE_ID) + "\",\"reason\":"
               + quote(cause == null ? null : cause.getMessage()) + "}\n";
    }

    private static String quote(String text) {
        return text == null ? "null" : "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}

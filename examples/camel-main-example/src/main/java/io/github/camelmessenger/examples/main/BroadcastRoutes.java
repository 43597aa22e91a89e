package io.github.camelmessenger.examples.main;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelmessenger.send.MessengerSendConstants;
import io.github.camelmessenger.send.routing.MessengerErrorRouting;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The broadcast: each line of the notifications file ({@code {"id", "psid", "message"}}) becomes one paced send, all
 * of them handed to the component at once so that enough are in flight to keep the rate under Meta's latency;
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
        // parallelProcessing: the splitter hands each line on without waiting for its answer, so the sends wait for
        // their slot in the component's pacer (which holds no thread) and many are in flight at once; one at a time,
        // Meta's answer time would cap the rate at 1 / latency. The producer is asynchronous, so the two splitter
        // threads only start each line's exchange and never wait on Meta.
        from("direct:broadcast").routeId("broadcast")
                .split(body().tokenize("\n")).streaming().parallelProcessing()
                .executorService(getContext().getExecutorServiceManager().newFixedThreadPool(this, "Broadcast", 2))
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
                .setBody(BroadcastRoutes::deadLetter)
                .marshal().json()
                .convertBodyTo(String.class)
                .transform(body().append("\n"))
                .to("file:{{demo.output}}?fileName=dead-letter.jsonl&fileExist=Append");
    }

    /** One dead-letter line: the notification, the failure class and Meta's codes, and the reason. */
    private static Map<String, Object> deadLetter(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        org.apache.camel.Message m = exchange.getMessage();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", m.getHeader("NotificationId"));
        line.put("psid", m.getHeader(MessengerSendConstants.RECIPIENT_ID));
        line.put("failure", m.getHeader(MessengerSendConstants.FAILURE_CLASS));
        line.put("code", m.getHeader(MessengerSendConstants.ERROR_CODE));
        line.put("subcode", m.getHeader(MessengerSendConstants.ERROR_SUBCODE));
        line.put("fbtrace_id", m.getHeader(MessengerSendConstants.FBTRACE_ID));
        line.put("reason", cause == null ? null : cause.getMessage());
        return line;
    }
}

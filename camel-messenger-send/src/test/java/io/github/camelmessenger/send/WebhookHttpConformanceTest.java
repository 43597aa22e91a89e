package io.github.camelmessenger.send;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.camelmessenger.send.model.event.MessagingEvent;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/**
 * Every webhook body of the shared corpus ({@code webhook-cases.jsonl}), signed and POSTed to a running
 * {@code messenger-webhook} consumer on the camel-main HTTP server, is answered 200 and routes each event it holds
 * exactly once, with the type, Page, reply target, mid, text, payload and platform the corpus gives. Every event
 * type is routed ({@code events} includes echo). Skipped, with the reason, when the corpus is absent.
 * <p>
 * Each case is a call of its own: the corpus's mids repeat across cases, so each case's mids get a suffix of their
 * own before the body is posted, and the events without a mid (keyed by kind, sender, recipient and timestamp, which
 * also repeat across cases) are de-duplicated in a repository emptied before each case.
 * Two rules of the component differ from the corpus on purpose:
 * <ul>
 * <li>a delivery that names a single {@code mid} reports that mid as the message the event is about, where the
 * corpus lists none;</li>
 * <li>an event whose mid repeats one routed earlier in the same call is the same message sent twice, and is routed
 * once.</li>
 * </ul>
 */
class WebhookHttpConformanceTest extends WebhookTestSupport {

    private static final String ALL_TYPES = "message,echo,postback,reaction,read,delivery,optin,referral,handover,"
            + "standby";

    // a plain mapper: the corpus's numbers stay as the file has them
    private static final ObjectMapper CORPUS = new ObjectMapper();

    private static final AtomicInteger CASES = new AtomicInteger();
    private static final AtomicInteger EVENTS = new AtomicInteger();
    private static final AtomicInteger ROUTED = new AtomicInteger();
    private static final AtomicInteger REPEATS = new AtomicInteger();
    private static final AtomicInteger DELIVERY_MIDS = new AtomicInteger();

    private final IdempotentRepository seen = MemoryIdempotentRepository.memoryIdempotentRepository(new HashMap<>());

    /** The exchanges routed by the call being checked: headers and body. */
    private final List<Routed> routed = new CopyOnWriteArrayList<>();

    private record Routed(Map<String, Object> headers, Object body) {
        String header(String name) {
            Object value = headers.get(name);
            return value == null ? null : value.toString();
        }
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("seen", seen);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("messenger-webhook:corpus?events=" + ALL_TYPES + "&idempotentRepository=#seen&" + SECRETS)
                        .routeId("corpus")
                        .process(e -> routed.add(new Routed(Map.copyOf(e.getMessage().getHeaders()),
                                e.getMessage().getBody())));
            }
        };
    }

    @TestFactory
    Stream<DynamicTest> everyCaseOverHttp() throws IOException {
        ConformanceCorpus.Located corpus = ConformanceCorpus.locate("webhook-cases.jsonl");
        if (!corpus.present()) {
            return corpus.absentAsSkippedTest();
        }
        List<DynamicTest> tests = new ArrayList<>();
        List<String> lines = Files.readAllLines(corpus.file(), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                JsonNode line = CORPUS.readTree(lines.get(i));
                String suffix = String.format(Locale.ROOT, "-case%02d", i);
                tests.add(DynamicTest.dynamicTest(String.format(Locale.ROOT, "#%02d %s", i, line.path("case").asText()),
                        () -> check(line, suffix)));
            }
        }
        assertThat(tests).as("cases in %s", corpus.file()).isNotEmpty();
        return tests.stream();
    }

    @AfterAll
    static void summary() {
        if (CASES.get() > 0) {
            System.out.printf("webhook HTTP conformance: %d cases posted and answered 200, %d events in them, %d routed"
                    + " exactly once and matched (repeats of a mid earlier in the same call, routed once: %d;"
                    + " deliveries reporting their single mid, which the corpus lists as none: %d)%n",
                    CASES.get(), EVENTS.get(), ROUTED.get(), REPEATS.get(), DELIVERY_MIDS.get());
        }
    }

    private void check(JsonNode line, String suffix) throws IOException {
        JsonNode body = line.get("body").deepCopy();
        suffixMids(body, suffix);
        routed.clear();
        seen.clear();

        HttpResponse<String> answer = http.postSigned("/corpus", CORPUS.writeValueAsString(body));

        assertThat(answer.statusCode()).as("answer to the call (%s)", answer.body()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("EVENT_RECEIVED");

        List<JsonNode> expected = new ArrayList<>();
        Set<String> mids = new HashSet<>();
        JsonNode events = line.get("events");
        for (JsonNode want : events) {
            String type = text(want, "type");
            String mid = text(want, "mid");
            boolean keyedByMid = mid != null
                    && Set.of("message", "echo", "postback", "standby").contains(type);
            if (keyedByMid && !mids.add(mid)) {
                REPEATS.incrementAndGet();
            } else {
                expected.add(want);
            }
        }

        List<Routed> actual = List.copyOf(routed);
        assertThat(actual).as("exchanges routed").hasSize(expected.size());
        for (int i = 0; i < actual.size(); i++) {
            Routed event = actual.get(i);
            JsonNode want = expected.get(i);
            String at = "event " + i + " ";
            String mid = text(want, "mid") == null ? null : text(want, "mid") + suffix;
            if (event.body() instanceof MessagingEvent messaging && messaging.delivery() != null
                    && messaging.delivery().mid() != null) {
                mid = messaging.delivery().mid();
                DELIVERY_MIDS.incrementAndGet();
            }
            boolean echo = event.body() instanceof MessagingEvent messaging && messaging.echo();
            String wantMid = mid;
            assertSoftly(soft -> {
                soft.assertThat(event.body()).as(at + "body").isInstanceOf(MessagingEvent.class);
                soft.assertThat(event.header(MessengerWebhookConstants.EVENT_TYPE)).as(at + "type")
                        .isEqualTo(text(want, "type"));
                soft.assertThat(event.header(MessengerWebhookConstants.PAGE_ID)).as(at + "page")
                        .isEqualTo(text(want, "page"));
                soft.assertThat(event.header(MessengerWebhookConstants.RECIPIENT_ID)).as(at + "reply target")
                        .isEqualTo(echo ? text(want, "recipient") : text(want, "sender"));
                soft.assertThat(event.header(MessengerWebhookConstants.SENDER_ID)).as(at + "sender")
                        .isEqualTo(text(want, "sender"));
                soft.assertThat(event.header(MessengerWebhookConstants.EVENT_MESSAGE_ID)).as(at + "mid")
                        .isEqualTo(wantMid);
                soft.assertThat(event.header(MessengerWebhookConstants.EVENT_TEXT)).as(at + "text")
                        .isEqualTo(text(want, "text"));
                soft.assertThat(event.header(MessengerWebhookConstants.PAYLOAD)).as(at + "payload")
                        .isEqualTo(text(want, "payload"));
                soft.assertThat(event.header(MessengerWebhookConstants.PLATFORM)).as(at + "platform")
                        .isEqualTo(text(want, "platform"));
                soft.assertThat(event.header(MessengerWebhookConstants.EVENT_ID)).as(at + "event id").isNotEmpty();
            });
        }
        CASES.incrementAndGet();
        EVENTS.addAndGet(events.size());
        ROUTED.addAndGet(actual.size());
    }

    /** Appends {@code suffix} to every string mid of the body: each {@code mid} field and each item of {@code mids}. */
    private static void suffixMids(JsonNode node, String suffix) {
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(field -> {
                JsonNode value = field.getValue();
                if ("mid".equals(field.getKey()) && value.isTextual()) {
                    field.setValue(TextNode.valueOf(value.asText() + suffix));
                } else if ("mids".equals(field.getKey()) && value instanceof ArrayNode items) {
                    for (int i = 0; i < items.size(); i++) {
                        if (items.get(i).isTextual()) {
                            items.set(i, TextNode.valueOf(items.get(i).asText() + suffix));
                        }
                    }
                } else {
                    suffixMids(value, suffix);
                }
            });
        } else if (node instanceof ArrayNode array) {
            array.forEach(item -> suffixMids(item, suffix));
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}

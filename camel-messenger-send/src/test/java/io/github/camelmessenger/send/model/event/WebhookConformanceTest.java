package io.github.camelmessenger.send.model.event;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmessenger.send.model.MessengerJson;
import io.github.camelmessenger.send.model.Platform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/**
 * Every webhook body of the shared corpus parses, into the events the corpus lists, each with the type, sender,
 * recipient, Page, mid, text, payload and platform it gives. Skipped, with the reason, when the corpus is absent.
 * <p>
 * One rule of the component differs from the corpus on purpose: a delivery that names a single {@code mid} reports
 * that mid as the message the event is about, where the corpus lists none.
 */
class WebhookConformanceTest {

    // a plain mapper: the corpus's numbers stay as the file has them
    private static final ObjectMapper CORPUS = new ObjectMapper();

    private static final AtomicInteger CASES = new AtomicInteger();
    private static final AtomicInteger EVENTS = new AtomicInteger();
    private static final AtomicInteger DELIVERY_MIDS = new AtomicInteger();

    @TestFactory
    Stream<DynamicTest> everyCase() throws IOException {
        Optional<Path> file = WebhookCorpus.locate();
        if (file.isEmpty()) {
            String reason = WebhookCorpus.absentReason();
            return Stream.of(DynamicTest.dynamicTest("conformance corpus absent", () -> Assumptions.abort(reason)));
        }
        List<DynamicTest> tests = new ArrayList<>();
        List<String> lines = Files.readAllLines(file.get(), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                JsonNode line = CORPUS.readTree(lines.get(i));
                tests.add(DynamicTest.dynamicTest(String.format("#%02d %s", i, line.path("case").asText()),
                        () -> check(line)));
            }
        }
        assertThat(tests).as("cases in %s", file.get()).isNotEmpty();
        return tests.stream();
    }

    @AfterAll
    static void summary() {
        if (CASES.get() > 0) {
            System.out.printf("webhook conformance: %d cases, %d events parsed and matched (deliveries reporting"
                    + " their single mid, which the corpus lists as none: %d)%n",
                    CASES.get(), EVENTS.get(), DELIVERY_MIDS.get());
        }
    }

    private static void check(JsonNode line) throws IOException {
        byte[] body = CORPUS.writeValueAsBytes(line.get("body"));
        List<WebhookEvent> events = WebhookEvents.parse(body);
        assertThat(events).as("the events read in one pass, as read through a tree")
                .isEqualTo(WebhookEvents.parse(MessengerJson.mapper().readTree(body)));
        JsonNode expected = line.get("events");

        assertThat(events).as("events").hasSize(expected.size());
        for (int i = 0; i < events.size(); i++) {
            WebhookEvent actual = events.get(i);
            JsonNode want = expected.get(i);
            String at = "event " + i + " ";
            String mid = text(want, "mid");
            if (actual.event().delivery() != null && actual.event().delivery().mid() != null) {
                mid = actual.event().delivery().mid();
                DELIVERY_MIDS.incrementAndGet();
            }
            String wantMid = mid;
            assertSoftly(soft -> {
                soft.assertThat(actual.type().wireName()).as(at + "type").isEqualTo(text(want, "type"));
                soft.assertThat(actual.senderId()).as(at + "sender").isEqualTo(text(want, "sender"));
                soft.assertThat(actual.event().recipientId()).as(at + "recipient").isEqualTo(text(want, "recipient"));
                soft.assertThat(actual.replyTargetId()).as(at + "reply target")
                        .isEqualTo(actual.event().echo() ? text(want, "recipient") : text(want, "sender"));
                soft.assertThat(actual.pageId()).as(at + "page").isEqualTo(text(want, "page"));
                soft.assertThat(actual.messageId()).as(at + "mid").isEqualTo(wantMid);
                soft.assertThat(actual.text()).as(at + "text").isEqualTo(text(want, "text"));
                soft.assertThat(actual.payload()).as(at + "payload").isEqualTo(text(want, "payload"));
                soft.assertThat(actual.platform()).as(at + "platform")
                        .isEqualTo(Platform.valueOf(text(want, "platform")));
                soft.assertThat(actual.eventId()).as(at + "event id").isNotEmpty();
            });
        }
        CASES.incrementAndGet();
        EVENTS.addAndGet(events.size());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}

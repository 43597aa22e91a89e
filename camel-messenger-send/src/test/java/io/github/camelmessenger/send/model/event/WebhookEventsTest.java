package io.github.camelmessenger.send.model.event;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.camelmessenger.send.model.event.Bodies.PAGE;
import static io.github.camelmessenger.send.model.event.Bodies.event;
import static io.github.camelmessenger.send.model.event.Bodies.only;
import static io.github.camelmessenger.send.model.event.Bodies.page;
import static io.github.camelmessenger.send.model.event.Bodies.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Order, ids and times of the events a body holds. */
class WebhookEventsTest {

    @Test
    void thousandEventsComeOutInOrder() {
        String[] events = IntStream.range(0, 1000)
                .mapToObj(i -> event("\"message\":{\"mid\":\"m_" + i + "\",\"text\":\"n" + i + "\"}"))
                .toArray(String[]::new);

        List<WebhookEvent> parsed = parse(page(events));

        assertThat(parsed).hasSize(1000);
        assertThat(parsed).extracting(WebhookEvent::messageId)
                .containsExactlyElementsOf(IntStream.range(0, 1000).mapToObj(i -> "m_" + i).toList());
        assertThat(parsed.get(999).text()).isEqualTo("n999");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // the usual shape, read in one pass
            "{\"object\":\"page\",\"entry\":[{\"id\":\"P1\",\"messaging\":[{\"sender\":{\"id\":\"a\"},\"message\":{\"mid\":\"m1\"}}]}]}",
            // object after entry, id after messaging, an odd entry and odd items between
            "{\"entry\":[7,{\"messaging\":[1,{\"sender\":{\"id\":\"a\"},\"message\":{\"mid\":\"m1\"}},[]],\"id\":\"P1\"}],\"object\":\"page\"}",
            // a repeated messaging array: the tree keeps the last one
            "{\"object\":\"page\",\"entry\":[{\"id\":\"P1\",\"messaging\":[{\"sender\":{\"id\":\"a\"},\"message\":{\"mid\":\"m1\"}}],\"messaging\":[{\"sender\":{\"id\":\"a\"},\"message\":{\"mid\":\"m2\"}}]}]}",
            // a numeric Page id, a messaging that is not an array, and an event the model cannot bind
            "{\"object\":\"instagram\",\"entry\":[{\"id\":17841400000000000,\"messaging\":{},\"standby\":[{\"sender\":{\"id\":\"a\"},\"message\":{\"text\":{}}}]}]}"
    })
    void bodiesOfAnyShapeAreReadAsThroughATree(String body) {
        // Bodies.parse compares the events with those of the same body read through a tree
        assertThat(parse(body)).isNotEmpty();
    }

    @Test
    void entriesInOrderAndInsideAnEntryTheArraysInTheOrderTheyAppear() {
        String body =
                """
                        {"object":"page","entry":[
                          {"id":"P1","standby":[{"sender":{"id":"a"},"message":{"mid":"s1"}}],
                           "messaging":[{"sender":{"id":"a"},"message":{"mid":"m1"}},{"sender":{"id":"a"},"message":{"mid":"m2"}}]},
                          {"messaging":[{"sender":{"id":"b"},"message":{"mid":"m3"}}],"id":"P2",
                           "standby":[{"sender":{"id":"b"},"message":{"mid":"s2"}}]}]}""";

        List<WebhookEvent> events = parse(body);

        assertThat(events).extracting(WebhookEvent::messageId).containsExactly("s1", "m1", "m2", "m3", "s2");
        assertThat(events).extracting(WebhookEvent::pageId).containsExactly("P1", "P1", "P1", "P2", "P2");
        assertThat(events).extracting(e -> e.type().wireName())
                .containsExactly("standby", "message", "message", "message", "standby");
    }

    @ParameterizedTest
    @ValueSource(strings = { "1e30000000", "1e999999999", "-1e30000000", "\"9e19\"" })
    void anAbsurdTimestampIsNoTimeAndCostsNothing(String timestamp) {
        // a bound, not a speed figure: rounding such values unchecked takes tens of seconds or all the memory
        WebhookEvent e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> only(page(
                "{\"sender\":{\"id\":\"a\"},\"recipient\":{\"id\":\"" + PAGE + "\"},\"timestamp\":" + timestamp
                        + ",\"message\":{\"mid\":\"m_absurd\",\"text\":\"hi\"}}")));

        assertThat(e.messageId()).isEqualTo("m_absurd");
        assertThat(e.timestamp()).isNull();
    }

    @Test
    void aTinyTimestampRoundsToZero() {
        WebhookEvent e =
                only(page("{\"sender\":{\"id\":\"a\"},\"timestamp\":\"1e-30000000\",\"message\":{\"mid\":\"m\"}}"));

        assertThat(e.timestamp()).isZero();
    }

    @Test
    void oddEventsWithNothingToTellThemApartStillGetDifferentIds() {
        List<WebhookEvent> events = parse(page("{\"reaction\":{\"action\":\"react\",\"emoji\":\"a\"}}",
                "{\"reaction\":{\"action\":\"react\",\"emoji\":\"b\"}}"));

        assertThat(events).hasSize(2);
        assertThat(events.get(0).eventId()).startsWith("reaction|||").isNotEqualTo(events.get(1).eventId());
        assertThat(parse(page("{\"reaction\":{\"action\":\"react\",\"emoji\":\"a\"}}")).get(0).eventId())
                .isEqualTo(events.get(0).eventId());
    }

    @Test
    void numericIdsAreStrings() {
        WebhookEvent e = only("""
                {"object":"page","entry":[{"id":12345654332,"messaging":[
                  {"sender":{"id":987654321432},"recipient":{"id":12345654332},"timestamp":1458692752478,
                   "message":{"mid":"m","app_id":1517776481860111}}]}]}""");

        assertThat(e.pageId()).isEqualTo("12345654332");
        assertThat(e.senderId()).isEqualTo("987654321432");
        assertThat(e.event().recipientId()).isEqualTo("12345654332");
        assertThat(e.event().message().appId()).isEqualTo("1517776481860111");
    }

    @Test
    void senderKnownOnlyByUserRef() {
        WebhookEvent e = only(page("""
                {"sender":{"user_ref":987654321432},"recipient":{"id":"%s"},"timestamp":1458692752478,
                 "postback":{"payload":"hey"}}""".formatted(PAGE)));

        assertThat(e.senderId()).isNull();
        assertThat(e.replyTargetId()).isNull();
        assertThat(e.event().sender().userRef()).isEqualTo("987654321432");
        assertThat(e.eventId()).isEqualTo("postback|user_ref:987654321432|" + PAGE + "|1458692752478");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1458692752478                  | 1458692752478
            "1458692752478"                | 1458692752478
            1527459824                     | 1527459824000
            "1527459824"                   | 1527459824000
            1527459824.5                   | 1527459824500
            "2021-09-08T06:34:04+0000"     | 1631082844000
            "2021-09-08T06:34:04Z"         | 1631082844000
            "2021-09-08T08:34:04.250+02:00"| 1631082844250
            0                              | 0
            """)
    void timestampsAreEpochMilliseconds(String wire, long millis) {
        WebhookEvent e = only(page("{\"sender\":{\"id\":\"p\"},\"timestamp\":" + wire + ",\"read\":{\"watermark\":"
                + wire + "}}"));

        assertThat(e.timestamp()).isEqualTo(millis);
        assertThat(e.event().timestamp()).isEqualTo(millis);
        assertThat(e.event().read().watermark()).isEqualTo(millis);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            "yesterday"
            ""
            true
            {"seconds":1}
            [1]
            null
            123456789012345678901234567890
            """)
    void timestampThatIsNoTimeIsNullAndTheEventStillArrives(String wire) {
        WebhookEvent e = only(page("{\"sender\":{\"id\":\"p\"},\"timestamp\":" + wire
                + ",\"message\":{\"mid\":\"m\"}}"));

        assertThat(e.timestamp()).isNull();
        assertThat(e.type()).isEqualTo(MessagingEventType.MESSAGE);
        assertThat(e.messageId()).isEqualTo("m");
    }

    @Test
    void eventIdIsStableAcrossRetriesAndDistinctBetweenEvents() {
        String body = page(event("\"read\":{\"watermark\":1}"), event("\"read\":{\"watermark\":2}"),
                event("\"delivery\":{\"watermark\":1}"), event("\"postback\":{\"payload\":\"X\"}"),
                event("\"message\":{\"mid\":\"m_1\"}"), event("\"reaction\":{\"mid\":\"m_1\",\"action\":\"react\"}"));

        List<String> first = ids(parse(body));
        List<String> retry = ids(parse(body));

        assertThat(retry).isEqualTo(first);
        assertThat(first).doesNotHaveDuplicates();
    }

    @Test
    void typesHaveTheContractsWireNames() {
        assertThat(MessagingEventType.values()).extracting(MessagingEventType::wireName).containsExactly(
                "message", "echo", "postback", "reaction", "read", "delivery", "optin", "referral", "handover",
                "standby", "unknown");
        assertThat(MessagingEventType.fromWireName(" Echo ")).isEqualTo(MessagingEventType.ECHO);
        assertThat(MessagingEventType.MESSAGE).hasToString("message");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MessagingEventType.fromWireName("seen"))
                .withMessageContaining("message, echo, postback");
    }

    private static List<String> ids(List<WebhookEvent> events) {
        List<String> ids = new ArrayList<>();
        events.forEach(e -> ids.add(e.eventId()));
        return ids;
    }
}

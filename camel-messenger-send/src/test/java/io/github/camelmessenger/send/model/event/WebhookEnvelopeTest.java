package io.github.camelmessenger.send.model.event;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.github.camelmessenger.send.model.event.Bodies.parse;
import static io.github.camelmessenger.send.model.event.Bodies.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bodies that are not webhook calls are refused with a reason; everything inside a valid envelope is accepted. */
class WebhookEnvelopeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|',
               textBlock = """
                       not JSON                 | hello                                  | the body is not JSON
                       truncated JSON           | {"object":"page","entry":[             | the body is not JSON
                       trailing garbage         | {"object":"page","entry":[]} x         | the body is not JSON
                       empty body               | ''                                     | the body is empty, not a JSON object
                       JSON array               | [{"object":"page","entry":[]}]         | the body is a JSON array, not a JSON object
                       JSON string              | "page"                                 | the body is a string, not a JSON object
                       JSON null                | null                                   | the body is null, not a JSON object
                       object user              | {"object":"user","entry":[]}           | object is 'user'; page or instagram expected
                       object upper case        | {"object":"PAGE","entry":[]}           | object is 'PAGE'; page or instagram expected
                       object number            | {"object":1,"entry":[]}                | object is a number; page or instagram expected
                       object missing           | {"entry":[]}                           | the body has no object field; page or instagram expected
                       entry missing            | {"object":"page"}                      | the body has no entry array
                       entry an object          | {"object":"page","entry":{"id":"1"}}   | entry is a JSON object, not an array
                       entry null               | {"object":"page","entry":null}         | entry is null, not an array
                       """)
    void refused(String name, String body, String reason) {
        assertThatThrownBy(() -> parse(body))
                .isInstanceOfSatisfying(WebhookEnvelopeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.getMessage()).isEqualTo("Not a Messenger webhook call: " + reason);
                });
    }

    @Test
    void treeThatIsNoObjectIsRefusedToo() {
        assertThatThrownBy(() -> WebhookEvents.parse(tree("[1,2]")))
                .isInstanceOf(WebhookEnvelopeException.class).hasMessageEndingWith("a JSON array, not a JSON object");
        assertThatThrownBy(() -> WebhookEvents.parse((JsonNode) null))
                .isInstanceOf(WebhookEnvelopeException.class).hasMessageEndingWith("empty, not a JSON object");
        assertThatThrownBy(() -> WebhookEvents.parse((byte[]) null))
                .isInstanceOf(WebhookEnvelopeException.class).hasMessageEndingWith("empty, not a JSON object");
    }

    @Test
    void reasonQuotesOnlyTheStartOfAnUnexpectedObject() {
        String longName = "x".repeat(200);
        assertThatThrownBy(() -> parse("{\"object\":\"" + longName + "\",\"entry\":[]}"))
                .isInstanceOfSatisfying(WebhookEnvelopeException.class,
                        e -> assertThat(e.reason()).hasSizeLessThan(80).contains("x".repeat(32) + "..."));
    }

    @Test
    void notJsonReasonDoesNotQuoteTheBody() {
        assertThatThrownBy(() -> WebhookEvents.parse("secret-looking-body".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(WebhookEnvelopeException.class, e -> {
                    assertThat(e.getMessage()).doesNotContain("secret");
                    assertThat(e.getCause()).isNull();
                });
    }

    @Test
    void validEnvelopesWithoutEventsGiveNone() {
        assertThat(parse("{\"object\":\"page\",\"entry\":[]}")).isEmpty();
        assertThat(parse("{\"object\":\"instagram\",\"entry\":[{\"id\":\"1\",\"time\":1}]}")).isEmpty();
        // Page feed changes are not messaging events
        assertThat(parse("{\"object\":\"page\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"feed\"}]}]}"))
                .isEmpty();
    }

    @Test
    void oddEntriesAndItemsAreSkippedNotRefused() {
        String body = """
                {"object":"page","entry":[
                  "not an entry", null,
                  {"id":7,"messaging":{"not":"an array"}},
                  {"id":8,"messaging":[1, "two", null, {"sender":{"id":"p"},"message":{"mid":"m"}}]}]}""";

        assertThat(parse(body)).singleElement().satisfies(e -> {
            assertThat(e.pageId()).isEqualTo("8");
            assertThat(e.messageId()).isEqualTo("m");
        });
    }

    @Test
    void entryWithoutIdHasNoPage() {
        assertThat(parse("{\"object\":\"page\",\"entry\":[{\"messaging\":[{\"read\":{\"watermark\":1}}]}]}"))
                .singleElement().satisfies(e -> {
                    assertThat(e.pageId()).isNull();
                    assertThat(e.type()).isEqualTo(MessagingEventType.READ);
                });
    }
}

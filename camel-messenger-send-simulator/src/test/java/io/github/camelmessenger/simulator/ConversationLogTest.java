package io.github.camelmessenger.simulator;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The log keeps its sequence numbers while it drops its oldest updates to stay bounded. */
class ConversationLogTest {

    @Test
    void aFullLogDropsItsOldestTenthAndKeepsNumbering() {
        ConversationLog log = new ConversationLog(10);
        for (int i = 0; i < 11; i++) {
            log.seen("page", "p" + i);
        }

        ConversationLog.Slice all = log.after(0);
        List<ObjectNode> updates = all.updates();

        assertThat(all.seq()).isEqualTo(11);
        assertThat(updates).hasSize(10);
        assertThat(updates.get(0).path("seq").asLong()).isEqualTo(2);
        assertThat(updates.get(0).path("psid").asText()).isEqualTo("p1");
        assertThat(log.after(9).updates()).extracting(u -> u.path("seq").asLong()).containsExactly(10L, 11L);
        assertThat(log.after(11).updates()).isEmpty();
    }

    @Test
    void theKindIsHowMessengerShowsTheMessage() {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(ConversationLog.kindOf(json.createObjectNode().put("text", "hi"))).isEqualTo("text");
        ObjectNode feedback = json.createObjectNode();
        feedback.putObject("attachment").put("type", "template").putObject("payload").put("template_type",
                "customer_feedback");
        assertThat(ConversationLog.kindOf(feedback)).isEqualTo("feedback");
        ObjectNode video = json.createObjectNode();
        video.putObject("attachment").put("type", "video").putObject("payload").put("url", "https://x/v.mp4");
        assertThat(ConversationLog.kindOf(video)).isEqualTo("video");
    }
}

package io.github.camelmessenger.examples.main;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.camelmessenger.send.MessengerSendConstants;
import io.github.camelmessenger.send.model.Attachment;
import io.github.camelmessenger.send.model.MediaPayload;
import io.github.camelmessenger.send.model.Message;
import io.github.camelmessenger.send.model.Persona;
import io.github.camelmessenger.simulator.GraphSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upload once and send many, and send as a persona: the component against the Graph API simulator.
 */
class UploadAndPersonaTest {

    private static final String PAGE = "1122334455";

    @TempDir
    Path dir;

    @Test
    void uploadOnceSendByIdAndSendAsAPersona() throws Exception {
        Path brochure = Files.writeString(dir.resolve("brochure.pdf"), "%PDF-1.7 spring catalogue");
        try (GraphSimulator simulator = GraphSimulator.start(GraphSimulator.Settings.defaults());
                CamelContext camel = new DefaultCamelContext()) {
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();
            String endpoint = "messenger-send:" + PAGE + "?accessToken=RAW(" + GraphSimulator.DEFAULT_TOKEN
                    + ")&baseUri=" + simulator.baseUri();

            Exchange upload = template.send(endpoint + "&operation=uploadAttachment",
                    e -> e.getMessage().setBody(brochure.toFile()));
            String attachmentId = upload.getMessage().getHeader(MessengerSendConstants.ATTACHMENT_ID, String.class);
            Exchange persona = template.send(endpoint + "&operation=createPersona",
                    e -> e.getMessage().setBody(Persona.of("Ana from Sales", "https://example.com/ana.png")));
            String personaId = persona.getMessage().getHeader(MessengerSendConstants.PERSONA_ID, String.class);
            for (String recipient : List.of("1001", "1002")) {
                template.sendBodyAndHeaders(endpoint, Message.attachment(Attachment.file(
                        MediaPayload.attachmentId(attachmentId))),
                        Map.of(MessengerSendConstants.RECIPIENT_ID, recipient,
                                MessengerSendConstants.PERSONA_ID, personaId));
            }

            assertThat(upload.getException()).isNull();
            assertThat(attachmentId).matches("[0-9]+");
            assertThat(persona.getException()).isNull();
            assertThat(simulator.accepted()).hasSize(2).allSatisfy(m -> {
                assertThat(m.request().path("persona_id").asText()).isEqualTo(personaId);
                assertThat(m.request().path("message").path("attachment").path("payload").path("attachment_id")
                        .asText()).isEqualTo(attachmentId);
            });
        }
    }
}

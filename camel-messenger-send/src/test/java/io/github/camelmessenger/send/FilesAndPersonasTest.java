package io.github.camelmessenger.send;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.camelmessenger.send.error.MessengerRateLimitException;
import io.github.camelmessenger.send.error.MessengerRecipientException;
import io.github.camelmessenger.send.error.MessengerTransportException;
import io.github.camelmessenger.send.error.MessengerValidationException;
import io.github.camelmessenger.send.graph.AppSecretProof;
import io.github.camelmessenger.send.model.Persona;
import io.github.camelmessenger.send.model.SendResponse;
import org.apache.camel.Exchange;
import org.apache.camel.WrappedFile;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files sent as multipart, the Attachment Upload API and personas, against a real HTTP server.
 */
class FilesAndPersonasTest extends MessengerSendTestSupport {

    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 1, 2, 3 };

    @TempDir
    Path dir;

    @Test
    void aFileBodyIsSentAsMultipartWithItsNameAndType() throws Exception {
        File photo = dir.resolve("receipt.png").toFile();
        Files.write(photo.toPath(), PNG);

        Exchange exchange = send(photo, Map.of(MessengerSendConstants.RECIPIENT_ID, "1254477777772919"));

        assertThat(exchange.getException()).isNull();
        LoggedRequest request = onlyRequest();
        assertThat(request.getMethod().getName()).isEqualTo("POST");
        assertThat(request.getUrl()).isEqualTo("/v24.0/" + PAGE_ID + "/messages");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.getHeader("Content-Type")).startsWith("multipart/form-data; boundary=");
        Map<String, Request.Part> parts = parts(request);
        assertThat(parts.keySet()).containsExactlyInAnyOrder("recipient", "messaging_type", "message", "filedata");
        assertThat(json(text(parts.get("recipient")))).isEqualTo(json("{\"id\":\"1254477777772919\"}"));
        assertThat(text(parts.get("messaging_type"))).isEqualTo("RESPONSE");
        assertThat(json(text(parts.get("message"))))
                .isEqualTo(json("{\"attachment\":{\"type\":\"image\",\"payload\":{}}}"));
        Request.Part file = parts.get("filedata");
        assertThat(file.getFileName()).isEqualTo("receipt.png");
        assertThat(file.getHeader("Content-Type").firstValue()).isEqualTo("image/png");
        assertThat(file.getBody().asBytes()).isEqualTo(PNG);
        assertThat(exchange.getMessage().getBody(SendResponse.class).messageId()).isEqualTo("m_AG5Hz2Uq7tuwNEhX");
        assertThat(exchange.getMessage().getHeader(MessengerSendConstants.MESSAGE_ID)).isEqualTo("m_AG5Hz2Uq7tuwNEhX");
    }

    @Test
    void bytesWithAnAttachmentTypeAreAFileNamedByCamelFileName() {
        Exchange exchange = send("%PDF-1.7 invoice".getBytes(StandardCharsets.US_ASCII), Map.of(
                MessengerSendConstants.RECIPIENT_ID, "42",
                MessengerSendConstants.ATTACHMENT_TYPE, "file",
                MessengerSendConstants.ATTACHMENT_REUSABLE, true,
                MessengerSendConstants.MESSAGING_TYPE, "MESSAGE_TAG",
                MessengerSendConstants.TAG, "HUMAN_AGENT",
                Exchange.FILE_NAME, "out/2026/invoice-17.pdf"));

        assertThat(exchange.getException()).isNull();
        Map<String, Request.Part> parts = parts(onlyRequest());
        assertThat(parts.keySet()).containsExactlyInAnyOrder("recipient", "messaging_type", "tag", "message",
                "filedata");
        assertThat(text(parts.get("messaging_type"))).isEqualTo("MESSAGE_TAG");
        assertThat(text(parts.get("tag"))).isEqualTo("HUMAN_AGENT");
        assertThat(json(text(parts.get("message"))))
                .isEqualTo(json("{\"attachment\":{\"type\":\"file\",\"payload\":{\"is_reusable\":true}}}"));
        assertThat(parts.get("filedata").getFileName()).isEqualTo("invoice-17.pdf");
        assertThat(parts.get("filedata").getHeader("Content-Type").firstValue()).isEqualTo("application/pdf");
        assertThat(parts.get("filedata").getBody().asString()).isEqualTo("%PDF-1.7 invoice");
    }

    @Test
    void bytesWithoutAnAttachmentTypeAreStillAMessage() {
        send("{\"text\":\"hello\"}".getBytes(StandardCharsets.UTF_8),
                Map.of(MessengerSendConstants.RECIPIENT_ID, "42"));

        assertSent("{\"recipient\":{\"id\":\"42\"},\"messaging_type\":\"RESPONSE\",\"message\":{\"text\":\"hello\"}}");
    }

    @Test
    void aFileOver25MegabytesIsRefusedBeforeAnyCall() throws Exception {
        File big = dir.resolve("big.mp4").toFile();
        try (RandomAccessFile sparse = new RandomAccessFile(big, "rw")) {
            sparse.setLength(25L * 1024 * 1024 + 1);
        }

        Exchange exchange = send(big, Map.of(MessengerSendConstants.RECIPIENT_ID, "42"));

        assertThat(exchange.getException()).isInstanceOf(MessengerValidationException.class)
                .hasMessageContaining("filedata").hasMessageContaining("25 MB");
        assertThat(received()).isEmpty();
    }

    @Test
    void aMissingFileIsRefusedBeforeAnyCall() {
        Exchange exchange = send(dir.resolve("gone.png").toFile(), Map.of(MessengerSendConstants.RECIPIENT_ID, "42"));

        assertThat(exchange.getException()).isInstanceOf(MessengerValidationException.class)
                .hasMessageContaining("filedata").hasMessageContaining("no readable file");
        assertThat(received()).isEmpty();
    }

    @Test
    void uploadByUrlPostsTheAttachmentAndAnswersItsId() {
        graph.stubFor(post(urlEqualTo("/v24.0/" + PAGE_ID + "/message_attachments"))
                .willReturn(okJson("{\"attachment_id\":\"1857777774821032\"}")));

        Exchange exchange = sendTo(uri("operation=uploadAttachment"), "https://cdn.example.com/img/logo.png?v=3",
                Map.of());

        assertThat(exchange.getException()).isNull();
        assertSent("/v24.0/" + PAGE_ID + "/message_attachments", "{\"message\":{\"attachment\":{\"type\":\"image\","
                + "\"payload\":{\"url\":\"https://cdn.example.com/img/logo.png?v=3\",\"is_reusable\":true}}}}");
        assertThat(exchange.getMessage().getHeader(MessengerSendConstants.ATTACHMENT_ID)).isEqualTo("1857777774821032");
        assertThat(exchange.getMessage().getBody(SendResponse.class).attachmentId()).isEqualTo("1857777774821032");
    }

    @Test
    void uploadOfAFileIsMultipartAndReusable() throws Exception {
        graph.stubFor(post(urlEqualTo("/v24.0/" + PAGE_ID + "/message_attachments"))
                .willReturn(okJson("{\"attachment_id\":\"555\"}")));
        File clip = dir.resolve("welcome.mp4").toFile();
        Files.write(clip.toPath(), new byte[] { 0, 0, 0, 24, 'f', 't', 'y', 'p' });

        Exchange exchange = send(clip, Map.of(MessengerSendConstants.OPERATION, "uploadAttachment"));

        assertThat(exchange.getException()).isNull();
        LoggedRequest request = onlyRequest();
        assertThat(request.getUrl()).isEqualTo("/v24.0/" + PAGE_ID + "/message_attachments");
        Map<String, Request.Part> parts = parts(request);
        assertThat(parts.keySet()).containsExactlyInAnyOrder("message", "filedata");
        assertThat(json(text(parts.get("message"))))
                .isEqualTo(json("{\"attachment\":{\"type\":\"video\",\"payload\":{\"is_reusable\":true}}}"));
        assertThat(parts.get("filedata").getFileName()).isEqualTo("welcome.mp4");
        assertThat(parts.get("filedata").getHeader("Content-Type").firstValue()).isEqualTo("video/mp4");
        assertThat(exchange.getMessage().getHeader(MessengerSendConstants.ATTACHMENT_ID)).isEqualTo("555");
    }

    @Test
    void uploadOfSomethingElseIsRefused() {
        Exchange exchange = sendTo(uri("operation=uploadAttachment"), "not a url", Map.of());

        assertThat(exchange.getException()).isInstanceOf(MessengerValidationException.class)
                .hasMessageContaining("http(s) URL");
        assertThat(received()).isEmpty();
    }

    @Test
    void createPersonaPostsNameAndPictureAndAnswersTheId() {
        graph.stubFor(post(urlEqualTo("/v24.0/" + PAGE_ID + "/personas"))
                .willReturn(okJson("{\"id\":\"7001\"}")));

        Exchange exchange = sendTo(uri("operation=createPersona"),
                Persona.of("Ana from Support", "https://cdn.example.com/ana.png"), Map.of());

        assertThat(exchange.getException()).isNull();
        assertSent("/v24.0/" + PAGE_ID + "/personas",
                "{\"name\":\"Ana from Support\",\"profile_picture_url\":\"https://cdn.example.com/ana.png\"}");
        assertThat(exchange.getMessage().getHeader(MessengerSendConstants.PERSONA_ID)).isEqualTo("7001");
        assertThat(exchange.getMessage().getBody(Persona.class))
                .isEqualTo(new Persona("7001", "Ana from Support", "https://cdn.example.com/ana.png"));
    }

    @Test
    void createPersonaTakesAMapOrJsonAndNeedsAName() {
        graph.stubFor(post(urlEqualTo("/v24.0/" + PAGE_ID + "/personas"))
                .willReturn(okJson("{\"id\":\"7002\"}")));

        sendTo(uri("operation=createPersona"), Map.of("name", "Bo", "profile_picture_url", "https://x.example/b.png"),
                Map.of());
        Exchange nameless =
                sendTo(uri("operation=createPersona"), "{\"profile_picture_url\":\"https://x.example/c.png\"}",
                        Map.of());

        assertSent("/v24.0/" + PAGE_ID + "/personas",
                "{\"name\":\"Bo\",\"profile_picture_url\":\"https://x.example/b.png\"}");
        assertThat(nameless.getException()).isInstanceOf(MessengerValidationException.class)
                .hasMessageContaining("name");
    }

    @Test
    @SuppressWarnings("unchecked")
    void listPersonasAnswersTheTypedList() {
        graph.stubFor(get(urlEqualTo("/v24.0/" + PAGE_ID + "/personas"))
                .willReturn(okJson(
                        "{\"data\":[{\"name\":\"Ana\",\"profile_picture_url\":\"https://x.example/a.png\",\"id\":\"1\"},"
                                + "{\"name\":\"Bo\",\"profile_picture_url\":\"https://x.example/b.png\",\"id\":\"2\"}],"
                                + "\"paging\":{\"cursors\":{\"before\":\"QVFI\",\"after\":\"QVFJ\"}}}")));

        Exchange exchange = sendTo(uri("operation=listPersonas"), null, Map.of());

        assertThat(exchange.getException()).isNull();
        LoggedRequest request = onlyRequest();
        assertThat(request.getMethod().getName()).isEqualTo("GET");
        assertThat(request.getUrl()).isEqualTo("/v24.0/" + PAGE_ID + "/personas");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        List<Object> personas = exchange.getMessage().getBody(List.class);
        assertThat(personas).containsExactly(new Persona("1", "Ana", "https://x.example/a.png"),
                new Persona("2", "Bo", "https://x.example/b.png"));
    }

    @Test
    void deletePersonaDeletesByIdFromTheHeader() {
        graph.stubFor(delete(urlEqualTo("/v24.0/7001"))
                .willReturn(okJson("{\"success\":true}")));

        Exchange exchange = send(null, Map.of(MessengerSendConstants.OPERATION, MessengerOperation.deletePersona,
                MessengerSendConstants.PERSONA_ID, "7001"));

        assertThat(exchange.getException()).isNull();
        LoggedRequest request = onlyRequest();
        assertThat(request.getMethod().getName()).isEqualTo("DELETE");
        assertThat(request.getUrl()).isEqualTo("/v24.0/7001");
        assertThat(exchange.getMessage().getBody(Boolean.class)).isTrue();
    }

    @Test
    void deletePersonaWithoutAnIdIsRefused() {
        Exchange exchange = send(null, Map.of(MessengerSendConstants.OPERATION, "deletePersona"));

        assertThat(exchange.getException()).isInstanceOf(MessengerValidationException.class)
                .hasMessageContaining(MessengerSendConstants.PERSONA_ID);
        assertThat(received()).isEmpty();
    }

    @Test
    void personaCallsCarryTheAppSecretProof() {
        graph.stubFor(get(urlEqualTo("/v24.0/" + PAGE_ID + "/personas?appsecret_proof="
                + AppSecretProof.of("s3cret", TOKEN)))
                .willReturn(okJson("{\"data\":[]}")));

        Exchange exchange = sendTo(uri("operation=listPersonas&appSecret=RAW(s3cret)"), null, Map.of());

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(List.class)).isEmpty();
    }

    @Test
    void metaErrorsOnOperationsAreClassifiedLikeSends() {
        graph.stubFor(post(urlEqualTo("/v24.0/" + PAGE_ID + "/messages")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"message\":\"(#551) This person "
                        + "isn't available right now.\",\"type\":\"OAuthException\",\"code\":551,"
                        + "\"error_subcode\":1545041,\"fbtrace_id\":\"Ab12\"}}")));

        Exchange exchange = send("%PDF".getBytes(StandardCharsets.US_ASCII), Map.of(MessengerSendConstants.RECIPIENT_ID,
                "42", MessengerSendConstants.ATTACHMENT_TYPE, "file"));

        assertThat(exchange.getException()).isInstanceOf(MessengerRecipientException.class);
        assertThat(received()).hasSize(1);
    }

    @Test
    void aSenderActionIgnoresAFileBody() throws Exception {
        File photo = Files.write(dir.resolve("photo.png"), PNG).toFile();

        Exchange exchange =
                sendTo(uri("senderAction=typing_on"), photo, Map.of(MessengerSendConstants.RECIPIENT_ID, "42"));

        assertThat(exchange.getException()).isNull();
        assertSent("{\"recipient\":{\"id\":\"42\"},\"sender_action\":\"typing_on\"}");
    }

    @Test
    void aStreamIsReadOnceAndTheBodyKeepsItsBytes() {
        byte[] audio = "ID3 voice note".getBytes(StandardCharsets.US_ASCII);

        Exchange exchange = send(new ByteArrayInputStream(audio), Map.of(MessengerSendConstants.RECIPIENT_ID, "42",
                Exchange.FILE_NAME, "note.mp3", Exchange.CONTENT_TYPE, "audio/mpeg"));

        assertThat(exchange.getException()).isNull();
        Map<String, Request.Part> parts = parts(onlyRequest());
        assertThat(json(text(parts.get("message"))))
                .isEqualTo(json("{\"attachment\":{\"type\":\"audio\",\"payload\":{}}}"));
        assertThat(parts.get("filedata").getFileName()).isEqualTo("note.mp3");
        assertThat(parts.get("filedata").getHeader("Content-Type").firstValue()).isEqualTo("audio/mpeg");
        assertThat(parts.get("filedata").getBody().asBytes()).isEqualTo(audio);
    }

    @Test
    void aRedeliveredStreamSendsTheWholeFileAgain() throws Exception {
        graph.stubFor(post(urlEqualTo("/v24.0/" + PAGE_ID + "/messages")).inScenario("transient")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("recovered")
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json").withBody(
                        "{\"error\":{\"message\":\"Temporary send message failure. Please try again later.\","
                                + "\"type\":\"FacebookApiException\",\"code\":1200,\"is_transient\":true,\"fbtrace_id\":\"T1\"}}")));
        graph.stubFor(post(urlEqualTo("/v24.0/" + PAGE_ID + "/messages")).inScenario("transient")
                .whenScenarioStateIs("recovered").willReturn(aResponse().withStatus(200).withBody(OK_BODY)));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:redeliver").errorHandler(defaultErrorHandler().maximumRedeliveries(1).redeliveryDelay(0))
                        .to(uri(""));
            }
        });
        byte[] audio = "ID3 a longer voice note".getBytes(StandardCharsets.US_ASCII);

        Exchange exchange = sendTo("direct:redeliver", new ByteArrayInputStream(audio), Map.of(
                MessengerSendConstants.RECIPIENT_ID, "42", MessengerSendConstants.ATTACHMENT_TYPE, "audio"));

        assertThat(exchange.getException()).isNull();
        assertThat(received()).hasSize(2)
                .allSatisfy(r -> assertThat(parts(r).get("filedata").getBody().asBytes()).isEqualTo(audio));
    }

    @Test
    void aStreamOver25MegabytesIsRefusedBeforeAnyCall() {
        long size = 25L * 1024 * 1024 + 1;
        InputStream tooLong = new InputStream() {
            private long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                left -= n;
                return n;
            }
        };

        Exchange exchange = send(tooLong, Map.of(MessengerSendConstants.RECIPIENT_ID, "42",
                MessengerSendConstants.ATTACHMENT_TYPE, "video"));

        assertThat(exchange.getException()).isInstanceOf(MessengerValidationException.class)
                .hasMessageContaining("filedata").hasMessageContaining("26214400 bytes (25 MB)");
        assertThat(received()).isEmpty();
    }

    @Test
    void bytesNamedAndTypedAsBinaryAreAFileButJsonBytesAreAMessage() {
        send("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), Map.of(MessengerSendConstants.RECIPIENT_ID, "42",
                Exchange.FILE_NAME, "terms.pdf", Exchange.CONTENT_TYPE, "application/pdf"));
        Map<String, Request.Part> parts = parts(onlyRequest());
        assertThat(json(text(parts.get("message"))))
                .isEqualTo(json("{\"attachment\":{\"type\":\"file\",\"payload\":{}}}"));
        assertThat(parts.get("filedata").getFileName()).isEqualTo("terms.pdf");

        graph.resetRequests();
        send("{\"text\":\"hi\"}".getBytes(StandardCharsets.UTF_8), Map.of(MessengerSendConstants.RECIPIENT_ID, "42",
                Exchange.FILE_NAME, "message.json", Exchange.CONTENT_TYPE, "application/json; charset=UTF-8"));
        assertSent("{\"recipient\":{\"id\":\"42\"},\"messaging_type\":\"RESPONSE\",\"message\":{\"text\":\"hi\"}}");
    }

    @Test
    void aPathBodyIsTypedByItsNameNotByALeftoverContentType() throws Exception {
        Path photo = Files.write(dir.resolve("map.png"), PNG);

        send(photo, Map.of(MessengerSendConstants.RECIPIENT_ID, "42", Exchange.CONTENT_TYPE, "application/json"));

        Request.Part file = parts(onlyRequest()).get("filedata");
        assertThat(file.getFileName()).isEqualTo("map.png");
        assertThat(file.getHeader("Content-Type").firstValue()).isEqualTo("image/png");
    }

    @Test
    void aFilenameCannotBreakOutOfItsHeader() {
        send(PNG, Map.of(MessengerSendConstants.RECIPIENT_ID, "42", MessengerSendConstants.ATTACHMENT_TYPE, "image",
                Exchange.FILE_NAME, "a\"b\r\nX-Injected: 1.png"));

        assertThat(parts(onlyRequest()).get("filedata").getFileName()).isEqualTo("a_b__X-Injected: 1.png");
    }

    @Test
    void filesFromTheFileComponentAreSentOneMessageEach() throws Exception {
        Files.write(dir.resolve("1001.png"), PNG);
        Files.writeString(dir.resolve("1002.pdf"), "%PDF-1.7");
        NotifyBuilder done = new NotifyBuilder(context).whenDone(2).create();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(dir.toUri() + "?noop=true&initialDelay=0")
                        .setHeader(MessengerSendConstants.RECIPIENT_ID, simple("${file:onlyname.noext}"))
                        .to(uri("messagingType=UPDATE"));
            }
        });

        assertThat(done.matches(10, TimeUnit.SECONDS)).isTrue();
        assertThat(received()).extracting(r -> json(text(parts(r).get("recipient"))).path("id").asText() + " "
                + parts(r).get("filedata").getFileName() + " "
                + parts(r).get("filedata").getHeader("Content-Type").firstValue())
                .containsExactlyInAnyOrder("1001 1001.png image/png", "1002 1002.pdf application/pdf");
    }

    @Test
    void fileSendsAndUploadsCarryTheProofAndTheToken() throws Exception {
        File photo = Files.write(dir.resolve("p.png"), PNG).toFile();
        String proof = AppSecretProof.of("s3cret", TOKEN);
        graph.stubFor(post(urlEqualTo("/v24.0/" + PAGE_ID + "/message_attachments?appsecret_proof=" + proof))
                .willReturn(okJson("{\"attachment_id\":\"9\"}")));

        sendTo(uri("appSecret=RAW(s3cret)"), photo, Map.of(MessengerSendConstants.RECIPIENT_ID, "42"));
        Exchange upload = sendTo(uri("appSecret=RAW(s3cret)&operation=uploadAttachment"), photo, Map.of());

        assertThat(upload.getException()).isNull();
        assertThat(received()).extracting(r -> r.getUrl() + " " + r.getHeader("Authorization"))
                .containsExactlyInAnyOrder(
                        "/v24.0/" + PAGE_ID + "/messages?appsecret_proof=" + proof + " Bearer " + TOKEN,
                        "/v24.0/" + PAGE_ID + "/message_attachments?appsecret_proof=" + proof + " Bearer " + TOKEN);
    }

    @Test
    void onlyMediaAndFilesCanBeUploaded() {
        Exchange exchange = sendTo(uri("operation=uploadAttachment"), "https://cdn.example.com/x.png",
                Map.of(MessengerSendConstants.ATTACHMENT_TYPE, "template"));

        assertThat(exchange.getException()).isInstanceOf(MessengerValidationException.class)
                .hasMessageContaining(MessengerSendConstants.ATTACHMENT_TYPE).hasMessageContaining("template");
        assertThat(received()).isEmpty();
    }

    @Test
    void aPersonaNeedsAPicture() {
        Exchange exchange = sendTo(uri("operation=createPersona"), "{\"name\":\"Bo\"}", Map.of());

        assertThat(exchange.getException()).isInstanceOf(MessengerValidationException.class)
                .hasMessageContaining("profile_picture_url");
        assertThat(received()).isEmpty();
    }

    @Test
    void personaCallsSendTheToken() {
        graph.stubFor(post(urlEqualTo("/v24.0/" + PAGE_ID + "/personas"))
                .willReturn(okJson("{\"id\":\"8\"}")));
        graph.stubFor(delete(urlEqualTo("/v24.0/8"))
                .willReturn(okJson("{\"success\":true}")));

        Exchange created = sendTo(uri("operation=createPersona"),
                "{\"name\":\"Cy\",\"profile_picture_url\":\"https://x.example/c.png\"}", Map.of());
        // the created Persona is the body: deleting it needs nothing else
        Exchange deleted = sendTo(uri("operation=deletePersona"), created.getMessage().getBody(), Map.of(
                MessengerSendConstants.PERSONA_ID, "some-other-persona"));

        assertThat(deleted.getException()).isNull();
        assertThat(received())
                .extracting(r -> r.getMethod().getName() + " " + r.getUrl() + " " + r.getHeader("Authorization"))
                .containsExactlyInAnyOrder("POST /v24.0/" + PAGE_ID + "/personas Bearer " + TOKEN,
                        "DELETE /v24.0/8 Bearer " + TOKEN);
        assertThat(bodyOf(
                received().stream().filter(r -> r.getMethod().getName().equals("POST")).findFirst().orElseThrow()))
                .isEqualTo(json("{\"name\":\"Cy\",\"profile_picture_url\":\"https://x.example/c.png\"}"));
    }

    @Test
    void anAnswerOfTheWrongShapeFailsTheExchange() {
        graph.stubFor(get(urlEqualTo("/v24.0/" + PAGE_ID + "/personas"))
                .willReturn(okJson("{\"data\":\"none\"}")));

        Exchange exchange = sendTo(uri("operation=listPersonas"), "unchanged", Map.of());

        assertThat(exchange.getException()).isInstanceOf(MessengerTransportException.class)
                .hasMessageContaining("could not be read");
        assertThat(exchange.getMessage().getHeader(MessengerSendConstants.FAILURE_CLASS))
                .isEqualTo("MessengerTransportException");
    }

    @Test
    void aPausedPageGetsNoUploadOrPersonaCalls() {
        context.getComponent("messenger-send", MessengerSendComponent.class).pauses()
                .pause(PAGE_ID, java.time.Duration.ofMinutes(3));

        Exchange upload = sendTo(uri("operation=uploadAttachment"), "https://cdn.example.com/a.png", Map.of());
        Exchange list = sendTo(uri("operation=listPersonas"), null, Map.of());

        assertThat(upload.getException()).isInstanceOf(MessengerRateLimitException.class)
                .hasMessageContaining("paused");
        assertThat(list.getException()).isInstanceOf(MessengerRateLimitException.class).hasMessageContaining("paused");
        assertThat(received()).isEmpty();
    }

    @Test
    void theOperationHeaderTakesAnyCaseAndDashesAndNamesItselfWhenUnknown() {
        graph.stubFor(get(urlEqualTo("/v24.0/" + PAGE_ID + "/personas"))
                .willReturn(okJson("{\"data\":[]}")));

        Exchange listed = send(null, Map.of(MessengerSendConstants.OPERATION, "list-personas"));
        Exchange unknown = send(null, Map.of(MessengerSendConstants.OPERATION, "purge"));

        assertThat(listed.getException()).isNull();
        assertThat(listed.getMessage().getBody(List.class)).isEmpty();
        assertThat(unknown.getException()).isInstanceOf(MessengerValidationException.class)
                .hasMessageContaining(MessengerSendConstants.OPERATION).hasMessageContaining("'purge'");
        assertThat(received()).hasSize(1);
    }

    @Test
    void aRemoteFileIsSentFromItsDownloadedContent() {
        byte[] report = "%PDF-1.7 quarterly".getBytes(StandardCharsets.US_ASCII);
        // what ftp and sftp consumers hand over: a wrapped remote file whose body is the downloaded content
        WrappedFile<String> remote = new WrappedFile<>() {
            @Override
            public String getFile() {
                return "ftp://files.example.com/reports/q3.pdf";
            }

            @Override
            public Object getBody() {
                return report;
            }

            @Override
            public long getFileLength() {
                return report.length;
            }
        };

        Exchange exchange = send(remote, Map.of(MessengerSendConstants.RECIPIENT_ID, "42",
                Exchange.FILE_NAME, "reports/q3.pdf"));

        assertThat(exchange.getException()).isNull();
        Request.Part file = parts(onlyRequest()).get("filedata");
        assertThat(file.getFileName()).isEqualTo("q3.pdf");
        assertThat(file.getHeader("Content-Type").firstValue()).isEqualTo("application/pdf");
        assertThat(file.getBody().asBytes()).isEqualTo(report);
    }

    private static Map<String, Request.Part> parts(LoggedRequest request) {
        return request.getParts().stream().collect(Collectors.toMap(Request.Part::getName, part -> part));
    }

    private static String text(Request.Part part) {
        return part.getBody().asString();
    }
}

package io.github.camelmessenger.send;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.send.error.MessengerValidationException;
import io.github.camelmessenger.send.graph.FileContent;
import io.github.camelmessenger.send.graph.SendApiClient;
import io.github.camelmessenger.send.model.Persona;
import io.github.camelmessenger.send.model.SendResponse;
import io.github.camelmessenger.send.validation.SendRequestValidator;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Turns an exchange into the Graph API call its operation asks for, ready to run: the Page, whether it is paced, the
 * call itself, and what a success puts on the message. Everything that can be refused is refused here, before any
 * call.
 */
final class OperationCalls {

    /** A call ready to run for one exchange. */
    record Call<T>(String pageId, boolean paced, Function<SendApiClient, CompletableFuture<T>> request,
            BiConsumer<Message, T> onSuccess) {
    }

    private static final List<String> UPLOAD_TYPES = List.of("image", "audio", "video", "file");
    private static final TypeReference<List<Persona>> PERSONAS = new TypeReference<>() {
    };

    private final ObjectMapper mapper;
    private final MessengerSendEndpoint endpoint;
    private final SendRequestAssembler assembler;

    OperationCalls(ObjectMapper mapper, MessengerSendEndpoint endpoint) {
        this.mapper = mapper;
        this.endpoint = endpoint;
        this.assembler = new SendRequestAssembler(mapper, endpoint);
    }

    Call<?> prepare(Exchange exchange) throws JsonProcessingException {
        MessengerOperation operation = SendRequestAssembler.enumHeader(exchange.getMessage(),
                MessengerSendConstants.OPERATION);
        return switch (operation != null ? operation : endpoint.getOperation()) {
            case send -> send(exchange);
            case uploadAttachment -> upload(exchange);
            case createPersona -> createPersona(exchange);
            case listPersonas -> listPersonas(exchange);
            case deletePersona -> deletePersona(exchange);
        };
    }

    private Call<SendResponse> send(Exchange exchange) throws JsonProcessingException {
        FileContent file = assembler.hasSenderAction(exchange) ? null : FileBodies.from(exchange);
        if (file == null) {
            SendRequestAssembler.AssembledSend send = assembler.assemble(exchange);
            if (endpoint.getConfiguration().isValidate()) {
                SendRequestValidator.validate(send.request(), endpoint.getConfiguration().getPlatform().sendProfile());
            }
            byte[] json = mapper.writeValueAsBytes(send.request());
            return new Call<>(send.pageId(), true, api -> api.send(send.pageId(), json), OperationCalls::sent);
        }
        SendRequestAssembler.AssembledSend send = assembler.assemble(exchange, fileMessage(exchange, file));
        if (endpoint.getConfiguration().isValidate()) {
            SendRequestValidator.validate(send.request(), endpoint.getConfiguration().getPlatform().sendProfile().withFileAttached());
        }
        Map<String, String> fields = formFields(send.request());
        return new Call<>(send.pageId(), true, api -> api.sendFile(send.pageId(), fields, file), OperationCalls::sent);
    }

    private Call<SendResponse> upload(Exchange exchange) throws JsonProcessingException {
        String pageId = assembler.pageId(exchange);
        FileContent file = FileBodies.from(exchange);
        if (file != null) {
            ObjectNode message = fileMessage(exchange, file);
            uploadType(message.path("attachment").path("type").asText());
            ((ObjectNode) message.path("attachment").path("payload")).put("is_reusable", true);
            Map<String, String> fields = Map.of("message", mapper.writeValueAsString(message));
            return new Call<>(pageId, false, api -> api.uploadAttachment(pageId, fields, file), OperationCalls::uploaded);
        }
        String url = exchange.getMessage().getBody(String.class);
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
            throw new MessengerValidationException("body", "uploadAttachment takes a file, or the http(s) URL of the "
                                                           + "attachment");
        }
        String type = uploadType(FileBodies.attachmentType(exchange.getMessage(),
                FileBodies.contentTypeOf(url.split("\\?")[0])));
        ObjectNode request = mapper.createObjectNode();
        ObjectNode attachment = request.putObject("message").putObject("attachment");
        attachment.put("type", type);
        attachment.putObject("payload").put("url", url).put("is_reusable", true);
        byte[] json = mapper.writeValueAsBytes(request);
        return new Call<>(pageId, false, api -> api.uploadAttachment(pageId, json), OperationCalls::uploaded);
    }

    private Call<JsonNode> createPersona(Exchange exchange) throws JsonProcessingException {
        String pageId = assembler.pageId(exchange);
        Object body = exchange.getMessage().getBody();
        Persona persona = body instanceof Persona p ? p
                : body instanceof Map<?, ?> map ? mapper.convertValue(map, Persona.class)
                        : body == null ? null : mapper.readValue(exchange.getMessage().getBody(String.class), Persona.class);
        if (persona == null || persona.name() == null || persona.name().isBlank()) {
            throw new MessengerValidationException("name", "missing: a persona needs a name and a profile_picture_url");
        }
        if (persona.profilePictureUrl() == null || !persona.profilePictureUrl().matches("(?i)https?://.+")) {
            throw new MessengerValidationException("profile_picture_url", "missing or not an http(s) URL: a persona "
                                                                          + "needs a picture Meta can fetch");
        }
        byte[] json = mapper.writeValueAsBytes(Persona.of(persona.name(), persona.profilePictureUrl()));
        return new Call<>(pageId, false, api -> api.createPersona(pageId, json), (message, answer) -> {
            String id = answer.path("id").asText();
            message.setHeader(MessengerSendConstants.PERSONA_ID, id);
            message.setBody(new Persona(id, persona.name(), persona.profilePictureUrl()));
        });
    }

    private Call<JsonNode> listPersonas(Exchange exchange) {
        String pageId = assembler.pageId(exchange);
        return new Call<>(pageId, false, api -> api.listPersonas(pageId),
                (message, answer) -> message.setBody(mapper.convertValue(answer.get("data"), PERSONAS)));
    }

    private Call<JsonNode> deletePersona(Exchange exchange) {
        String pageId = assembler.pageId(exchange);
        // a Persona body (from listPersonas and a split) names itself; else the header, else a text body
        Object body = exchange.getMessage().getBody();
        String personaId = body instanceof Persona persona ? persona.id()
                : exchange.getMessage().getHeader(MessengerSendConstants.PERSONA_ID, String.class);
        if ((personaId == null || personaId.isBlank()) && body instanceof String text) {
            personaId = text.trim();
        }
        if (personaId == null || !personaId.matches("[0-9A-Za-z_]{1,64}")) {
            throw new MessengerValidationException(MessengerSendConstants.PERSONA_ID,
                    "deletePersona needs the persona id in this header or the body, not '" + personaId + "'");
        }
        String id = personaId;
        return new Call<>(pageId, false, api -> api.deletePersona(id),
                (message, answer) -> message.setBody(answer.path("success").asBoolean()));
    }

    /** Meta stores only media and files for reuse; a template or sticker cannot be uploaded. */
    private static String uploadType(String type) {
        if (!UPLOAD_TYPES.contains(type)) {
            throw new MessengerValidationException(MessengerSendConstants.ATTACHMENT_TYPE, "uploadAttachment takes "
                                                                                           + UPLOAD_TYPES + ", not '" + type + "'");
        }
        return type;
    }

    /** The message part of a file send: the attachment type and is_reusable; the file itself goes as filedata. */
    private ObjectNode fileMessage(Exchange exchange, FileContent file) {
        ObjectNode message = mapper.createObjectNode();
        ObjectNode attachment = message.putObject("attachment");
        attachment.put("type", FileBodies.attachmentType(exchange.getMessage(), file.contentType()));
        ObjectNode payload = attachment.putObject("payload");
        Boolean reusable = exchange.getMessage().getHeader(MessengerSendConstants.ATTACHMENT_REUSABLE, Boolean.class);
        if (reusable != null) {
            payload.put("is_reusable", reusable);
        }
        return message;
    }

    /** Form fields for a multipart send: objects as JSON text, strings as they are. */
    private Map<String, String> formFields(ObjectNode request) throws JsonProcessingException {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : request.properties()) {
            JsonNode value = field.getValue();
            fields.put(field.getKey(), value.isTextual() ? value.asText() : mapper.writeValueAsString(value));
        }
        return fields;
    }

    private static void sent(Message message, SendResponse response) {
        message.setBody(response);
        MessengerSendProducer.setOrRemove(message, MessengerSendConstants.MESSAGE_ID, response.messageId());
        MessengerSendProducer.setOrRemove(message, MessengerSendConstants.ATTACHMENT_ID, response.attachmentId());
    }

    private static void uploaded(Message message, SendResponse response) {
        message.setBody(response);
        message.setHeader(MessengerSendConstants.ATTACHMENT_ID, response.attachmentId());
    }
}

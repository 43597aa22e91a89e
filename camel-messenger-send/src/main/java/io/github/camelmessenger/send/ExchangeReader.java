package io.github.camelmessenger.send;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.send.error.MessengerValidationException;
import io.github.camelmessenger.send.graph.FileContent;
import io.github.camelmessenger.send.model.Persona;
import io.github.camelmessenger.send.model.SendResponse;
import io.github.camelmessenger.send.model.SenderAction;
import io.github.camelmessenger.send.model.event.MessagingEvent;
import io.github.camelmessenger.send.validation.SendRequestValidator;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Reads an exchange, once, into the {@link MessengerCall} its operation asks for: the Page, the request built and
 * checked, and what a success puts on the message. Everything that can be refused is refused here, before any call.
 */
final class ExchangeReader {

    private static final Pattern PAGE_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern PERSONA_ID = Pattern.compile("[0-9A-Za-z_]{1,64}");
    private static final List<String> UPLOAD_TYPES = List.of("image", "audio", "video", "file");
    private static final TypeReference<List<Persona>> PERSONAS = new TypeReference<>() {
    };

    private final ObjectMapper mapper;
    private final MessengerSendEndpoint endpoint;
    private final SendRequestAssembler assembler;
    private final ThreadControlReader threadControl;

    ExchangeReader(ObjectMapper mapper, MessengerSendEndpoint endpoint) {
        this.mapper = mapper;
        this.endpoint = endpoint;
        this.assembler = new SendRequestAssembler(mapper, endpoint);
        this.threadControl = new ThreadControlReader(mapper, endpoint);
    }

    MessengerCall<?> read(Exchange exchange) throws JsonProcessingException {
        Message in = exchange.getMessage();
        MessengerOperation operation = MessengerHeaders.enumValue(in, MessengerSendConstants.OPERATION);
        operation = operation != null ? operation : endpoint.getOperation();
        String pageId = pageId(in);
        return switch (operation) {
            case send -> send(exchange, pageId);
            case uploadAttachment -> upload(exchange, pageId);
            case createPersona -> createPersona(in, pageId);
            case listPersonas -> listPersonas(pageId);
            case deletePersona -> deletePersona(in, pageId);
            case passThreadControl, takeThreadControl, requestThreadControl ->
                threadControl.read(in, pageId, operation);
        };
    }

    /** The Page to call for: the CamelMessengerPageId header, else the endpoint's; refused when not a Page id. */
    private String pageId(Message in) {
        String pageId = MessengerHeaders.text(in, MessengerSendConstants.PAGE_ID);
        pageId = pageId != null ? pageId : endpoint.getPageId();
        if (pageId == null || !PAGE_ID.matcher(pageId).matches()) {
            throw new MessengerValidationException(MessengerSendConstants.PAGE_ID,
                    "'" + pageId + "' is not a Page id (digits, or me)");
        }
        return pageId;
    }

    private MessengerCall<SendResponse> send(Exchange exchange, String pageId) throws JsonProcessingException {
        SenderAction action = MessengerHeaders.enumValue(exchange.getMessage(), MessengerSendConstants.SENDER_ACTION);
        action = action != null ? action : endpoint.getSenderAction();
        if (action == null) {
            refuseIncomingEvent(exchange.getMessage());
        }
        // a sender action ignores the body, even a file
        FileContent file = action != null ? null : FileBodies.from(exchange);
        MessengerSendConfiguration options = endpoint.getConfiguration();
        if (file == null) {
            ObjectNode request = action != null
                    ? assembler.senderAction(exchange.getMessage(), action)
                    : assembler.fromBody(exchange);
            if (options.isValidate()) {
                SendRequestValidator.validate(request, options.getPlatform().sendProfile());
            }
            byte[] json = mapper.writeValueAsBytes(request);
            return new MessengerCall<>(pageId, MessengerOperation.send, api -> api.send(pageId, json),
                    MessengerHeaders::sent);
        }
        ObjectNode request = assembler.withMessage(exchange.getMessage(), fileMessage(exchange.getMessage(), file));
        if (options.isValidate()) {
            SendRequestValidator.validate(request, options.getPlatform().sendProfile().withFileAttached());
        }
        Map<String, String> fields = formFields(request);
        return new MessengerCall<>(pageId, MessengerOperation.send, api -> api.sendFile(pageId, fields, file),
                MessengerHeaders::sent);
    }

    private MessengerCall<SendResponse> upload(Exchange exchange, String pageId) throws JsonProcessingException {
        Message in = exchange.getMessage();
        refuseIncomingEvent(in);
        FileContent file = FileBodies.from(exchange);
        if (file != null) {
            ObjectNode message = fileMessage(in, file);
            uploadType(message.path("attachment").path("type").asText());
            ((ObjectNode) message.path("attachment").path("payload")).put("is_reusable", true);
            Map<String, String> fields = Map.of("message", mapper.writeValueAsString(message));
            return new MessengerCall<>(pageId, MessengerOperation.uploadAttachment,
                    api -> api.uploadAttachment(pageId, fields, file), MessengerHeaders::uploaded);
        }
        String url = in.getBody(String.class);
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
            throw new MessengerValidationException("body", "uploadAttachment takes a file, or the http(s) URL of the "
                    + "attachment");
        }
        String type = uploadType(FileBodies.attachmentType(in, FileBodies.contentTypeOf(url.split("\\?")[0])));
        ObjectNode request = mapper.createObjectNode();
        ObjectNode attachment = request.putObject("message").putObject("attachment");
        attachment.put("type", type);
        attachment.putObject("payload").put("url", url).put("is_reusable", true);
        byte[] json = mapper.writeValueAsBytes(request);
        return new MessengerCall<>(pageId, MessengerOperation.uploadAttachment,
                api -> api.uploadAttachment(pageId, json), MessengerHeaders::uploaded);
    }

    private MessengerCall<JsonNode> createPersona(Message in, String pageId) throws JsonProcessingException {
        refuseIncomingEvent(in);
        Object body = in.getBody();
        Persona persona = body instanceof Persona p ? p
                : body instanceof Map<?, ?> map ? mapper.convertValue(map, Persona.class)
                        : body == null ? null : mapper.readValue(in.getBody(String.class), Persona.class);
        if (persona == null || persona.name() == null || persona.name().isBlank()) {
            throw new MessengerValidationException("name", "missing: a persona needs a name and a profile_picture_url");
        }
        if (persona.profilePictureUrl() == null || !persona.profilePictureUrl().matches("(?i)https?://.+")) {
            throw new MessengerValidationException("profile_picture_url", "missing or not an http(s) URL: a persona "
                    + "needs a picture Meta can fetch");
        }
        byte[] json = mapper.writeValueAsBytes(Persona.of(persona.name(), persona.profilePictureUrl()));
        return new MessengerCall<>(pageId, MessengerOperation.createPersona, api -> api.createPersona(pageId, json),
                (message, answer) -> {
                    String id = answer.path("id").asText();
                    message.setHeader(MessengerSendConstants.PERSONA_ID, id);
                    message.setBody(new Persona(id, persona.name(), persona.profilePictureUrl()));
                });
    }

    private MessengerCall<JsonNode> listPersonas(String pageId) {
        return new MessengerCall<>(pageId, MessengerOperation.listPersonas, api -> api.listPersonas(pageId),
                (message, answer) -> message.setBody(mapper.convertValue(answer.get("data"), PERSONAS)));
    }

    private MessengerCall<JsonNode> deletePersona(Message in, String pageId) {
        // a Persona body (from listPersonas and a split) names itself; else the header, else a text body
        Object body = in.getBody();
        String personaId = body instanceof Persona persona ? persona.id()
                : MessengerHeaders.text(in, MessengerSendConstants.PERSONA_ID);
        if (personaId == null && body instanceof String text) {
            personaId = text.trim();
        }
        if (personaId == null || !PERSONA_ID.matcher(personaId).matches()) {
            throw new MessengerValidationException(MessengerSendConstants.PERSONA_ID,
                    "deletePersona needs the persona id in this header or the body, not '" + personaId + "'");
        }
        String id = personaId;
        return new MessengerCall<>(pageId, MessengerOperation.deletePersona, api -> api.deletePersona(id),
                (message, answer) -> message.setBody(answer.path("success").asBoolean()));
    }

    /**
     * A body that is still the webhook event the route received: the route did not set its reply, and sending the
     * event would echo it back to the person. Refused whatever the validate option says.
     */
    private static void refuseIncomingEvent(Message in) {
        if (in.getBody() instanceof MessagingEvent) {
            throw new MessengerValidationException("body", "is the incoming webhook event (MessagingEvent), not a "
                    + "reply: set the reply as the body before messenger-send, for example setBody(simple(\"You "
                    + "said: ${header.CamelMessengerEventText}\")); nothing was sent");
        }
    }

    /** Meta stores only media and files for reuse; a template or sticker cannot be uploaded. */
    private static String uploadType(String type) {
        if (!UPLOAD_TYPES.contains(type)) {
            throw new MessengerValidationException(MessengerSendConstants.ATTACHMENT_TYPE,
                    "uploadAttachment takes " + UPLOAD_TYPES + ", not '" + type + "'");
        }
        return type;
    }

    /** The message part of a file send: the attachment type and is_reusable; the file itself goes as filedata. */
    private ObjectNode fileMessage(Message in, FileContent file) {
        ObjectNode message = mapper.createObjectNode();
        ObjectNode attachment = message.putObject("attachment");
        attachment.put("type", FileBodies.attachmentType(in, file.contentType()));
        ObjectNode payload = attachment.putObject("payload");
        Boolean reusable = MessengerHeaders.bool(in, MessengerSendConstants.ATTACHMENT_REUSABLE);
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
}

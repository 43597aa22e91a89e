package io.github.camelmessenger.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition;

/**
 * The local Messenger: the page at the simulator's root URL ({@code /}, {@code /local/app.js},
 * {@code /local/app.css}) and the JSON it reads and writes under {@code /local/api/}: {@code GET info},
 * {@code GET updates?after=N} (the conversation log after update N; the page polls it), and the person's actions
 * {@code POST say}, {@code tap}, {@code press} and {@code react}, each answered 202 with the new {@code mid} while
 * the webhook call goes on; its result arrives as a {@code webhook} update.
 */
final class LocalMessenger implements ResponseDefinitionTransformerV2 {

    static final String NAME = "local-messenger";
    private static final String RESOURCES = "/io/github/camelmessenger/simulator/local/";
    private static final Map<String, String> STATIC = Map.of("/", "index.html", "/local/app.js", "app.js",
            "/local/app.css", "app.css");
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=UTF-8", "js",
            "text/javascript; charset=UTF-8", "css", "text/css; charset=UTF-8");

    private final ObjectMapper mapper = new ObjectMapper();
    private final ConversationLog log;
    private final PersonSide person;
    private final Info info;

    /** What the page shows about the simulator itself. */
    interface Info {
        String pageName();

        String webhookUrl();
    }

    LocalMessenger(ConversationLog log, PersonSide person, Info info) {
        this.log = log;
        this.person = person;
        this.info = info;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        String path = request.getUrl().split("\\?", 2)[0];
        boolean get = RequestMethod.GET.equals(request.getMethod());
        if (get && STATIC.containsKey(path)) {
            return resource(STATIC.get(path));
        }
        if (get && path.equals("/local/api/info")) {
            ObjectNode answer = mapper.createObjectNode().put("pageId", person.defaultPageId())
                    .put("pageName", info.pageName()).put("webhookUrl", info.webhookUrl());
            return json(200, answer);
        }
        if (get && path.equals("/local/api/updates")) {
            return updates(request);
        }
        if (RequestMethod.POST.equals(request.getMethod()) && path.startsWith("/local/api/")) {
            return action(path.substring("/local/api/".length()), request);
        }
        return json(404, mapper.createObjectNode().put("error", "no such page: " + path));
    }

    private ResponseDefinition updates(Request request) {
        long after;
        try {
            String value = request.queryParameter("after").isPresent() ? request.queryParameter("after").firstValue()
                    : "0";
            after = Long.parseLong(value);
        } catch (NumberFormatException e) {
            return json(400, mapper.createObjectNode().put("error", "after must be a number"));
        }
        ConversationLog.Slice slice = log.after(after);
        ObjectNode answer = mapper.createObjectNode().put("seq", slice.seq());
        ArrayNode updates = answer.putArray("updates");
        slice.updates().forEach(updates::add);
        return json(200, answer);
    }

    private ResponseDefinition action(String name, Request request) {
        JsonNode body;
        try {
            body = mapper.readTree(request.getBodyAsString());
        } catch (IOException e) {
            return json(400, mapper.createObjectNode().put("error", "the body is not JSON"));
        }
        String psid = text(body, "psid");
        if (psid == null) {
            return json(400, mapper.createObjectNode().put("error", "psid is required"));
        }
        String pageId = text(body, "pageId");
        PersonSide.Action action;
        switch (name) {
            case "say" -> {
                String text = text(body, "text");
                if (text == null) {
                    return json(400, mapper.createObjectNode().put("error", "text is required"));
                }
                action = person.say(pageId, psid, text);
            }
            case "tap", "press" -> {
                String payload = text(body, "payload");
                if (payload == null) {
                    return json(400, mapper.createObjectNode().put("error", "payload is required"));
                }
                action = name.equals("tap") ? person.tap(pageId, psid, payload) : person.press(pageId, psid, payload);
            }
            case "react" -> {
                String mid = text(body, "mid");
                String emoji = text(body, "emoji");
                if (mid == null || emoji == null) {
                    return json(400, mapper.createObjectNode().put("error", "mid and emoji are required"));
                }
                action = person.react(pageId, psid, mid, emoji);
            }
            default -> {
                return json(404, mapper.createObjectNode().put("error", "no such action: " + name));
            }
        }
        return json(202, mapper.createObjectNode().put("mid", action.mid()));
    }

    private static String text(JsonNode body, String field) {
        String value = body.path(field).asText(null);
        return value == null || value.isBlank() ? null : value;
    }

    private ResponseDefinition resource(String name) {
        try (InputStream in = LocalMessenger.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                return json(404, mapper.createObjectNode().put("error", "missing resource " + name));
            }
            String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
            return responseDefinition().withStatus(200)
                    .withHeaders(new HttpHeaders(new HttpHeader("Content-Type", type),
                            new HttpHeader("Cache-Control", "no-cache")))
                    .withBody(in.readAllBytes()).build();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + name, e);
        }
    }

    private static ResponseDefinition json(int status, JsonNode body) {
        return responseDefinition().withStatus(status)
                .withHeaders(new HttpHeaders(new HttpHeader("Content-Type", "application/json; charset=UTF-8"),
                        new HttpHeader("Cache-Control", "no-store")))
                .withBody(body.toString()).build();
    }
}

package io.github.camelmessenger.simulator;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the app under test: answers Meta's subscription check for its verify token and records every
 * webhook call it receives, answering a fixed status.
 */
final class RecordingApp implements AutoCloseable {

    /** A call the app received. */
    record Received(String method, Map<String, String> query, String signature, String body) {
    }

    private final HttpServer server;
    private final String verifyToken;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;

    RecordingApp(String verifyToken) throws IOException {
        this.verifyToken = verifyToken;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/webhook", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhook";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    void answer(int status) {
        this.status = status;
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getRequestMethod(), query,
                exchange.getRequestHeaders().getFirst("X-Hub-Signature-256"), body));
        byte[] answer;
        int code;
        if (exchange.getRequestMethod().equals("GET")) {
            boolean ok = "subscribe".equals(query.get("hub.mode")) && verifyToken.equals(query.get("hub.verify_token"));
            code = ok ? 200 : 403;
            answer = (ok ? query.get("hub.challenge") : "").getBytes(StandardCharsets.UTF_8);
        } else {
            code = status;
            answer = "EVENT_RECEIVED".getBytes(StandardCharsets.UTF_8);
        }
        exchange.sendResponseHeaders(code, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

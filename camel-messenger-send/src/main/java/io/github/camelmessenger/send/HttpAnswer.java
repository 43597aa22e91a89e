package io.github.camelmessenger.send;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * What the webhook answers on HTTP: a status and a short plain-text body. Written on the HTTP exchange's message in
 * place of the request's headers, so nothing of the request (its signature, its query) is echoed back.
 */
record HttpAnswer(int status, String body, String allow) {

    static final HttpAnswer RECEIVED = text(200, "EVENT_RECEIVED");
    static final HttpAnswer FAILED = text(500, "An event of this call failed; it is routed again when Meta retries");
    static final HttpAnswer METHOD_NOT_ALLOWED = new HttpAnswer(405, "Use GET or POST", "GET, POST");
    static final HttpAnswer SUSPENDED = text(503, "This webhook is suspended; Meta delivers the call again later");

    static HttpAnswer text(int status, String body) {
        return new HttpAnswer(status, body, null);
    }

    void writeTo(Message message) {
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
        if (allow != null) {
            message.setHeader("Allow", allow);
        }
        message.setBody(body);
    }
}

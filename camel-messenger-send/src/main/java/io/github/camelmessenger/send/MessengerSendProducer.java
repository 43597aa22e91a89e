package io.github.camelmessenger.send;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmessenger.send.SendRequestAssembler.AssembledSend;
import io.github.camelmessenger.send.error.FailureDetails;
import io.github.camelmessenger.send.error.FailureKind;
import io.github.camelmessenger.send.error.MessengerSendException;
import io.github.camelmessenger.send.error.MessengerValidationException;
import io.github.camelmessenger.send.graph.SendApiClient;
import io.github.camelmessenger.send.model.MessengerJson;
import io.github.camelmessenger.send.model.SendResponse;
import io.github.camelmessenger.send.validation.SendRequestValidator;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one request per exchange without blocking: the exchange continues when Meta's answer arrives, on the HTTP
 * client's I/O thread. Every exchange completes exactly once, with the decoded answer or a
 * {@link io.github.camelmessenger.send.error.MessengerSendException}.
 */
public class MessengerSendProducer extends DefaultAsyncProducer {

    private static final Logger LOG = LoggerFactory.getLogger(MessengerSendProducer.class);

    private final ObjectMapper mapper = MessengerJson.mapper();
    private SendRequestAssembler assembler;
    private SendApiClient api;

    public MessengerSendProducer(MessengerSendEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public MessengerSendEndpoint getEndpoint() {
        return (MessengerSendEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        assembler = new SendRequestAssembler(mapper, getEndpoint());
        api = getEndpoint().createSendApiClient();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        AssembledSend send;
        byte[] json;
        try {
            send = assembler.assemble(exchange);
            if (getEndpoint().getConfiguration().isValidate()) {
                SendRequestValidator.validate(send.request());
            }
            json = mapper.writeValueAsBytes(send.request());
        } catch (MessengerSendException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        } catch (Exception e) {
            // a body or header Camel could not convert: refused before sending, like any other bad input
            exchange.setException(new MessengerValidationException("request",
                    "could not be built (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e));
            callback.done(true);
            return true;
        }
        double rateLimit = getEndpoint().getConfiguration().getRateLimit();
        if (rateLimit > 0) {
            getEndpoint().getComponent().pacer().submit(send.pageId(), rateLimit,
                    () -> send(exchange, callback, send.pageId(), json),
                    reason -> {
                        exchange.setException(FailureKind.TRANSPORT.newException(reason.getMessage(),
                                FailureDetails.NONE, reason));
                        callback.done(false);
                    });
        } else {
            send(exchange, callback, send.pageId(), json);
        }
        return false;
    }

    private void send(Exchange exchange, AsyncCallback callback, String pageId, byte[] json) {
        CompletableFuture<SendResponse> answer;
        try {
            answer = api.send(pageId, json);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenComplete((response, failure) -> {
            try {
                if (failure != null) {
                    exchange.setException(asSendException(failure));
                } else {
                    onSuccess(exchange.getMessage(), pageId, response);
                }
            } finally {
                callback.done(false);
            }
        });
    }

    private static MessengerSendException asSendException(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause instanceof MessengerSendException e
                ? e
                : FailureKind.TRANSPORT.newException("Send API call failed: " + cause.getClass().getSimpleName()
                                                     + ". Delivery is unknown", FailureDetails.NONE, cause);
    }

    private static void onSuccess(Message message, String pageId, SendResponse response) {
        message.setBody(response);
        setOrRemove(message, MessengerSendConstants.MESSAGE_ID, response.messageId());
        setOrRemove(message, MessengerSendConstants.ATTACHMENT_ID, response.attachmentId());
        LOG.debug("Sent from page {}: message_id={}", pageId, response.messageId());
    }

    private static void setOrRemove(Message message, String header, String value) {
        if (value != null) {
            message.setHeader(header, value);
        } else {
            message.removeHeader(header);
        }
    }
}

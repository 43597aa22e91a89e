package io.github.camelmessenger.send;

import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Function;

import io.github.camelmessenger.send.graph.SendApiClient;
import org.apache.camel.Message;

/**
 * One exchange's Graph API call, read and checked, ready to run: the Page it is made for, the operation, the request
 * (its JSON or file already built), and what a success puts on the message. Nothing of the exchange is read after
 * this is made.
 */
record MessengerCall<T>(String pageId, MessengerOperation operation,
        Function<SendApiClient, CompletableFuture<T>> request, BiConsumer<Message, T> onSuccess) {

    /** Message sends are paced per Page; uploads, persona and handover calls are not messages and go at once. */
    boolean paced() {
        return operation == MessengerOperation.send;
    }
}

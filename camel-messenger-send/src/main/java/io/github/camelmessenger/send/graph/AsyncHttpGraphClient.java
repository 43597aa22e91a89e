package io.github.camelmessenger.send.graph;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.asynchttpclient.AsyncCompletionHandler;
import org.asynchttpclient.AsyncHttpClient;
import org.asynchttpclient.BoundRequestBuilder;
import org.asynchttpclient.Response;
import org.asynchttpclient.request.body.multipart.ByteArrayPart;
import org.asynchttpclient.request.body.multipart.FilePart;
import org.asynchttpclient.request.body.multipart.Part;
import org.asynchttpclient.request.body.multipart.StringPart;

/**
 * {@link GraphHttpClient} over AsyncHttpClient. The client is built with {@code maxRequestRetry = 0} by
 * {@link AsyncHttpClientPool}: its own replay ignores the HTTP method and could POST a message twice.
 */
final class AsyncHttpGraphClient implements GraphHttpClient {

    private static final String AUTHORIZATION = "Authorization";

    private final AsyncHttpClient client;
    private final AuthorizationInjector authorization;
    private final Set<CompletableFuture<GraphHttpResponse>> inFlight;

    AsyncHttpGraphClient(AsyncHttpClient client, AuthorizationInjector authorization,
                         Set<CompletableFuture<GraphHttpResponse>> inFlight) {
        this.client = client;
        this.authorization = authorization;
        this.inFlight = inFlight;
    }

    @Override
    public String authorizationReference(String authorizationValue) {
        return authorization.acquire(authorizationValue);
    }

    @Override
    public CompletableFuture<GraphHttpResponse> send(GraphHttpRequest request) {
        // the reference this request acquired is released when it completes, however it completes
        String reference = request.headers().get(AUTHORIZATION);
        CompletableFuture<GraphHttpResponse> registered = null;
        try {
            BoundRequestBuilder builder = client.prepare(request.method(), request.url())
                    .setRequestTimeout(request.requestTimeout());
            if (request.body() != null) {
                builder.setBody(request.body());
            }
            if (request.fields() != null) {
                request.fields().forEach((name, value) -> builder.addBodyPart(
                        new StringPart(name, value, null, StandardCharsets.UTF_8)));
            }
            if (request.file() != null) {
                builder.addBodyPart(filePart(request.file()));
            }
            request.headers().forEach(builder::setHeader);
            // one future per request, tracked until done, so closing the client can fail what it would leave pending
            CompletableFuture<GraphHttpResponse> answer = new CompletableFuture<>();
            if (reference != null) {
                answer.whenComplete((response, failure) -> authorization.release(reference));
            }
            inFlight.add(answer);
            registered = answer;
            builder.execute(new AsyncCompletionHandler<Void>() {
                @Override
                public Void onCompleted(Response response) {
                    inFlight.remove(answer);
                    answer.complete(new GraphHttpResponse(response.getStatusCode(), response.getStatusText(),
                            response.getResponseBodyAsBytes(), response::getHeader));
                    return null;
                }

                @Override
                public void onThrowable(Throwable failure) {
                    inFlight.remove(answer);
                    answer.completeExceptionally(failure);
                }
            });
            return answer;
        } catch (RuntimeException e) {
            // e.g. the client was closed while the route still sent
            if (registered == null) {
                authorization.release(reference);
                return CompletableFuture.failedFuture(e);
            }
            // the answer already holds the release: failing it releases once, and nothing stays tracked
            inFlight.remove(registered);
            registered.completeExceptionally(e);
            return registered;
        }
    }

    /** The file as Meta wants it: part name filedata, with a filename; a file is streamed from disk. */
    private static Part filePart(FileContent file) {
        if (file.file() != null) {
            return new FilePart("filedata", file.file(), file.contentType(), null, file.fileName());
        }
        return new ByteArrayPart("filedata", file.bytes(), file.contentType(), null, file.fileName());
    }

    AsyncHttpClient delegate() {
        return client;
    }
}

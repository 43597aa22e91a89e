package io.github.camelmessenger.send.graph;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import io.github.camelmessenger.send.error.MessengerSendException;
import io.github.camelmessenger.send.model.MessengerJson;
import io.github.camelmessenger.send.model.SendResponse;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The producer's work after the HTTP call: decode a success answer, and classify an error answer.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DecodeBenchmark {

    private final SendApiResponseDecoder decoder = new SendApiResponseDecoder(MessengerJson.mapper(),
            new SecretRedactor("EAAGbenchmarkPageAccessToken0123456789", null, null));
    private final GraphHttpResponse ok = new GraphHttpResponse(200, "OK",
            "{\"recipient_id\":\"1254477777772919\",\"message_id\":\"m_AG5Hz2Uq7tuwNEhX\"}"
                    .getBytes(StandardCharsets.UTF_8),
            name -> null);
    private final GraphHttpResponse error = new GraphHttpResponse(400, "Bad Request",
            ("{\"error\":{\"message\":\"(#100) No matching user found\",\"type\":\"OAuthException\",\"code\":100,"
                    + "\"error_subcode\":2018001,\"fbtrace_id\":\"AX7LwGmBMuz\"}}").getBytes(StandardCharsets.UTF_8),
            name -> null);

    @Benchmark
    public SendResponse decodeSuccess() {
        return decoder.decode(ok);
    }

    @Benchmark
    public MessengerSendException decodeError() {
        try {
            decoder.decode(error);
            throw new IllegalStateException("an error answer decoded as success");
        } catch (MessengerSendException e) {
            return e;
        }
    }
}

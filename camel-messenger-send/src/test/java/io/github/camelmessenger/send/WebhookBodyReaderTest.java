package io.github.camelmessenger.send;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** How a webhook body is read: exact bytes, and never more than maxBodySize of it. */
class WebhookBodyReaderTest {

    private final WebhookBodyReader reader = new WebhookBodyReader(10);

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedWithoutReading() {
        Message request = request(new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the body was read");
            }
        });
        request.setHeader(Exchange.CONTENT_LENGTH, "11");

        assertThat(reader.declaredTooLarge(request)).isTrue();
    }

    @Test
    void aDeclaredLengthUpToTheLimitIsRead() throws Exception {
        Message request = request(new ByteArrayInputStream("0123456789".getBytes(StandardCharsets.UTF_8)));
        request.setHeader(Exchange.CONTENT_LENGTH, "10");

        assertThat(reader.declaredTooLarge(request)).isFalse();
        assertThat(reader.read(request)).asString(StandardCharsets.UTF_8).isEqualTo("0123456789");
    }

    @Test
    void aStreamStopsBeingReadPastTheLimit() throws Exception {
        int[] served = { 0 };
        Message request = request(new InputStream() {
            @Override
            public int read() {
                served[0]++;
                return 'x';
            }
        });

        assertThat(reader.read(request)).isNull();
        assertThat(served[0]).isLessThanOrEqualTo(8192 + 10);
    }

    @ParameterizedTest
    @CsvSource({
            "0123456789, 4, 0123456789",
            "01234, 10, 01234",
            "012345678, , 012345678",
            "012345678, abc, 012345678",
            "0, 1, 0"
    })
    void aWrongOrMissingLengthStillGivesTheBytesReceived(String body, String declared, String expected)
            throws Exception {
        Message request = request(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        if (declared != null) {
            request.setHeader(Exchange.CONTENT_LENGTH, declared);
        }

        assertThat(reader.read(request)).asString(StandardCharsets.UTF_8).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({ "3", "10", "-1" })
    void aStreamLongerThanTheLimitIsRefusedWhateverLengthItDeclares(String declared) throws Exception {
        Message request = request(new ByteArrayInputStream("0123456789A".getBytes(StandardCharsets.UTF_8)));
        request.setHeader(Exchange.CONTENT_LENGTH, declared);

        assertThat(reader.read(request)).isNull();
    }

    @Test
    void bytesAreKeptExactly() throws Exception {
        byte[] body = { '{', (byte) 0xc3, (byte) 0xa9, '}' };

        assertThat(reader.read(request(body))).isEqualTo(body);
        assertThat(reader.read(request(null))).isEmpty();
        assertThat(reader.read(request(new byte[11]))).isNull();
    }

    @ParameterizedTest
    @CsvSource({ "300000", "-1", "5" })
    void aBodyLongerThanThePresizedArrayGrowsToItsExactBytes(String declared) throws Exception {
        // a 1,000-event batch is a few hundred kilobytes: more than is ever taken ahead of the data
        byte[] body = new byte[300_000];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) i;
        }
        Message request = request(new ByteArrayInputStream(body));
        request.setHeader(Exchange.CONTENT_LENGTH, declared);

        assertThat(new WebhookBodyReader(300_000).read(request)).isEqualTo(body);
        Message over = request(new ByteArrayInputStream(body));
        over.setHeader(Exchange.CONTENT_LENGTH, declared);
        assertThat(new WebhookBodyReader(299_999).read(over)).isNull();
    }

    private static Message request(Object body) {
        Message message = new DefaultExchange(new DefaultCamelContext()).getMessage();
        message.setBody(body);
        return message;
    }
}

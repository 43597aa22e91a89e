package io.github.camelmessenger.send;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Reads a webhook POST body as the exact bytes received, refusing one over the size limit: by its Content-Length
 * before reading, and while reading when the length is not declared (or is wrong). A stream is read into one array
 * the size of its declared length (up to {@value #PRESIZE_LIMIT} bytes ahead of the data), so a body that is as long as
 * it says is read with no copy.
 */
final class WebhookBodyReader {

    private static final int CHUNK = 8192;
    // never more than this ahead of the bytes received, whatever length a caller declares: the array is taken before
    // the signature is checked, so an unsigned caller declaring a large body and sending nothing holds only this much;
    // Meta's batches are a few kilobytes, and a longer body grows by doubling
    private static final int PRESIZE_LIMIT = 64 * 1024;

    private final long maxBodySize;

    WebhookBodyReader(long maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    /** Whether the declared Content-Length is over the limit. */
    boolean declaredTooLarge(Message request) {
        return declaredLength(request) > maxBodySize;
    }

    /** The Content-Length, or -1 when there is none or it is not a number. */
    private static long declaredLength(Message request) {
        Object header = request.getHeader(Exchange.CONTENT_LENGTH);
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.toString().trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The body's bytes (empty when there is no body), or null when it is over the limit. */
    byte[] read(Message request) throws IOException {
        Object body = request.getBody();
        if (body == null) {
            return new byte[0];
        }
        if (body instanceof byte[] bytes) {
            return bytes.length > maxBodySize ? null : bytes;
        }
        if (body instanceof InputStream stream) {
            return read(stream, declaredLength(request));
        }
        byte[] bytes = request.getBody(byte[].class);
        if (bytes == null) {
            throw new IOException("The webhook body of type " + body.getClass().getName() + " cannot be read as bytes");
        }
        return bytes.length > maxBodySize ? null : bytes;
    }

    private byte[] read(InputStream stream, long declared) throws IOException {
        int size = (int) Math.min(declared > 0 ? declared : CHUNK, Math.min(PRESIZE_LIMIT, maxBodySize));
        byte[] bytes = new byte[Math.max(size, 1)];
        int total = 0;
        while (true) {
            if (total == bytes.length) {
                int next = stream.read();
                if (next == -1) {
                    return bytes;
                }
                if (total + 1L > maxBodySize) {
                    return null;
                }
                int grown = (int) Math.min(bytes.length * 2L, Math.min(maxBodySize, Integer.MAX_VALUE - 8));
                if (grown <= total) {
                    // a limit beyond what one array holds
                    return null;
                }
                bytes = Arrays.copyOf(bytes, grown);
                bytes[total++] = (byte) next;
                continue;
            }
            int n = stream.read(bytes, total, bytes.length - total);
            if (n == -1) {
                return total == bytes.length ? bytes : Arrays.copyOf(bytes, total);
            }
            total += n;
        }
    }
}

package io.github.camelmessenger.send;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Reads a webhook POST body as the exact bytes received, refusing one over the size limit: by its Content-Length
 * before reading, and while reading when the length is not declared (or is wrong).
 */
final class WebhookBodyReader {

    private static final int CHUNK = 8192;

    private final long maxBodySize;

    WebhookBodyReader(long maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    /** Whether the declared Content-Length is over the limit. */
    boolean declaredTooLarge(Message request) {
        Object header = request.getHeader(Exchange.CONTENT_LENGTH);
        if (header == null) {
            return false;
        }
        try {
            return Long.parseLong(header.toString().trim()) > maxBodySize;
        } catch (NumberFormatException e) {
            return false;
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
            return read(stream);
        }
        byte[] bytes = request.getBody(byte[].class);
        if (bytes == null) {
            throw new IOException("The webhook body of type " + body.getClass().getName() + " cannot be read as bytes");
        }
        return bytes.length > maxBodySize ? null : bytes;
    }

    private byte[] read(InputStream stream) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[CHUNK];
        long total = 0;
        int n;
        while ((n = stream.read(chunk)) != -1) {
            total += n;
            if (total > maxBodySize) {
                return null;
            }
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }
}

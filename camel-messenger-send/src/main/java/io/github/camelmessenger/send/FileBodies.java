package io.github.camelmessenger.send;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLConnection;
import java.nio.file.Path;
import java.util.Locale;

import io.github.camelmessenger.send.error.MessengerValidationException;
import io.github.camelmessenger.send.graph.FileContent;
import io.github.camelmessenger.send.validation.SendApiLimit;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.WrappedFile;

/**
 * Recognises a body that is a file to attach, and works out its name, content type and attachment type. A file is a
 * {@code File}, a {@code Path} or a file from a file component (a local one streamed from disk when sent), or bytes
 * or an {@code InputStream} with the CamelMessengerAttachmentType header, or with {@code CamelFileName} and a
 * {@code Content-Type} that is not text, JSON or XML. A stream is read once, at most 25 MB of it, and the body becomes
 * its bytes, so that a redelivery or a dead letter still has the file.
 */
final class FileBodies {

    private static final int READ_CHUNK = 64 * 1024;

    private FileBodies() {
    }

    /** The file to attach, or null when the body is a message. Refuses files over Meta's 25 MB limit. */
    static FileContent from(Exchange exchange) {
        Message in = exchange.getMessage();
        Object body = in.getBody();
        boolean fromFileComponent = body instanceof WrappedFile<?>;
        if (body instanceof WrappedFile<?> wrapped) {
            // a local file is streamed from disk; a remote one (ftp, sftp, ...) arrives as its downloaded content
            body = wrapped.getFile() instanceof File file ? file : wrapped.getBody();
        }
        if (body instanceof Path path) {
            body = path.toFile();
        }
        if (body instanceof File file) {
            if (!file.isFile() || !file.canRead()) {
                throw new MessengerValidationException("filedata", "no readable file at " + file);
            }
            checkSize(file.length());
            return FileContent.of(file, fileContentType(in, file.getName()));
        }
        if (!(body instanceof byte[] || body instanceof InputStream) || !(fromFileComponent || declaredAsFile(in))) {
            return null;
        }
        byte[] bytes = body instanceof byte[] given ? given : readAtMostTheLimit((InputStream) body);
        if (body instanceof InputStream) {
            in.setBody(bytes);
        }
        checkSize(bytes.length);
        String name = fileName(in);
        return FileContent.of(bytes, name, bytesContentType(in, name));
    }

    /** The attachment type: the header's, else from the content type (image, audio, video), else file. */
    static String attachmentType(Message in, String contentType) {
        String header = MessengerHeaders.text(in, MessengerSendConstants.ATTACHMENT_TYPE);
        if (header != null) {
            return header.trim().toLowerCase(Locale.ROOT);
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        for (String media : new String[] { "image", "audio", "video" }) {
            if (type.startsWith(media + "/")) {
                return media;
            }
        }
        return "file";
    }

    /** The content type of a name, as a URL upload would be typed by its extension. */
    static String contentTypeOf(String name) {
        String guessed = URLConnection.guessContentTypeFromName(name);
        if (guessed == null && name.toLowerCase(Locale.ROOT).matches(".*\\.(mp4|m4v|mov)$")) {
            return "video/mp4";
        }
        if (guessed == null && name.toLowerCase(Locale.ROOT).matches(".*\\.(mp3|m4a|aac|wav|ogg)$")) {
            return "audio/mpeg";
        }
        return guessed;
    }

    /** Bytes or a stream are a file when the route says so: the attachment type, or a name and a binary type. */
    private static boolean declaredAsFile(Message in) {
        if (MessengerHeaders.isPresent(in, MessengerSendConstants.ATTACHMENT_TYPE)) {
            return true;
        }
        String name = MessengerHeaders.text(in, Exchange.FILE_NAME);
        String type = MessengerHeaders.text(in, Exchange.CONTENT_TYPE);
        if (name == null || type == null) {
            return false;
        }
        String media = type.toLowerCase(Locale.ROOT).split(";")[0].trim();
        return !(media.startsWith("text/") || media.endsWith("/json") || media.endsWith("+json")
                || media.endsWith("/xml") || media.endsWith("+xml"));
    }

    private static byte[] readAtMostTheLimit(InputStream stream) {
        long limit = SendApiLimit.FILE_BYTES.max();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[READ_CHUNK];
        try (stream) {
            int read;
            while ((read = stream.read(chunk)) != -1) {
                out.write(chunk, 0, read);
                if (out.size() > limit) {
                    throw new MessengerValidationException("filedata", "the stream is longer than "
                            + SendApiLimit.FILE_BYTES.max() + " bytes (25 MB)");
                }
            }
        } catch (IOException e) {
            throw new MessengerValidationException("filedata", "the stream could not be read (" + e.getMessage() + ")",
                    e);
        }
        return out.toByteArray();
    }

    private static void checkSize(long length) {
        int size = (int) Math.min(length, Integer.MAX_VALUE);
        if (!SendApiLimit.FILE_BYTES.allows(size)) {
            throw new MessengerValidationException("filedata",
                    SendApiLimit.FILE_BYTES.describeExcess(size) + " (25 MB)");
        }
    }

    private static String fileName(Message in) {
        String name = MessengerHeaders.text(in, Exchange.FILE_NAME);
        if (name == null) {
            return "attachment";
        }
        // only the last segment: CamelFileName is often a relative path
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        return last.isBlank() ? "attachment" : last;
    }

    /** A file's own name is the best witness of its type; a Content-Type header may be left over from the input. */
    private static String fileContentType(Message in, String fileName) {
        String guessed = contentTypeOf(fileName);
        return guessed != null ? guessed : bytesContentType(in, fileName);
    }

    private static String bytesContentType(Message in, String fileName) {
        String header = MessengerHeaders.text(in, Exchange.CONTENT_TYPE);
        if (header != null) {
            return header;
        }
        String guessed = contentTypeOf(fileName);
        return guessed == null ? "application/octet-stream" : guessed;
    }
}

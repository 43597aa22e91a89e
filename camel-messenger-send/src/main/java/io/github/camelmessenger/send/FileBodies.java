package io.github.camelmessenger.send;

import java.io.File;
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
 * Recognises a body that is a file to attach (a File, a Path, a file from the file component, or bytes or a stream
 * with the CamelMessengerAttachmentType header), and works out its name, content type and attachment type.
 */
final class FileBodies {

    private FileBodies() {
    }

    /** The file to attach, or null when the body is a message. Refuses files over Meta's 25 MB limit. */
    static FileContent from(Exchange exchange) {
        Message in = exchange.getMessage();
        Object body = in.getBody();
        if (body instanceof WrappedFile<?> wrapped && wrapped.getFile() instanceof File file) {
            body = file;
        }
        if (body instanceof Path path) {
            body = path.toFile();
        }
        boolean typed = in.getHeader(MessengerSendConstants.ATTACHMENT_TYPE) != null;
        FileContent content;
        if (body instanceof File file) {
            if (!file.isFile() || !file.canRead()) {
                throw new MessengerValidationException("filedata", "no readable file at " + file);
            }
            content = FileContent.of(file, contentType(in, file.getName()));
        } else if (typed && body instanceof byte[] bytes) {
            String name = fileName(in, "attachment");
            content = FileContent.of(bytes, name, contentType(in, name));
        } else if (typed && body instanceof InputStream stream) {
            String name = fileName(in, "attachment");
            Long length = in.getHeader(Exchange.FILE_LENGTH, Long.class);
            content = FileContent.of(stream, length == null ? -1 : length, name, contentType(in, name));
        } else {
            return null;
        }
        if (content.length() >= 0 && !SendApiLimit.FILE_BYTES.allows(Math.toIntExact(Math.min(content.length(),
                Integer.MAX_VALUE)))) {
            throw new MessengerValidationException("filedata", SendApiLimit.FILE_BYTES.describeExcess(
                    (int) Math.min(content.length(), Integer.MAX_VALUE)) + " (25 MB)");
        }
        return content;
    }

    /** The attachment type: the header's, else from the content type (image, audio, video), else file. */
    static String attachmentType(Message in, String contentType) {
        String header = in.getHeader(MessengerSendConstants.ATTACHMENT_TYPE, String.class);
        if (header != null && !header.isBlank()) {
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

    private static String fileName(Message in, String fallback) {
        String name = in.getHeader(Exchange.FILE_NAME, String.class);
        return name == null || name.isBlank() ? fallback : Path.of(name).getFileName().toString();
    }

    private static String contentType(Message in, String fileName) {
        String header = in.getHeader(Exchange.CONTENT_TYPE, String.class);
        if (header != null && !header.isBlank()) {
            return header;
        }
        String guessed = contentTypeOf(fileName);
        return guessed == null ? "application/octet-stream" : guessed;
    }
}

package io.github.camelmessenger.send.graph;

import java.io.File;
import java.io.InputStream;

/**
 * The {@code filedata} part of a multipart send or upload: a file (streamed from disk), bytes, or a stream, with the
 * filename Meta requires (without one Meta answers 100/2018005) and a content type.
 *
 * @param length the size in bytes, or -1 when a stream's size is unknown
 */
public record FileContent(File file, byte[] bytes, InputStream stream, long length, String fileName,
        String contentType) {

    public static FileContent of(File file, String contentType) {
        return new FileContent(file, null, null, file.length(), file.getName(), contentType);
    }

    public static FileContent of(byte[] bytes, String fileName, String contentType) {
        return new FileContent(null, bytes, null, bytes.length, fileName, contentType);
    }

    public static FileContent of(InputStream stream, long length, String fileName, String contentType) {
        return new FileContent(null, null, stream, length, fileName, contentType);
    }
}

package io.github.camelmessenger.send.graph;

import java.io.File;

/**
 * The {@code filedata} part of a multipart send or upload: a file (streamed from disk) or bytes, with the filename
 * Meta requires (without one Meta answers 100/2018005) and a content type.
 */
public record FileContent(File file, byte[] bytes, String fileName, String contentType) {

    public FileContent {
        // the name goes into a Content-Disposition header: no quotes, backslashes or line breaks
        fileName = fileName.replaceAll("[\"\\\\\\r\\n]", "_");
    }

    public static FileContent of(File file, String contentType) {
        return new FileContent(file, null, file.getName(), contentType);
    }

    public static FileContent of(byte[] bytes, String fileName, String contentType) {
        return new FileContent(null, bytes, fileName, contentType);
    }
}

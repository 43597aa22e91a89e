package io.github.camelmessenger.send.dsl;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** The class of a factory that names the component's headers, one method per header. */
final class HeaderNameBuilderWriter {

    private final JavaSourceBuilder out;

    HeaderNameBuilderWriter(JavaSourceBuilder out) {
        this.out = out;
    }

    void write(String type, String title, JsonNode headers) {
        out.blank();
        out.javadoc(1, "The builder of headers' name for the " + title + " component.");
        out.line(1, "public static class " + type + " {");
        out.line(2, "/** The one instance, handed out by the builders' header method. */");
        out.line(2, "private static final " + type + " INSTANCE = new " + type + "();");
        for (Map.Entry<String, JsonNode> e : headers.properties()) {
            header(e.getKey(), e.getValue());
        }
        out.line(1, "}");
    }

    private void header(String header, JsonNode metadata) {
        out.blank();
        out.javadoc(2, DocText.optionDoc(metadata, "The option is a: " + DocText.typeCode(metadata) + " type.")
                       + "\n\n@return the name of the header {@code " + header + "}.");
        if (metadata.path("deprecated").asBoolean()) {
            out.line(2, "@Deprecated");
        }
        out.line(2, "public String " + Names.headerMethod(header) + "() {");
        out.line(3, "return \"" + header.replace("\\", "\\\\").replace("\"", "\\\"") + "\";");
        out.line(2, "}");
    }
}

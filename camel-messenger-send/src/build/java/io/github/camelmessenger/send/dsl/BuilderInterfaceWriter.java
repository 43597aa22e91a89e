package io.github.camelmessenger.send.dsl;

import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One builder interface of a factory: its switch to the advanced or basic builder, and the setters of its options,
 * each documented with the option's description, type, default and group.
 */
final class BuilderInterfaceWriter {

    private final JavaSourceBuilder out;
    private final List<JsonNode> options;

    /** {@code options} are all the endpoint options of the component; each interface picks its own. */
    BuilderInterfaceWriter(JavaSourceBuilder out, List<JsonNode> options) {
        this.out = out;
        this.options = options;
    }

    /**
     * Writes the interface {@code type}, with setters returning it.
     *
     * @param advanced the advanced builder that {@code advanced()} returns, or null for none
     * @param basic    the basic builder that {@code basic()} returns, or null for none
     * @param belongs  which of the options get setters here
     */
    void write(String type, List<String> supertypes, String doc, String advanced, String basic,
            Predicate<JsonNode> belongs) {
        out.blank();
        out.javadoc(1, doc);
        out.line(1, "public interface " + type + " extends " + String.join(", ", supertypes) + " {");
        if (advanced != null) {
            switchMethod(advanced, "advanced");
        }
        if (basic != null) {
            switchMethod(basic, "basic");
        }
        for (JsonNode option : options) {
            if (belongs.test(option)) {
                if (option.path("multiValue").asBoolean()) {
                    multiValueOption(type, option);
                } else {
                    option(type, option);
                }
            }
        }
        out.line(1, "}");
    }

    private void switchMethod(String targetType, String method) {
        out.blank();
        out.line(2, "default " + targetType + " " + method + "() {");
        out.line(3, "return (" + targetType + ") this;");
        out.line(2, "}");
    }

    /** A setter of the option's type and, unless that is String, one taking a String to convert. */
    private void option(String type, JsonNode option) {
        String name = Names.name(option);
        String javaType = Names.javaType(option);
        String typeCode = DocText.typeCode(option);
        String body = "doSetProperty(\"" + name + "\", " + name + ");";
        String param = "\n\n@param " + name + " the value to set";
        setter(type, option, name + "(" + javaType + " " + name + ")", body,
                DocText.optionDoc(option, "The option is a: " + typeCode + " type.") + param);
        if (!"String".equals(javaType)) {
            setter(type, option, name + "(String " + name + ")", body,
                    DocText.optionDoc(option, "The option will be converted to a " + typeCode + " type.") + param);
        }
    }

    /** Setters of one value and of a map of them and, where it is a name of its own, one named by the URI prefix. */
    private void multiValueOption(String type, JsonNode option) {
        String name = Names.name(option);
        String prefix = option.path("prefix").asText();
        String doc = DocText.optionDoc(option, "The option is a: " + DocText.typeCode(option) + " type.\nThe option "
                                               + "is multivalued, and you can use the " + name + "(String, Object) "
                                               + "method to add a value (call the method multiple times to set more "
                                               + "values).");
        String keyValueParams = "\n\n@param key the option key\n@param value the option value";
        String addOne = "doSetMultiValueProperty(\"" + name + "\", \"" + prefix + "\" + key, value);";
        setter(type, option, name + "(String key, Object value)", addOne, doc + keyValueParams);
        setter(type, option, name + "(java.util.Map<String, Object> values)",
                "doSetMultiValueProperties(\"" + name + "\", \"" + prefix + "\", values);",
                doc + "\n\n@param values the values");
        // the URI parameter's own name, such as pageToken(pageId, token) for pageToken.<pageId>
        String alias = prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
        if (!alias.equals(name) && alias.matches("[a-z][A-Za-z0-9]*")) {
            String aliasDoc = DocText.optionDoc(option, "Sets one value of the multivalued option " + name
                                                        + ": the URI parameter " + prefix + "&lt;key&gt;.");
            setter(type, option, alias + "(String key, Object value)", addOne, aliasDoc + keyValueParams);
        }
    }

    private void setter(String type, JsonNode option, String signature, String body, String doc) {
        out.blank();
        out.javadoc(2, doc + "\n@return the dsl builder");
        if (option.path("deprecated").asBoolean()) {
            out.line(2, "@Deprecated");
        }
        out.line(2, "default " + type + " " + signature + " {");
        out.line(3, body);
        out.line(3, "return this;");
        out.line(2, "}");
    }
}

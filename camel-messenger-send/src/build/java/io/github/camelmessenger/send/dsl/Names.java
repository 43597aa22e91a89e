package io.github.camelmessenger.send.dsl;

import com.fasterxml.jackson.databind.JsonNode;

/** Names and labels of the metadata, and the Java names made from them. */
final class Names {

    private Names() {
    }

    static String name(JsonNode option) {
        return option.path("name").asText();
    }

    static String label(JsonNode option) {
        return option.path("label").asText();
    }

    static boolean isAdvanced(JsonNode option) {
        return label(option).contains("advanced");
    }

    /** Neither a consumer nor a producer option, so in the builders of both. */
    static boolean isCommon(JsonNode option) {
        return !label(option).contains("consumer") && !label(option).contains("producer");
    }

    /** The Java type of a setter parameter: java.lang types by simple name, nested types with dots. */
    static String javaType(JsonNode option) {
        return option.path("javaType").asText().replace('$', '.').replaceAll("\\bjava\\.lang\\.(?=[A-Z])", "");
    }

    /** The name the builders start with: the component class's simple name without {@code Component}. */
    static String componentName(String componentJavaType) {
        String simple = componentJavaType.substring(componentJavaType.lastIndexOf('.') + 1);
        return simple.endsWith("Component") ? simple.substring(0, simple.length() - "Component".length()) : simple;
    }

    /** Letters and digits in lower camel case, the other characters dropped as word breaks: fake-poll is fakePoll. */
    static String camelCase(String scheme) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : scheme.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = name.length() > 0;
            }
        }
        name.setCharAt(0, Character.toLowerCase(name.charAt(0)));
        return name.toString();
    }

    /** CamelMessengerPageId is messengerPageId(); a name that cannot start a method is prefixed with header. */
    static String headerMethod(String header) {
        String name = header.startsWith("Camel") && header.length() > 5 ? header.substring(5) : header;
        name = camelCase(name);
        return Character.isJavaIdentifierStart(name.charAt(0)) ? name : "header" + name;
    }
}

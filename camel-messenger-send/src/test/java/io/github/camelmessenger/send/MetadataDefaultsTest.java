package io.github.camelmessenger.send;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.util.TimeUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the component JSON (read by Kaoto, Karavan and IDE plugins) says of each option's default is what a freshly
 * built component and endpoint really have: every {@code defaultValue} equals the getter's value, and an option
 * without one really starts unset (null, false or 0).
 */
class MetadataDefaultsTest {

    /** What is left where the javadoc step removed a placeholder: "pageToken.=", "pageToken. entries", "a  b", "()". */
    private static final Pattern MANGLED = Pattern.compile("\\.=|[A-Za-z]\\. [a-z]|\\w {2}\\w|\\(\\)");

    private static final String COMPONENT_JSON = "META-INF/io/github/camelmessenger/send/messenger-send.json";

    private CamelContext context;
    private JsonNode metadata;

    @BeforeEach
    void start() throws Exception {
        context = new DefaultCamelContext();
        context.start();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(COMPONENT_JSON)) {
            metadata = new ObjectMapper().readTree(in);
        }
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void componentDefaultsAreTheComponentsRealDefaults() {
        MessengerSendComponent component = new MessengerSendComponent();
        component.setCamelContext(context);

        List<String> mismatches = mismatches(metadata.path("componentProperties"), component,
                new MessengerSendComponentConfigurer());

        assertThat(mismatches).isEmpty();
    }

    @Test
    void endpointDefaultsAreAFreshEndpointsRealDefaults() {
        MessengerSendEndpoint endpoint = context.getEndpoint("messenger-send:1122334455", MessengerSendEndpoint.class);

        List<String> mismatches = mismatches(metadata.path("properties"), endpoint,
                new MessengerSendEndpointConfigurer());

        assertThat(mismatches).isEmpty();
    }

    @Test
    void noOptionIsRequiredThatAnotherCanStandInFor() {
        // a pageToken.* map or a tokenProvider stands in for accessToken; the producer's start check enforces one
        assertThat(metadata.path("properties").path("accessToken").path("required").asBoolean()).isFalse();
        assertThat(metadata.path("componentProperties").path("accessToken").path("required").asBoolean()).isFalse();
        assertThat(metadata.path("properties").path("accessToken").path("description").asText())
                .contains("pageToken.").contains("tokenProvider");
    }

    @Test
    void descriptionsSurviveTheJavadocToJsonStep() {
        // the metadata generator drops <...> and * from descriptions: examples must be written without them
        assertThat(metadata.path("properties").path("pageTokens").path("description").asText())
                .contains("pageToken.1122334455=");
        List<String> mangled = new ArrayList<>();
        for (String section : List.of("componentProperties", "properties", "headers")) {
            metadata.path(section).properties().forEach(option -> {
                String description = option.getValue().path("description").asText();
                if (MANGLED.matcher(description).find()) {
                    mangled.add(section + "." + option.getKey() + ": " + description);
                }
            });
        }
        assertThat(mangled).isEmpty();
    }

    @Test
    void anImpliedDefaultIsDescribedNotDeclared() {
        // the messaging type follows from the tag and the body when unset, so the catalog declares no single default
        JsonNode messagingType = metadata.path("properties").path("messagingType");
        assertThat(messagingType.has("defaultValue")).isFalse();
        assertThat(messagingType.path("description").asText()).contains("MESSAGE_TAG").contains("UTILITY")
                .contains("RESPONSE");
    }

    private static List<String> mismatches(JsonNode options, Object target, PropertyConfigurerGetter getter) {
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, JsonNode> option : options.properties()) {
            String name = option.getKey();
            JsonNode spec = option.getValue();
            if ("path".equals(spec.path("kind").asText()) || "configuration".equals(name)) {
                continue;
            }
            Object actual = getter.getOptionValue(target, name, false);
            JsonNode declared = spec.get("defaultValue");
            boolean matches = declared == null ? isUnset(actual) : sameValue(declared, actual, spec);
            if (!matches) {
                mismatches.add(name + ": the metadata says " + (declared == null ? "no default" : declared)
                        + ", a fresh instance has " + actual);
            }
        }
        return mismatches;
    }

    private static boolean isUnset(Object value) {
        return value == null || Boolean.FALSE.equals(value)
                || value instanceof Number n && new BigDecimal(n.toString()).signum() == 0;
    }

    private static boolean sameValue(JsonNode declared, Object actual, JsonNode spec) {
        if (actual == null) {
            return false;
        }
        String text = declared.asText();
        if ("duration".equals(spec.path("type").asText())) {
            return TimeUtils.toMilliSeconds(text) == ((Number) actual).longValue();
        }
        if (actual instanceof Number number) {
            return new BigDecimal(text).compareTo(new BigDecimal(number.toString())) == 0;
        }
        return text.equals(actual.toString());
    }
}

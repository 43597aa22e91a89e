package io.github.camelmessenger.send.springboot;

import java.io.InputStream;
import java.net.URL;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.util.StringHelper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's properties are the component's options from the Camel catalog, kebab-cased, with the same defaults,
 * plus the few that belong to the starter itself. An option added to the component without its property here (or
 * the other way round) fails this test.
 */
class StarterCatalogTest {

    private static final String PREFIX = "camel.component.messenger-send.";
    private static final String CATALOG = "META-INF/io/github/camelmessenger/send/messenger-send.json";

    /**
     * Starter-only: {@code enabled} and {@code customizer.enabled} switch the auto-configuration and its customizer
     * (camel-spring-boot's own switches, as in every Camel starter); {@code health-check-enabled} is the starter's
     * earlier name for {@code health-check-producer-enabled}, kept working.
     */
    private static final Set<String> STARTER_ONLY = Set.of("enabled", "customizer.enabled", "health-check-enabled");

    /** The component's nested options object is not a property of its own: its options are listed one by one. */
    private static final Set<String> NOT_A_PROPERTY = Set.of("configuration");

    @Test
    void propertiesAreTheCatalogsComponentOptionsAndTheStartersOwn() throws Exception {
        assertPropertiesAreTheCatalogsOptions(CATALOG, PREFIX, STARTER_ONLY);
    }

    @Test
    void defaultsAreTheCatalogsDefaults() throws Exception {
        assertDefaultsAreTheCatalogsDefaults(CATALOG, PREFIX);
    }

    /** The properties under {@code prefix} are the catalog's component options plus {@code starterOnly}. */
    static void assertPropertiesAreTheCatalogsOptions(String catalogResource, String prefix, Set<String> starterOnly)
            throws Exception {
        Map<String, JsonNode> catalog = catalogOptions(catalogResource);
        Map<String, JsonNode> starter = starterProperties(prefix);

        Set<String> expected = new TreeSet<>(catalog.keySet());
        expected.addAll(starterOnly);
        assertThat(new TreeSet<>(starter.keySet())).isEqualTo(expected);
    }

    /** Each property under {@code prefix} has the default of its catalog option, and none where the option has none. */
    static void assertDefaultsAreTheCatalogsDefaults(String catalogResource, String prefix) throws Exception {
        Map<String, JsonNode> starter = starterProperties(prefix);
        for (Map.Entry<String, JsonNode> option : catalogOptions(catalogResource).entrySet()) {
            JsonNode spec = option.getValue();
            JsonNode property = starter.get(option.getKey());
            if (!spec.has("defaultValue")) {
                assertThat(property.has("defaultValue")).as("%s has no default in the catalog", option.getKey())
                        .isFalse();
                continue;
            }
            assertThat(property.has("defaultValue")).as("default of %s", option.getKey()).isTrue();
            String catalogDefault = spec.get("defaultValue").asText();
            String starterDefault = property.get("defaultValue").asText();
            if ("duration".equals(spec.path("type").asText())) {
                // the catalog has milliseconds; the starter a Spring Boot duration such as 10s
                Duration parsed = DurationStyle.detectAndParse(starterDefault, ChronoUnit.MILLIS);
                assertThat(parsed.toMillis()).as("default of %s", option.getKey())
                        .isEqualTo(Long.parseLong(catalogDefault));
            } else if ("number".equals(spec.path("type").asText())) {
                assertThat(Double.parseDouble(starterDefault)).as("default of %s", option.getKey())
                        .isEqualTo(Double.parseDouble(catalogDefault));
            } else {
                assertThat(starterDefault).as("default of %s", option.getKey()).isEqualTo(catalogDefault);
            }
        }
    }

    @Test
    void thePropertiesClassStartsFromTheComponentsDefaults() {
        MessengerSendComponentConfiguration properties = new MessengerSendComponentConfiguration();
        io.github.camelmessenger.send.MessengerSendComponent component =
                new io.github.camelmessenger.send.MessengerSendComponent();
        io.github.camelmessenger.send.MessengerSendConfiguration configuration = component.getConfiguration();

        assertThat(properties.getApiVersion()).isEqualTo(configuration.getApiVersion());
        assertThat(properties.getBaseUri()).isEqualTo(configuration.getBaseUri());
        assertThat(properties.isValidate()).isEqualTo(configuration.isValidate());
        assertThat(properties.getPlatform()).isEqualTo(configuration.getPlatform());
        assertThat(properties.getRateLimit()).isEqualTo(configuration.getRateLimit());
        assertThat(properties.getRateLimitBackoff().toMillis()).isEqualTo(configuration.getRateLimitBackoff());
        assertThat(properties.getConnectTimeout().toMillis()).isEqualTo(configuration.getConnectTimeout());
        assertThat(properties.getRequestTimeout().toMillis()).isEqualTo(configuration.getRequestTimeout());
        assertThat(properties.getMessagingType()).isEqualTo(configuration.getMessagingType());
        assertThat(properties.isLazyStartProducer()).isEqualTo(component.isLazyStartProducer());
        assertThat(properties.isAutowiredEnabled()).isEqualTo(component.isAutowiredEnabled());
        assertThat(properties.isHealthCheckProducerEnabled()).isEqualTo(component.isHealthCheckProducerEnabled());
        assertThat(properties.getHealthCheckCacheTime().toMillis()).isEqualTo(component.getHealthCheckCacheTime());
        assertThat(properties.getHealthCheckEnabled()).isNull();
    }

    /** The catalog's component options by their property name (kebab-case). */
    private static Map<String, JsonNode> catalogOptions(String catalogResource) throws Exception {
        JsonNode catalog;
        try (InputStream in = StarterCatalogTest.class.getClassLoader().getResourceAsStream(catalogResource)) {
            assertThat(in).as(catalogResource + " on the classpath").isNotNull();
            catalog = new ObjectMapper().readTree(in);
        }
        Map<String, JsonNode> options = new TreeMap<>();
        catalog.path("componentProperties").properties().forEach(e -> {
            if (!NOT_A_PROPERTY.contains(e.getKey())) {
                options.put(StringHelper.camelCaseToDash(e.getKey()), e.getValue());
            }
        });
        assertThat(options).isNotEmpty();
        return options;
    }

    /** The properties under {@code prefix} of the generated Spring configuration metadata. */
    private static Map<String, JsonNode> starterProperties(String prefix) throws Exception {
        Map<String, JsonNode> properties = new TreeMap<>();
        for (URL url : Collections.list(StarterCatalogTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                new ObjectMapper().readTree(in).path("properties").forEach(p -> {
                    String name = p.path("name").asText();
                    if (name.startsWith(prefix)) {
                        properties.put(name.substring(prefix.length()), p);
                    }
                });
            }
        }
        assertThat(properties).isNotEmpty();
        return properties;
    }
}

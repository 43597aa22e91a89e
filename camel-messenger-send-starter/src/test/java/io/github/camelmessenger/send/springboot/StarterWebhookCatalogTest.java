package io.github.camelmessenger.send.springboot;

import java.util.Set;

import io.github.camelmessenger.send.MessengerWebhookComponent;
import io.github.camelmessenger.send.MessengerWebhookConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The camel.component.messenger-webhook.* properties are the webhook component's options from the Camel catalog,
 * kebab-cased, with the same defaults, plus the starter's two switches.
 */
class StarterWebhookCatalogTest {

    private static final String PREFIX = "camel.component.messenger-webhook.";
    private static final String CATALOG = "META-INF/io/github/camelmessenger/send/messenger-webhook.json";

    /** Starter-only: the auto-configuration's and its customizer's switches, as in every Camel starter. */
    private static final Set<String> STARTER_ONLY = Set.of("enabled", "customizer.enabled");

    @Test
    void propertiesAreTheCatalogsComponentOptionsAndTheStartersOwn() throws Exception {
        StarterCatalogTest.assertPropertiesAreTheCatalogsOptions(CATALOG, PREFIX, STARTER_ONLY);
    }

    @Test
    void defaultsAreTheCatalogsDefaults() throws Exception {
        StarterCatalogTest.assertDefaultsAreTheCatalogsDefaults(CATALOG, PREFIX);
    }

    @Test
    void thePropertiesClassStartsFromTheComponentsDefaults() {
        MessengerWebhookComponentConfiguration properties = new MessengerWebhookComponentConfiguration();
        MessengerWebhookComponent component = new MessengerWebhookComponent();
        MessengerWebhookConfiguration configuration = component.getConfiguration();

        assertThat(properties.getVerifyToken()).isEqualTo(configuration.getVerifyToken()).isNull();
        assertThat(properties.getAppSecret()).isEqualTo(configuration.getAppSecret()).isNull();
        assertThat(properties.isSignatureCheck()).isEqualTo(configuration.isSignatureCheck());
        assertThat(properties.getEvents()).isEqualTo(configuration.getEvents());
        assertThat(properties.getIdempotentRepository()).isEqualTo(configuration.getIdempotentRepository()).isNull();
        assertThat(properties.getMaxBodySize()).isEqualTo(configuration.getMaxBodySize());
        assertThat(properties.isBridgeErrorHandler()).isEqualTo(component.isBridgeErrorHandler());
        assertThat(properties.isAutowiredEnabled()).isEqualTo(component.isAutowiredEnabled());
    }
}

package io.github.camelmessenger.send.springboot;

import java.util.Locale;
import java.util.Set;

import io.github.camelmessenger.send.MessengerWebhookComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Applies the {@code camel.component.messenger-webhook.*} properties to the webhook component through Camel's
 * {@link ComponentCustomizer} mechanism and the component's generated configurer.
 * {@code camel.component.messenger-webhook.enabled=false} (or {@code camel.component.enabled=false}) switches it all
 * off; {@code camel.component.messenger-webhook.customizer.enabled=false} keeps the properties from the component.
 * The endpoints serve on the application's platform-http server (camel-platform-http-starter on Spring Boot).
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.messenger-webhook" })
@EnableConfigurationProperties(MessengerWebhookComponentConfiguration.class)
public class MessengerWebhookComponentAutoConfiguration {

    static final String PREFIX = "camel.component.messenger-webhook";

    // property names with separators removed, lower case
    private static final Set<String> SECRET_KEYS = Set.of("verifytoken", "appsecret");

    @Bean
    public ComponentCustomizer messengerWebhookComponentCustomizer(CamelContext camelContext,
                                                                   ApplicationContext applicationContext,
                                                                   MessengerWebhookComponentConfiguration properties) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(camelContext, properties, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return target instanceof MessengerWebhookComponent && HierarchicalPropertiesEvaluator.evaluate(
                        applicationContext, "camel.component.customizer", PREFIX + ".customizer");
            }
        };
    }

    /** Binds {@code idempotent-repository} from a bean name ({@code #bean:myRepository}). */
    @Bean
    @ConfigurationPropertiesBinding
    public static MessengerWebhookBeanReferences messengerWebhookBeanReferences(
                                                                                ApplicationContext applicationContext) {
        return new MessengerWebhookBeanReferences(applicationContext);
    }

    /** Masks the verify token and the app secret in actuator's configprops and env, whatever show-values says. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SanitizingFunction.class)
    static class SecretsSanitizing {

        @Bean
        public SanitizingFunction messengerWebhookSecretsSanitizer() {
            return data -> isSecret(data) ? data.withValue(SanitizableData.SANITIZED_VALUE) : data;
        }

        // matches camel.component.messenger-webhook.verify-token in env and configprops, in any relaxed-binding form
        // (CAMEL_COMPONENT_MESSENGERWEBHOOK_VERIFYTOKEN, verifyToken in the bean's own listing, ...)
        private static boolean isSecret(SanitizableData data) {
            String key = data.getKey().replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
            return SECRET_KEYS.stream()
                    .anyMatch(secret -> key.equals(secret) || key.contains("messengerwebhook" + secret));
        }
    }
}

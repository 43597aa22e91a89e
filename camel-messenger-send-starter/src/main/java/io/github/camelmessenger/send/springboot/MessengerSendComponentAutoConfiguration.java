package io.github.camelmessenger.send.springboot;

import java.util.Locale;
import java.util.Set;

import io.github.camelmessenger.send.MessengerSendComponent;
import io.github.camelmessenger.send.MessengerSendConfiguration;
import io.github.camelmessenger.send.MessengerSendTokenHealthCheck;
import io.github.camelmessenger.send.MessengerTokenProvider;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Applies the {@code camel.component.messenger-send.*} properties to the component through Camel's
 * {@link ComponentCustomizer} mechanism, so Camel's own binding (endpoint options, other customizers) still works
 * alongside. {@code camel.component.messenger-send.enabled=false} switches it all off.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@ConditionalOnProperty(prefix = "camel.component.messenger-send", name = "enabled", havingValue = "true",
                       matchIfMissing = true)
@EnableConfigurationProperties(MessengerSendComponentConfiguration.class)
public class MessengerSendComponentAutoConfiguration {

    // property names with separators removed, lower case
    private static final Set<String> SECRET_KEYS = Set.of("accesstoken", "appsecret", "pagetokens");

    @Bean
    public ComponentCustomizer messengerSendComponentCustomizer(MessengerSendComponentConfiguration properties,
            ObjectProvider<MessengerTokenProvider> tokenProvider) {
        return ComponentCustomizer.builder(MessengerSendComponent.class)
                .build(component -> {
                    apply(properties, component);
                    // a single MessengerTokenProvider bean in the application supplies the tokens per Page
                    tokenProvider.ifUnique(component.getConfiguration()::setTokenProvider);
                });
    }

    /** Only what is set: the component keeps its own defaults for the rest. */
    static void apply(MessengerSendComponentConfiguration properties, MessengerSendComponent component) {
        MessengerSendConfiguration target = component.getConfiguration();
        if (properties.getAccessToken() != null) {
            target.setAccessToken(properties.getAccessToken());
        }
        if (properties.getPageTokens() != null) {
            target.setPageTokens(new java.util.HashMap<>(properties.getPageTokens()));
        }
        if (properties.getAppSecret() != null) {
            target.setAppSecret(properties.getAppSecret());
        }
        if (properties.getMessagingType() != null) {
            target.setMessagingType(properties.getMessagingType());
        }
        if (properties.getNotificationType() != null) {
            target.setNotificationType(properties.getNotificationType());
        }
        if (properties.getTag() != null) {
            target.setTag(properties.getTag());
        }
        target.setApiVersion(properties.getApiVersion());
        target.setBaseUri(properties.getBaseUri());
        target.setValidate(properties.isValidate());
        target.setPlatform(properties.getPlatform());
        target.setRateLimit(properties.getRateLimit());
        target.setRateLimitBackoff(properties.getRateLimitBackoff().toMillis());
        target.setConnectTimeout(properties.getConnectTimeout().toMillis());
        target.setRequestTimeout(properties.getRequestTimeout().toMillis());
        component.setLazyStartProducer(properties.isLazyStartProducer());
        component.setAutowiredEnabled(properties.isAutowiredEnabled());
    }

    @Bean
    @ConditionalOnProperty(prefix = "camel.component.messenger-send", name = "health-check-enabled",
                           havingValue = "true")
    public MessengerSendTokenHealthCheck messengerSendTokenHealthCheck(MessengerSendComponentConfiguration properties) {
        return new MessengerSendTokenHealthCheck(properties.getHealthCheckCacheTime());
    }

    /** Adds the token check to Camel's health check registry, from which actuator's Camel health reads. */
    @Bean
    @ConditionalOnProperty(prefix = "camel.component.messenger-send", name = "health-check-enabled",
                           havingValue = "true")
    public CamelContextConfiguration messengerSendHealthCheckRegistration(MessengerSendTokenHealthCheck check) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camelContext) {
                check.setCamelContext(camelContext);
                HealthCheckRegistry registry = HealthCheckRegistry.get(camelContext);
                if (registry != null) {
                    registry.register(check);
                }
            }

            @Override
            public void afterApplicationStart(CamelContext camelContext) {
                // registered before start
            }
        };
    }

    /** Masks the token and the secret in actuator's configprops and env, whatever show-values says. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SanitizingFunction.class)
    static class SecretsSanitizing {

        @Bean
        public SanitizingFunction messengerSendSecretsSanitizer() {
            return data -> isSecret(data) ? data.withValue(SanitizableData.SANITIZED_VALUE) : data;
        }

        // matches camel.component.messenger-send.access-token in env and configprops, in any relaxed-binding form
        // (CAMEL_COMPONENT_MESSENGERSEND_ACCESSTOKEN, accessToken in the bean's own listing, ...)
        private static boolean isSecret(SanitizableData data) {
            String key = data.getKey().replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
            return SECRET_KEYS.stream().anyMatch(secret -> key.equals(secret) || key.contains("messengersend" + secret));
        }
    }
}

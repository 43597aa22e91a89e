package io.github.camelmessenger.send.springboot;

import java.util.Locale;
import java.util.Set;

import io.github.camelmessenger.send.MessengerSendComponent;
import io.github.camelmessenger.send.MessengerTokenProvider;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
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
 * Applies the {@code camel.component.messenger-send.*} properties to the component through Camel's
 * {@link ComponentCustomizer} mechanism and the component's generated configurer, so Camel's own binding (endpoint
 * options, other customizers) still works alongside. {@code camel.component.messenger-send.enabled=false} (or
 * {@code camel.component.enabled=false}) switches it all off;
 * {@code camel.component.messenger-send.customizer.enabled=false} keeps the properties from the component.
 * <p>
 * The token health check is the component's own producer health check: Camel registers it per producer when
 * {@code camel.health.producers-enabled=true}; {@code health-check-enabled} is the starter's name for the component's
 * {@code healthCheckProducerEnabled}.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.messenger-send" })
@EnableConfigurationProperties(MessengerSendComponentConfiguration.class)
public class MessengerSendComponentAutoConfiguration {

    static final String PREFIX = "camel.component.messenger-send";

    private static final Logger LOG = LoggerFactory.getLogger(MessengerSendComponentAutoConfiguration.class);

    // property names with separators removed, lower case
    private static final Set<String> SECRET_KEYS = Set.of("accesstoken", "appsecret", "pagetokens");

    @Bean
    public ComponentCustomizer messengerSendComponentCustomizer(CamelContext camelContext,
                                                                ApplicationContext applicationContext,
                                                                MessengerSendComponentConfiguration properties,
                                                                ObjectProvider<MessengerTokenProvider> tokenProvider) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(camelContext, properties, target);
                MessengerSendComponent component = (MessengerSendComponent) target;
                if (properties.getHealthCheckEnabled() != null) {
                    component.setHealthCheckProducerEnabled(properties.getHealthCheckEnabled());
                    warnWhenProducerChecksAreOff(properties.getHealthCheckEnabled(), applicationContext);
                }
                if (component.getConfiguration().getTokenProvider() == null) {
                    // a single MessengerTokenProvider bean in the application supplies the tokens per Page
                    tokenProvider.ifUnique(component.getConfiguration()::setTokenProvider);
                }
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return target instanceof MessengerSendComponent && HierarchicalPropertiesEvaluator.evaluate(
                        applicationContext, "camel.component.customizer", PREFIX + ".customizer");
            }
        };
    }

    /** The token check is a producer check now: asking for it without Camel's producer checks would get nothing. */
    private static void warnWhenProducerChecksAreOff(boolean asked, ApplicationContext applicationContext) {
        boolean producerChecks = applicationContext.getEnvironment()
                .getProperty("camel.health.producers-enabled", Boolean.class, false);
        if (asked && !producerChecks) {
            LOG.warn("{}.health-check-enabled=true has no effect while camel.health.producers-enabled is false: the "
                    + "token check is one of Camel's producer health checks", PREFIX);
        }
    }

    /** Binds {@code token-provider} and {@code error-classifier} from a bean name ({@code #bean:myProvider}). */
    @Bean
    @ConfigurationPropertiesBinding
    public static MessengerSendBeanReferences messengerSendBeanReferences(ApplicationContext applicationContext) {
        return new MessengerSendBeanReferences(applicationContext);
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
            return SECRET_KEYS.stream()
                    .anyMatch(secret -> key.equals(secret) || key.contains("messengersend" + secret));
        }
    }
}

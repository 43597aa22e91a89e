package io.github.camelmessenger.send.springboot;

import io.github.camelmessenger.send.MessengerTokenProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.converter.Converter;

/**
 * Turns a {@code camel.component.messenger-send.token-provider} value, the name of a bean ({@code myProvider} or
 * {@code #bean:myProvider}), into that {@link MessengerTokenProvider} bean.
 */
public class MessengerTokenProviderReference implements Converter<String, MessengerTokenProvider> {

    private final ApplicationContext applicationContext;

    public MessengerTokenProviderReference(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public MessengerTokenProvider convert(String reference) {
        String name = reference.trim();
        if (name.startsWith("#bean:")) {
            name = name.substring("#bean:".length());
        } else if (name.startsWith("#")) {
            name = name.substring(1);
        }
        return applicationContext.getBean(name, MessengerTokenProvider.class);
    }
}

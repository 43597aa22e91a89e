package io.github.camelmessenger.send.springboot;

import java.util.Set;

import io.github.camelmessenger.send.MessengerTokenProvider;
import io.github.camelmessenger.send.error.MessengerErrorClassifier;
import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Binds the bean-typed properties ({@code token-provider}, {@code error-classifier}) from the name of a bean
 * ({@code myProvider}, {@code #myProvider} or {@code #bean:myProvider}), as Camel's own starters do.
 */
public class MessengerSendBeanReferences implements GenericConverter {

    private static final Set<Class<?>> BEAN_TYPES = Set.of(MessengerTokenProvider.class,
            MessengerErrorClassifier.class);

    private final ApplicationContext applicationContext;

    public MessengerSendBeanReferences(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return Set.of(new ConvertiblePair(String.class, MessengerTokenProvider.class),
                new ConvertiblePair(String.class, MessengerErrorClassifier.class));
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null || !BEAN_TYPES.contains(targetType.getType())) {
            return null;
        }
        String name = source.toString().trim();
        if (name.startsWith("#bean:")) {
            name = name.substring("#bean:".length());
        } else if (name.startsWith("#")) {
            name = name.substring(1);
        }
        return applicationContext.getBean(name, targetType.getType());
    }
}

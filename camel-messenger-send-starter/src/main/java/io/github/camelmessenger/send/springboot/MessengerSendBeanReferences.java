package io.github.camelmessenger.send.springboot;

import java.util.Set;
import java.util.stream.Collectors;

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

    private final ApplicationContext applicationContext;
    private final Set<Class<?>> beanTypes;

    public MessengerSendBeanReferences(ApplicationContext applicationContext) {
        this(applicationContext, Set.of(MessengerTokenProvider.class, MessengerErrorClassifier.class));
    }

    /** Binds properties of the given types from bean names. */
    protected MessengerSendBeanReferences(ApplicationContext applicationContext, Set<Class<?>> beanTypes) {
        this.applicationContext = applicationContext;
        this.beanTypes = Set.copyOf(beanTypes);
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return beanTypes.stream().map(type -> new ConvertiblePair(String.class, type))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null || !beanTypes.contains(targetType.getType())) {
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

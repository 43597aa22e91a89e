package io.github.camelmessenger.send.springboot;

import java.util.Set;

import org.apache.camel.spi.IdempotentRepository;
import org.springframework.context.ApplicationContext;

/**
 * Binds the webhook's bean-typed property ({@code idempotent-repository}) from the name of a bean
 * ({@code myRepository}, {@code #myRepository} or {@code #bean:myRepository}), as Camel's own starters do.
 */
public class MessengerWebhookBeanReferences extends MessengerSendBeanReferences {

    public MessengerWebhookBeanReferences(ApplicationContext applicationContext) {
        super(applicationContext, Set.of(IdempotentRepository.class));
    }
}

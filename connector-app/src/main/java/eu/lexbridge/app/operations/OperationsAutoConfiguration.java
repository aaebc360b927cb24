package eu.lexbridge.app.operations;

import eu.lexbridge.app.core.CoreAutoConfiguration;
import eu.lexbridge.app.messaging.MessagingAutoConfiguration;
import eu.lexbridge.app.persistence.PersistenceAutoConfiguration;
import eu.lexbridge.core.flow.PartnerHolds;
import eu.lexbridge.core.flow.Resend;
import eu.lexbridge.core.port.MessageStore;
import eu.lexbridge.core.transport.Partner;
import eu.lexbridge.directory.partner.SharedPartners;
import eu.lexbridge.messaging.DeadLetters;
import eu.lexbridge.messaging.QueueDepths;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;

/**
 * What operators see and do on the management port: the console, the message search, the queues; resend a failed
 * message, hold and release a partner, replay or discard a dead letter.
 */
@AutoConfiguration(after = {CoreAutoConfiguration.class, MessagingAutoConfiguration.class,
        PersistenceAutoConfiguration.class})
public class OperationsAutoConfiguration {

    @Bean
    @ConditionalOnAvailableEndpoint
    @ConditionalOnBean(Resend.class)
    ResendEndpoint resendEndpoint(Resend resend) {
        return new ResendEndpoint(resend);
    }

    @Bean
    @ConditionalOnAvailableEndpoint
    @ConditionalOnBean(DeadLetters.class)
    DeadLettersEndpoint deadLettersEndpoint(DeadLetters deadLetters) {
        return new DeadLettersEndpoint(deadLetters);
    }

    /** A partner is named by the directory in force; the messages name its party. */
    @Bean
    @ConditionalOnAvailableEndpoint
    MessagesEndpoint messagesEndpoint(MessageStore store, ObjectProvider<SharedPartners> partners) {
        return new MessagesEndpoint(store, name -> partners.stream().flatMap(p -> p.all().stream())
                .filter(partner -> partner.name().equals(name)).map(partner -> partner.party().partyId())
                .findFirst());
    }

    @Bean
    @ConditionalOnAvailableEndpoint
    @ConditionalOnBean(QueueDepths.class)
    QueuesEndpoint queuesEndpoint(QueueDepths depths) {
        return new QueuesEndpoint(depths);
    }

    @Bean
    @ConditionalOnAvailableEndpoint
    ConsoleEndpoint consoleEndpoint() {
        return new ConsoleEndpoint();
    }

    /** A partner is known when the directory in force names it (configured, or added at run time). */
    @Bean
    @ConditionalOnAvailableEndpoint
    @ConditionalOnBean(PartnerHolds.class)
    HoldsEndpoint holdsEndpoint(PartnerHolds holds, ObjectProvider<SharedPartners> partners) {
        return new HoldsEndpoint(holds, name -> partners.stream().flatMap(p -> p.all().stream())
                .map(Partner::name).anyMatch(name::equals));
    }
}

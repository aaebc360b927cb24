package eu.lexbridge.app.operations;

import eu.lexbridge.app.core.CoreAutoConfiguration;
import eu.lexbridge.core.flow.PartnerHolds;
import eu.lexbridge.core.flow.Resend;
import eu.lexbridge.core.transport.Partner;
import eu.lexbridge.directory.partner.SharedPartners;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;

/** What operators do to the traffic on the management port: resend a failed message, hold and release a partner. */
@AutoConfiguration(after = CoreAutoConfiguration.class)
public class OperationsAutoConfiguration {

    @Bean
    @ConditionalOnAvailableEndpoint
    @ConditionalOnBean(Resend.class)
    ResendEndpoint resendEndpoint(Resend resend) {
        return new ResendEndpoint(resend);
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

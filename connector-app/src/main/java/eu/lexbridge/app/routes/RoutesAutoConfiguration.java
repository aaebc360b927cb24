package eu.lexbridge.app.routes;

import eu.lexbridge.app.config.EvidenceProperties;
import eu.lexbridge.app.config.RouteProperties;
import eu.lexbridge.core.flow.BackendDelivery;
import eu.lexbridge.core.flow.Dispatch;
import eu.lexbridge.core.flow.EvidenceCorrelation;
import eu.lexbridge.core.flow.EvidenceForwarding;
import eu.lexbridge.core.flow.EvidenceTimeouts;
import eu.lexbridge.core.flow.InboundAcceptance;
import eu.lexbridge.core.flow.OutboundPreparation;
import eu.lexbridge.core.flow.SendRetries;
import eu.lexbridge.core.flow.StalledWork;
import eu.lexbridge.core.port.MessageStore;
import eu.lexbridge.routes.BackOff;
import eu.lexbridge.routes.BackendDeliveryRoute;
import eu.lexbridge.routes.EvidenceForwardingRoute;
import eu.lexbridge.routes.EvidenceRoute;
import eu.lexbridge.routes.EvidenceTimeoutRoute;
import eu.lexbridge.routes.GatewayDispatchRoute;
import eu.lexbridge.routes.InboundBusinessRoute;
import eu.lexbridge.routes.InboundReceiveRoute;
import eu.lexbridge.routes.OutboundPrepareRoute;
import eu.lexbridge.routes.RouteSettings;
import eu.lexbridge.routes.StalledWorkRoute;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The Camel routes; Camel's Spring Boot starter picks up every RouteBuilder bean. */
@AutoConfiguration
@EnableConfigurationProperties({RouteProperties.class, EvidenceProperties.class})
public class RoutesAutoConfiguration {

    @Bean
    RouteSettings routeSettings(RouteProperties routes) {
        return new RouteSettings("jms", routes.concurrentConsumers(), routes.sweepInterval(),
                routes.maxPrepareAttempts(), routes.evidenceRelayInterval(),
                new BackOff(routes.backendFirstRetryDelay(), routes.backendMaxRetryDelay()));
    }

    @Bean
    OutboundPrepareRoute outboundPrepareRoute(RouteSettings settings, OutboundPreparation preparation) {
        return new OutboundPrepareRoute(settings, preparation);
    }

    @Bean
    GatewayDispatchRoute gatewayDispatchRoute(RouteSettings settings, Dispatch dispatch, SendRetries retries) {
        return new GatewayDispatchRoute(settings, dispatch, retries);
    }

    @Bean
    InboundReceiveRoute inboundReceiveRoute(RouteSettings settings, MessageStore store) {
        return new InboundReceiveRoute(settings, store);
    }

    @Bean
    InboundBusinessRoute inboundBusinessRoute(RouteSettings settings, InboundAcceptance acceptance) {
        return new InboundBusinessRoute(settings, acceptance);
    }

    @Bean
    BackendDeliveryRoute backendDeliveryRoute(RouteSettings settings, BackendDelivery delivery) {
        return new BackendDeliveryRoute(settings, delivery);
    }

    @Bean
    EvidenceForwardingRoute evidenceForwardingRoute(RouteSettings settings, EvidenceForwarding forwarding) {
        return new EvidenceForwardingRoute(settings, forwarding);
    }

    @Bean
    EvidenceRoute evidenceRoute(RouteSettings settings, EvidenceCorrelation correlation) {
        return new EvidenceRoute(settings, correlation);
    }

    @Bean
    StalledWorkRoute stalledWorkRoute(RouteSettings settings, StalledWork stalledWork) {
        return new StalledWorkRoute(settings, stalledWork);
    }

    @Bean
    EvidenceTimeoutRoute evidenceTimeoutRoute(EvidenceProperties evidence, EvidenceTimeouts timeouts) {
        return new EvidenceTimeoutRoute(evidence.checkInterval(), timeouts);
    }
}

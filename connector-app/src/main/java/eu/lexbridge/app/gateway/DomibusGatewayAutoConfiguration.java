package eu.lexbridge.app.gateway;

import eu.lexbridge.app.RepeatingTask;
import eu.lexbridge.app.config.ConnectorProperties;
import eu.lexbridge.app.config.DomibusProperties;
import eu.lexbridge.app.config.GatewayProperties;
import eu.lexbridge.core.port.GatewayLink;
import eu.lexbridge.core.port.GatewayOutcomes;
import eu.lexbridge.core.port.PayloadStore;
import eu.lexbridge.core.port.SecurityEvents;
import eu.lexbridge.core.port.TransmissionReceiver;
import eu.lexbridge.gateway.domibus.DomibusGateway;
import eu.lexbridge.gateway.domibus.DomibusProbe;
import eu.lexbridge.gateway.domibus.DomibusSettings;
import eu.lexbridge.gateway.domibus.MessageErrors;
import eu.lexbridge.gateway.domibus.PendingMessagePoller;
import eu.lexbridge.gateway.domibus.PushCredentials;
import eu.lexbridge.gateway.domibus.PushEndpoint;
import eu.lexbridge.gateway.domibus.PushedNotifications;
import eu.lexbridge.trust.keys.KeyStores;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Domibus as the access point ({@code lexbridge.gateway.kind: domibus}): messages are submitted to its WS plugin and
 * answered PENDING; Domibus pushes received messages and send reports to {@code lexbridge.gateway.domibus.push-path}
 * under CXF's servlet; what a push missed is fetched every {@code pull-interval}. The embedded access point is off then
 * ({@link As4GatewayAutoConfiguration}).
 */
@AutoConfiguration(afterName = "org.apache.cxf.spring.boot.autoconfigure.CxfAutoConfiguration")
@EnableConfigurationProperties(GatewayProperties.class)
public class DomibusGatewayAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "lexbridge.gateway", name = "kind", havingValue = "domibus")
    @EnableConfigurationProperties({ConnectorProperties.class, DomibusProperties.class})
    static class Domibus {

        @Bean
        @ConditionalOnMissingBean
        DomibusSettings domibusSettings(DomibusProperties domibus) {
            return new DomibusSettings(domibus.url(), domibus.username(),
                    domibus.password() == null ? null : new String(domibus.password()),
                    domibus.trustStore() == null ? null
                            : KeyStores.loadPkcs12(domibus.trustStore(), domibus.trustStorePassword()),
                    domibus.connectTimeout(), domibus.receiveTimeout());
        }

        @Bean
        @ConditionalOnMissingBean(GatewayLink.class)
        GatewayLink domibusGateway(DomibusSettings settings, PayloadStore payloads) {
            return new DomibusGateway(settings, payloads);
        }

        /**
         * {@code domibus}: whether Domibus answers the plugin user ({@link DomibusHealth}); the same answer as the gauge
         * {@code lexbridge.gateway.reachable{kind=domibus}} (1 or 0), which Prometheus alerts on.
         */
        @Bean
        HealthIndicator domibusHealthIndicator(DomibusSettings settings, ObjectProvider<Clock> clock,
                                               ObjectProvider<MeterRegistry> meters) {
            DomibusHealth health = new DomibusHealth(new DomibusProbe(settings), clock.getIfAvailable(Clock::systemUTC));
            meters.ifAvailable(registry -> Gauge.builder(DomibusHealth.REACHABLE, health, DomibusHealth::reachable)
                    .tag("kind", "domibus")
                    .description("Whether the access point answers the connector: 1 yes, 0 no (the health's answer)")
                    .register(registry));
            return health;
        }

        @Bean
        @ConditionalOnMissingBean
        PushedNotifications domibusPushedNotifications(TransmissionReceiver receiver, GatewayOutcomes outcomes,
                                                       DomibusSettings settings) {
            return new PushedNotifications(receiver, outcomes, new MessageErrors(settings));
        }

        @Bean
        EndpointImpl domibusPushEndpoint(Bus bus, PushedNotifications notifications, DomibusProperties domibus,
                                         SecurityEvents security, ConnectorProperties connector) {
            return PushEndpoint.publish(bus, domibus.pushPath(), notifications,
                    new PushCredentials(domibus.pushUsername(), new String(domibus.pushPassword())), security,
                    connector.payloadLimits().maxContainerBytes(), spool(connector));
        }

        @Bean(initMethod = "start", destroyMethod = "stop")
        RepeatingTask domibusPull(DomibusSettings settings, TransmissionReceiver receiver, DomibusProperties domibus,
                                  ConnectorProperties connector) {
            PendingMessagePoller poller = new PendingMessagePoller(settings, receiver, domibus.pullBatch(),
                    connector.payloadLimits().maxContainerBytes(), spool(connector));
            return new RepeatingTask("domibus-pull", domibus.pullInterval(), poller::pollOnce);
        }

        private static Path spool(ConnectorProperties connector) {
            return connector.dataDirectory().resolve("domibus");
        }
    }
}

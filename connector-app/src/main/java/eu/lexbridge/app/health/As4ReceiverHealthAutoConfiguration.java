package eu.lexbridge.app.health;

import eu.lexbridge.app.config.As4Properties;
import eu.lexbridge.gateway.as4.As4Settings;
import java.net.InetAddress;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.boot.web.server.Ssl;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * The health component {@code as4Receiver}: the connector's own AS4 endpoint answers over loopback (TLS when the
 * server serves it). Part of readiness: a replica whose receiver does not answer must not get partners' messages.
 * With no embedded access point (the Domibus gateway) there is nothing of ours to ask and it is UP.
 */
@AutoConfiguration(afterName = "eu.lexbridge.app.gateway.As4GatewayAutoConfiguration")
public class As4ReceiverHealthAutoConfiguration {

    /** The public server's port once it listens (the management server has a namespace of its own). */
    static final class PublicPort implements ApplicationListener<WebServerInitializedEvent> {
        private final AtomicInteger port = new AtomicInteger(-1);

        @Override
        public void onApplicationEvent(WebServerInitializedEvent event) {
            if (event.getApplicationContext().getServerNamespace() == null) {
                port.set(event.getWebServer().getPort());
            }
        }

        int port() {
            return port.get();
        }
    }

    @Bean
    PublicPort as4ReceiverPort() {
        return new PublicPort();
    }

    @Bean
    HealthIndicator as4ReceiverHealthIndicator(ObjectProvider<As4Settings> as4, ObjectProvider<As4Properties> properties,
                                               ObjectProvider<ServerProperties> server, PublicPort port,
                                               ObjectProvider<Clock> clock) {
        As4Properties settings = properties.getIfAvailable();
        if (as4.getIfAvailable() == null || settings == null) {
            return () -> Health.up().withDetail("receiver", "none embedded: messages arrive through Domibus").build();
        }
        ServerProperties web = server.getIfAvailable();
        InetAddress address = web != null && web.getAddress() != null && !web.getAddress().isAnyLocalAddress()
                ? web.getAddress() : InetAddress.getLoopbackAddress();
        boolean tls = web != null && web.getSsl() != null && web.getSsl().isEnabled();
        boolean need = tls && web.getSsl().getClientAuth() == Ssl.ClientAuth.NEED;
        return new As4ReceiverCheck(address, port::port, settings.path(), tls, need,
                clock.getIfAvailable(Clock::systemUTC));
    }
}

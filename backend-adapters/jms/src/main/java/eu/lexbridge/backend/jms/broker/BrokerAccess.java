package eu.lexbridge.backend.jms.broker;

import eu.lexbridge.backend.jms.BackendQueues;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptorFactory;
import org.apache.activemq.artemis.core.security.Role;

/**
 * Opens the embedded broker to the JMS back-ends: their durable queues, security on, the rights of each back-end's
 * role on its own four queues, and the TLS acceptor they connect to. Who is who is {@link BrokerGate}'s part.
 *
 * @param backends the back-ends on the broker
 * @param acceptor the network acceptor, or {@code null} for none (in-process only)
 */
public record BrokerAccess(List<String> backends, Acceptor acceptor) {

    public BrokerAccess {
        backends = List.copyOf(backends);
    }

    /**
     * The TLS acceptor (Artemis core protocol only).
     *
     * @param trustStore the CAs of back-end certificates; {@code null}: no client certificate is asked for
     */
    public record Acceptor(String host, int port, Path keyStore, String keyStorePassword, String keyStoreType,
                           Path trustStore, String trustStorePassword) {
    }

    public void applyTo(Configuration broker) {
        broker.setSecurityEnabled(true);
        // No caches: a cached login is keyed by user and password only, so an in-VM login (full rights) could be
        // handed to a network client that sent the same (empty) credentials.
        broker.setAuthenticationCacheSize(0);
        broker.setAuthorizationCacheSize(0);
        broker.putSecurityRoles("#", Set.of(allRights(BrokerGate.CONNECTOR_ROLE)));
        for (String backend : backends) {
            BackendQueues queues = new BackendQueues(backend);
            for (String queue : queues.all()) {
                broker.addAddressConfiguration(new CoreAddressConfiguration().setName(queue)
                        .addRoutingType(RoutingType.ANYCAST)
                        .addQueueConfiguration(QueueConfiguration.of(queue).setRoutingType(RoutingType.ANYCAST)
                                .setDurable(true)));
            }
            String role = BrokerGate.roleOf(backend);
            broker.putSecurityRoles(queues.submit(), Set.of(sendOnly(role)));
            broker.putSecurityRoles(queues.confirm(), Set.of(sendOnly(role)));
            broker.putSecurityRoles(queues.deliver(), Set.of(consumeOnly(role)));
            broker.putSecurityRoles(queues.reply(), Set.of(consumeOnly(role)));
        }
        if (acceptor != null) {
            broker.addAcceptorConfiguration(new TransportConfiguration(NettyAcceptorFactory.class.getName(),
                    acceptorParams(acceptor), "lexbridge-backends"));
        }
    }

    private static Map<String, Object> acceptorParams(Acceptor acceptor) {
        Map<String, Object> params = new HashMap<>();
        params.put("host", acceptor.host());
        params.put("port", acceptor.port());
        params.put("protocols", "CORE");
        params.put("sslEnabled", true);
        params.put("keyStorePath", acceptor.keyStore().toAbsolutePath().toString());
        params.put("keyStorePassword", acceptor.keyStorePassword());
        params.put("keyStoreType", acceptor.keyStoreType());
        if (acceptor.trustStore() != null) {
            params.put("trustStorePath", acceptor.trustStore().toAbsolutePath().toString());
            params.put("trustStorePassword", acceptor.trustStorePassword());
            params.put("wantClientAuth", true);
        }
        return params;
    }

    // Role(name, send, consume, createDurableQueue, deleteDurableQueue, createNonDurableQueue, deleteNonDurableQueue,
    //      manage, browse, createAddress, deleteAddress, view, edit)
    private static Role allRights(String role) {
        return new Role(role, true, true, true, true, true, true, true, true, true, true, true, true);
    }

    private static Role sendOnly(String role) {
        return new Role(role, true, false, false, false, false, false, false, false, false, false, false, false);
    }

    private static Role consumeOnly(String role) {
        return new Role(role, false, true, false, false, false, false, false, false, false, false, false, false);
    }
}

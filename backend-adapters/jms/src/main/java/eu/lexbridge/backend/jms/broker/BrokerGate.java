package eu.lexbridge.backend.jms.broker;

import eu.lexbridge.core.log.LogSafe;
import eu.lexbridge.core.port.BackendCertificates;
import eu.lexbridge.core.port.BackendSecrets;
import eu.lexbridge.core.port.SecurityEvents;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.Subject;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnection;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager5;
import org.apache.activemq.artemis.spi.core.security.jaas.RolePrincipal;
import org.apache.activemq.artemis.spi.core.security.jaas.UserPrincipal;
import org.apache.activemq.artemis.utils.CertificateUtil;

/**
 * Who may log in to the embedded broker, and what each may do. The connector's own in-VM connections (reachable from
 * inside this process only) keep every right; over the network only a back-end logs in, as the user named after it,
 * with its password (only its SHA-256 is configured) or its certificate ({@link BackendCertificates}), and gets the
 * rights the address settings give its role ({@link BrokerAccess}): send to its {@code .submit} and {@code .confirm},
 * consume from its {@code .deliver} and {@code .reply}. Anything else is refused by the broker.
 */
public final class BrokerGate implements ActiveMQSecurityManager5 {

    /** The connector's role: every right on every address. */
    static final String CONNECTOR_ROLE = "lexbridge-connector";

    private final Map<String, String> passwordSha256ByBackend;
    private final BackendSecrets passwords;
    private final BackendCertificates certificates;
    private final SecurityEvents security;

    /**
     * @param passwordSha256ByBackend every back-end allowed on the broker, with the hex SHA-256 of its password, or
     *     {@code ""} for certificate-only
     */
    public BrokerGate(Map<String, String> passwordSha256ByBackend, BackendCertificates certificates,
                      SecurityEvents security) {
        this.passwordSha256ByBackend = Map.copyOf(passwordSha256ByBackend);
        this.passwords = BackendSecrets.ofSha256Hex(passwordSha256ByBackend);
        this.certificates = certificates;
        this.security = security;
    }

    /** The role of {@code backend}'s user, named in the address settings of its queues. */
    static String roleOf(String backend) {
        return "lexbridge-backend:" + backend;
    }

    @Override
    public Subject authenticate(String user, String password, RemotingConnection connection, String securityDomain) {
        if (connection != null && connection.getTransportConnection() instanceof InVMConnection) {
            return subject("lexbridge-connector", CONNECTOR_ROLE);
        }
        Optional<String> byCertificate = certificateOwner(connection);
        if (byCertificate.isPresent() && (user == null || user.equals(byCertificate.get()))) {
            return subject(byCertificate.get(), roleOf(byCertificate.get()));
        }
        if (passwords.check(user, password).isPresent()) {
            return subject(user, roleOf(user));
        }
        security.record(SecurityEvents.Kind.BACKEND_ACCESS_REFUSED, "JMS broker login refused for user '"
                + LogSafe.of(user) + "' from " + (connection == null ? "?" : connection.getRemoteAddress()));
        return null;
    }

    @Override
    public boolean authorize(Subject subject, Set<Role> roles, CheckType checkType, String address) {
        if (subject == null) {
            return false;
        }
        Set<RolePrincipal> held = subject.getPrincipals(RolePrincipal.class);
        if (held.stream().anyMatch(r -> CONNECTOR_ROLE.equals(r.getName()))) {
            return true;
        }
        boolean allowed = roles != null && roles.stream().anyMatch(role -> checkType.hasRole(role)
                && held.stream().anyMatch(r -> r.getName().equals(role.getName())));
        if (!allowed) {
            String user = subject.getPrincipals(UserPrincipal.class).stream().map(UserPrincipal::getName)
                    .findFirst().orElse("?");
            security.record(SecurityEvents.Kind.BACKEND_ACCESS_REFUSED, "JMS back-end '" + user + "' may not "
                    + checkType + " on " + address);
        }
        return allowed;
    }

    @Override
    public String getUserFromSubject(Subject subject) {
        return subject == null ? null : subject.getPrincipals(UserPrincipal.class).stream()
                .map(UserPrincipal::getName).findFirst().orElse(null);
    }

    /** The older entry points: Artemis calls the two above on an {@link ActiveMQSecurityManager5}. */
    @Override
    public boolean validateUser(String user, String password) {
        return false;
    }

    @Override
    public boolean validateUserAndRole(String user, String password, Set<Role> roles, CheckType checkType) {
        return false;
    }

    private Optional<String> certificateOwner(RemotingConnection connection) {
        X509Certificate[] chain = connection == null ? null : CertificateUtil.getCertsFromConnection(connection);
        if (chain == null || chain.length == 0) {
            return Optional.empty();
        }
        return certificates.backendOf(chain[0]).filter(passwordSha256ByBackend::containsKey);
    }

    private static Subject subject(String user, String role) {
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(user));
        subject.getPrincipals().add(new RolePrincipal(role));
        return subject;
    }
}

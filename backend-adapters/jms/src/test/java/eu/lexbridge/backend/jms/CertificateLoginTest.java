package eu.lexbridge.backend.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import java.util.UUID;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;

/**
 * A back-end may log in to the broker with its certificate ({@code lexbridge.backend-identity}, the same identity as on
 * the SOAP and REST APIs) instead of a password; it then has its own queues' rights and no others.
 */
class CertificateLoginTest extends JmsTestSupport {

    private static final String COURT_C = "court-c";

    private static ActiveMQConnectionFactory withCertificate() {
        return new ActiveMQConnectionFactory("tcp://127.0.0.1:" + ACCEPTOR_PORT + "?sslEnabled=true"
                + "&trustStorePath=src/test/resources/client-trust.p12&trustStorePassword=client-trust-store"
                + "&trustStoreType=PKCS12&verifyHost=true&reconnectAttempts=0"
                + "&keyStorePath=src/test/resources/court-c.p12&keyStorePassword=court-c-test-store"
                + "&keyStoreType=PKCS12");
    }

    @Test
    void aBackEndLogsInWithItsCertificateAndSubmitsOnItsOwnQueue() throws Exception {
        try (Connection c = withCertificate().createConnection()) {
            c.start();
            String requestId = submit(c, new BackendQueues(COURT_C).submit(), metadata("case-c"),
                    zip("businessContent/form.xml", XML, null));

            Message reply = reply(c, COURT_C, requestId);
            assertThat(reply.getStringProperty("outcome")).isEqualTo("ACCEPTED");
            assertThat(store.find(UUID.fromString(reply.getStringProperty("messageId"))).orElseThrow().backendName())
                    .isEqualTo(COURT_C);
        }
    }

    @Test
    void aCertificateGivesItsOwnBackEndsRightsOnly() throws Exception {
        try (Connection c = withCertificate().createConnection()) {
            c.start();
            try (Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
                assertThatThrownBy(() -> session.createConsumer(
                        session.createQueue(new BackendQueues(COURT_A).deliver())))
                        .isInstanceOf(JMSSecurityException.class);
            }
        }
    }

    @Test
    void aCertificateDoesNotLogInAsAnotherBackEnd() {
        assertThatThrownBy(() -> {
            try (Connection c = withCertificate().createConnection(COURT_A, null)) {
                c.start();
            }
        }).isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void aBackEndWithoutAPasswordCannotLogInWithoutItsCertificate() {
        assertThatThrownBy(() -> connect(COURT_C, "")).isInstanceOf(JMSException.class);
        assertThatThrownBy(() -> connect(COURT_C, null)).isInstanceOf(JMSException.class);
    }
}

package eu.lexbridge.backend.jms;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.flow.BackendInbox;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.port.BackendLink;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

/** A broker that cannot be reached is {@code Unreachable}, never an exception: the delivery step is tried again. */
class UnreachableBrokerTest extends JmsTestSupport {

    @Autowired BackendInbox inbox;

    @Test
    void aMessageOrEvidenceThatCannotBePutIsUnreachableAndLeavesNoSpoolFile(@TempDir Path spool) throws Exception {
        UUID id = receive("urn:authority:court-a", XML, "%PDF".getBytes(StandardCharsets.US_ASCII));
        ConnectorMessage message = store.find(id).orElseThrow();
        inbox.confirm(COURT_A, id, eu.lexbridge.core.evidence.BackendConfirmation.DELIVERY, null);
        Evidence evidence = store.findEvidence(id, EvidenceType.DELIVERY, EvidenceOrigin.ISSUED).orElseThrow();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var nowhere = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + closedPort + "?reconnectAttempts=0"
                + "&initialConnectAttempts=1&callTimeout=2000");
        QueueDelivery link = new QueueDelivery(new BackendQueues(COURT_A), new JmsTemplate(nowhere), inbox, spool);

        assertThat(link.deliver(message)).isInstanceOf(BackendLink.Unreachable.class);
        assertThat(link.notify(message, evidence)).isInstanceOf(BackendLink.Unreachable.class);
        try (var files = Files.list(spool)) {
            assertThat(files).isEmpty();
        }
    }
}

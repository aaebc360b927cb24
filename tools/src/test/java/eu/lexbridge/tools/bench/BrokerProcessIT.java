package eu.lexbridge.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.lexbridge.core.port.Hop;
import eu.lexbridge.messaging.QueueSettings;
import eu.lexbridge.tools.BrokerSettingsCommand;
import eu.lexbridge.tools.demo.DemoNetwork;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueRequestor;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.ActiveMQJMSClient;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.utils.VersionLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker of {@code bench crash} is the Artemis distribution as an operator sets it up: login required, and the
 * address settings in force, read back through the broker's management, are the ones {@code broker-settings} prints
 * for the connectors' configuration, the same the embedded broker gets; a message that keeps failing ends in the
 * dead-letter queue that {@code bench crash} browses.
 */
class BrokerProcessIT {

    @TempDir
    Path dir;

    @Test
    void theDistributionRunsWithTheQueueSettingsOfTheConnectorsConfiguration() throws Exception {
        Path jar = Paths.get(System.getProperty("lexbridge.jar", "target/lexbridge.jar")).toAbsolutePath();
        // values of our own, not the defaults: they must have come from these arguments
        QueueSettings queues = BrokerSettingsCommand.queueSettings(List.of("--lexbridge.routes.first-retry-delay=3s",
                "--lexbridge.routes.max-retry-delay=7s", "--lexbridge.routes.max-prepare-attempts=9",
                "--lexbridge.routes.backend-max-attempts=2"));
        int port = DemoNetwork.freePort();
        String url = "tcp://127.0.0.1:" + port;
        try (BrokerProcess broker = BrokerProcess.create(BrokerProcess.defaultHome(jar), dir, List.of(port),
                "secret-1", queues, Duration.ofSeconds(120))) {
            broker.start(Duration.ofSeconds(120));

            assertThat(Files.readString(dir.resolve(port + ".log")))
                    .contains("Apache ActiveMQ Artemis " + VersionLoader.getVersion().getFullVersion());
            try (var anonymous = new ActiveMQConnectionFactory(url)) {
                assertThatThrownBy(() -> anonymous.createConnection().close())
                        .isInstanceOf(JMSSecurityException.class);
            }
            try (var factory = new ActiveMQConnectionFactory(url, BrokerProcess.USER, "secret-1");
                 QueueConnection connection = factory.createQueueConnection();
                 QueueSession session = connection.createQueueSession(false, Session.AUTO_ACKNOWLEDGE)) {
                connection.start();
                QueueRequestor management = new QueueRequestor(session,
                        ActiveMQJMSClient.createQueue("activemq.management"));
                JsonNode prepare = settings(management, session, Hop.OUTBOUND_SUBMITTED.queue());
                assertThat(prepare.path("maxDeliveryAttempts").asInt()).isEqualTo(queues.maxDeliveryAttempts())
                        .isEqualTo(13);
                assertThat(prepare.path("redeliveryDelay").asLong()).isEqualTo(3000);
                assertThat(prepare.path("maxRedeliveryDelay").asLong()).isEqualTo(7000);
                assertThat(prepare.path("deadLetterAddress").asText()).isEqualTo("DLQ");
                assertThat(prepare.path("deadLetterQueuePrefix").asText()).isEqualTo("DLQ.");
                JsonNode send = settings(management, session, Hop.OUTBOUND_DISPATCH.queue());
                assertThat(send.path("maxDeliveryAttempts").asInt()).isEqualTo(queues.sendMaxDeliveryAttempts());
                assertThat(send.path("redeliveryDelay").asLong()).isEqualTo(3000);
                JsonNode backend = settings(management, session, Hop.BACKEND_DELIVERY.queue());
                assertThat(backend.path("maxDeliveryAttempts").asInt()).isEqualTo(2);
                assertThat(backend.path("redeliveryDelay").asLong()).isZero();

                // a message that fails twice there is in its dead-letter queue, where bench crash looks for it
                Queue delivery = session.createQueue(Hop.BACKEND_DELIVERY.queue());
                try (QueueSession transacted = connection.createQueueSession(true, Session.SESSION_TRANSACTED);
                     var consumer = transacted.createConsumer(delivery)) {
                    session.createProducer(delivery).send(session.createTextMessage("m-1"));
                    for (int attempt = 1; attempt <= 2; attempt++) {
                        assertThat(consumer.receive(10_000)).as("delivery " + attempt).isNotNull();
                        transacted.rollback();
                    }
                }
                // the broker moves it on its own after the rollback: looked for until it is there
                List<String> dead = List.of();
                for (int look = 0; look < 50 && dead.isEmpty(); look++) {
                    Thread.sleep(look == 0 ? 0 : 200);
                    dead = browse(session, "DLQ::DLQ." + Hop.BACKEND_DELIVERY.queue());
                }
                assertThat(dead).containsExactly("m-1");
                // the catch-all dead-letter queue on the same address takes others' dead letters only: no copy
                assertThat(browse(session, "DLQ::DLQ")).isEmpty();
            }
        }
    }

    private static List<String> browse(QueueSession session, String queue) throws Exception {
        try (QueueBrowser browser = session.createBrowser(session.createQueue(queue))) {
            List<String> texts = new ArrayList<>();
            for (Object m : Collections.list(browser.getEnumeration())) {
                texts.add(((TextMessage) m).getText());
            }
            return texts;
        }
    }

    /** The address settings the broker applies to {@code address}, as its management reports them. */
    private static JsonNode settings(QueueRequestor management, QueueSession session, String address)
            throws Exception {
        Message request = session.createMessage();
        JMSManagementHelper.putOperationInvocation(request, ResourceNames.BROKER, "getAddressSettingsAsJSON", address);
        Message reply = management.request(request);
        assertThat(JMSManagementHelper.hasOperationSucceeded(reply)).as(address).isTrue();
        return new ObjectMapper().readTree((String) JMSManagementHelper.getResult(reply, String.class));
    }
}

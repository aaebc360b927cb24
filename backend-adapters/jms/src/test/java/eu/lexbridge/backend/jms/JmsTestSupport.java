package eu.lexbridge.backend.jms;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.core.testkit.InMemoryConnector;
import eu.lexbridge.core.testkit.InMemoryMessageStore;
import eu.lexbridge.core.testkit.InMemoryPayloadStore;
import eu.lexbridge.core.testkit.RecordingMessageBus;
import eu.lexbridge.core.testkit.SampleMessages;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The connector with its embedded broker, the real core flows on in-memory ports, and back-ends as Artemis JMS clients
 * over the broker's TLS acceptor on loopback, each logged in as its own broker user; each test starts from empty
 * stores.
 */
@SpringBootTest(classes = TestConnector.class)
abstract class JmsTestSupport {

    static final String COURT_A = "court-a";
    static final String COURT_A_PASSWORD = "court-a-jms-secret-0123";
    static final String COURT_B = "court-b";
    static final String COURT_B_PASSWORD = "court-b-jms-secret-9876";
    static final byte[] XML = "<?xml version=\"1.0\"?><EPOForm xmlns=\"urn:test\"><Case>4711</Case></EPOForm>"
            .getBytes(StandardCharsets.UTF_8);
    static final long WAIT_MILLIS = 10_000;
    static final int ACCEPTOR_PORT = freePort();

    @Autowired InMemoryConnector connector;
    @Autowired InMemoryMessageStore store;
    @Autowired InMemoryPayloadStore payloads;
    @Autowired RecordingMessageBus bus;

    private final List<Connection> connections = new java.util.ArrayList<>();

    @DynamicPropertySource
    static void acceptorPort(DynamicPropertyRegistry registry) {
        registry.add("lexbridge.jms.acceptor.port", () -> ACCEPTOR_PORT);
    }

    @BeforeEach
    void emptyStores() {
        store.clear();
        payloads.clear();
        bus.clear();
    }

    @AfterEach
    void closeConnections() throws JMSException {
        for (Connection connection : connections) {
            connection.close();
        }
        connections.clear();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- a back-end, as an Artemis JMS client over TLS, trusting the broker's certificate

    /** The broker's TLS acceptor, as a back-end's URL names it, trusting the broker's certificate. */
    static String brokerUrl() {
        return "tcp://127.0.0.1:" + ACCEPTOR_PORT + "?sslEnabled=true"
                + "&trustStorePath=src/test/resources/client-trust.p12&trustStorePassword=client-trust-store"
                + "&trustStoreType=PKCS12&verifyHost=true&reconnectAttempts=0";
    }

    static ActiveMQConnectionFactory overTls() {
        return new ActiveMQConnectionFactory(brokerUrl());
    }

    Connection connect(String user, String password) throws JMSException {
        Connection connection = overTls().createConnection(user, password);
        connections.add(connection);
        connection.start();
        return connection;
    }

    /** Sends a submission to the back-end's own {@code .submit} queue; returns its JMSMessageID. */
    static String submit(Connection connection, String queue, Map<String, String> metadata, byte[] body)
            throws JMSException {
        try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
             MessageProducer producer = session.createProducer(session.createQueue(queue))) {
            BytesMessage message = session.createBytesMessage();
            for (Map.Entry<String, String> property : metadata.entrySet()) {
                message.setStringProperty(property.getKey(), property.getValue());
            }
            message.writeBytes(body);
            producer.send(message);
            return message.getJMSMessageID();
        }
    }

    /**
     * The message on {@code queue} whose {@code property} is {@code value}, its body read while the session is open;
     * {@code null} after the wait.
     */
    static Received await(Connection connection, String queue, String property, String value) throws JMSException {
        try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
             MessageConsumer consumer = session.createConsumer(session.createQueue(queue),
                     property + " = '" + value.replace("'", "''") + "'")) {
            Message message = consumer.receive(WAIT_MILLIS);
            if (message == null) {
                return null;
            }
            byte[] body = null;
            if (message instanceof BytesMessage bytes) {
                body = new byte[(int) bytes.getBodyLength()];
                bytes.readBytes(body);
            }
            return new Received(message, body);
        }
    }

    /** The reply correlated to the request {@code correlationId}. */
    static Message reply(Connection connection, String backend, String correlationId) throws JMSException {
        Received reply = await(connection, new BackendQueues(backend).reply(), "JMSCorrelationID", correlationId);
        assertThat(reply).as("a reply correlated to " + correlationId).isNotNull();
        return reply.message();
    }

    /** A received message and its bytes body ({@code null} for another kind of message). */
    record Received(Message message, byte[] body) {
        String property(String name) throws JMSException {
            return message.getStringProperty(name);
        }
    }

    // ---- requests

    static Map<String, String> metadata(String backendMessageId) {
        Map<String, String> metadata = new LinkedHashMap<>();
        if (backendMessageId != null) {
            metadata.put("backendMessageId", backendMessageId);
        }
        metadata.put("service", SampleMessages.SERVICE.value());
        metadata.put("action", SampleMessages.ACTION);
        metadata.put("toPartyId", SampleMessages.GERMANY.partyId());
        metadata.put("originalSender", "urn:authority:at-prosecutor");
        metadata.put("finalRecipient", "urn:authority:de-court");
        return metadata;
    }

    /** A ZIP of entries: name, then bytes, then the MIME type (the entry comment) or {@code null}. */
    static byte[] zip(Object... entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < entries.length; i += 3) {
                ZipEntry entry = new ZipEntry((String) entries[i]);
                if (entries[i + 2] != null) {
                    entry.setComment((String) entries[i + 2]);
                }
                zip.putNextEntry(entry);
                zip.write((byte[]) entries[i + 1]);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The entries of a ZIP body, by name. */
    static Map<String, byte[]> unzip(byte[] body) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(body))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    // ---- inbound messages, brought in as the routes do

    /**
     * A message from Germany for {@code finalRecipient}, received, accepted and offered to its back-end (pushed onto
     * its {@code .deliver} queue); its container holds {@code businessDocument} (see {@link TestConnector}).
     */
    UUID receive(String finalRecipient, byte[] businessContent, byte[] businessDocument) {
        return connector.receive(finalRecipient, businessContent, businessDocument);
    }
}

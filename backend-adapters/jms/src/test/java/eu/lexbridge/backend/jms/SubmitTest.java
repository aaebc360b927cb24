package eu.lexbridge.backend.jms;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.core.authority.EcodexAddress;
import eu.lexbridge.core.authority.Lookup;
import eu.lexbridge.core.authority.RecipientQuery;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.testkit.SampleMessages;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A back-end submits on its {@code .submit} queue and reads the answer on its {@code .reply} queue. */
class SubmitTest extends JmsTestSupport {

    private static final String SUBMIT_A = new BackendQueues(COURT_A).submit();

    @Test
    void aSubmissionIsStoredWithItsPayloadsAndAcceptedWithTheConnectorMessageId() throws Exception {
        Connection a = connect(COURT_A, COURT_A_PASSWORD);
        byte[] pdf = "%PDF-1.7 order".getBytes(StandardCharsets.US_ASCII);
        byte[] annex = "annex text".getBytes(StandardCharsets.UTF_8);

        String requestId = submit(a, SUBMIT_A, metadata("case-4711"), zip(
                "businessContent/form.xml", XML, null,
                "businessDocument/order.pdf", pdf, "application/pdf",
                "attachments/annex.txt", annex, "text/plain"));

        Message reply = reply(a, COURT_A, requestId);
        assertThat(reply.getStringProperty("outcome")).isEqualTo("ACCEPTED");
        assertThat(reply.getStringProperty("backendMessageId")).isEqualTo("case-4711");
        ConnectorMessage stored = store.find(UUID.fromString(reply.getStringProperty("messageId"))).orElseThrow();
        assertThat(stored.backendName()).isEqualTo(COURT_A);
        assertThat(stored.backendMessageId()).isEqualTo("case-4711");
        assertThat(stored.state()).isEqualTo(MessageState.SUBMITTED);
        assertThat(reply.getStringProperty("ebmsMessageId")).isEqualTo(stored.ebmsMessageId());
        assertThat(reply.getStringProperty("conversationId")).isEqualTo(stored.conversationId());
        assertThat(payloads.bytes(stored.payload(PayloadKind.BUSINESS_CONTENT).orElseThrow().payloadId()))
                .isEqualTo(XML);
        PayloadRef document = stored.payload(PayloadKind.BUSINESS_DOCUMENT).orElseThrow();
        assertThat(document.name()).isEqualTo("order.pdf");
        assertThat(document.mimeType()).isEqualTo("application/pdf");
        assertThat(payloads.bytes(document.payloadId())).isEqualTo(pdf);
        PayloadRef attachment = stored.payload(PayloadKind.ATTACHMENT).orElseThrow();
        assertThat(attachment.name()).isEqualTo("annex.txt");
        assertThat(attachment.mimeType()).isEqualTo("text/plain");
        assertThat(payloads.bytes(attachment.payloadId())).isEqualTo(annex);
        assertThat(bus.published()).hasSize(1);
        assertSpoolEmpty();
    }

    @Test
    void aRecipientNamedByCompetenceGoesToTheAuthorityTheDirectoryFinds() throws Exception {
        RecipientQuery berlin = RecipientQuery.fromQueryString(
                "instrument=EIO&role=executing&country=DE&postalCode=10115");
        connector.authorities().register(berlin, new Lookup.Match("sta-berlin", "Staatsanwaltschaft Berlin",
                new EcodexAddress("urn:authority:sta-berlin", SampleMessages.GERMANY.partyId(),
                        SampleMessages.GERMANY.partyIdType()), "EIO executing; postal code 10115 in 10115-14199"));
        Connection a = connect(COURT_A, COURT_A_PASSWORD);
        Map<String, String> metadata = metadata("case-by-competence");
        metadata.remove("toPartyId");
        metadata.remove("finalRecipient");
        metadata.put("recipient", "instrument=EIO&role=executing&country=DE&postalCode=10115");

        String requestId = submit(a, SUBMIT_A, metadata, zip("businessContent/form.xml", XML, null));

        Message reply = reply(a, COURT_A, requestId);
        assertThat(reply.getStringProperty("outcome")).isEqualTo("ACCEPTED");
        ConnectorMessage stored = store.find(UUID.fromString(reply.getStringProperty("messageId"))).orElseThrow();
        assertThat(stored.finalRecipient()).isEqualTo("urn:authority:sta-berlin");
        assertThat(stored.to()).isEqualTo(SampleMessages.GERMANY);
    }

    @Test
    void aRecipientThatIsNoQueryIsAProblemNamingIt() throws Exception {
        Connection a = connect(COURT_A, COURT_A_PASSWORD);
        Map<String, String> metadata = metadata("case-bad-recipient");
        metadata.remove("toPartyId");
        metadata.remove("finalRecipient");
        metadata.put("recipient", "instrument=EIO&role=executing&postcode=10115");

        String requestId = submit(a, SUBMIT_A, metadata, zip("businessContent/form.xml", XML, null));

        assertProblem(reply(a, COURT_A, requestId), "LB-1002", "recipient");
        assertNothingStored();
    }

    @Test
    void theReplyCarriesTheCorrelationIdTheBackEndSet() throws Exception {
        Connection a = connect(COURT_A, COURT_A_PASSWORD);
        try (Session session = a.createSession(false, Session.AUTO_ACKNOWLEDGE);
             MessageProducer producer = session.createProducer(session.createQueue(SUBMIT_A))) {
            var message = session.createBytesMessage();
            metadata("case-corr").forEach((name, value) -> {
                try {
                    message.setStringProperty(name, value);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            message.writeBytes(zip("businessContent/form.xml", XML, null));
            message.setJMSCorrelationID("my-own-correlation-1");
            producer.send(message);
        }

        Message reply = reply(a, COURT_A, "my-own-correlation-1");
        assertThat(reply.getStringProperty("outcome")).isEqualTo("ACCEPTED");
    }

    @Test
    void aSubmissionWithoutBackendMessageIdIsAProblemAndNothingIsStored() throws Exception {
        Connection a = connect(COURT_A, COURT_A_PASSWORD);

        String requestId = submit(a, SUBMIT_A, metadata(null), zip("businessContent/form.xml", XML, null));

        assertProblem(reply(a, COURT_A, requestId), "LB-1001", "backendMessageId");
        assertNothingStored();
    }

    @Test
    void anUnknownServiceIsAProblemAndNothingIsStored() throws Exception {
        Connection a = connect(COURT_A, COURT_A_PASSWORD);
        Map<String, String> metadata = metadata("case-unknown-service");
        metadata.put("service", "NO_SUCH_SERVICE");

        String requestId = submit(a, SUBMIT_A, metadata, zip("businessContent/form.xml", XML, null,
                "attachments/annex.txt", "annex".getBytes(StandardCharsets.UTF_8), null));

        assertProblem(reply(a, COURT_A, requestId), "LB-1005", "service");
        assertNothingStored();
    }

    @Test
    void aBodyThatIsNoZipIsAProblem() throws Exception {
        Connection a = connect(COURT_A, COURT_A_PASSWORD);

        String requestId = submit(a, SUBMIT_A, metadata("case-not-zip"), XML);

        assertProblem(reply(a, COURT_A, requestId), "LB-1008", null);
        assertNothingStored();
    }

    @Test
    void aPartOutsideTheDocumentedFoldersIsAProblem() throws Exception {
        Connection a = connect(COURT_A, COURT_A_PASSWORD);

        String requestId = submit(a, SUBMIT_A, metadata("case-stray"), zip("businessContent/form.xml", XML, null,
                "secret/other.bin", new byte[] {1, 2}, null));

        assertProblem(reply(a, COURT_A, requestId), "LB-1002", "body");
        assertNothingStored();
    }

    @Test
    void aBodyOverTheLimitIsAProblemAndNothingIsStored() throws Exception {
        Connection a = connect(COURT_A, COURT_A_PASSWORD);
        byte[] large = new byte[100 * 1024]; // random, so that the ZIP stays above max-message-size (64KB)
        new java.util.Random(7).nextBytes(large);

        String requestId = submit(a, SUBMIT_A, metadata("case-large"), zip("businessContent/form.xml", XML, null,
                "attachments/large.bin", large, null));

        assertProblem(reply(a, COURT_A, requestId), "LB-1007", "body");
        assertNothingStored();
    }

    @Test
    void aRepeatedBackendMessageIdIsAProblemNamingIt() throws Exception {
        Connection a = connect(COURT_A, COURT_A_PASSWORD);
        byte[] body = zip("businessContent/form.xml", XML, null);
        assertThat(reply(a, COURT_A, submit(a, SUBMIT_A, metadata("case-twice"), body))
                .getStringProperty("outcome")).isEqualTo("ACCEPTED");

        Message second = reply(a, COURT_A, submit(a, SUBMIT_A, metadata("case-twice"), body));

        assertProblem(second, "LB-1006", "backendMessageId");
        assertThat(store.all()).hasSize(1);
    }

    static void assertProblem(Message reply, String code, String field) throws Exception {
        assertThat(reply.getStringProperty("outcome")).isEqualTo("PROBLEM");
        assertThat(reply.getStringProperty("code")).isEqualTo(code);
        assertThat(reply.getStringProperty("field")).isEqualTo(field);
        assertThat(reply.getStringProperty("detail")).isNotBlank();
        assertThat(((TextMessage) reply).getText()).isEqualTo(reply.getStringProperty("detail"));
        assertThat(reply.getStringProperty("messageId")).isNull();
    }

    private void assertNothingStored() throws Exception {
        assertThat(store.all()).isEmpty();
        assertThat(payloads.count()).isZero();
        assertThat(bus.published()).isEmpty();
        assertSpoolEmpty();
    }

    /** The spooled body is gone once the answer is sent (lexbridge.jms.spool-directory of the tests). */
    static void assertSpoolEmpty() throws Exception {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("target/jms-spool"))) {
            assertThat(files).isEmpty();
        }
    }
}

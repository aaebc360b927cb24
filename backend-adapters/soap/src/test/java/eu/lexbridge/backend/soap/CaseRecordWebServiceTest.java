package eu.lexbridge.backend.soap;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.backend.soap.service.SoapFaults;
import eu.lexbridge.backend.soap.wire.caserecord.ContentHashType;
import eu.lexbridge.backend.soap.wire.caserecord.GetTransmissionRecordDocumentResponse;
import eu.lexbridge.backend.soap.wire.caserecord.RecordIdType;
import eu.lexbridge.backend.soap.wire.caserecord.RecordTransmissionRequest;
import eu.lexbridge.backend.soap.wire.caserecord.TransmissionRecordType;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.record.TransmissionRecord;
import jakarta.xml.soap.DetailEntry;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.UUID;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Transmissions made outside the system, recorded over LexBridge's case-record web service (Reg (EU) 2023/1543
 * Art 19(6)) by the case-record module's real recording: kept with every field and sealed, found again by the back-end
 * that made them only; a bad record is refused with a Sender fault naming its field, and leaves nothing behind.
 */
class CaseRecordWebServiceTest extends SoapTestSupport {

    private static final String HASH = "ab".repeat(32);

    private String conversationId;
    private UUID messageId;
    private Instant transmittedAt;

    /** court-a's conversation: a message it submitted over SOAP. */
    @BeforeEach
    void aSubmittedMessage() {
        String backendMessageId = "case-record-" + UUID.randomUUID();
        backend(COURT_A).submitMessage(businessMessage(backendMessageId));
        ConnectorMessage submitted = store.findByBackendMessageId(COURT_A, backendMessageId).orElseThrow();
        conversationId = submitted.conversationId();
        messageId = submitted.connectorMessageId();
        transmittedAt = connector.clock().peek().minus(Duration.ofHours(2));
    }

    private RecordTransmissionRequest record(String backendRecordId) {
        RecordTransmissionRequest record = new RecordTransmissionRequest();
        record.setBackendRecordId(backendRecordId);
        record.setConversationId(conversationId);
        record.setRelatedMessageId(messageId.toString());
        record.setTransmittedAt(time(transmittedAt.toString()));
        record.setSender("AT/Staatsanwaltschaft Wien");
        record.setRecipient("DE/Example Hosting GmbH, Berlin");
        record.setFileName("production-2026-0042.zip");
        record.setFileSize(3_221_225_472L);
        record.setReason("data-size");
        record.setChannel("encrypted disk by courier");
        ContentHashType hash = new ContentHashType();
        hash.setAlgorithm("sha256");
        hash.setValue(HASH.toUpperCase());
        record.setContentHash(hash);
        record.setInstrument("E-EVIDENCE");
        record.setForm("EPOC data");
        record.setOperator("clerk 4711");
        return record;
    }

    @Test
    void aRecordMadeOverSoapIsKeptSealedAndFoundAgainWithItsDocument() throws Exception {
        String backendRecordId = "REC-" + UUID.randomUUID();

        TransmissionRecordType kept = caseRecord(COURT_A).recordTransmission(record(backendRecordId));

        UUID recordId = UUID.fromString(kept.getRecordId());
        TransmissionRecord stored = connector.transmissionRecords().find(recordId).orElseThrow();
        assertThat(stored.backendName()).isEqualTo(COURT_A);
        assertThat(kept.getBackendRecordId()).isEqualTo(backendRecordId);
        assertThat(kept.getConversationId()).isEqualTo(conversationId);
        assertThat(kept.getRelatedMessageId()).isEqualTo(messageId.toString());
        assertThat(kept.getTransmittedAt().toGregorianCalendar().toInstant()).isEqualTo(transmittedAt);
        assertThat(kept.getFileName()).isEqualTo("production-2026-0042.zip");
        assertThat(kept.getFileSize()).isEqualTo(3_221_225_472L);
        assertThat(kept.getReason()).isEqualTo("data-size");
        assertThat(kept.getReasonText()).contains("Art 19(5)");
        // the algorithm as the JDK names it, the digest in lower case
        assertThat(kept.getContentHash().getAlgorithm()).isEqualTo("SHA-256");
        assertThat(kept.getContentHash().getValue()).isEqualTo(HASH);
        assertThat(kept.getOperator()).isEqualTo("clerk 4711");
        assertThat(kept.getRecordedAt().toGregorianCalendar().toInstant()).isEqualTo(stored.recordedAt());
        assertThat(kept.getDocument().getSha256()).isEqualTo(stored.document().sha256());
        assertThat(kept.getDocument().getSize()).isEqualTo(stored.document().size());
        assertThat(kept.getDocument().getMimeType()).isEqualTo("application/xml");

        TransmissionRecordType found = caseRecord(COURT_A).getTransmissionRecord(id(kept.getRecordId()));
        assertThat(found).usingRecursiveComparison().isEqualTo(kept);

        GetTransmissionRecordDocumentResponse document = caseRecord(COURT_A)
                .getTransmissionRecordDocument(id(kept.getRecordId()));
        byte[] bytes = bytes(document.getDocument());
        assertThat(document.getRecordId()).isEqualTo(kept.getRecordId());
        assertThat(sha256(bytes)).isEqualTo(kept.getDocument().getSha256()).isEqualTo(document.getSha256());
        assertThat((long) bytes.length).isEqualTo(kept.getDocument().getSize());
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("<RecordId>" + recordId + "</RecordId>",
                "<Reason code=\"data-size\">", "<RecordedBy>court-a</RecordedBy>");
    }

    @Test
    void theHttpBasicFallbackRecordsForItsBackEndToo() {
        TransmissionRecordType kept = basicCaseRecord(COURT_A, COURT_A_PASSWORD)
                .recordTransmission(record("REC-" + UUID.randomUUID()));

        assertThat(connector.transmissionRecords().find(UUID.fromString(kept.getRecordId())).orElseThrow()
                .backendName()).isEqualTo(COURT_A);
    }

    @Test
    void aRetryWithTheSameBackendRecordIdAnswersTheFirstRecordAndKeepsNoSecond() {
        String backendRecordId = "REC-" + UUID.randomUUID();
        TransmissionRecordType first = caseRecord(COURT_A).recordTransmission(record(backendRecordId));
        int payloadsBefore = payloads.count();

        TransmissionRecordType again = caseRecord(COURT_A).recordTransmission(record(backendRecordId));

        assertThat(again.getRecordId()).isEqualTo(first.getRecordId());
        assertThat(connector.transmissionRecords().inConversation(conversationId)).hasSize(1);
        assertThat(payloads.count()).isEqualTo(payloadsBefore);
    }

    @Test
    void theSameBackendRecordIdForAnotherTransmissionIsRefused() {
        String backendRecordId = "REC-" + UUID.randomUUID();
        caseRecord(COURT_A).recordTransmission(record(backendRecordId));
        RecordTransmissionRequest other = record(backendRecordId);
        other.setFileName("another-file.zip");

        SOAPFaultException fault = assertFault(() -> caseRecord(COURT_A).recordTransmission(other), "LB-1012");

        assertSenderFault(fault, "backendRecordId");
        assertThat(connector.transmissionRecords().inConversation(conversationId)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"transmittedAt", "sender", "recipient", "fileName", "fileSize", "reason", "channel",
            "contentHash", "instrument", "form"})
    void aRecordWithoutAMandatoryFieldIsRefusedNamingItAndNothingIsKept(String field) {
        String backendRecordId = "REC-" + UUID.randomUUID();
        RecordTransmissionRequest record = without(record(backendRecordId), field);
        int payloadsBefore = payloads.count();

        SOAPFaultException fault = assertFault(() -> caseRecord(COURT_A).recordTransmission(record), "LB-1001");

        assertSenderFault(fault, field.equals("contentHash") ? "contentHash.algorithm" : field);
        assertNothingKept(backendRecordId, payloadsBefore);
    }

    @Test
    void aTransmissionTimeWithoutItsOffsetIsRefusedNamingIt() {
        String backendRecordId = "REC-" + UUID.randomUUID();
        RecordTransmissionRequest record = record(backendRecordId);
        record.setTransmittedAt(time("2026-11-23T06:00:00")); // a local time: no moment until a zone is guessed
        int payloadsBefore = payloads.count();

        SOAPFaultException fault = assertFault(() -> caseRecord(COURT_A).recordTransmission(record), "LB-1002");

        assertSenderFault(fault, "transmittedAt");
        assertThat(fault.getFault().getFaultString()).contains("offset");
        assertNothingKept(backendRecordId, payloadsBefore);
    }

    @Test
    void idsThatAreNoUuidsAreRefusedNamingTheirField() {
        RecordTransmissionRequest related = record(null);
        related.setRelatedMessageId("message-1");
        RecordTransmissionRequest corrects = record(null);
        corrects.setCorrects("1-2-3-4-5"); // UUID.fromString takes it; no canonical UUID is written so

        assertSenderFault(assertFault(() -> caseRecord(COURT_A).recordTransmission(related), "LB-1002"),
                "relatedMessageId");
        assertSenderFault(assertFault(() -> caseRecord(COURT_A).recordTransmission(corrects), "LB-1002"),
                "corrects");
        assertSenderFault(assertFault(() -> caseRecord(COURT_A).getTransmissionRecord(id("record-1")), "LB-1002"),
                "recordId");
        assertSenderFault(assertFault(() -> caseRecord(COURT_A).getTransmissionRecord(id(null)), "LB-1001"),
                "recordId");
        assertThat(connector.transmissionRecords().inConversation(conversationId)).isEmpty();
    }

    @Test
    void aRecordInAConversationTheBackEndHasNotIsRefused() {
        String unknown = UUID.randomUUID().toString();
        RecordTransmissionRequest record = record("REC-" + UUID.randomUUID());
        record.setConversationId(unknown);
        record.setRelatedMessageId(null);

        SOAPFaultException fault = assertFault(() -> caseRecord(COURT_A).recordTransmission(record), "LB-1102");

        assertSenderFault(fault, "conversationId");
        assertThat(connector.transmissionRecords().inConversation(unknown)).isEmpty();
        // court-a's conversation is not court-b's either
        RecordTransmissionRequest courtB = record("REC-" + UUID.randomUUID());
        courtB.setRelatedMessageId(null);
        assertFault(() -> caseRecord(COURT_B).recordTransmission(courtB), "LB-1102");
        assertThat(connector.transmissionRecords().inConversation(conversationId)).isEmpty();
    }

    @Test
    void anotherBackEndCannotReadTheRecordNorItsDocument() {
        TransmissionRecordType kept = caseRecord(COURT_A).recordTransmission(record("REC-" + UUID.randomUUID()));

        SOAPFaultException get = assertFault(() -> caseRecord(COURT_B).getTransmissionRecord(
                id(kept.getRecordId())), "LB-1103");
        SOAPFaultException document = assertFault(() -> caseRecord(COURT_B).getTransmissionRecordDocument(
                id(kept.getRecordId())), "LB-1103");

        // as if it did not exist: the same answer as for a record nobody has
        SOAPFaultException nobodys = assertFault(() -> caseRecord(COURT_B).getTransmissionRecord(
                id(UUID.randomUUID().toString())), "LB-1103");
        assertThat(get.getFault().getFaultString()).isEqualTo(nobodys.getFault().getFaultString())
                .isEqualTo(document.getFault().getFaultString()).doesNotContain(kept.getRecordId());
    }

    // ---- helpers

    private void assertNothingKept(String backendRecordId, int payloadsBefore) {
        assertThat(connector.transmissionRecords().inConversation(conversationId)).isEmpty();
        assertThat(connector.transmissionRecords().findByBackendRecordId(COURT_A, backendRecordId)).isEmpty();
        assertThat(payloads.count()).isEqualTo(payloadsBefore);
    }

    /** A caller's fault (SOAP 1.2 Sender) whose detail names {@code field}. */
    static void assertSenderFault(SOAPFaultException fault, String field) {
        assertThat(fault.getFault().getFaultCodeAsQName().getLocalPart()).isEqualTo("Sender");
        Iterator<DetailEntry> entries = fault.getFault().getDetail().getDetailEntries();
        DetailEntry error = entries.next();
        assertThat(error.getNamespaceURI()).isEqualTo(SoapFaults.NAMESPACE);
        assertThat(error.getAttribute("field")).isEqualTo(field);
    }

    static RecordIdType id(String recordId) {
        RecordIdType id = new RecordIdType();
        id.setRecordId(recordId);
        return id;
    }

    static XMLGregorianCalendar time(String lexical) {
        try {
            return DatatypeFactory.newInstance().newXMLGregorianCalendar(lexical);
        } catch (javax.xml.datatype.DatatypeConfigurationException e) {
            throw new AssertionError(e);
        }
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static RecordTransmissionRequest without(RecordTransmissionRequest record, String field) {
        switch (field) {
            case "transmittedAt" -> record.setTransmittedAt(null);
            case "sender" -> record.setSender(null);
            case "recipient" -> record.setRecipient(null);
            case "fileName" -> record.setFileName(null);
            case "fileSize" -> record.setFileSize(null);
            case "reason" -> record.setReason(null);
            case "channel" -> record.setChannel(null);
            case "contentHash" -> record.setContentHash(null);
            case "instrument" -> record.setInstrument(null);
            case "form" -> record.setForm(null);
            default -> throw new IllegalArgumentException(field);
        }
        return record;
    }
}

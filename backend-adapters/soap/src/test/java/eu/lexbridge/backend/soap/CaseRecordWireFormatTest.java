package eu.lexbridge.backend.soap;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.backend.soap.wire.caserecord.RecordTransmissionRequest;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.record.TransmissionRecord;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * LexBridge's case-record service on the wire, as a back-end without our generated client sees it: its WSDL and
 * schema served at {@code /services/case-record?wsdl}, a hand-written SOAP 1.2 request (the user guide's example), the
 * sealed document as an MTOM attachment, and requests that do not fit the contract refused with a code that repeats
 * nothing of them.
 */
class CaseRecordWireFormatTest extends SoapTestSupport {

    private static final String PATH = "/services/case-record";
    private static final Pattern RECORD_ID = Pattern.compile("<(?:\\w+:)?recordId>([0-9a-f-]{36})</");

    private final HttpClient http = HttpClient.newHttpClient();
    private String conversationId;

    @BeforeEach
    void aSubmittedMessage() {
        String backendMessageId = "wire-record-" + UUID.randomUUID();
        backend(COURT_A).submitMessage(businessMessage(backendMessageId));
        conversationId = store.findByBackendMessageId(COURT_A, backendMessageId).map(ConnectorMessage::conversationId)
                .orElseThrow();
    }

    @Test
    void theWsdlAndItsSchemaAreServedWithoutCredentials() throws Exception {
        HttpResponse<String> wsdl = get(PATH + "?wsdl");

        assertThat(wsdl.statusCode()).isEqualTo(200);
        assertThat(wsdl.body()).contains("targetNamespace=\"urn:lexbridge:ws:case-record:1\"",
                "name=\"recordTransmission\"", "name=\"getTransmissionRecord\"",
                "name=\"getTransmissionRecordDocument\"", "name=\"listDeadlineAlerts\"",
                "http://schemas.xmlsoap.org/wsdl/soap12/", "LexBridgeCaseRecordWSService",
                "/services/case-record\"");
        HttpResponse<String> schema = get(PATH + "?xsd=LexBridgeCaseRecord.xsd");
        assertThat(schema.statusCode()).isEqualTo(200);
        assertThat(schema.body()).contains("RecordTransmissionRequest", "ListDeadlineAlertsRequest",
                "xmime:expectedContentTypes");
        // the official service's contract is its own, untouched
        assertThat(get("/services/backend?wsdl").body()).doesNotContain("case-record", "recordTransmission");
    }

    /** The example docs can show: plain SOAP 1.2, no MTOM needed, HTTP Basic. */
    @Test
    void aHandWrittenRecordTransmissionIsKept() throws Exception {
        String envelope = """
                <soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"
                               xmlns:cr="urn:lexbridge:ws:case-record:1">
                  <soap:Body>
                    <cr:RecordTransmissionRequest>
                      <cr:backendRecordId>AT-REC-2026-0042</cr:backendRecordId>
                      <cr:conversationId>%s</cr:conversationId>
                      <cr:transmittedAt>2026-11-23T07:30:00+01:00</cr:transmittedAt>
                      <cr:sender>AT/Staatsanwaltschaft Wien</cr:sender>
                      <cr:recipient>DE/Example Hosting GmbH, Berlin</cr:recipient>
                      <cr:fileName>production-2026-0042.zip</cr:fileName>
                      <cr:fileSize>3221225472</cr:fileSize>
                      <cr:reason>data-size</cr:reason>
                      <cr:channel>encrypted disk by courier</cr:channel>
                      <cr:contentHash>
                        <cr:algorithm>SHA-256</cr:algorithm>
                        <cr:value>9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08</cr:value>
                      </cr:contentHash>
                      <cr:instrument>E-EVIDENCE</cr:instrument>
                      <cr:form>EPOC</cr:form>
                      <cr:operator>clerk 4711</cr:operator>
                    </cr:RecordTransmissionRequest>
                  </soap:Body>
                </soap:Envelope>""".formatted(conversationId);

        HttpResponse<String> response = post(envelope);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        // the moment as the connector keeps it: in UTC
        assertThat(response.body()).contains("urn:lexbridge:ws:case-record:1", "RecordTransmissionResponse",
                "transmittedAt>2026-11-23T06:30:00Z</");
        Matcher id = RECORD_ID.matcher(response.body());
        assertThat(id.find()).as(response.body()).isTrue();
        TransmissionRecord kept = connector.transmissionRecords().find(UUID.fromString(id.group(1))).orElseThrow();
        assertThat(kept.backendName()).isEqualTo(COURT_A);
        assertThat(kept.backendRecordId()).isEqualTo("AT-REC-2026-0042");
        assertThat(kept.conversationId()).isEqualTo(conversationId);
        assertThat(kept.fileSize()).isEqualTo(3_221_225_472L);
    }

    @Test
    void theSealedDocumentTravelsAsAnMtomAttachmentByteForByte() throws Exception {
        RecordTransmissionRequest record = new RecordTransmissionRequest();
        record.setConversationId(conversationId);
        record.setTransmittedAt(CaseRecordWebServiceTest.time("2026-11-23T06:30:00Z"));
        record.setSender("AT/Staatsanwaltschaft Wien");
        record.setRecipient("DE/Example Hosting GmbH, Berlin");
        record.setFileName("production.zip");
        record.setFileSize(1L);
        record.setReason("data-size");
        record.setChannel("courier");
        var hash = new eu.lexbridge.backend.soap.wire.caserecord.ContentHashType();
        hash.setAlgorithm("SHA-256");
        hash.setValue("0".repeat(64));
        record.setContentHash(hash);
        record.setInstrument("E-EVIDENCE");
        record.setForm("EPOC");
        String recordId = caseRecord(COURT_A).recordTransmission(record).getRecordId();
        TransmissionRecord kept = connector.transmissionRecords().find(UUID.fromString(recordId)).orElseThrow();
        byte[] sealed = payloads.bytes(kept.document().payloadId());

        HttpResponse<String> response = post("""
                <soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body>
                <cr:GetTransmissionRecordDocumentRequest xmlns:cr="urn:lexbridge:ws:case-record:1">
                  <cr:recordId>%s</cr:recordId>
                </cr:GetTransmissionRecordDocumentRequest></soap:Body></soap:Envelope>""".formatted(recordId));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("multipart/related").contains("application/xop+xml");
        assertThat(response.body()).contains("http://www.w3.org/2004/08/xop/include", "Content-Type: application/xml",
                new String(sealed, StandardCharsets.UTF_8), kept.document().sha256())
                .doesNotContain(Base64.getEncoder().encodeToString(sealed));
    }

    @Test
    void valuesThatDoNotFitTheContractAreRefusedWithTheirCodeAndRepeatNothing() throws Exception {
        String[] unreadable = {
            record("<cr:fileSize>three gigabytes</cr:fileSize>"),
            record("<cr:transmittedAt>yesterday morning</cr:transmittedAt>"),
            record("<cr:unknownElement>x</cr:unknownElement>"),
            record("<cr:note>" + "n".repeat(100_000) + "</cr:note>"), // past the endpoint's 64 KB
            "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Body><unclosed",
        };
        for (String body : unreadable) {
            HttpResponse<String> response = post(body);

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).contains("<soap:Value>soap:Sender</soap:Value>", "lb:LB-1008",
                    "the request cannot be read").doesNotContain("three gigabytes", "yesterday", "unknownElement",
                    "nnnnnnnn", "Unmarshalling", "Exception");
        }
        assertThat(connector.transmissionRecords().inConversation(conversationId)).isEmpty();
    }

    @Test
    void aSignedRequestPastTheLimitIsRefusedWhileItIsRead() {
        RecordTransmissionRequest record = new RecordTransmissionRequest();
        record.setConversationId(conversationId);
        record.setNote("n".repeat(100_000));

        var fault = assertFault(() -> caseRecord(COURT_A).recordTransmission(record), "LB-1007");

        assertThat(fault.getFault().getFaultString()).contains("larger than 65536 bytes");
        assertThat(connector.transmissionRecords().inConversation(conversationId)).isEmpty();
    }

    private static String record(String fields) {
        return """
                <soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body>
                <cr:RecordTransmissionRequest xmlns:cr="urn:lexbridge:ws:case-record:1">%s</cr:RecordTransmissionRequest>
                </soap:Body></soap:Envelope>""".formatted(fields);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String envelope) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((COURT_A + ":" + COURT_A_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + PATH))
                .header("Content-Type", "application/soap+xml; charset=UTF-8")
                .header("Authorization", "Basic " + credentials)
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}

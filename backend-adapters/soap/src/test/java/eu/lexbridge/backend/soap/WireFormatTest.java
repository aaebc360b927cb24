package eu.lexbridge.backend.soap;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.PayloadKind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The bytes on the wire, written by hand as a back-end of the official connector sends them, not by our generated
 * client: SOAP 1.2, the payload as an MTOM (XOP) attachment beside the envelope, and the answer's payloads as
 * attachments too, not inline base64.
 */
class WireFormatTest extends SoapTestSupport {

    private static final String BOUNDARY = "MIME_boundary_4711";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aHandWrittenMtomSubmissionInThe4xNamespacesIsStored() throws Exception {
        String envelope = """
                <soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body>
                <ws:submitMessageRequest xmlns:ws="http://connector.domibus.eu/ws/backend/webservice">
                  <messageContent><xmlContent><xop:Include xmlns:xop="http://www.w3.org/2004/08/xop/include"
                      href="cid:business-xml@backend.example"/></xmlContent></messageContent>
                  <messageDetails>
                    <backendMessageId>wire-1</backendMessageId>
                    <originalSender>urn:authority:at-prosecutor</originalSender>
                    <finalRecipient>urn:authority:de-court</finalRecipient>
                    <service><service>EPO</service></service>
                    <action><action>Form_A</action></action>
                    <fromParty><partyId>AT</partyId></fromParty>
                    <toParty><partyId>DE</partyId></toParty>
                  </messageDetails>
                </ws:submitMessageRequest></soap:Body></soap:Envelope>""";
        String body = "--" + BOUNDARY + "\r\n"
                + "Content-Type: application/xop+xml; charset=UTF-8; type=\"application/soap+xml\"\r\n"
                + "Content-ID: <root@backend.example>\r\n\r\n" + envelope + "\r\n"
                + "--" + BOUNDARY + "\r\n"
                + "Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: binary\r\n"
                + "Content-ID: <business-xml@backend.example>\r\n\r\n"
                + new String(XML, StandardCharsets.UTF_8) + "\r\n"
                + "--" + BOUNDARY + "--\r\n";

        HttpResponse<String> response = post("/services/backend-4", COURT_A, COURT_A_PASSWORD,
                "multipart/related; type=\"application/xop+xml\"; start=\"<root@backend.example>\"; "
                        + "start-info=\"application/soap+xml\"; boundary=\"" + BOUNDARY + "\"", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("http://connector.domibus.eu/ws/backend/webservice",
                "<result>true</result>");
        ConnectorMessage stored = store.findByBackendMessageId(COURT_A, "wire-1").orElseThrow();
        assertThat(payloads.bytes(stored.payload(PayloadKind.BUSINESS_CONTENT).orElseThrow().payloadId()))
                .isEqualTo(XML);
    }

    @Test
    void aFetchedMessageCarriesItsPayloadsAsMtomAttachments() throws Exception {
        byte[] pdf = "%PDF-1.7 binary order \u0001\u0002".getBytes(StandardCharsets.ISO_8859_1);
        UUID id = receive("urn:authority:court-a", XML, pdf);
        String envelope = """
                <soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body>
                <ws:GetMessageByIdRequest xmlns:ws="http://connector.ecodex.eu/ws/backend/webservice">
                  <messageTransportId>%s</messageTransportId>
                </ws:GetMessageByIdRequest></soap:Body></soap:Envelope>""".formatted(id);

        HttpResponse<String> response = post("/services/backend", COURT_A, COURT_A_PASSWORD,
                "application/soap+xml; charset=UTF-8", envelope);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("multipart/related").contains("application/xop+xml");
        assertThat(response.body()).contains("http://www.w3.org/2004/08/xop/include", "%PDF-1.7 binary order")
                .doesNotContain(Base64.getEncoder().encodeToString(pdf));
    }

    private HttpResponse<String> post(String path, String user, String password, String contentType, String body)
            throws Exception {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", contentType)
                .header("Authorization", "Basic " + credentials)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
    }
}

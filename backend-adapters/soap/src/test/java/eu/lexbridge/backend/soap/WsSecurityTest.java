package eu.lexbridge.backend.soap;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.backend.soap.auth.AlgorithmSuite;
import eu.lexbridge.backend.soap.auth.ConnectorKey;
import eu.lexbridge.backend.soap.auth.WsSecuritySettings;
import eu.lexbridge.backend.soap.wire.caserecord.RecordIdType;
import eu.lexbridge.backend.soap.wire.caserecord.RecordTransmissionRequest;
import eu.lexbridge.backend.soap.wire.ecodex.DomibusConnectorBackendWebService;
import eu.lexbridge.backend.soap.wire.ecodex.EmptyRequestType;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.port.SecurityEvents;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPMessage;
import jakarta.xml.ws.BindingProvider;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.interceptor.MessageSenderInterceptor;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.ws.security.wss4j.WSS4JOutInterceptor;
import org.apache.wss4j.common.ConfigurationConstants;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * WS-Security on the SOAP API (ecodex-wire §2.4): the back-end is the one whose certificate signed the request; the
 * answer is signed by the connector and encrypted to that certificate (every signed client here checks it). A request
 * without a valid signature and timestamp is refused with LB-1200 and a security event, and stores nothing.
 */
class WsSecurityTest extends SoapTestSupport {

    private static final String WSU =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";

    @Test
    void theSignersCertificateNamesTheBackEndAndTheSignedAnswerIsChecked() {
        UUID id = receive("urn:authority:court-b", XML, "%PDF".getBytes(StandardCharsets.US_ASCII));

        assertThat(backend(COURT_B).listPendingMessageIds(new EmptyRequestType()).getMessageTransportIds())
                .containsExactly(id.toString());
        assertThat(backend(COURT_A).listPendingMessageIds(new EmptyRequestType()).getMessageTransportIds())
                .isEmpty();
        backend(COURT_B).submitMessage(businessMessage("signed-1"));
        assertThat(store.findByBackendMessageId(COURT_B, "signed-1")).isPresent();
        assertThat(securityEvents.recorded()).isEmpty();
    }

    @Test
    void aBackEndOnTheOfficialBasic256AlgorithmsIsUnderstood() {
        var client = SoapTestSupport.signedAs(plainClient("/services/backend"), COURT_A,
                new WsSecuritySettings(AlgorithmSuite.BASIC256, Duration.ofMinutes(5)));

        client.submitMessage(businessMessage("basic256-1"));

        assertThat(store.findByBackendMessageId(COURT_A, "basic256-1")).isPresent();
    }

    @Test
    void aRequestWithoutSignatureOrCredentialsIsRefused() {
        assertRefused(() -> basicBackend(null, null).submitMessage(businessMessage("case-1")), "no-signature");
    }

    @Test
    void aRequestSignedByACertificateNoBackEndHasIsRefused() {
        assertRefused(() -> SoapTestSupport.signedAs(plainClient("/services/backend"), "court-x", CLIENT_SECURITY)
                .submitMessage(businessMessage("case-2")), "court-x");
    }

    @Test
    void aSignedRequestWhoseBodyIsNotEncryptedIsRefused() {
        ConnectorKey key = TestKeys.key(COURT_A);
        var crypto = key.crypto(Map.of("connector", TestKeys.certificate("connector")));
        Map<String, Object> signOnly = new HashMap<>(CLIENT_SECURITY.sending(key, crypto, "connector"));
        signOnly.put(ConfigurationConstants.ACTION, ConfigurationConstants.TIMESTAMP + " "
                + ConfigurationConstants.SIGNATURE);
        var client = plainClient("/services/backend");
        ClientProxy.getClient(client).getOutInterceptors().add(new WSS4JOutInterceptor(signOnly));

        assertRefused(() -> client.submitMessage(businessMessage("case-5")), "not encrypted");
    }

    @Test
    void aRequestWhoseSignedTimestampWasAlteredIsRefused() {
        var client = backend(COURT_A);
        ClientProxy.getClient(client).getOutInterceptors().add(new AbstractPhaseInterceptor<SoapMessage>(
                Phase.POST_PROTOCOL) {
            {
                addAfter(WSS4JOutInterceptor.class.getName() + "$WSS4JOutInterceptorInternal");
            }

            @Override
            public void handleMessage(SoapMessage message) {
                try {
                    NodeList expires = message.getContent(SOAPMessage.class).getSOAPHeader()
                            .getElementsByTagNameNS(WSU, "Expires");
                    ((Element) expires.item(0)).setTextContent("2099-01-01T00:00:00.000Z"); // after signing
                } catch (SOAPException e) {
                    throw new IllegalStateException(e);
                }
            }
        });

        assertRefused(() -> client.submitMessage(businessMessage("case-3")), "tampered");
    }

    @Test
    void aRequestWhoseTimestampExpiredOnTheWayIsRefused() {
        // A timestamp valid for one second, held back for two before it is sent.
        var client = SoapTestSupport.signedAs(plainClient("/services/backend"), COURT_A,
                new WsSecuritySettings(AlgorithmSuite.MODERN, Duration.ofSeconds(1)));
        var cxf = ClientProxy.getClient(client);
        ((HTTPConduit) cxf.getConduit()).getClient().setAllowChunking(false); // nothing leaves before the delay
        cxf.getOutInterceptors().add(new AbstractPhaseInterceptor<SoapMessage>(Phase.PREPARE_SEND_ENDING) {
            {
                addBefore(MessageSenderInterceptor.MessageSenderEndingInterceptor.class.getName());
            }

            @Override
            public void handleMessage(SoapMessage message) {
                try {
                    Thread.sleep(2_100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });

        assertRefused(() -> client.submitMessage(businessMessage("case-4")), "expired");
    }

    @Test
    void theHttpBasicFallbackServesOnlyBackEndsGivenAPasswordAndOnlyTheRightOne() {
        basicBackend(COURT_A, "court-a-secret-0123456789").submitMessage(businessMessage("basic-1"));
        assertThat(store.findByBackendMessageId(COURT_A, "basic-1")).isPresent();

        assertFault(() -> basicBackend(COURT_A, "wrong").submitMessage(businessMessage("basic-2")), "LB-1200");
        // court-b has a certificate and no password: HTTP Basic is not a way in for it
        assertFault(() -> basicBackend(COURT_B, "court-a-secret-0123456789").submitMessage(
                businessMessage("basic-3")), "LB-1200");
        assertThat(store.all()).hasSize(1);
        assertThat(securityEvents.of(SecurityEvents.Kind.BACKEND_ACCESS_REFUSED)).hasSize(2);
    }

    @Test
    void aRefusedSignatureChangesNoMessage() {
        UUID id = receive("urn:authority:court-a", XML, "%PDF".getBytes(StandardCharsets.US_ASCII));
        var stranger = SoapTestSupport.signedAs(plainClient("/services/backend"), "court-x", CLIENT_SECURITY);

        assertFault(() -> stranger.listPendingMessageIds(new EmptyRequestType()), "LB-1200");
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(MessageState.AVAILABLE_TO_BACKEND);
    }

    /**
     * LexBridge's case-record service authenticates as the official one does: a call without a signature or password,
     * with a wrong password, or signed by a certificate no back-end has, is refused before any operation runs.
     */
    @Test
    void theCaseRecordServiceRefusesCallsThatAreNotAuthenticated() {
        RecordTransmissionRequest record = new RecordTransmissionRequest(); // would be LB-1001 if it were read
        RecordIdType id = new RecordIdType();
        id.setRecordId(UUID.randomUUID().toString());

        assertFault(() -> basicCaseRecord(null, null).recordTransmission(record), "LB-1200");
        assertFault(() -> basicCaseRecord(COURT_A, "wrong").recordTransmission(record), "LB-1200");
        assertFault(() -> basicCaseRecord(COURT_B, COURT_A_PASSWORD).getTransmissionRecord(id), "LB-1200");
        assertFault(() -> SoapTestSupport.signedAs(basicCaseRecord(null, null), "court-x", CLIENT_SECURITY)
                .getTransmissionRecordDocument(id), "LB-1200");

        assertThat(securityEvents.of(SecurityEvents.Kind.BACKEND_ACCESS_REFUSED)).hasSize(4)
                .allSatisfy(event -> assertThat(event.detail()).contains("/services/case-record"));
    }

    private void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String what) {
        var fault = assertFault(call, "LB-1200");
        assertThat(fault.getFault().getFaultString()).as(what).doesNotContain("WSS", "xmlsec", "Exception");
        assertThat(store.all()).as(what).isEmpty();
        assertThat(payloads.count()).as(what).isZero();
        assertThat(bus.published()).as(what).isEmpty();
        assertThat(securityEvents.of(SecurityEvents.Kind.BACKEND_ACCESS_REFUSED)).as(what).hasSize(1);
    }

    private DomibusConnectorBackendWebService plainClient(String path) {
        DomibusConnectorBackendWebService client = basicBackend(null, null);
        ((BindingProvider) client).getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY,
                "http://127.0.0.1:" + port + path);
        return client;
    }
}

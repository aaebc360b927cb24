package eu.lexbridge.backend.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import eu.lexbridge.backend.soap.wire.caserecord.LexBridgeCaseRecordWSService;
import eu.lexbridge.backend.soap.wire.caserecord.LexBridgeCaseRecordWebService;
import eu.lexbridge.backend.soap.wire.ecodex.DomibusConnectorBackendWSService;
import eu.lexbridge.backend.soap.wire.ecodex.DomibusConnectorBackendWebService;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorActionType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorMessageContentType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorMessageDetailsType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorMessageDocumentType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorMessageType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorPartyType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorServiceType;
import eu.lexbridge.core.testkit.InMemoryConnector;
import eu.lexbridge.core.testkit.InMemoryMessageStore;
import eu.lexbridge.core.testkit.InMemoryPayloadStore;
import eu.lexbridge.core.testkit.RecordingMessageBus;
import eu.lexbridge.core.testkit.RecordingSecurityEvents;
import eu.lexbridge.backend.soap.auth.AlgorithmSuite;
import eu.lexbridge.backend.soap.auth.ConnectorKey;
import eu.lexbridge.backend.soap.auth.WsSecuritySettings;
import eu.lexbridge.core.testkit.SampleMessages;
import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.soap.MTOMFeature;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.xml.namespace.QName;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.ws.security.wss4j.WSS4JInInterceptor;
import org.apache.cxf.ws.security.wss4j.WSS4JOutInterceptor;
import org.apache.wss4j.common.crypto.Crypto;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The connector as a real embedded server on a loopback port, with the real core flows on in-memory ports, called by
 * SOAP clients generated from our own WSDL; each test starts from empty stores.
 */
@SpringBootTest(classes = TestConnector.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class SoapTestSupport {

    static final String COURT_A = "court-a";
    static final String COURT_A_PASSWORD = "court-a-secret-0123456789";
    static final String COURT_B = "court-b";
    static final byte[] XML = "<?xml version=\"1.0\"?><EPOForm xmlns=\"urn:test\"><Case>4711</Case></EPOForm>"
            .getBytes(StandardCharsets.UTF_8);

    @LocalServerPort int port;
    @Autowired InMemoryConnector connector;
    @Autowired InMemoryMessageStore store;
    @Autowired InMemoryPayloadStore payloads;
    @Autowired RecordingMessageBus bus;
    @Autowired RecordingSecurityEvents securityEvents;

    @BeforeEach
    void emptyStores() {
        store.clear();
        payloads.clear();
        bus.clear();
        securityEvents.clear();
    }

    /** The connector's WS-Security key is the test PKI's key of party {@code connector}. */
    @DynamicPropertySource
    static void connectorKey(DynamicPropertyRegistry registry) {
        registry.add("lexbridge.soap.key-store", () -> TestKeys.keyStore("connector").toString());
        registry.add("lexbridge.soap.key-store-password", () -> TestKeys.PASSWORD);
        registry.add("lexbridge.soap.key-alias", () -> TestKeys.ALIAS);
    }

    // ---- clients, as a back-end builds them from the WSDL

    /**
     * A 6.x-generation client (connector.ecodex.eu) at /services/backend that signs with {@code party}'s test PKI key
     * and encrypts to the connector (WS-Security), and checks the connector's signed, encrypted answers.
     */
    DomibusConnectorBackendWebService backend(String party) {
        return signed(plainBackend(), "/services/backend", party);
    }

    /** A 4.x-generation client (connector.domibus.eu) at /services/backend-4, signing as {@code party}. */
    eu.lexbridge.backend.soap.wire.domibus.DomibusConnectorBackendWebService legacyBackend(String party) {
        var port = new eu.lexbridge.backend.soap.wire.domibus.DomibusConnectorBackendWSService()
                .getDomibusConnectorBackendWebService(new MTOMFeature());
        return signed(port, "/services/backend-4", party);
    }

    /** A 6.x-generation client with HTTP Basic credentials and no WS-Security (the fallback); null: none at all. */
    DomibusConnectorBackendWebService basicBackend(String name, String password) {
        DomibusConnectorBackendWebService client = plainBackend();
        var context = ((BindingProvider) client).getRequestContext();
        if (name != null) {
            context.put(BindingProvider.USERNAME_PROPERTY, name);
            context.put(BindingProvider.PASSWORD_PROPERTY, password);
        }
        return client;
    }

    /** A client of LexBridge's case-record service at /services/case-record, signing as {@code party}. */
    LexBridgeCaseRecordWebService caseRecord(String party) {
        return signed(new LexBridgeCaseRecordWSService().getLexBridgeCaseRecordWebService(new MTOMFeature()),
                "/services/case-record", party);
    }

    /** A case-record client with HTTP Basic credentials and no WS-Security (the fallback); null: none at all. */
    LexBridgeCaseRecordWebService basicCaseRecord(String name, String password) {
        LexBridgeCaseRecordWebService client = new LexBridgeCaseRecordWSService()
                .getLexBridgeCaseRecordWebService(new MTOMFeature());
        var context = ((BindingProvider) client).getRequestContext();
        context.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, "http://127.0.0.1:" + port + "/services/case-record");
        if (name != null) {
            context.put(BindingProvider.USERNAME_PROPERTY, name);
            context.put(BindingProvider.PASSWORD_PROPERTY, password);
        }
        return client;
    }

    private DomibusConnectorBackendWebService plainBackend() {
        DomibusConnectorBackendWebService client = new DomibusConnectorBackendWSService()
                .getDomibusConnectorBackendWebService(new MTOMFeature());
        ((BindingProvider) client).getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY,
                "http://127.0.0.1:" + port + "/services/backend");
        return client;
    }

    static final WsSecuritySettings CLIENT_SECURITY = new WsSecuritySettings(AlgorithmSuite.MODERN,
            Duration.ofMinutes(5));

    private <T> T signed(T client, String path, String party) {
        ((BindingProvider) client).getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY,
                "http://127.0.0.1:" + port + path);
        return signedAs(client, party, CLIENT_SECURITY);
    }

    /** Adds WS-Security to {@code client}: signed as {@code party}, encrypted to the connector, answers checked. */
    static <T> T signedAs(T client, String party, WsSecuritySettings settings) {
        ConnectorKey key = TestKeys.key(party);
        Crypto crypto = key.crypto(Map.of("connector", TestKeys.certificate("connector")));
        Client cxf = ClientProxy.getClient(client);
        cxf.getOutInterceptors().add(new WSS4JOutInterceptor(settings.sending(key, crypto, "connector")));
        cxf.getInInterceptors().add(new WSS4JInInterceptor(settings.receiving(key, crypto)));
        return client;
    }

    // ---- requests

    static DomibusConnectorMessageType businessMessage(String backendMessageId) {
        DomibusConnectorMessageDetailsType details = new DomibusConnectorMessageDetailsType();
        details.setBackendMessageId(backendMessageId);
        details.setOriginalSender("urn:authority:at-prosecutor");
        details.setFinalRecipient("urn:authority:de-court");
        DomibusConnectorServiceType service = new DomibusConnectorServiceType();
        service.setService(SampleMessages.SERVICE.value());
        service.setServiceType(SampleMessages.SERVICE.type());
        details.setService(service);
        DomibusConnectorActionType action = new DomibusConnectorActionType();
        action.setAction(SampleMessages.ACTION);
        details.setAction(action);
        DomibusConnectorPartyType from = new DomibusConnectorPartyType();
        from.setPartyId(SampleMessages.HOME.partyId());
        details.setFromParty(from);
        DomibusConnectorPartyType to = new DomibusConnectorPartyType();
        to.setPartyId(SampleMessages.GERMANY.partyId());
        details.setToParty(to);
        DomibusConnectorMessageContentType content = new DomibusConnectorMessageContentType();
        content.setXmlContent(data(XML, "application/xml"));
        DomibusConnectorMessageType message = new DomibusConnectorMessageType();
        message.setMessageDetails(details);
        message.setMessageContent(content);
        return message;
    }

    static DomibusConnectorMessageDocumentType document(String name, byte[] bytes) {
        DomibusConnectorMessageDocumentType document = new DomibusConnectorMessageDocumentType();
        document.setDocument(data(bytes, "application/pdf"));
        document.setDocumentName(name);
        return document;
    }

    static DataHandler data(byte[] bytes, String type) {
        return new DataHandler(new DataSource() {
            @Override
            public InputStream getInputStream() {
                return new ByteArrayInputStream(bytes);
            }

            @Override
            public OutputStream getOutputStream() {
                throw new UnsupportedOperationException();
            }

            @Override
            public String getContentType() {
                return type;
            }

            @Override
            public String getName() {
                return "data";
            }
        });
    }

    static byte[] bytes(DataHandler data) {
        try (InputStream in = data.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The call fails with a SOAP fault whose subcode and reason carry {@code code}. */
    static SOAPFaultException assertFault(ThrowingCallable call, String code) {
        SOAPFaultException fault = catchThrowableOfType(SOAPFaultException.class, call);
        assertThat(fault).as("a SOAP fault").isNotNull();
        assertThat(fault.getFault().getFaultString()).startsWith(code + ": ");
        QName subcode = (QName) fault.getFault().getFaultSubcodes().next();
        assertThat(subcode.getLocalPart()).isEqualTo(code);
        return fault;
    }

    // ---- inbound messages, brought in as the routes do

    /**
     * A message from Germany for {@code finalRecipient}, received, accepted and made available to its back-end; its
     * container holds {@code businessDocument} (see {@link TestConnector}).
     */
    UUID receive(String finalRecipient, byte[] businessContent, byte[] businessDocument) {
        return connector.receive(finalRecipient, businessContent, businessDocument);
    }
}

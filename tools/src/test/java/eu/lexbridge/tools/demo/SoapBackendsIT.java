package eu.lexbridge.tools.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import eu.lexbridge.backend.soap.auth.AlgorithmSuite;
import eu.lexbridge.backend.soap.auth.ConnectorKey;
import eu.lexbridge.backend.soap.auth.WsSecuritySettings;
import eu.lexbridge.backend.soap.wire.ecodex.DomibusConnectorBackendWSService;
import eu.lexbridge.backend.soap.wire.ecodex.DomibusConnectorBackendWebService;
import eu.lexbridge.backend.soap.wire.ecodex.EmptyRequestType;
import eu.lexbridge.backend.soap.wire.ecodex.GetMessageByIdRequest;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibsConnectorAcknowledgementType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorActionType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorConfirmationType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorMessageConfirmationType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorMessageContentType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorMessageDetailsType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorMessageDocumentType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorMessageResponseType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorMessageType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorPartyType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorServiceType;
import eu.lexbridge.trust.pki.GeneratedPki;
import eu.lexbridge.trust.pki.SharedTestPki;
import eu.lexbridge.trust.pki.TestPki;
import jakarta.activation.DataHandler;
import jakarta.jws.WebService;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.soap.MTOMFeature;
import jakarta.xml.ws.soap.SOAPBinding;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import javax.net.ssl.TrustManagerFactory;
import javax.xml.namespace.QName;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.attachment.ByteDataSource;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.EndpointImpl;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.apache.cxf.ws.security.wss4j.WSS4JInInterceptor;
import org.apache.cxf.ws.security.wss4j.WSS4JOutInterceptor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Back-ends written for the official e-CODEX connector's SOAP web service, on two connector processes from the packaged
 * jar (real HTTPS and AS4 on loopback): Austria's back-end is a 6.x client (connector.ecodex.eu) that submits and is
 * pushed its evidences at a DomibusConnectorBackendDeliveryWebService it serves; Germany's is a 4.x client
 * (connector.domibus.eu, with the official policy's Basic256 algorithms) that pulls, acknowledges and triggers
 * evidences. Every call
 * and every push is WS-Security signed and encrypted, each back-end known by its certificate
 * ({@code lexbridge.backend-identity}). One connector pair serves the whole class: starting two takes most of its time.
 * The connectors use the embedded access point here, and Domibus in {@link SoapBackendsOnDomibusIT}.
 */
class SoapBackendsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    /** Austria's back-end: submits over /services/backend and is pushed to. */
    private static final String AT_BACKEND = "at-case-management";
    /** Germany's back-end, the final recipients' (the demo's default back-end): pulls over /services/backend-4. */
    private static final String DE_BACKEND = "de-case-management";
    /** A second SOAP back-end on the German connector, with a certificate of its own. */
    private static final String DE_OTHER_BACKEND = "de-registry";
    /** The parties of the test's own PKI: the back-ends', and each connector's SOAP key (apart from its AS4 key). */
    private static final String AT_SOAP = "at-soap";
    private static final String DE_SOAP = "de-soap";
    private static final String FAULT_NAMESPACE = "https://lexbridge.eu/soap/errors";

    @TempDir
    static Path root;

    private static DemoNetwork network;
    private static GeneratedPki soapPki;
    private static ConnectorProcess austria;
    private static ConnectorProcess germany;
    private static BackendClient austriaRest;
    private static BackendClient germanyRest;
    private static PushedBackend pushedTo;
    /** The connectors' Domibus nodes in {@link SoapBackendsOnDomibusIT}; {@code null} on the embedded access point. */
    private static DomibusNetwork domibus;
    private static byte[] businessContent;
    private static byte[] businessDocument;

    /** What Germany's back-end fetched so far, by ebMS id: the tests share its pending list. */
    private static final Map<String, eu.lexbridge.backend.soap.wire.domibus.transition.DomibusConnectorMessageType>
            FETCHED = new ConcurrentHashMap<>();
    /** Their transport ids (the German connector's message ids), by ebMS id. */
    private static final Map<String, String> TRANSPORT_IDS = new ConcurrentHashMap<>();

    @BeforeAll
    static void startTwoConnectorsWithSoapBackEnds(TestInfo test) throws Exception {
        // the class's fields are static: a subclass running after it in the same JVM starts afresh
        domibus = null;
        FETCHED.clear();
        TRANSPORT_IDS.clear();
        Path jar = PackagedJar.path();
        network = SharedDemoPki.network(root);
        // a PKI of its own (its own CA), made once per JVM: SoapBackendsOnDomibusIT may run in this one too
        soapPki = SharedTestPki.copyTo(root.resolve("soap-pki"), List.of(AT_SOAP, DE_SOAP, AT_BACKEND, DE_BACKEND,
                DE_OTHER_BACKEND), DemoNetwork.PKI_PASSWORD);
        try (InputStream xml = SoapBackendsIT.class.getResourceAsStream("/demo/epoc-sample.xml");
             InputStream pdf = SoapBackendsIT.class.getResourceAsStream("/demo/epoc-sample.pdf")) {
            businessContent = xml.readAllBytes();
            // The demo's service wants a QUALIFIED document: sealed with the authority's qualified e-seal.
            businessDocument = network.sealDocument(network.issuing(), pdf.readAllBytes(), "epoc.pdf");
        }
        pushedTo = PushedBackend.start(root.resolve("at-backend-server"), key(AT_BACKEND), certificate(AT_SOAP));

        List<String> atSettings = new ArrayList<>(soapKey(AT_SOAP));
        atSettings.add(identity(AT_BACKEND));
        atSettings.add("--lexbridge.soap.backends." + AT_BACKEND + ".push-address=" + pushedTo.address());
        List<String> deSettings = new ArrayList<>(soapKey(DE_SOAP));
        deSettings.add(identity(DE_BACKEND));
        deSettings.add(identity(DE_OTHER_BACKEND));
        if (ItGateway.of(test.getTestClass().orElseThrow()) == ItGateway.DOMIBUS) {
            domibus = DomibusNetwork.start(network, root.resolve("domibus"));
            atSettings.addAll(domibus.settings(network.issuing(), "10s"));
            deSettings.addAll(domibus.settings(network.enforcing(), "10s"));
        }
        austria = ConnectorProcess.start(network.issuing(), jar, atSettings);
        germany = ConnectorProcess.start(network.enforcing(), jar, deSettings);
        austriaRest = up(austria);
        germanyRest = up(germany);
    }

    @AfterAll
    static void stop() throws Exception {
        for (ConnectorProcess process : new ConnectorProcess[] {austria, germany}) {
            if (process != null) {
                process.requestStop(); // both at once: stopping two takes the time of one
            }
        }
        for (ConnectorProcess process : new ConnectorProcess[] {austria, germany}) {
            if (process != null) {
                process.close();
            }
        }
        if (pushedTo != null) {
            pushedTo.stop();
        }
        if (domibus != null) {
            domibus.close();
        }
    }

    @Test
    void anEpocFromA6xBackEndIsFetchedByA4xBackEndWhoseEvidencesArePushedBack() {
        String backendMessageId = "AT-SOAP-" + System.nanoTime();
        DomibsConnectorAcknowledgementType submitted = austriaBackend().submitMessage(epoc(backendMessageId));
        assertThat(submitted.isResult()).isTrue();
        String sentId = submitted.getMessageId();
        // The same back-end on the REST API: one identity on every API, so it sees its SOAP message there too.
        JsonNode sent = austriaRest.message(sentId);
        assertThat(sent.path("backendMessageId").asText()).isEqualTo(backendMessageId);
        String ebmsId = sent.path("ebmsMessageId").asText();

        var received = awaitFetched(ebmsId);
        if (domibus != null) { // on Domibus (SoapBackendsOnDomibusIT): it went through the Austrian node, not past it
            assertThat(domibus.node(network.issuing()).submitted()).contains(ebmsId);
        }
        var details = received.getMessageDetails();
        assertThat(details.getService().getService()).isEqualTo(DemoNetwork.SERVICE);
        assertThat(details.getAction().getAction()).isEqualTo(DemoNetwork.ACTION);
        assertThat(details.getFromParty().getPartyId()).isEqualTo(network.issuing().party());
        assertThat(details.getOriginalSender()).isEqualTo("AT/Staatsanwaltschaft Wien");
        assertThat(details.getFinalRecipient()).isEqualTo("DE/Amtsgericht Berlin");
        // Byte for byte what Austria's back-end submitted, through the sealed e-CODEX container
        assertThat(bytes(received.getMessageContent().getXmlContent())).isEqualTo(businessContent);
        assertThat(received.getMessageContent().getDocument().getDocumentName()).isEqualTo("epoc.pdf");
        assertThat(bytes(received.getMessageContent().getDocument().getDocument())).isEqualTo(businessDocument);
        String receivedId = transportIdOf(ebmsId);

        var delivery = germanyBackend().submitMessage(Legacy.trigger("DE-DELIVERY-" + System.nanoTime(), ebmsId,
                eu.lexbridge.backend.soap.wire.domibus.transition.DomibusConnectorConfirmationType.DELIVERY));
        assertThat(delivery.isResult()).isTrue();
        Pushed deliveryPushed = await("DELIVERY pushed to Austria's back-end",
                () -> pushedTo.find(backendMessageId, "DELIVERY"));
        await("DELIVERED at Austria", () -> "DELIVERED".equals(austriaRest.message(sentId).path("state").asText())
                ? true : null);

        var retrieval = germanyBackend().submitMessage(Legacy.trigger("DE-RETRIEVAL-" + System.nanoTime(), ebmsId,
                eu.lexbridge.backend.soap.wire.domibus.transition.DomibusConnectorConfirmationType.RETRIEVAL));
        assertThat(retrieval.isResult()).isTrue();
        assertThat(retrieval.getMessageId()).isNotEqualTo(delivery.getMessageId());
        Pushed retrievalPushed = await("RETRIEVAL pushed to Austria's back-end",
                () -> pushedTo.find(backendMessageId, "RETRIEVAL"));
        await("RETRIEVED at Austria", () -> "RETRIEVED".equals(austriaRest.message(sentId).path("state").asText())
                ? true : null);

        // Pushed in the order they happened, each the sealed ETSI REM evidence from Germany
        assertThat(pushedTo.typesFor(backendMessageId)).containsSubsequence("DELIVERY", "RETRIEVAL");
        for (Pushed pushed : List.of(deliveryPushed, retrievalPushed)) {
            assertThat(new String(pushed.evidence(), StandardCharsets.UTF_8))
                    .contains("http://uri.etsi.org/02640/v2#").contains("SignatureValue");
        }
        assertThat(TwoConnectorsIT.states(austriaRest.timeline(sentId)))
                .containsSubsequence("SUBMITTED", "ACCEPTED", "DELIVERED", "RETRIEVED");
        assertThat(TwoConnectorsIT.states(germanyRest.timeline(receivedId)))
                .containsSubsequence("RECEIVED", "AVAILABLE_TO_BACKEND", "DELIVERED_TO_BACKEND", "RETRIEVED_BY_BACKEND");
    }

    @Test
    void anotherSoapBackEndOfTheReceivingConnectorCannotFetchAcknowledgeOrConfirmTheMessage() {
        String backendMessageId = "AT-SOAP-" + System.nanoTime();
        String sentId = austriaBackend().submitMessage(epoc(backendMessageId)).getMessageId();
        String ebmsId = austriaRest.message(sentId).path("ebmsMessageId").asText();
        awaitFetched(ebmsId);
        String transportId = transportIdOf(ebmsId);
        DomibusConnectorBackendWebService other = germanyOtherBackend();

        assertThat(other.listPendingMessageIds(new EmptyRequestType()).getMessageTransportIds())
                .doesNotContain(transportId);
        SOAPFaultException fetch = fault(() -> other.getMessageById(byId(transportId)), "LB-1100");
        SOAPFaultException byEbms = fault(() -> other.submitMessage(trigger("X-1", ebmsId,
                DomibusConnectorConfirmationType.DELIVERY)), "LB-1100");
        fault(() -> other.submitMessage(trigger("X-2", transportId, DomibusConnectorConfirmationType.NON_DELIVERY)),
                "LB-1100");
        fault(() -> other.acknowledgeMessage(acknowledgement(transportId)), "LB-1100");
        // The answer for a message that exists is the answer for one that does not
        SOAPFaultException nothing = fault(() -> other.submitMessage(trigger("X-3", "nothing@de.example",
                DomibusConnectorConfirmationType.DELIVERY)), "LB-1100");
        assertThat(byEbms.getFault().getFaultString().replace(ebmsId, "ID"))
                .isEqualTo(nothing.getFault().getFaultString().replace("nothing@de.example", "ID"));
        assertThat(fetch.getFault().getFaultString()).doesNotContain(DE_BACKEND);

        // Nothing happened to the message: still waiting for its own back-end, no evidence issued
        JsonNode message = germanyRest.message(transportId);
        assertThat(message.path("state").asText()).isEqualTo("AVAILABLE_TO_BACKEND");
        assertThat(evidenceTypes(germanyRest.timeline(transportId))).doesNotContain("DELIVERY", "NON_DELIVERY");

        // Its own back-end acknowledges it (the 4.4 pull's last step): that is the DELIVERY, pushed back to Austria
        germanyBackend().acknowledgeMessage(Legacy.acknowledgement(transportId));
        await("DELIVERY pushed to Austria's back-end", () -> pushedTo.find(backendMessageId, "DELIVERY"));
        assertThat(germanyRest.message(transportId).path("state").asText()).isEqualTo("DELIVERED_TO_BACKEND");
    }

    // ---- the back-ends' clients, as each builds them from its generation's WSDL

    private static DomibusConnectorBackendWebService austriaBackend() {
        var port = new DomibusConnectorBackendWSService().getDomibusConnectorBackendWebService(new MTOMFeature());
        return secured(port, network.issuing(), "/services/backend", AT_BACKEND, AT_SOAP, AlgorithmSuite.MODERN);
    }

    /** Germany's 4.x back-end, with the algorithms of the official policy (Basic256). */
    private static eu.lexbridge.backend.soap.wire.domibus.DomibusConnectorBackendWebService germanyBackend() {
        var port = new eu.lexbridge.backend.soap.wire.domibus.DomibusConnectorBackendWSService()
                .getDomibusConnectorBackendWebService(new MTOMFeature());
        return secured(port, network.enforcing(), "/services/backend-4", DE_BACKEND, DE_SOAP,
                AlgorithmSuite.BASIC256);
    }

    private static DomibusConnectorBackendWebService germanyOtherBackend() {
        var port = new DomibusConnectorBackendWSService().getDomibusConnectorBackendWebService(new MTOMFeature());
        return secured(port, network.enforcing(), "/services/backend", DE_OTHER_BACKEND, DE_SOAP,
                AlgorithmSuite.MODERN);
    }

    /**
     * Over HTTPS to {@code connector} (trusting the demo's CA), signed with {@code backend}'s key and encrypted to the
     * connector's SOAP certificate; the connector's signed, encrypted answers are checked.
     */
    private static <T> T secured(T port, DemoConnector connector, String path, String backend, String connectorKey,
                                 AlgorithmSuite suite) {
        ((BindingProvider) port).getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY,
                connector.baseUri().resolve(path).toString());
        Client client = ClientProxy.getClient(port);
        HTTPConduit conduit = (HTTPConduit) client.getConduit();
        TLSClientParameters tls = new TLSClientParameters();
        tls.setTrustManagers(trustingDemoCa());
        conduit.setTlsClientParameters(tls);
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(5_000);
        policy.setReceiveTimeout(60_000);
        conduit.setClient(policy);
        ConnectorKey key = key(backend);
        var crypto = key.crypto(Map.of("connector", certificate(connectorKey)));
        WsSecuritySettings settings = new WsSecuritySettings(suite, Duration.ofMinutes(5));
        client.getOutInterceptors().add(new WSS4JOutInterceptor(settings.sending(key, crypto, "connector")));
        client.getInInterceptors().add(new WSS4JInInterceptor(settings.receiving(key, crypto)));
        return port;
    }

    // ---- requests

    /** An EPOC as Austria's back-end submits it: the form's XML, and the sealed PDF as the business document. */
    private static DomibusConnectorMessageType epoc(String backendMessageId) {
        DomibusConnectorMessageDetailsType details = new DomibusConnectorMessageDetailsType();
        details.setBackendMessageId(backendMessageId);
        details.setOriginalSender("AT/Staatsanwaltschaft Wien");
        details.setFinalRecipient("DE/Amtsgericht Berlin");
        DomibusConnectorServiceType service = new DomibusConnectorServiceType();
        service.setService(DemoNetwork.SERVICE);
        service.setServiceType(DemoNetwork.SERVICE_TYPE);
        details.setService(service);
        DomibusConnectorActionType action = new DomibusConnectorActionType();
        action.setAction(DemoNetwork.ACTION);
        details.setAction(action);
        DomibusConnectorPartyType from = new DomibusConnectorPartyType();
        from.setPartyId(network.issuing().party());
        details.setFromParty(from);
        DomibusConnectorPartyType to = new DomibusConnectorPartyType();
        to.setPartyId(network.enforcing().party());
        details.setToParty(to);
        DomibusConnectorMessageDocumentType document = new DomibusConnectorMessageDocumentType();
        document.setDocument(new DataHandler(new ByteDataSource(businessDocument, "application/pdf")));
        document.setDocumentName("epoc.pdf");
        DomibusConnectorMessageContentType content = new DomibusConnectorMessageContentType();
        content.setXmlContent(new DataHandler(new ByteDataSource(businessContent, "application/xml")));
        content.setDocument(document);
        DomibusConnectorMessageType message = new DomibusConnectorMessageType();
        message.setMessageDetails(details);
        message.setMessageContent(content);
        return message;
    }

    /** An evidence trigger as the official contract has it (6.x): no content, one empty confirmation. */
    private static DomibusConnectorMessageType trigger(String backendMessageId, String refToMessageId,
                                                       DomibusConnectorConfirmationType type) {
        DomibusConnectorMessageDetailsType details = new DomibusConnectorMessageDetailsType();
        details.setBackendMessageId(backendMessageId);
        details.setRefToMessageId(refToMessageId);
        details.setOriginalSender("");
        details.setFinalRecipient("");
        DomibusConnectorMessageConfirmationType confirmation = new DomibusConnectorMessageConfirmationType();
        confirmation.setConfirmation(new byte[0]);
        confirmation.setConfirmationType(type);
        DomibusConnectorMessageType message = new DomibusConnectorMessageType();
        message.setMessageDetails(details);
        message.getMessageConfirmations().add(confirmation);
        return message;
    }

    private static GetMessageByIdRequest byId(String transportId) {
        GetMessageByIdRequest request = new GetMessageByIdRequest();
        request.setMessageTransportId(transportId);
        return request;
    }

    private static DomibusConnectorMessageResponseType acknowledgement(String transportId) {
        DomibusConnectorMessageResponseType response = new DomibusConnectorMessageResponseType();
        response.setResponseForMessageId(transportId);
        response.setResult(true);
        return response;
    }

    /** The 4.x generation's requests (connector.domibus.eu). */
    private static final class Legacy {
        private Legacy() {
        }

        static eu.lexbridge.backend.soap.wire.domibus.transition.DomibusConnectorMessageType trigger(
                String backendMessageId, String refToMessageId,
                eu.lexbridge.backend.soap.wire.domibus.transition.DomibusConnectorConfirmationType type) {
            var details = new eu.lexbridge.backend.soap.wire.domibus.transition.DomibusConnectorMessageDetailsType();
            details.setBackendMessageId(backendMessageId);
            details.setRefToMessageId(refToMessageId);
            details.setOriginalSender("");
            details.setFinalRecipient("");
            var confirmation =
                    new eu.lexbridge.backend.soap.wire.domibus.transition.DomibusConnectorMessageConfirmationType();
            confirmation.setConfirmation(new byte[0]);
            confirmation.setConfirmationType(type);
            var message = new eu.lexbridge.backend.soap.wire.domibus.transition.DomibusConnectorMessageType();
            message.setMessageDetails(details);
            message.getMessageConfirmations().add(confirmation);
            return message;
        }

        static eu.lexbridge.backend.soap.wire.domibus.transition.DomibusConnectorMessageResponseType acknowledgement(
                String transportId) {
            var response = new eu.lexbridge.backend.soap.wire.domibus.transition.DomibusConnectorMessageResponseType();
            response.setResponseForMessageId(transportId);
            response.setResult(true);
            return response;
        }

        static eu.lexbridge.backend.soap.wire.domibus.GetMessageByIdRequest byId(String transportId) {
            var request = new eu.lexbridge.backend.soap.wire.domibus.GetMessageByIdRequest();
            request.setMessageTransportId(transportId);
            return request;
        }
    }

    // ---- Germany's pull

    /**
     * Germany's back-end pulls as a 4.4 back-end does (listPendingMessageIds, then getMessageById) until the message
     * with {@code ebmsId} is among what it fetched; it keeps what it fetched for the other tests.
     */
    private static eu.lexbridge.backend.soap.wire.domibus.transition.DomibusConnectorMessageType awaitFetched(
            String ebmsId) {
        var backend = germanyBackend();
        return await("the message in the German back-end's pending list", () -> {
            if (!FETCHED.containsKey(ebmsId)) {
                for (String id : backend.listPendingMessageIds(
                        new eu.lexbridge.backend.soap.wire.domibus.EmptyRequestType()).getMessageTransportIds()) {
                    var message = backend.getMessageById(Legacy.byId(id));
                    FETCHED.put(message.getMessageDetails().getEbmsMessageId(), message);
                    TRANSPORT_IDS.put(message.getMessageDetails().getEbmsMessageId(), id);
                }
            }
            return FETCHED.get(ebmsId);
        });
    }

    private static String transportIdOf(String ebmsId) {
        return TRANSPORT_IDS.get(ebmsId);
    }

    // ---- Austria's back-end as a delivery web service

    /** One push of an evidence: its type, the message it is about, the evidence XML. */
    record Pushed(String type, String refToMessageId, byte[] evidence) {
    }

    /**
     * Austria's back-end serving DomibusConnectorBackendDeliveryWebService (6.x) on a loopback port of its own, as a
     * back-end does: CXF in a servlet container, WS-Security required (it decrypts with its own key and accepts the
     * connector's signature only), so an unsigned or unencrypted push would be refused.
     */
    static final class PushedBackend {
        private final Tomcat tomcat;
        private final Bus bus;
        private final int port;
        private final Recorder recorder;

        private PushedBackend(Tomcat tomcat, Bus bus, int port, Recorder recorder) {
            this.tomcat = tomcat;
            this.bus = bus;
            this.port = port;
            this.recorder = recorder;
        }

        static PushedBackend start(Path baseDirectory, ConnectorKey own, X509Certificate connector)
                throws LifecycleException, IOException {
            Files.createDirectories(baseDirectory);
            Tomcat tomcat = new Tomcat();
            tomcat.setBaseDir(baseDirectory.toString());
            Connector http = new Connector();
            http.setPort(0);
            http.setProperty("address", "127.0.0.1");
            tomcat.setConnector(http);
            var context = (StandardContext) tomcat.addContext("", baseDirectory.toString());
            // a test server in the test's JVM: no class-loader leak hunting on stop (it only warns about --add-opens)
            context.setClearReferencesObjectStreamClassCaches(false);
            context.setClearReferencesRmiTargets(false);
            context.setClearReferencesThreadLocals(false);
            Bus bus = BusFactory.newInstance().createBus();
            CXFNonSpringServlet servlet = new CXFNonSpringServlet();
            servlet.setBus(bus);
            Tomcat.addServlet(context, "cxf", servlet).setLoadOnStartup(1);
            context.addServletMappingDecoded("/services/*", "cxf");
            tomcat.start();

            Recorder recorder = new Recorder();
            EndpointImpl endpoint = new EndpointImpl(bus, recorder, SOAPBinding.SOAP12HTTP_MTOM_BINDING);
            endpoint.setProperties(Map.of("mtom-enabled", Boolean.TRUE));
            endpoint.getInInterceptors().add(new WSS4JInInterceptor(
                    new WsSecuritySettings(AlgorithmSuite.MODERN, Duration.ofMinutes(5))
                            .receiving(own, own.crypto(Map.of("connector", connector)))));
            endpoint.publish("/delivery");
            return new PushedBackend(tomcat, bus, http.getLocalPort(), recorder);
        }

        String address() {
            return "http://127.0.0.1:" + port + "/services/delivery";
        }

        Pushed find(String refToMessageId, String type) {
            return recorder.pushed.stream()
                    .filter(p -> p.refToMessageId().equals(refToMessageId) && p.type().equals(type))
                    .findFirst().orElse(null);
        }

        List<String> typesFor(String refToMessageId) {
            return recorder.pushed.stream().filter(p -> p.refToMessageId().equals(refToMessageId))
                    .map(Pushed::type).toList();
        }

        void stop() {
            try {
                tomcat.stop();
                tomcat.destroy();
            } catch (LifecycleException e) {
                throw new IllegalStateException(e);
            } finally {
                bus.shutdown(true);
            }
        }
    }

    /** Keeps each evidence pushed and takes it. */
    @WebService(serviceName = "DomibusConnectorBackendDeliveryWSService",
            portName = "DomibusConnectorBackendDeliveryWebService",
            targetNamespace = "http://connector.ecodex.eu/ws/backend/delivery/webservice/",
            endpointInterface = "eu.lexbridge.backend.soap.wire.ecodex.delivery.DomibusConnectorBackendDeliveryWebService",
            wsdlLocation = "classpath:wsdl/ecodex/DomibusConnectorBackendDeliveryWebService.wsdl")
    public static final class Recorder
            implements eu.lexbridge.backend.soap.wire.ecodex.delivery.DomibusConnectorBackendDeliveryWebService {
        final List<Pushed> pushed = new CopyOnWriteArrayList<>();

        @Override
        public DomibsConnectorAcknowledgementType deliverMessage(DomibusConnectorMessageType message) {
            for (DomibusConnectorMessageConfirmationType confirmation : message.getMessageConfirmations()) {
                pushed.add(new Pushed(confirmation.getConfirmationType().name(),
                        String.valueOf(message.getMessageDetails().getRefToMessageId()),
                        confirmation.getConfirmation()));
            }
            DomibsConnectorAcknowledgementType acknowledgement = new DomibsConnectorAcknowledgementType();
            acknowledgement.setMessageId("at-backend-" + pushed.size());
            acknowledgement.setResult(true);
            return acknowledgement;
        }
    }

    // ---- keys and settings

    private static List<String> soapKey(String party) {
        return List.of("--lexbridge.soap.key-store=" + soapPki.parties().get(party).as4KeyStore().toAbsolutePath(),
                "--lexbridge.soap.key-store-password=" + new String(DemoNetwork.PKI_PASSWORD),
                "--lexbridge.soap.key-alias=" + TestPki.AS4_ALIAS);
    }

    private static String identity(String backend) {
        return "--lexbridge.backend-identity.certificates." + backend + "="
                + soapPki.parties().get(backend).as4Certificate().toAbsolutePath();
    }

    private static ConnectorKey key(String party) {
        return ConnectorKey.load(soapPki.parties().get(party).as4KeyStore(), DemoNetwork.PKI_PASSWORD,
                TestPki.AS4_ALIAS, DemoNetwork.PKI_PASSWORD);
    }

    private static X509Certificate certificate(String party) {
        try (InputStream pem = Files.newInputStream(soapPki.parties().get(party).as4Certificate())) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static javax.net.ssl.TrustManager[] trustingDemoCa() {
        try (InputStream pem = Files.newInputStream(network.caCertificate())) {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(pem));
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            return factory.getTrustManagers();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- assertions and waiting

    /** The call fails with a SOAP fault whose subcode and reason carry {@code code}. */
    private static SOAPFaultException fault(Runnable call, String code) {
        SOAPFaultException fault = catchThrowableOfType(SOAPFaultException.class, call::run);
        assertThat(fault).as("a SOAP fault " + code).isNotNull();
        assertThat(fault.getFault().getFaultString()).startsWith(code + ": ");
        QName subcode = (QName) fault.getFault().getFaultSubcodes().next();
        assertThat(subcode).isEqualTo(new QName(FAULT_NAMESPACE, code));
        return fault;
    }

    private static byte[] bytes(DataHandler data) {
        try (InputStream in = data.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> evidenceTypes(JsonNode timeline) {
        List<String> types = new ArrayList<>();
        timeline.path("evidences").forEach(e -> types.add(e.path("type").asText()));
        return types;
    }

    private static BackendClient up(ConnectorProcess process) {
        var client = new BackendClient(process.connector(), network.caCertificate());
        await(process.connector().party() + " to start", () -> {
            if (!process.isAlive()) {
                throw new AssertionError(process.connector().party() + " stopped while starting; the end of its log:\n"
                        + logTail(process.connector(), 40));
            }
            return client.isUp() ? true : null;
        });
        return client;
    }

    /** The log is in the test's temporary directory, which is gone once the test failed: the failure carries it. */
    private static String logTail(DemoConnector connector, int lines) {
        try {
            List<String> all = Files.readAllLines(connector.logFile(), StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static <T> T await(String what, Supplier<T> probe) {
        Instant deadline = Instant.now().plus(PATIENCE);
        RuntimeException last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                T value = probe.get();
                if (value != null) {
                    return value;
                }
            } catch (IllegalStateException | jakarta.xml.ws.WebServiceException e) {
                last = e; // the connector not answering yet
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
        throw new AssertionError("timed out waiting for " + what + (last == null ? "" : "; last: " + last.getMessage())
                + "\nAustria's log:\n" + logTail(network.issuing(), 30) + "\nGermany's log:\n"
                + logTail(network.enforcing(), 30), last);
    }
}

package eu.lexbridge.backend.soap;

import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibsConnectorAcknowledgementType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorMessageType;
import eu.lexbridge.backend.soap.service.LegacyView;
import jakarta.activation.DataHandler;
import jakarta.jws.WebService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Push back-ends as a back-end writes them from our delivery WSDL, served in the test connector's own servlet on the
 * loopback port: each keeps what it was pushed, its payloads read while the call lasts, and answers as told.
 */
final class RecordingBackends {

    /** What one push carried. */
    record Pushed(String generation, DomibusConnectorMessageType message, byte[] xmlContent, byte[] document) {
    }

    static final List<Pushed> PUSHED = new CopyOnWriteArrayList<>();
    /** The next answers: null takes the push, a text refuses it with that reason, "FAIL" fails the call. */
    static volatile String answer;

    private RecordingBackends() {
    }

    static void reset() {
        PUSHED.clear();
        answer = null;
    }

    static DomibsConnectorAcknowledgementType take(String generation, DomibusConnectorMessageType message) {
        if ("FAIL".equals(answer)) {
            throw new IllegalStateException("the back-end is broken");
        }
        var content = message.getMessageContent();
        PUSHED.add(new Pushed(generation, message, content == null ? null : read(content.getXmlContent()),
                content == null || content.getDocument() == null ? null : read(content.getDocument().getDocument())));
        DomibsConnectorAcknowledgementType ack = new DomibsConnectorAcknowledgementType();
        ack.setMessageId("backend-" + UUID.randomUUID());
        ack.setResult(answer == null);
        ack.setResultMessage(answer);
        return ack;
    }

    private static byte[] read(DataHandler data) {
        try (InputStream in = data.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 6.x generation. */
    @WebService(serviceName = "DomibusConnectorBackendDeliveryWSService",
            portName = "DomibusConnectorBackendDeliveryWebService",
            targetNamespace = "http://connector.ecodex.eu/ws/backend/delivery/webservice/",
            endpointInterface = "eu.lexbridge.backend.soap.wire.ecodex.delivery.DomibusConnectorBackendDeliveryWebService",
            wsdlLocation = "classpath:wsdl/ecodex/DomibusConnectorBackendDeliveryWebService.wsdl")
    static final class Current implements
            eu.lexbridge.backend.soap.wire.ecodex.delivery.DomibusConnectorBackendDeliveryWebService {
        @Override
        public DomibsConnectorAcknowledgementType deliverMessage(DomibusConnectorMessageType message) {
            return take("6", message);
        }
    }

    /** The 4.x generation, recorded in the 6.x types. */
    @WebService(serviceName = "DomibusConnectorBackendDeliveryWSService",
            portName = "DomibusConnectorBackendDeliveryWebService",
            targetNamespace = "http://connector.domibus.eu/ws/backend/delivery/webservice/",
            endpointInterface = "eu.lexbridge.backend.soap.wire.domibus.delivery.DomibusConnectorBackendDeliveryWebService",
            wsdlLocation = "classpath:wsdl/domibus/DomibusConnectorBackendDeliveryWebService.wsdl")
    static final class Legacy implements
            eu.lexbridge.backend.soap.wire.domibus.delivery.DomibusConnectorBackendDeliveryWebService {
        @Override
        public eu.lexbridge.backend.soap.wire.domibus.transition.DomibsConnectorAcknowledgementType deliverMessage(
                eu.lexbridge.backend.soap.wire.domibus.transition.DomibusConnectorMessageType message) {
            // read the legacy message as a back-end would, field by field into the recorder's types
            DomibusConnectorMessageType current = LegacyView.of(message);
            DomibsConnectorAcknowledgementType ack = take("4", current);
            var legacy = new eu.lexbridge.backend.soap.wire.domibus.transition.DomibsConnectorAcknowledgementType();
            legacy.setMessageId(ack.getMessageId());
            legacy.setResult(ack.isResult());
            legacy.setResultMessage(ack.getResultMessage());
            return legacy;
        }
    }
}

package eu.lexbridge.backend.soap.service;

import eu.lexbridge.backend.soap.wire.domibus.DomibusConnectorBackendWebService;
import eu.lexbridge.backend.soap.wire.domibus.EmptyRequestType;
import eu.lexbridge.backend.soap.wire.domibus.GetMessageByIdRequest;
import eu.lexbridge.backend.soap.wire.domibus.ListPendingMessageIdsResponse;
import eu.lexbridge.backend.soap.wire.domibus.transition.DomibsConnectorAcknowledgementType;
import eu.lexbridge.backend.soap.wire.domibus.transition.DomibusConnectorMessageResponseType;
import eu.lexbridge.backend.soap.wire.domibus.transition.DomibusConnectorMessageType;
import eu.lexbridge.backend.soap.wire.domibus.transition.DomibusConnectorMessagesType;
import jakarta.jws.WebService;

/**
 * The same web service in the 4.x namespaces ({@code connector.domibus.eu}), which back-ends built on the 4.4 client
 * libraries still speak: each call is copied into the 6.x generation, served there, and its answer copied back.
 */
@WebService(serviceName = "DomibusConnectorBackendWSService", portName = "DomibusConnectorBackendWebService",
        targetNamespace = LegacyBackendWebService.NAMESPACE,
        endpointInterface = "eu.lexbridge.backend.soap.wire.domibus.DomibusConnectorBackendWebService",
        wsdlLocation = "classpath:wsdl/domibus/DomibusConnectorBackendWebService.wsdl")
public final class LegacyBackendWebService implements DomibusConnectorBackendWebService {

    public static final String NAMESPACE = "http://connector.domibus.eu/ws/backend/webservice";

    private final BackendWebService current;

    public LegacyBackendWebService(BackendWebService current) {
        this.current = current;
    }

    @Override
    public DomibsConnectorAcknowledgementType submitMessage(DomibusConnectorMessageType request) {
        return TwinCopy.copy(current.submitMessage(TwinCopy.copy(request,
                eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorMessageType.class)),
                DomibsConnectorAcknowledgementType.class);
    }

    @Override
    public DomibusConnectorMessagesType requestMessages(EmptyRequestType request) {
        return TwinCopy.copy(current.requestMessages(new eu.lexbridge.backend.soap.wire.ecodex.EmptyRequestType()),
                DomibusConnectorMessagesType.class);
    }

    @Override
    public ListPendingMessageIdsResponse listPendingMessageIds(EmptyRequestType request) {
        return TwinCopy.copy(current.listPendingMessageIds(new eu.lexbridge.backend.soap.wire.ecodex.EmptyRequestType()),
                ListPendingMessageIdsResponse.class);
    }

    @Override
    public DomibusConnectorMessageType getMessageById(GetMessageByIdRequest request) {
        return TwinCopy.copy(current.getMessageById(TwinCopy.copy(request,
                eu.lexbridge.backend.soap.wire.ecodex.GetMessageByIdRequest.class)), DomibusConnectorMessageType.class);
    }

    @Override
    public EmptyRequestType acknowledgeMessage(DomibusConnectorMessageResponseType response) {
        current.acknowledgeMessage(TwinCopy.copy(response,
                eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorMessageResponseType.class));
        return new EmptyRequestType();
    }
}

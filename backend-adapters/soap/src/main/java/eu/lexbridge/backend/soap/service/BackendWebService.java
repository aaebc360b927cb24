package eu.lexbridge.backend.soap.service;

import static eu.lexbridge.backend.soap.service.BackendCall.answer;

import eu.lexbridge.backend.soap.wire.ecodex.DomibusConnectorBackendWebService;
import eu.lexbridge.backend.soap.wire.ecodex.EmptyRequestType;
import eu.lexbridge.backend.soap.wire.ecodex.GetMessageByIdRequest;
import eu.lexbridge.backend.soap.wire.ecodex.ListPendingMessageIdsResponse;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibsConnectorAcknowledgementType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorMessageResponseType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorMessageType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorMessagesType;
import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.evidence.BackendConfirmation;
import eu.lexbridge.core.flow.BackendInbox;
import eu.lexbridge.core.flow.Submission;
import eu.lexbridge.core.log.LogSafe;
import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.port.MessageStore;
import jakarta.jws.WebService;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The official connector's back-end web service over the core flows, in the 6.x/7.x namespaces (the 4.x generation
 * delegates here). Every operation acts for the authenticated back-end only: another back-end's message looks as if it
 * did not exist. A refusal is a SOAP fault with a stable code; a refused submission stores nothing.
 */
@WebService(serviceName = "DomibusConnectorBackendWSService", portName = "DomibusConnectorBackendWebService",
        targetNamespace = BackendWebService.NAMESPACE,
        endpointInterface = "eu.lexbridge.backend.soap.wire.ecodex.DomibusConnectorBackendWebService",
        wsdlLocation = "classpath:wsdl/ecodex/DomibusConnectorBackendWebService.wsdl")
public final class BackendWebService implements DomibusConnectorBackendWebService {

    public static final String NAMESPACE = "http://connector.ecodex.eu/ws/backend/webservice";

    /** The most messages one {@code requestMessages} or {@code listPendingMessageIds} answer carries. */
    static final int MAX_PER_CALL = 100;

    private static final Logger LOG = LoggerFactory.getLogger(BackendWebService.class);

    private final Submission submission;
    private final BackendInbox inbox;
    private final MessageStore store;
    private final DeliveryMapping delivery;

    public BackendWebService(Submission submission, BackendInbox inbox, MessageStore store) {
        this.submission = submission;
        this.inbox = inbox;
        this.store = store;
        this.delivery = new DeliveryMapping(inbox);
    }

    /**
     * A business message, or an evidence trigger (a request with {@code messageConfirmations}): the back-end asks for
     * DELIVERY, NON_DELIVERY, RETRIEVAL or NON_RETRIEVAL about a message it received; the answer carries the id of the
     * evidence issued.
     */
    @Override
    public DomibsConnectorAcknowledgementType submitMessage(DomibusConnectorMessageType request) {
        if (EvidenceTrigger.isTrigger(request)) {
            return answer(backend -> trigger(backend, EvidenceTrigger.read(request)));
        }
        return answer(backend -> {
            ConnectorMessage message = submission.submit(SubmissionMapping.request(backend, request));
            try (var id = MDC.putCloseable("connectorMessageId", message.connectorMessageId().toString());
                 var ebms = MDC.putCloseable("ebmsMessageId", message.ebmsMessageId());
                 var conversation = MDC.putCloseable("conversationId", message.conversationId())) {
                LOG.info("message {} submitted over SOAP by back-end {} for {}", message.connectorMessageId(),
                        backend, LogSafe.of(message.to().partyId()));
            }
            DomibsConnectorAcknowledgementType acknowledgement = new DomibsConnectorAcknowledgementType();
            acknowledgement.setMessageId(message.connectorMessageId().toString());
            acknowledgement.setResult(true);
            acknowledgement.setResultMessage("stored and queued as ebMS message " + message.ebmsMessageId());
            return acknowledgement;
        });
    }

    private DomibsConnectorAcknowledgementType trigger(String backend, EvidenceTrigger trigger) {
        UUID subject = trigger.subject(backend, store);
        Evidence evidence = inbox.confirm(backend, subject, trigger.confirmation(), null);
        LOG.info("{} evidence {} issued for message {} on the trigger of back-end {}", evidence.type(),
                evidence.evidenceId(), subject, backend);
        DomibsConnectorAcknowledgementType acknowledgement = new DomibsConnectorAcknowledgementType();
        acknowledgement.setMessageId(evidence.evidenceId().toString());
        acknowledgement.setResult(true);
        acknowledgement.setResultMessage(evidence.type() + " evidence issued for message " + subject);
        return acknowledgement;
    }

    /**
     * The 4.0 pull: every waiting message (at most {@value #MAX_PER_CALL}), each taken as delivered (DELIVERY to the
     * sender) once its answer is built, as the official connector does. Back-ends that can should use
     * listPendingMessageIds / getMessageById / acknowledgeMessage, which lose nothing if the answer is lost.
     */
    @Override
    public DomibusConnectorMessagesType requestMessages(EmptyRequestType request) {
        return answer(backend -> {
            DomibusConnectorMessagesType messages = new DomibusConnectorMessagesType();
            for (ConnectorMessage message : inbox.pending(backend, MAX_PER_CALL)) {
                UUID id = message.connectorMessageId();
                messages.getMessages().add(delivery.message(message, inbox.evidences(backend, id)));
                inbox.acknowledge(backend, id);
            }
            return messages;
        });
    }

    @Override
    public ListPendingMessageIdsResponse listPendingMessageIds(EmptyRequestType request) {
        return answer(backend -> {
            ListPendingMessageIdsResponse response = new ListPendingMessageIdsResponse();
            inbox.pending(backend, MAX_PER_CALL)
                    .forEach(m -> response.getMessageTransportIds().add(m.connectorMessageId().toString()));
            return response;
        });
    }

    @Override
    public DomibusConnectorMessageType getMessageById(GetMessageByIdRequest request) {
        return answer(backend -> {
            UUID id = messageId(request == null ? null : request.getMessageTransportId(), "messageTransportId");
            return delivery.message(inbox.fetched(backend, id), inbox.evidences(backend, id));
        });
    }

    /**
     * The back-end's answer to a fetched message: {@code result} true takes it (DELIVERY to the sender), false refuses
     * it (NON_DELIVERY, with {@code resultMessage} as the reason).
     */
    @Override
    public EmptyRequestType acknowledgeMessage(DomibusConnectorMessageResponseType response) {
        return answer(backend -> {
            if (response == null) {
                throw new ConnectorException(ErrorCode.MISSING_FIELD, "responseForMessageId",
                        "responseForMessageId is required");
            }
            UUID id = messageId(response.getResponseForMessageId(), "responseForMessageId");
            if (response.isResult()) {
                inbox.acknowledge(backend, id);
            } else {
                inbox.confirm(backend, id, BackendConfirmation.NON_DELIVERY, response.getResultMessage());
            }
            LOG.info("message {} {} over SOAP by back-end {}", id, response.isResult() ? "acknowledged" : "refused",
                    backend);
            return new EmptyRequestType();
        });
    }

    /** Our transport ids are connector message ids; anything else names no message of this back-end. */
    private static UUID messageId(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ConnectorException(ErrorCode.MISSING_FIELD, field, field + " is required");
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new ConnectorException(ErrorCode.UNKNOWN_MESSAGE, field,
                    "message " + LogSafe.of(value, 64) + " is not known to this back-end");
        }
    }
}

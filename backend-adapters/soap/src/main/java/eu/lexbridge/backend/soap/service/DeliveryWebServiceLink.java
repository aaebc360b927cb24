package eu.lexbridge.backend.soap.service;

import eu.lexbridge.backend.soap.wire.ecodex.delivery.DomibusConnectorBackendDeliveryWSService;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibsConnectorAcknowledgementType;
import eu.lexbridge.backend.soap.wire.ecodex.transition.DomibusConnectorMessageType;
import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.flow.BackendInbox;
import eu.lexbridge.core.log.LogSafe;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.port.BackendLink;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.MTOMFeature;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.interceptor.Interceptor;
import org.apache.cxf.message.Message;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes to one back-end's {@code DomibusConnectorBackendDeliveryWebService.deliverMessage}, as the official
 * connector does for push back-ends: received messages with their payloads as MTOM attachments streamed from the
 * payload store, and evidences. The back-end's acknowledgement with result false is a refusal; a connection that fails,
 * times out, or an answer that is no acknowledgement (an HTTP or SOAP error) leaves the message for another attempt.
 * Never throws for the back-end's trouble.
 */
public final class DeliveryWebServiceLink implements BackendLink {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWebServiceLink.class);

    private final String backend;
    private final DeliveryMapping mapping;
    private final Port port;

    private DeliveryWebServiceLink(String backend, BackendInbox inbox, Port port) {
        this.backend = backend;
        this.mapping = new DeliveryMapping(inbox);
        this.port = port;
    }

    /**
     * @param generation 6 for the 6.x/7.x namespaces (connector.ecodex.eu), 4 for the 4.x ones (connector.domibus.eu)
     * @param security interceptors that sign and encrypt each push (WS-Security), or none
     */
    public static DeliveryWebServiceLink of(String backend, URI address, int generation, BackendInbox inbox,
                                            Duration connectTimeout, Duration timeout,
                                            List<Interceptor<? extends Message>> security) {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(address, "address");
        Port port = switch (generation) {
            case 6 -> {
                var client = new DomibusConnectorBackendDeliveryWSService()
                        .getDomibusConnectorBackendDeliveryWebService(new MTOMFeature());
                configure(client, address, connectTimeout, timeout, security);
                yield client::deliverMessage;
            }
            case 4 -> {
                var client = new eu.lexbridge.backend.soap.wire.domibus.delivery
                        .DomibusConnectorBackendDeliveryWSService()
                        .getDomibusConnectorBackendDeliveryWebService(new MTOMFeature());
                configure(client, address, connectTimeout, timeout, security);
                yield message -> TwinCopy.copy(client.deliverMessage(TwinCopy.copy(message,
                                eu.lexbridge.backend.soap.wire.domibus.transition.DomibusConnectorMessageType.class)),
                        DomibsConnectorAcknowledgementType.class);
            }
            default -> throw new IllegalArgumentException("generation must be 6 or 4, not " + generation);
        };
        return new DeliveryWebServiceLink(backend, inbox, port);
    }

    @Override
    public Handover deliver(ConnectorMessage message) {
        return push("message " + message.connectorMessageId(),
                () -> mapping.message(message, List.of()));
    }

    @Override
    public Handover notify(ConnectorMessage subject, Evidence evidence) {
        return push(evidence.type() + " evidence for message " + subject.connectorMessageId(),
                () -> mapping.evidence(subject, evidence));
    }

    private Handover push(String what, java.util.function.Supplier<DomibusConnectorMessageType> request) {
        DomibsConnectorAcknowledgementType answer;
        try {
            answer = port.deliver(request.get());
        } catch (WebServiceException e) {
            // a connection refused or timed out, an HTTP error, a SOAP fault: the back-end may take it next time
            LOG.warn("{} not pushed to back-end {}: {}", what, backend, LogSafe.of(rootMessage(e), 300));
            return new Unreachable("back-end " + backend + " could not be reached: " + LogSafe.of(rootMessage(e), 300));
        }
        if (answer == null) {
            return new Unreachable("back-end " + backend + " answered without an acknowledgement");
        }
        if (!answer.isResult()) {
            String reason = answer.getResultMessage() == null || answer.getResultMessage().isBlank()
                    ? "refused by back-end " + backend : LogSafe.of(answer.getResultMessage(), 500);
            LOG.info("{} refused by back-end {}: {}", what, backend, reason);
            return new Refused(reason);
        }
        LOG.info("{} pushed to back-end {}", what, backend);
        return new Pushed("pushed to back-end " + backend + (answer.getMessageId() == null ? ""
                : " as " + LogSafe.of(answer.getMessageId(), 128)));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static void configure(Object client, URI address, Duration connectTimeout, Duration timeout,
                                  List<Interceptor<? extends Message>> security) {
        ((BindingProvider) client).getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY,
                address.toString());
        Client cxf = ClientProxy.getClient(client);
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(connectTimeout.toMillis());
        policy.setReceiveTimeout(timeout.toMillis());
        ((HTTPConduit) cxf.getConduit()).setClient(policy);
        cxf.getOutInterceptors().addAll(security);
    }

    /** One generation's deliverMessage, in the 6.x types. */
    @FunctionalInterface
    private interface Port {
        DomibsConnectorAcknowledgementType deliver(DomibusConnectorMessageType message);
    }
}

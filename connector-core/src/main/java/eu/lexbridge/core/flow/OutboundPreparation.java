package eu.lexbridge.core.flow;

import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.evidence.Reason;
import eu.lexbridge.core.evidence.RejectionReason;
import eu.lexbridge.core.flow.EvidenceIssuer.Route;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.message.TimelineEntry;
import eu.lexbridge.core.port.ContainerPacker;
import eu.lexbridge.core.port.DocumentChecker;
import eu.lexbridge.core.port.MessageStore;
import eu.lexbridge.core.port.PartnerDirectory;
import eu.lexbridge.core.port.SecurityEvents;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares a submitted message for sending: checks its business document against its service's policy, seals it with
 * the attachments in the e-CODEX container and issues SUBMISSION_ACCEPTANCE; or SUBMISSION_REJECTION, and nothing is
 * sent.
 */
public final class OutboundPreparation {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundPreparation.class);

    private final MessageStore store;
    private final PartnerDirectory partners;
    private final EvidenceIssuer evidences;
    private final ContainerPacker containers;
    private final ServiceCatalogue catalogue;
    private final DocumentChecker documents;
    private final SecurityEvents security;
    private final Clock clock;

    public OutboundPreparation(MessageStore store, PartnerDirectory partners, EvidenceIssuer evidences,
                               ContainerPacker containers, ServiceCatalogue catalogue, DocumentChecker documents,
                               SecurityEvents security, Clock clock) {
        this.security = security;
        this.clock = clock;
        this.store = store;
        this.partners = partners;
        this.evidences = evidences;
        this.containers = containers;
        this.catalogue = catalogue;
        this.documents = documents;
    }

    /** What a preparation did; an exception asks for another attempt (the route's retry, then give-up). */
    public sealed interface Outcome permits Prepared, Rejected, Skipped {
    }

    /** SUBMISSION_ACCEPTANCE is issued (now, or by an earlier delivery of this step): the message is to be sent. */
    public record Prepared(UUID connectorMessageId) implements Outcome {
        public Prepared {
            Objects.requireNonNull(connectorMessageId, "connectorMessageId");
        }
    }

    /** SUBMISSION_REJECTION is issued for the back-end (state REJECTED); nothing is sent. */
    public record Rejected(String reason) implements Outcome {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Nothing to do: the message is unknown, or past preparation another way. */
    public record Skipped(String why) implements Outcome {
        public Skipped {
            Objects.requireNonNull(why, "why");
        }
    }

    public Outcome prepare(UUID connectorMessageId) {
        ConnectorMessage message = store.find(connectorMessageId).orElse(null);
        if (message == null) {
            return new Skipped("message " + connectorMessageId + " is unknown");
        }
        if (message.state() != MessageState.SUBMITTED) {
            // a redelivery of an accepted message: the work is done, it goes on again
            return message.state() == MessageState.ACCEPTED ? new Prepared(connectorMessageId)
                    : new Skipped("message " + connectorMessageId + " is " + message.state());
        }
        if (partners.byPartyId(message.to().partyId()).isEmpty()) {
            return reject(message, RejectionReason.OTHER.because("recipient party " + message.to().partyId()
                    + " is no longer configured"));
        }
        DocumentDecision decision = checkDocument(message);
        if (decision.refusal() != null) {
            boolean unsafe = decision.check() != null && decision.check().refusal() != null;
            security.record(unsafe ? SecurityEvents.Kind.UNSAFE_INPUT : SecurityEvents.Kind.DOCUMENT_BELOW_POLICY,
                    "message " + connectorMessageId
                    + " from back-end " + message.backendName() + ": " + decision.refusal());
            return reject(message, RejectionReason.OTHER.because(decision.refusal()));
        }
        // Always a container, as the official connector builds one: without a document, the business XML is sealed as
        // the document; a receiving official connector refuses a business message without one.
        if (message.payload(PayloadKind.CONTAINER).isEmpty()) {
            List<PayloadRef> container;
            try {
                container = containers.pack(message, decision.check());
            } catch (RuntimeException e) {
                LOG.warn("the container for message {} could not be built", connectorMessageId, e);
                return reject(message, RejectionReason.OTHER.because("the e-CODEX container could not be built: "
                        + e.getMessage()));
            }
            // Outside the refusal above: a database that fails here (a restart) fails the step, which is delivered
            // again, instead of rejecting a message that has nothing wrong with it.
            store.addPayloads(connectorMessageId, container);
        }
        evidences.issue(message, EvidenceType.SUBMISSION_ACCEPTANCE, Route.WITH_SUBJECT, MessageState.ACCEPTED, null);
        return new Prepared(connectorMessageId);
    }

    /**
     * Ends a message whose preparation failed the same way on every attempt: SUBMISSION_REJECTION (state REJECTED)
     * instead of another retry. A message that is no longer SUBMITTED is left as it is.
     *
     * @param why what was tried, in words (e.g. "its preparation failed 3 times")
     * @return Rejected when the message was rejected now, Skipped when it was left
     */
    public Outcome giveUp(UUID connectorMessageId, String why) {
        ConnectorMessage message = store.find(connectorMessageId).orElse(null);
        if (message == null || message.state() != MessageState.SUBMITTED) {
            return new Skipped("message " + connectorMessageId + (message == null ? " is unknown"
                    : " is " + message.state()));
        }
        LOG.warn("message {} is rejected: {}", connectorMessageId, why);
        return reject(message, RejectionReason.OTHER.because("the message could not be prepared for sending: " + why
                + " (the connector's log names the cause)"));
    }

    private Rejected reject(ConnectorMessage message, Reason reason) {
        evidences.issue(message, EvidenceType.SUBMISSION_REJECTION, Route.BACKEND_ONLY, MessageState.REJECTED, reason);
        return new Rejected(reason.text());
    }

    /**
     * Validates the business document when the service's policy is signature-based, records what was found on the
     * timeline and keeps the validator's report with the message.
     */
    private DocumentDecision checkDocument(ConnectorMessage message) {
        DocumentPolicy policy = catalogue.policy(message.service().value(), message.action());
        var document = message.payload(PayloadKind.BUSINESS_DOCUMENT);
        if (!policy.signatureBased()) {
            return new DocumentDecision(null, null);
        }
        if (document.isEmpty()) {
            return new DocumentDecision(null, policy == DocumentPolicy.NONE ? null : "service "
                    + message.service().value() + "/" + message.action() + " requires a signed business document ("
                    + policy + ") and there is none");
        }
        UUID id = message.connectorMessageId();
        DocumentChecker.Check check = documents.check(document.get(),
                message.payload(PayloadKind.DETACHED_SIGNATURE).orElse(null));
        if (check.refusal() != null) {
            store.note(TimelineEntry.state(id, clock.instant(), message.state(), "business document refused ("
                    + policy + "): " + check.refusal()));
            return new DocumentDecision(check, "the business document exceeds a validation limit: " + check.refusal());
        }
        store.note(TimelineEntry.state(id, clock.instant(), message.state(), "business document checked ("
                + policy + "), reaches " + check.level() + ": " + check.finding()));
        if (check.report() != null && message.payload(PayloadKind.VALIDATION_REPORT).isEmpty()) {
            store.addPayloads(id, List.of(check.report()));
        }
        return new DocumentDecision(check, policy.acceptsDocumentAt(check.level()) ? null
                : "the business document does not meet the policy " + policy + " (it reaches " + check.level()
                        + "): " + check.finding());
    }

    /**
     * @param check what the document's validation found; {@code null} when none was made
     * @param refusal why the message is refused, or {@code null} when it may be sent
     */
    private record DocumentDecision(DocumentChecker.Check check, String refusal) {
    }
}

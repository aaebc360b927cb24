package eu.lexbridge.backend.rest.view;

import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.MessageEvent;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.message.TimelineEntry;
import eu.lexbridge.core.record.DeadlineAlert;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Maps core messages, payloads, evidences and timelines to what the API answers. */
public final class MessageViews {

    private final ApiLinks links;

    public MessageViews(ApiLinks links) {
        this.links = links;
    }

    public MessageSummary summary(ConnectorMessage m) {
        return new MessageSummary(m.connectorMessageId(), m.backendMessageId(), m.ebmsMessageId(),
                m.conversationId(), m.direction(), m.service().value(), m.action(), m.state(), m.createdAt(),
                links.message(m.connectorMessageId()));
    }

    public MessageView message(ConnectorMessage m, List<Evidence> evidences) {
        UUID id = m.connectorMessageId();
        return new MessageView(id, m.backendMessageId(), m.ebmsMessageId(), m.conversationId(), m.refToMessageId(),
                m.direction(), m.service().value(), m.service().type(), m.action(), PartyView.of(m.from()),
                PartyView.of(m.to()), m.originalSender(), m.finalRecipient(), m.state(), m.createdAt(),
                m.payloads().stream().map(p -> payload(id, p)).toList(), evidences(evidences),
                links.timeline(id));
    }

    public EvidenceView evidence(Evidence e) {
        return new EvidenceView(e.evidenceId(), e.type(), e.type().isPositive(), e.origin(), e.at(), e.reason(),
                links.payload(e.subjectMessageId(), e.document().payloadId()));
    }

    public TimelineView timeline(UUID connectorMessageId, List<TimelineEntry> entries, List<Evidence> evidences) {
        return new TimelineView(connectorMessageId, entries.stream()
                .sorted(Comparator.comparing(TimelineEntry::at)) // stable: entries at the same instant keep the store's order
                .map(t -> new TimelineEntryView(t.at(), t.state(), t.evidenceType(), t.evidenceOrigin(), t.detail()))
                .toList(), evidences(evidences));
    }

    public DeadlineAlertView alert(DeadlineAlert alert) {
        return DeadlineAlertView.of(alert, links);
    }

    public EventView event(MessageEvent e) {
        return new EventView(e.sequence(), e.connectorMessageId(), e.conversationId(), e.state(), e.evidenceType(),
                e.evidenceOrigin(), e.at(), links.message(e.connectorMessageId()));
    }

    private List<EvidenceView> evidences(List<Evidence> evidences) {
        return evidences.stream().map(this::evidence).toList();
    }

    private PayloadView payload(UUID messageId, PayloadRef p) {
        return new PayloadView(p.payloadId(), p.kind(), p.name(), p.mimeType(), p.size(), p.sha256(),
                links.payload(messageId, p.payloadId()));
    }
}

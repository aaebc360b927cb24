package eu.lexbridge.record.timeline;

import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.Direction;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.port.MessageStore;
import eu.lexbridge.core.port.PayloadStore;
import eu.lexbridge.core.record.CaseDeadline;
import eu.lexbridge.record.deadline.Deadline;
import eu.lexbridge.record.deadline.DeadlineEngine;
import eu.lexbridge.record.deadline.StepEvent;
import eu.lexbridge.record.deadline.StepEvent.Flag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The time limits of a conversation from its messages: each message whose service and action a {@link StepMapping}
 * names is a procedural step, with the flags its business content sets, at the moment the other side received it —
 * for a message we received, when it arrived; for one we sent, the first evidence that the other side's gateway or
 * back-end took it (RELAY_REMMD_ACCEPTANCE or DELIVERY). A message sent and not yet received starts nothing.
 */
public final class EngineDeadlines implements CaseDeadlines {

    private final List<StepMapping> mappings;
    private final DeadlineEngine engine;
    private final MessageStore store;
    private final PayloadStore payloads;
    private final String ownState;
    private final Map<String, String> partnerStates;

    /**
     * @param ownState this connector's Member State, the sender of what it sends and the recipient of what it receives
     * @param partnerStates the Member State of each partner, by AS4 party id; a partner not named counts in the
     *     engine's default calendar
     */
    public EngineDeadlines(List<StepMapping> mappings, DeadlineEngine engine, MessageStore store,
                           PayloadStore payloads, String ownState, Map<String, String> partnerStates) {
        this.mappings = List.copyOf(mappings);
        this.engine = engine;
        this.store = store;
        this.payloads = payloads;
        this.ownState = ownState;
        this.partnerStates = Map.copyOf(partnerStates);
    }

    @Override
    public List<CaseDeadline> of(List<ConnectorMessage> messages, Instant now) {
        List<StepEvent> events = new ArrayList<>();
        for (ConnectorMessage message : messages) {
            mappings.stream().filter(m -> m.matches(message.service().value(), message.action())).findFirst()
                    .flatMap(mapping -> event(message, mapping)).ifPresent(events::add);
        }
        return engine.evaluate(events, now).stream().map(EngineDeadlines::view).toList();
    }

    private Optional<StepEvent> event(ConnectorMessage message, StepMapping mapping) {
        boolean sent = message.direction() == Direction.OUTBOUND;
        Optional<Instant> received = sent ? receivedByPartner(message) : Optional.of(message.createdAt());
        if (received.isEmpty()) {
            return Optional.empty();
        }
        String partner = partnerStates.get(sent ? message.to().partyId() : message.from().partyId());
        return Optional.of(new StepEvent(mapping.step(), received.get(), message.connectorMessageId().toString(),
                flags(message, mapping.flags()), sent ? ownState : partner, sent ? partner : ownState));
    }

    private Optional<Instant> receivedByPartner(ConnectorMessage message) {
        return store.evidences(message.connectorMessageId()).stream()
                .filter(e -> e.origin() == EvidenceOrigin.RECEIVED)
                .filter(e -> e.type() == EvidenceType.RELAY_REMMD_ACCEPTANCE || e.type() == EvidenceType.DELIVERY)
                .map(Evidence::at).min(Instant::compareTo);
    }

    private Set<Flag> flags(ConnectorMessage message, Map<Flag, ContentCondition> conditions) {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        if (conditions.isEmpty()) {
            return flags;
        }
        message.payload(PayloadKind.BUSINESS_CONTENT).ifPresent(content -> {
            Set<ContentCondition> holding;
            try {
                holding = ContentFacts.holding(payloads.open(content), conditions.values());
            } catch (RuntimeException e) {
                return; // content no longer kept: the step counts without its flags
            }
            conditions.forEach((flag, condition) -> {
                if (holding.contains(condition)) {
                    flags.add(flag);
                }
            });
        });
        return flags;
    }

    private static CaseDeadline view(Deadline d) {
        return new CaseDeadline(d.ruleId(), d.title(), d.source(), d.role(), d.triggerMessageId(), d.startedAt(),
                d.dueAt(), CaseDeadline.Status.valueOf(d.status().name()), d.closedAt(), d.late());
    }
}

package eu.lexbridge.record.timeline;

import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.Direction;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.port.MessageStore;
import eu.lexbridge.core.port.PayloadStore;
import eu.lexbridge.core.record.TransmissionRecord;
import eu.lexbridge.record.content.ContentCondition;
import eu.lexbridge.record.content.ContentFacts;
import eu.lexbridge.record.deadline.StepEvent;
import eu.lexbridge.record.deadline.StepEvent.Flag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The procedural steps of a conversation, from its messages and records: each message whose service and action a
 * {@link StepMapping} names is a procedural step, with the flags its business content sets, at the moment the other
 * side received it — for a message we received, when it arrived; for one we sent, the first evidence that the other
 * side's gateway or back-end took it (RELAY_REMMD_ACCEPTANCE or DELIVERY). A message sent and not yet received starts
 * nothing. A transmission recorded outside the system whose instrument and form a mapping names is its step when it
 * was transmitted (its recipient's Member State is not known: the default calendar counts for it).
 */
public final class ConversationSteps {

    private static final int READ_CONTENTS = 10_000;

    private final List<StepMapping> mappings;
    private final MessageStore store;
    private final PayloadStore payloads;
    private final String ownState;
    private final Map<String, String> partnerStates;
    /** The flags read from each business content, by payload id; the least recently used go past the bound. */
    private final Map<String, Set<Flag>> read = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Set<Flag>> eldest) {
            return size() > READ_CONTENTS;
        }
    };

    /**
     * @param ownState this connector's Member State, the sender of what it sends and the recipient of what it receives
     * @param partnerStates the Member State of each partner, by AS4 party id; a partner not named counts in the
     *     engine's default calendar
     */
    public ConversationSteps(List<StepMapping> mappings, MessageStore store, PayloadStore payloads, String ownState,
                             Map<String, String> partnerStates) {
        this.mappings = List.copyOf(mappings);
        this.store = store;
        this.payloads = payloads;
        this.ownState = ownState;
        this.partnerStates = Map.copyOf(partnerStates);
    }

    /** The steps of a conversation's messages and records, each when the other side received it; unordered. */
    public List<StepEvent> of(List<ConnectorMessage> messages, List<TransmissionRecord> records) {
        List<StepEvent> events = new ArrayList<>();
        for (ConnectorMessage message : messages) {
            mappings.stream().filter(m -> m.matches(message)).findFirst()
                    .flatMap(mapping -> event(message, mapping)).ifPresent(events::add);
        }
        for (TransmissionRecord record : records) {
            // A correction stands for the record it corrects; both would count the step twice.
            if (records.stream().anyMatch(later -> record.recordId().equals(later.corrects()))) {
                continue;
            }
            mappings.stream().filter(m -> m.matches(record)).findFirst().ifPresent(mapping -> events.add(
                    new StepEvent(mapping.step(), record.transmittedAt(), record.recordId().toString(), Set.of(),
                            ownState, null)));
        }
        return events;
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
        if (conditions.isEmpty()) {
            return EnumSet.noneOf(Flag.class);
        }
        // A stored payload never changes: its flags are read once, not on every timeline and every watch.
        String key = message.payload(PayloadKind.BUSINESS_CONTENT).map(PayloadRef::payloadId).orElse(null);
        synchronized (read) {
            Set<Flag> known = key == null ? null : read.get(key);
            if (known != null) {
                return known;
            }
        }
        Set<Flag> flags = readFlags(message, conditions);
        if (key != null) {
            synchronized (read) {
                read.put(key, flags);
            }
        }
        return flags;
    }

    private Set<Flag> readFlags(ConnectorMessage message, Map<Flag, ContentCondition> conditions) {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
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
        return Set.copyOf(flags);
    }
}

package eu.lexbridge.backend.rest.testing;

import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.Direction;
import eu.lexbridge.core.message.MessageKind;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.message.MessageStateMachine;
import eu.lexbridge.core.message.TimelineEntry;
import eu.lexbridge.core.port.MessageStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The message store contract in memory: duplicate refusal, state-machine-checked transitions and one timeline, each
 * method atomic. The JDBC store in connector-app is the production one.
 */
public final class InMemoryMessageStore implements MessageStore {

    private final Map<UUID, ConnectorMessage> messages = new LinkedHashMap<>();
    private final List<Evidence> evidences = new ArrayList<>();
    private final List<TimelineEntry> timeline = new ArrayList<>();

    @Override
    public synchronized boolean insert(ConnectorMessage message, String cause) {
        boolean duplicate = messages.values().stream().anyMatch(m ->
                (m.direction() == message.direction() && m.ebmsMessageId().equals(message.ebmsMessageId()))
                        || (message.direction() == Direction.OUTBOUND && message.backendMessageId() != null
                        && m.direction() == Direction.OUTBOUND
                        && Objects.equals(m.backendName(), message.backendName())
                        && message.backendMessageId().equals(m.backendMessageId())));
        if (duplicate || messages.containsKey(message.connectorMessageId())) {
            return false;
        }
        messages.put(message.connectorMessageId(), message);
        timeline.add(TimelineEntry.state(message.connectorMessageId(), message.createdAt(), message.state(), cause));
        return true;
    }

    @Override
    public synchronized Optional<ConnectorMessage> find(UUID connectorMessageId) {
        return Optional.ofNullable(messages.get(connectorMessageId));
    }

    @Override
    public synchronized Optional<ConnectorMessage> findByEbmsId(String ebmsMessageId, Direction direction) {
        return messages.values().stream()
                .filter(m -> m.direction() == direction && m.ebmsMessageId().equals(ebmsMessageId)).findFirst();
    }

    @Override
    public synchronized Optional<ConnectorMessage> findByBackendMessageId(String backendName, String backendMessageId) {
        return messages.values().stream()
                .filter(m -> m.direction() == Direction.OUTBOUND && Objects.equals(m.backendName(), backendName)
                        && backendMessageId.equals(m.backendMessageId()))
                .findFirst();
    }

    @Override
    public synchronized boolean advance(UUID connectorMessageId, MessageState to, String cause, Instant at) {
        ConnectorMessage message = messages.get(connectorMessageId);
        if (message == null || !MessageStateMachine.isLegal(message.state(), to)) {
            return false;
        }
        messages.put(connectorMessageId, message.withState(to));
        timeline.add(TimelineEntry.state(connectorMessageId, at, to, cause));
        return true;
    }

    @Override
    public synchronized void assignBackend(UUID connectorMessageId, String backendName) {
        messages.computeIfPresent(connectorMessageId, (id, m) -> m.toBuilder().backendName(backendName).build());
    }

    @Override
    public synchronized boolean recordEvidence(Evidence evidence, ConnectorMessage carrier, MessageState subjectState,
                                               String cause) {
        if (findEvidence(evidence.subjectMessageId(), evidence.type(), evidence.origin()).isPresent()) {
            return false;
        }
        evidences.add(evidence);
        if (carrier != null) {
            insert(carrier, evidence.type() + " about " + evidence.subjectMessageId());
        }
        timeline.add(TimelineEntry.evidence(evidence.subjectMessageId(), evidence.at(), evidence.type(),
                evidence.origin(), cause));
        if (subjectState != null) {
            advance(evidence.subjectMessageId(), subjectState, cause, evidence.at());
        }
        return true;
    }

    @Override
    public synchronized Optional<Evidence> findEvidence(UUID subjectMessageId, EvidenceType type,
                                                        EvidenceOrigin origin) {
        return evidences.stream().filter(e -> e.subjectMessageId().equals(subjectMessageId) && e.type() == type
                && e.origin() == origin).findFirst();
    }

    @Override
    public synchronized List<Evidence> evidences(UUID subjectMessageId) {
        return evidences.stream().filter(e -> e.subjectMessageId().equals(subjectMessageId)).toList();
    }

    @Override
    public synchronized List<TimelineEntry> timeline(UUID connectorMessageId) {
        return timeline.stream().filter(t -> t.connectorMessageId().equals(connectorMessageId)).toList();
    }

    @Override
    public synchronized List<ConnectorMessage> inState(String backendName, Direction direction, MessageState state,
                                                       int limit) {
        return messages.values().stream()
                .filter(m -> m.kind() == MessageKind.BUSINESS && Objects.equals(m.backendName(), backendName)
                        && m.direction() == direction && m.state() == state)
                .sorted(Comparator.comparing(ConnectorMessage::createdAt))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized List<ConnectorMessage> stalled(MessageState state, Instant before, int limit) {
        return messages.values().stream()
                .filter(m -> m.state() == state && m.createdAt().isBefore(before))
                .sorted(Comparator.comparing(ConnectorMessage::createdAt))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized List<ConnectorMessage> overdue(MessageState state, Instant createdBefore, int limit) {
        return messages.values().stream()
                .filter(m -> m.kind() == MessageKind.BUSINESS && m.direction() == Direction.OUTBOUND
                        && m.state() == state && m.createdAt().isBefore(createdBefore))
                .sorted(Comparator.comparing(ConnectorMessage::createdAt))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized void addPayloads(UUID connectorMessageId, List<PayloadRef> payloads) {
        messages.computeIfPresent(connectorMessageId, (id, m) -> {
            var all = new ArrayList<>(m.payloads());
            all.addAll(payloads);
            return m.toBuilder().payloads(all).build();
        });
    }

    @Override
    public synchronized void note(TimelineEntry entry) {
        timeline.add(entry);
    }

    public synchronized List<ConnectorMessage> all() {
        return List.copyOf(messages.values());
    }

    public synchronized void clear() {
        messages.clear();
        evidences.clear();
        timeline.clear();
    }
}

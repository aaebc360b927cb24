package eu.lexbridge.core.testkit;

import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.Direction;
import eu.lexbridge.core.message.MessageEvent;
import eu.lexbridge.core.message.MessageKind;
import eu.lexbridge.core.message.MessageQuery;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.message.MessageStateMachine;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.message.TimelineEntry;
import eu.lexbridge.core.port.MessageEvents;
import eu.lexbridge.core.port.MessageStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The message store contract in memory, each method atomic (one lock). It follows the JDBC store where the port leaves
 * room, so that flows tested on it behave as in production: the same unique keys (ebMS id and direction; back-end
 * name and back-end message id), the time a message entered its state kept apart from its creation time (the
 * stalled-work sweep and the back-end inbox order by the former, the evidence timeouts by the latter), and a timeline
 * line when an evidence cannot move its subject. It is its own outbox ({@link MessageEvents}): each change writes its
 * event under the same lock, as a JDBC store writes it in the same transaction.
 */
public final class InMemoryMessageStore implements MessageStore, MessageEvents {

    private final Map<UUID, ConnectorMessage> messages = new LinkedHashMap<>();
    /** When each message entered its present state. */
    private final Map<UUID, Instant> stateSince = new HashMap<>();
    private final Map<UUID, Instant> fetchedAt = new HashMap<>();
    private final List<Evidence> evidences = new ArrayList<>();
    private final List<TimelineEntry> timeline = new ArrayList<>();
    private final List<MessageEvent> events = new ArrayList<>();
    private final Set<Long> handedOn = new HashSet<>();
    private long lastSequence;

    @Override
    public synchronized boolean insert(ConnectorMessage message, String cause) {
        if (clashes(message)) {
            return false;
        }
        put(message, cause);
        return true;
    }

    private boolean clashes(ConnectorMessage message) {
        return messages.containsKey(message.connectorMessageId()) || messages.values().stream().anyMatch(m ->
                (m.direction() == message.direction() && m.ebmsMessageId().equals(message.ebmsMessageId()))
                        || (message.backendName() != null && message.backendMessageId() != null
                        && message.backendName().equals(m.backendName())
                        && message.backendMessageId().equals(m.backendMessageId())));
    }

    private void put(ConnectorMessage message, String cause) {
        messages.put(message.connectorMessageId(), message);
        stateSince.put(message.connectorMessageId(), message.createdAt());
        timeline.add(TimelineEntry.state(message.connectorMessageId(), message.createdAt(), message.state(), cause));
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
                .filter(m -> backendName != null && backendName.equals(m.backendName())
                        && backendMessageId.equals(m.backendMessageId()))
                .findFirst();
    }

    @Override
    public synchronized boolean advance(UUID connectorMessageId, MessageState to, String cause, Instant at) {
        if (!move(connectorMessageId, to, cause, at)) {
            return false;
        }
        event(connectorMessageId, to, null, null, at);
        return true;
    }

    /** The transition alone, without its event: an evidence that moves its subject writes one event for both. */
    private boolean move(UUID connectorMessageId, MessageState to, String cause, Instant at) {
        ConnectorMessage message = messages.get(connectorMessageId);
        if (message == null || !MessageStateMachine.isLegal(message.state(), to)) {
            return false;
        }
        messages.put(connectorMessageId, message.withState(to));
        stateSince.put(connectorMessageId, at);
        timeline.add(TimelineEntry.state(connectorMessageId, at, to, cause));
        return true;
    }

    private void event(UUID connectorMessageId, MessageState state, EvidenceType type, EvidenceOrigin origin,
                       Instant at) {
        events.add(new MessageEvent(++lastSequence, connectorMessageId,
                messages.get(connectorMessageId).conversationId(), state, type, origin, at));
    }

    @Override
    public synchronized void assignBackend(UUID connectorMessageId, String backendName) {
        messages.computeIfPresent(connectorMessageId, (id, m) -> m.toBuilder().backendName(backendName).build());
    }

    @Override
    public synchronized boolean recordEvidence(Evidence evidence, ConnectorMessage carrier, MessageState subjectState,
                                               String cause) {
        if (!messages.containsKey(evidence.subjectMessageId())) {
            // as the JDBC store's foreign key refuses it
            throw new IllegalArgumentException("no message " + evidence.subjectMessageId() + " for the evidence");
        }
        // All or nothing: a carrier that cannot be stored leaves no evidence behind, as one transaction would.
        if (findEvidence(evidence.subjectMessageId(), evidence.type(), evidence.origin()).isPresent()
                || (carrier != null && clashes(carrier))) {
            return false;
        }
        evidences.add(evidence);
        if (carrier != null) {
            put(carrier, evidence.type() + " about message " + evidence.subjectMessageId());
        }
        timeline.add(TimelineEntry.evidence(evidence.subjectMessageId(), evidence.at(), evidence.type(),
                evidence.origin(), cause));
        boolean moved = subjectState != null && move(evidence.subjectMessageId(), subjectState, cause, evidence.at());
        if (subjectState != null && !moved) {
            timeline.add(TimelineEntry.evidence(evidence.subjectMessageId(), evidence.at(), evidence.type(),
                    evidence.origin(), "state unchanged: " + subjectState + " cannot follow the current state"));
        }
        event(evidence.subjectMessageId(), moved ? subjectState : null, evidence.type(), evidence.origin(),
                evidence.at());
        return true;
    }

    @Override
    public synchronized Optional<Evidence> findEvidence(UUID subjectMessageId, EvidenceType type,
                                                        EvidenceOrigin origin) {
        return evidences.stream().filter(e -> e.subjectMessageId().equals(subjectMessageId) && e.type() == type
                && e.origin() == origin).findFirst();
    }

    @Override
    public synchronized Optional<Evidence> findEvidence(UUID evidenceId) {
        return evidences.stream().filter(e -> e.evidenceId().equals(evidenceId)).findFirst();
    }

    @Override
    public synchronized List<Evidence> evidences(UUID subjectMessageId) {
        return evidences.stream().filter(e -> e.subjectMessageId().equals(subjectMessageId))
                .sorted(Comparator.comparing(Evidence::at)).toList();
    }

    @Override
    public synchronized List<TimelineEntry> timeline(UUID connectorMessageId) {
        return timeline.stream().filter(t -> t.connectorMessageId().equals(connectorMessageId)).toList();
    }

    @Override
    public synchronized List<ConnectorMessage> inState(String backendName, Direction direction, MessageState state,
                                                       int limit) {
        return oldestInState(m -> m.kind() == MessageKind.BUSINESS && backendName != null
                && backendName.equals(m.backendName()) && m.direction() == direction && m.state() == state, limit);
    }

    @Override
    public synchronized void recordFetch(UUID connectorMessageId, Instant at) {
        if (messages.containsKey(connectorMessageId)) {
            fetchedAt.put(connectorMessageId, at);
        }
    }

    @Override
    public synchronized List<ConnectorMessage> unfetched(String backendName, Direction direction, MessageState state,
                                                         Instant fetchedBefore, int limit) {
        return oldestInState(m -> m.kind() == MessageKind.BUSINESS && backendName != null
                && backendName.equals(m.backendName()) && m.direction() == direction && m.state() == state
                && (!fetchedAt.containsKey(m.connectorMessageId())
                || fetchedAt.get(m.connectorMessageId()).isBefore(fetchedBefore)), limit);
    }

    @Override
    public synchronized Optional<String> conversationOwner(String conversationId, String partyId, UUID except) {
        return messages.values().stream()
                .filter(m -> m.kind() == MessageKind.BUSINESS && m.conversationId().equals(conversationId))
                .filter(m -> !m.connectorMessageId().equals(except) && m.backendName() != null)
                .filter(m -> partyId.equals(m.direction() == Direction.OUTBOUND ? m.to().partyId()
                        : m.from().partyId()))
                .min(Comparator.comparing(ConnectorMessage::createdAt))
                .map(ConnectorMessage::backendName);
    }

    @Override
    public synchronized List<ConnectorMessage> conversation(String conversationId, int limit) {
        return messages.values().stream()
                .filter(m -> m.kind() == MessageKind.BUSINESS && m.conversationId().equals(conversationId))
                .sorted(Comparator.comparing(ConnectorMessage::createdAt))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized List<String> activeConversations(Instant since, Instant until, int limit) {
        Map<String, Instant> latest = new HashMap<>();
        messages.values().stream().filter(m -> m.kind() == MessageKind.BUSINESS && !m.createdAt().isBefore(since)
                        && m.createdAt().isBefore(until))
                .forEach(m -> latest.merge(m.conversationId(), m.createdAt(), (a, b) -> a.isAfter(b) ? a : b));
        return latest.entrySet().stream()
                .sorted(Map.Entry.<String, Instant>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).map(Map.Entry::getKey).toList();
    }

    @Override
    public synchronized List<ConnectorMessage> search(MessageQuery query, int limit) {
        return messages.values().stream().filter(query::matches)
                .sorted(Comparator.comparing(ConnectorMessage::createdAt).reversed()).limit(limit).toList();
    }

    @Override
    public synchronized List<ConnectorMessage> stalled(MessageState state, Instant before, int limit) {
        return oldestInState(m -> m.state() == state
                && stateSince.get(m.connectorMessageId()).isBefore(before), limit);
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

    /** The longest in their state first, as the JDBC store orders them. */
    private List<ConnectorMessage> oldestInState(Predicate<ConnectorMessage> filter, int limit) {
        return messages.values().stream()
                .filter(filter)
                .sorted(Comparator.comparing((ConnectorMessage m) -> stateSince.get(m.connectorMessageId()))
                        .thenComparing(ConnectorMessage::createdAt))
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
        stateSince.clear();
        fetchedAt.clear();
        evidences.clear();
        timeline.clear();
        events.clear();
        handedOn.clear();
        lastSequence = 0; // as new: a change feed read from the beginning finds no gap below the first event
    }

    @Override
    public synchronized List<MessageEvent> pending(int limit) {
        return events.stream().filter(e -> !handedOn.contains(e.sequence())).limit(limit).toList();
    }

    @Override
    public synchronized boolean handOn(long sequence, Runnable whileClaimed) {
        if (sequence <= 0 || sequence > lastSequence || handedOn.contains(sequence)) {
            return false;
        }
        whileClaimed.run(); // under the store's lock: another relay waits, as behind a row lock
        handedOn.add(sequence);
        return true;
    }

    @Override
    public synchronized List<MessageEvent> eventsOf(String backendName, long afterSequence, int limit) {
        // the message as it is now, as the JDBC store joins it: an inbound message routed later joins its feed then
        return events.stream()
                .filter(e -> e.sequence() > afterSequence)
                .filter(e -> {
                    ConnectorMessage m = messages.get(e.connectorMessageId());
                    return m.kind() == MessageKind.BUSINESS && backendName != null
                            && backendName.equals(m.backendName());
                })
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized long written(long afterSequence, long throughSequence) {
        return events.stream().filter(e -> e.sequence() > afterSequence && e.sequence() <= throughSequence).count();
    }

    /** Every event written, handed on or not, in order. */
    public synchronized List<MessageEvent> events() {
        return List.copyOf(events);
    }
}

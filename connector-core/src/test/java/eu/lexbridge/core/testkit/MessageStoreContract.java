package eu.lexbridge.core.testkit;

import static eu.lexbridge.core.testkit.SampleMessages.evidenceCarrier;
import static eu.lexbridge.core.testkit.SampleMessages.evidenceDocument;
import static eu.lexbridge.core.testkit.SampleMessages.inbound;
import static eu.lexbridge.core.testkit.SampleMessages.outbound;
import static eu.lexbridge.core.testkit.SampleMessages.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

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
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.message.TimelineEntry;
import eu.lexbridge.core.port.MessageEvents;
import eu.lexbridge.core.port.MessageStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every {@link MessageStore} must do, as its Javadoc says: run it by extending this class and returning the
 * store under test from {@link #store()} (Micrometer's {@code MeterRegistryCompatibilityKit} is the model).
 *
 * <p>The tests pass every instant in (nothing reads a clock), at millisecond precision, which every database keeps;
 * they use no order but the one the port promises or the time a test gave. An evidence document is referred to as
 * the flows refer to it (kind EVIDENCE, named after its type), because a store may keep only its id and digest.
 *
 * <p>A store that writes the outbox ({@link MessageEvents}) returns it from {@link #events(MessageStore)}; the outbox
 * tests check then what its Javadoc promises: one event per change, none for a refused one.
 */
public abstract class MessageStoreContract {

    /** A fixed start; every test counts its instants from here. */
    protected static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final int RACERS = 8;

    protected MessageStore store;

    /**
     * A new store for each test, holding no message: the queries across all messages ({@code stalled},
     * {@code overdue}) are checked for exactly what they return. A database-backed store may empty its tables here.
     */
    protected abstract MessageStore store();

    /**
     * The outbox the store under test writes its events to ({@link MessageEvents}), or {@code null} while it writes
     * none: the outbox tests are then skipped, not failed. A store that writes an outbox returns it here.
     */
    protected MessageEvents events(MessageStore store) {
        return null;
    }

    @BeforeEach
    void newStore() {
        store = store();
    }

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    private ConnectorMessage stored(ConnectorMessage message) {
        assertThat(store.insert(message, "stored by the test")).as("insert of " + message.connectorMessageId())
                .isTrue();
        return message;
    }

    private MessageState stateOf(UUID id) {
        return store.find(id).orElseThrow().state();
    }

    private static Evidence evidence(UUID subject, EvidenceType type, EvidenceOrigin origin, UUID carrier,
                                     Instant at) {
        return new Evidence(UUID.randomUUID(), subject, type, origin, evidenceDocument(type), carrier, at,
                type.isPositive() ? null : "E300 a reason");
    }

    // ---- insert and find ------------------------------------------------------------------------------------------

    @Test
    void anInsertedMessageIsFoundByEachOfItsKeysWithItsPayloadsInOrder() {
        var message = outbound(at(0))
                .addPayload(payload(PayloadKind.BUSINESS_DOCUMENT, "form.pdf"))
                .addPayload(payload(PayloadKind.ATTACHMENT, "annex-2.bin"))
                .addPayload(payload(PayloadKind.ATTACHMENT, "annex-1.bin"))
                .refToMessageId("earlier@de.test")
                .build();

        assertThat(store.insert(message, "submitted by back-end court-a")).isTrue();

        assertThat(store.find(message.connectorMessageId())).hasValue(message);
        assertThat(store.findByEbmsId(message.ebmsMessageId(), Direction.OUTBOUND)).hasValue(message);
        assertThat(store.findByBackendMessageId(message.backendName(), message.backendMessageId())).hasValue(message);
        assertThat(store.find(message.connectorMessageId()).orElseThrow().payloads())
                .extracting(PayloadRef::name)
                .containsExactly("businessContent", "form.pdf", "annex-2.bin", "annex-1.bin");
    }

    @Test
    void anInsertStartsTheTimelineAtTheMessagesCreationWithItsCause() {
        var message = stored(inbound(at(5)).build());

        assertThat(store.timeline(message.connectorMessageId())).containsExactly(TimelineEntry.state(
                message.connectorMessageId(), at(5), MessageState.RECEIVED, "stored by the test"));
    }

    @Test
    void whatWasNeverStoredIsNotFound() {
        stored(outbound(at(0)).build());
        UUID unknown = UUID.randomUUID();

        assertThat(store.find(unknown)).isEmpty();
        assertThat(store.findByEbmsId("nobody@nowhere.test", Direction.OUTBOUND)).isEmpty();
        assertThat(store.findByBackendMessageId(SampleMessages.BACKEND, "never-submitted")).isEmpty();
        assertThat(store.timeline(unknown)).isEmpty();
        assertThat(store.evidences(unknown)).isEmpty();
        assertThat(store.findEvidence(unknown, EvidenceType.DELIVERY, EvidenceOrigin.ISSUED)).isEmpty();
    }

    @Test
    void theSameEbmsIdInTheSameDirectionIsRefusedAndNothingOfItIsWritten() {
        var first = stored(inbound(at(0)).build());
        var again = inbound(at(1)).ebmsMessageId(first.ebmsMessageId())
                .addPayload(payload(PayloadKind.ATTACHMENT, "extra.bin")).build();

        assertThat(store.insert(again, "redelivered")).isFalse();

        assertThat(store.find(again.connectorMessageId())).isEmpty();
        assertThat(store.timeline(again.connectorMessageId())).isEmpty();
        assertThat(store.findByEbmsId(first.ebmsMessageId(), Direction.INBOUND)).hasValue(first);
        assertThat(store.timeline(first.connectorMessageId())).hasSize(1);
    }

    @Test
    void theSameEbmsIdInTheOtherDirectionIsAnotherMessage() {
        var sent = stored(outbound(at(0)).build());
        var received = inbound(at(1)).ebmsMessageId(sent.ebmsMessageId()).build();

        assertThat(store.insert(received, "received")).isTrue();

        assertThat(store.findByEbmsId(sent.ebmsMessageId(), Direction.OUTBOUND)).hasValue(sent);
        assertThat(store.findByEbmsId(sent.ebmsMessageId(), Direction.INBOUND)).hasValue(received);
    }

    @Test
    void theSameBackendMessageIdFromTheSameBackendIsRefusedAndNothingOfItIsWritten() {
        var first = stored(outbound(at(0)).build());
        var again = outbound(at(1)).backendMessageId(first.backendMessageId()).build();

        assertThat(store.insert(again, "submitted twice")).isFalse();

        assertThat(store.find(again.connectorMessageId())).isEmpty();
        assertThat(store.findByEbmsId(again.ebmsMessageId(), Direction.OUTBOUND)).isEmpty();
        assertThat(store.timeline(again.connectorMessageId())).isEmpty();
        assertThat(store.findByBackendMessageId(first.backendName(), first.backendMessageId())).hasValue(first);
    }

    @Test
    void theSameBackendMessageIdFromAnotherBackendIsAnotherMessage() {
        var first = stored(outbound(at(0)).build());
        var other = outbound(at(1)).backendName("court-b").backendMessageId(first.backendMessageId()).build();

        assertThat(store.insert(other, "submitted by court-b")).isTrue();

        assertThat(store.findByBackendMessageId("court-b", first.backendMessageId())).hasValue(other);
        assertThat(store.findByBackendMessageId(first.backendName(), first.backendMessageId())).hasValue(first);
    }

    @Test
    void inboundMessagesWithoutBackendDoNotClash() {
        // Received messages have no back-end and no back-end message id until they are routed.
        var one = inbound(at(0)).build();
        var two = inbound(at(1)).build();

        assertThat(store.insert(one, "received")).isTrue();
        assertThat(store.insert(two, "received")).isTrue();
    }

    @Test
    void insertingTheSameMessageAgainChangesNothing() {
        var message = stored(outbound(at(0)).build());

        assertThat(store.insert(message, "redelivered step")).isFalse();

        assertThat(store.timeline(message.connectorMessageId())).hasSize(1);
        assertThat(store.find(message.connectorMessageId())).hasValue(message);
    }

    // ---- advance --------------------------------------------------------------------------------------------------

    /** Every pair of states: a message moves exactly where the state machine allows, and nowhere else. */
    @ParameterizedTest
    @EnumSource(MessageState.class)
    void advanceMovesExactlyWhereTheStateMachineAllows(MessageState from) {
        for (MessageState to : MessageState.values()) {
            var builder = from.direction() == Direction.OUTBOUND ? outbound(at(0)) : inbound(at(0));
            var message = stored(builder.state(from).build());

            boolean moved = store.advance(message.connectorMessageId(), to, "to " + to, at(10));

            assertThat(moved).as(from + " -> " + to).isEqualTo(MessageStateMachine.isLegal(from, to));
            assertThat(stateOf(message.connectorMessageId())).as(from + " -> " + to).isEqualTo(moved ? to : from);
            assertThat(store.timeline(message.connectorMessageId())).as(from + " -> " + to).hasSize(moved ? 2 : 1);
        }
    }

    @Test
    void advanceRecordsEachTransitionWithItsTimeAndCause() {
        UUID id = stored(outbound(at(0)).build()).connectorMessageId();

        assertThat(store.advance(id, MessageState.ACCEPTED, "SUBMISSION_ACCEPTANCE issued", at(1))).isTrue();
        assertThat(store.advance(id, MessageState.ACCEPTED, "redelivered", at(2))).isFalse();
        assertThat(store.advance(id, MessageState.RELAYED, "an evidence overtook the receipt", at(3))).isTrue();
        assertThat(store.advance(id, MessageState.SENT, "the receipt, late", at(4))).isFalse();
        assertThat(store.advance(id, MessageState.NOT_DELIVERED, "NON_DELIVERY received", at(5))).isTrue();
        assertThat(store.advance(id, MessageState.DELIVERED, "too late", at(6))).isFalse();

        assertThat(stateOf(id)).isEqualTo(MessageState.NOT_DELIVERED);
        assertThat(store.timeline(id)).containsExactly(
                TimelineEntry.state(id, at(0), MessageState.SUBMITTED, "stored by the test"),
                TimelineEntry.state(id, at(1), MessageState.ACCEPTED, "SUBMISSION_ACCEPTANCE issued"),
                TimelineEntry.state(id, at(3), MessageState.RELAYED, "an evidence overtook the receipt"),
                TimelineEntry.state(id, at(5), MessageState.NOT_DELIVERED, "NON_DELIVERY received"));
    }

    @Test
    void advancingAnUnknownMessageChangesNothing() {
        UUID unknown = UUID.randomUUID();

        assertThat(store.advance(unknown, MessageState.ACCEPTED, "nobody", at(1))).isFalse();
        assertThat(store.find(unknown)).isEmpty();
        assertThat(store.timeline(unknown)).isEmpty();
    }

    @Test
    void advanceKeepsEverythingButTheState() {
        var message = stored(outbound(at(0)).addPayload(payload(PayloadKind.ATTACHMENT, "a.bin")).build());

        store.advance(message.connectorMessageId(), MessageState.ACCEPTED, "accepted", at(1));

        assertThat(store.find(message.connectorMessageId())).hasValue(message.withState(MessageState.ACCEPTED));
    }

    // ---- payloads, back-end, notes --------------------------------------------------------------------------------

    @Test
    void addedPayloadsComeAfterThoseTheMessageHas() {
        var message = stored(outbound(at(0)).addPayload(payload(PayloadKind.BUSINESS_DOCUMENT, "form.pdf")).build());
        var container = payload(PayloadKind.CONTAINER, "container.asics");
        var token = payload(PayloadKind.TRUST_TOKEN, "tokenXML");
        var report = payload(PayloadKind.VALIDATION_REPORT, "report.xml");

        store.addPayloads(message.connectorMessageId(), List.of(container, token));
        store.addPayloads(message.connectorMessageId(), List.of(report));

        var payloads = store.find(message.connectorMessageId()).orElseThrow().payloads();
        assertThat(payloads).hasSize(5);
        assertThat(payloads.subList(2, 5)).containsExactly(container, token, report);
        assertThat(payloads).extracting(PayloadRef::name).startsWith("businessContent", "form.pdf");
    }

    @Test
    void assignBackendRoutesAMessageToItsBackend() {
        var message = stored(inbound(at(0)).build());

        store.assignBackend(message.connectorMessageId(), "court-b");

        var routed = store.find(message.connectorMessageId()).orElseThrow();
        assertThat(routed.backendName()).isEqualTo("court-b");
        assertThat(routed).isEqualTo(message.toBuilder().backendName("court-b").build());
        assertThat(store.inState("court-b", Direction.INBOUND, MessageState.RECEIVED, 10)).containsExactly(routed);
    }

    @Test
    void aNoteAddsALineAndChangesNothingElse() {
        var message = stored(outbound(at(0)).build());
        UUID id = message.connectorMessageId();
        var refused = TimelineEntry.evidence(id, at(7), EvidenceType.RELAY_REMMD_ACCEPTANCE, EvidenceOrigin.RECEIVED,
                "refused, state unchanged: the seal is broken");
        var checked = TimelineEntry.state(id, at(8), MessageState.SUBMITTED, "business document checked");

        store.note(refused);
        store.note(checked);

        assertThat(store.timeline(id)).hasSize(3).endsWith(refused, checked);
        assertThat(store.find(id)).hasValue(message);
        assertThat(store.evidences(id)).isEmpty();
    }

    // ---- evidences ------------------------------------------------------------------------------------------------

    @Test
    void anEvidenceIsRecordedWithTheSubjectsNewStateAndBothTimelineLines() {
        UUID id = stored(outbound(at(0)).build()).connectorMessageId();
        var acceptance = evidence(id, EvidenceType.SUBMISSION_ACCEPTANCE, EvidenceOrigin.ISSUED, id, at(3));

        assertThat(store.recordEvidence(acceptance, null, MessageState.ACCEPTED, "SUBMISSION_ACCEPTANCE issued"))
                .isTrue();

        assertThat(store.evidences(id)).containsExactly(acceptance);
        assertThat(store.findEvidence(id, EvidenceType.SUBMISSION_ACCEPTANCE, EvidenceOrigin.ISSUED))
                .hasValue(acceptance);
        assertThat(stateOf(id)).isEqualTo(MessageState.ACCEPTED);
        assertThat(store.timeline(id)).containsExactly(
                TimelineEntry.state(id, at(0), MessageState.SUBMITTED, "stored by the test"),
                TimelineEntry.evidence(id, at(3), EvidenceType.SUBMISSION_ACCEPTANCE, EvidenceOrigin.ISSUED,
                        "SUBMISSION_ACCEPTANCE issued"),
                TimelineEntry.state(id, at(3), MessageState.ACCEPTED, "SUBMISSION_ACCEPTANCE issued"));
    }

    @Test
    void anEvidenceWithoutSubjectStateLeavesTheStateAsItIs() {
        UUID id = stored(inbound(at(0)).build()).connectorMessageId();
        var senders = evidence(id, EvidenceType.SUBMISSION_ACCEPTANCE, EvidenceOrigin.RECEIVED, id, at(1));

        assertThat(store.recordEvidence(senders, null, null, "received with the message")).isTrue();

        assertThat(stateOf(id)).isEqualTo(MessageState.RECEIVED);
        assertThat(store.evidences(id)).containsExactly(senders);
        assertThat(store.timeline(id)).hasSize(2).last().satisfies(e -> {
            assertThat(e.evidenceType()).isEqualTo(EvidenceType.SUBMISSION_ACCEPTANCE);
            assertThat(e.evidenceOrigin()).isEqualTo(EvidenceOrigin.RECEIVED);
            assertThat(e.state()).isNull();
        });
    }

    @Test
    void aTypeFromOneOriginIsRecordedOnceAndTheRepeatWritesNothing() {
        UUID id = stored(outbound(at(0)).build()).connectorMessageId();
        var first = evidence(id, EvidenceType.SUBMISSION_ACCEPTANCE, EvidenceOrigin.ISSUED, id, at(1));
        store.recordEvidence(first, null, null, "first");
        var timelineBefore = store.timeline(id);
        var repeat = evidence(id, EvidenceType.SUBMISSION_ACCEPTANCE, EvidenceOrigin.ISSUED, null, at(2));

        assertThat(store.recordEvidence(repeat, null, MessageState.ACCEPTED, "again")).isFalse();

        assertThat(store.evidences(id)).containsExactly(first);
        assertThat(store.findEvidence(id, EvidenceType.SUBMISSION_ACCEPTANCE, EvidenceOrigin.ISSUED)).hasValue(first);
        assertThat(stateOf(id)).as("a refused repeat moves nothing").isEqualTo(MessageState.SUBMITTED);
        assertThat(store.timeline(id)).isEqualTo(timelineBefore);
    }

    @Test
    void theSameTypeFromTheOtherOriginAndAnotherTypeAreOtherEvidences() {
        UUID id = stored(outbound(at(0)).state(MessageState.SENT).build()).connectorMessageId();
        var issued = evidence(id, EvidenceType.RELAY_REMMD_FAILURE, EvidenceOrigin.ISSUED, null, at(1));
        var received = evidence(id, EvidenceType.RELAY_REMMD_FAILURE, EvidenceOrigin.RECEIVED, null, at(2));
        var delivery = evidence(id, EvidenceType.DELIVERY, EvidenceOrigin.RECEIVED, null, at(3));
        var elsewhere = stored(outbound(at(0)).build()).connectorMessageId();
        var otherSubject = evidence(elsewhere, EvidenceType.DELIVERY, EvidenceOrigin.RECEIVED, null, at(4));

        assertThat(store.recordEvidence(issued, null, null, "issued")).isTrue();
        assertThat(store.recordEvidence(received, null, null, "received")).isTrue();
        assertThat(store.recordEvidence(delivery, null, null, "received")).isTrue();
        assertThat(store.recordEvidence(otherSubject, null, null, "received")).isTrue();

        assertThat(store.evidences(id)).containsExactlyInAnyOrder(issued, received, delivery);
        assertThat(store.findEvidence(id, EvidenceType.RELAY_REMMD_FAILURE, EvidenceOrigin.RECEIVED))
                .hasValue(received);
        assertThat(store.findEvidence(id, EvidenceType.DELIVERY, EvidenceOrigin.ISSUED)).isEmpty();
        assertThat(store.evidences(elsewhere)).containsExactly(otherSubject);
    }

    @Test
    void anEvidenceIsFoundByItsOwnIdAndNoOtherIs() {
        var subject = stored(outbound(at(0)).build());
        UUID id = subject.connectorMessageId();
        var acceptance = evidence(id, EvidenceType.SUBMISSION_ACCEPTANCE, EvidenceOrigin.ISSUED, id, at(1));
        var relay = evidence(id, EvidenceType.RELAY_REMMD_ACCEPTANCE, EvidenceOrigin.RECEIVED, null, at(2));
        store.recordEvidence(acceptance, null, null, "accepted");
        store.recordEvidence(relay, null, null, "relayed");

        assertThat(store.findEvidence(relay.evidenceId())).hasValue(relay);
        assertThat(store.findEvidence(acceptance.evidenceId())).hasValue(acceptance);
        assertThat(store.findEvidence(UUID.randomUUID())).isEmpty();
        assertThat(store.findEvidence(id)).as("a message id is no evidence id").isEmpty();
    }

    @Test
    void anEvidenceCarrierIsStoredWithTheEvidence() {
        var subject = stored(inbound(at(0)).build());
        UUID id = subject.connectorMessageId();
        var carrier = evidenceCarrier(subject, EvidenceType.RELAY_REMMD_ACCEPTANCE, at(1)).build();
        var relay = evidence(id, EvidenceType.RELAY_REMMD_ACCEPTANCE, EvidenceOrigin.ISSUED,
                carrier.connectorMessageId(), at(1));

        assertThat(store.recordEvidence(relay, carrier, null, "RELAY_REMMD_ACCEPTANCE issued")).isTrue();

        assertThat(store.find(carrier.connectorMessageId())).hasValue(carrier);
        assertThat(store.findByEbmsId(carrier.ebmsMessageId(), Direction.OUTBOUND)).hasValue(carrier);
        assertThat(store.timeline(carrier.connectorMessageId())).singleElement().satisfies(e -> {
            assertThat(e.state()).isEqualTo(MessageState.ACCEPTED);
            assertThat(e.at()).isEqualTo(carrier.createdAt());
        });
        assertThat(store.evidences(id)).singleElement()
                .satisfies(e -> assertThat(e.carrierMessageId()).isEqualTo(carrier.connectorMessageId()));
    }

    @Test
    void aRefusedRepeatLeavesItsCarrierUnstored() {
        var subject = stored(inbound(at(0)).build());
        UUID id = subject.connectorMessageId();
        var firstCarrier = evidenceCarrier(subject, EvidenceType.DELIVERY, at(1)).build();
        store.recordEvidence(evidence(id, EvidenceType.DELIVERY, EvidenceOrigin.ISSUED,
                firstCarrier.connectorMessageId(), at(1)), firstCarrier, null, "first");
        var secondCarrier = evidenceCarrier(subject, EvidenceType.DELIVERY, at(2)).build();

        assertThat(store.recordEvidence(evidence(id, EvidenceType.DELIVERY, EvidenceOrigin.ISSUED,
                secondCarrier.connectorMessageId(), at(2)), secondCarrier, null, "second")).isFalse();

        assertThat(store.find(secondCarrier.connectorMessageId())).isEmpty();
        assertThat(store.findByEbmsId(secondCarrier.ebmsMessageId(), Direction.OUTBOUND)).isEmpty();
        assertThat(store.find(firstCarrier.connectorMessageId())).isPresent();
    }

    /** One transaction: a carrier that cannot be stored (its ebMS id is taken) takes the evidence down with it. */
    @Test
    void aCarrierThatCannotBeStoredLeavesNoEvidenceBehind() {
        var taken = stored(outbound(at(0)).build());
        var subject = stored(inbound(at(1)).build());
        UUID id = subject.connectorMessageId();
        var clashing = evidenceCarrier(subject, EvidenceType.RELAY_REMMD_ACCEPTANCE, at(2))
                .ebmsMessageId(taken.ebmsMessageId()).build();
        var timelineBefore = store.timeline(id);

        boolean recorded;
        try {
            recorded = store.recordEvidence(evidence(id, EvidenceType.RELAY_REMMD_ACCEPTANCE, EvidenceOrigin.ISSUED,
                    clashing.connectorMessageId(), at(2)), clashing, MessageState.AVAILABLE_TO_BACKEND, "issued");
        } catch (RuntimeException refused) {
            recorded = false; // failing loudly is as good as answering false, as long as nothing was written
        }

        assertThat(recorded).isFalse();
        assertThat(store.evidences(id)).isEmpty();
        assertThat(store.find(clashing.connectorMessageId())).isEmpty();
        assertThat(stateOf(id)).isEqualTo(MessageState.RECEIVED);
        assertThat(store.timeline(id)).isEqualTo(timelineBefore);
    }

    /** A positive evidence never overrides a terminal negative one: it is kept, the state is not. */
    @Test
    void anEvidenceWhoseStateCannotFollowIsKeptWithoutMovingTheSubject() {
        UUID id = stored(outbound(at(0)).state(MessageState.RELAY_FAILED).build()).connectorMessageId();
        var late = evidence(id, EvidenceType.RELAY_REMMD_ACCEPTANCE, EvidenceOrigin.RECEIVED, null, at(9));

        assertThat(store.recordEvidence(late, null, MessageState.RELAYED, "received late")).isTrue();

        assertThat(stateOf(id)).isEqualTo(MessageState.RELAY_FAILED);
        assertThat(store.evidences(id)).containsExactly(late);
        assertThat(store.timeline(id))
                .anySatisfy(e -> assertThat(e.evidenceType()).isEqualTo(EvidenceType.RELAY_REMMD_ACCEPTANCE))
                .noneSatisfy(e -> assertThat(e.state()).isEqualTo(MessageState.RELAYED));
    }

    // ---- queries --------------------------------------------------------------------------------------------------

    @Test
    void inStateListsTheBackendsBusinessMessagesInOneStateAndDirectionOldestFirst() {
        var first = routed(inbound(at(0)), "court-a", at(10));
        var second = routed(inbound(at(1)), "court-a", at(11));
        routed(inbound(at(2)), "court-b", at(12));
        stored(inbound(at(3)).backendName("court-a").build()); // still RECEIVED
        stored(inbound(at(4)).kind(MessageKind.EVIDENCE).refToMessageId("x@at.test").backendName("court-a")
                .state(MessageState.AVAILABLE_TO_BACKEND).build());
        stored(outbound(at(5)).backendName("court-a").build());

        assertThat(store.inState("court-a", Direction.INBOUND, MessageState.AVAILABLE_TO_BACKEND, 10))
                .containsExactly(first, second);
        assertThat(store.inState("court-a", Direction.OUTBOUND, MessageState.SUBMITTED, 10)).hasSize(1);
        assertThat(store.inState("court-c", Direction.INBOUND, MessageState.AVAILABLE_TO_BACKEND, 10)).isEmpty();
    }

    @Test
    void aFetchedMessageIsLeftOutOfTheUnfetchedUntilItsFetchIsOlderThanAsked() {
        var first = routed(inbound(at(0)), "court-a", at(10));
        var second = routed(inbound(at(1)), "court-a", at(11));
        routed(inbound(at(2)), "court-b", at(12));

        store.recordFetch(first.connectorMessageId(), at(20));

        assertThat(store.unfetched("court-a", Direction.INBOUND, MessageState.AVAILABLE_TO_BACKEND, at(20), 10))
                .as("fetched at the limit").containsExactly(second);
        assertThat(store.unfetched("court-a", Direction.INBOUND, MessageState.AVAILABLE_TO_BACKEND, at(21), 10))
                .as("fetched before the limit").containsExactly(first, second);
        assertThat(store.unfetched("court-a", Direction.INBOUND, MessageState.AVAILABLE_TO_BACKEND, at(21), 1))
                .containsExactly(first);
        assertThat(store.unfetched("court-b", Direction.INBOUND, MessageState.RECEIVED, at(21), 10)).isEmpty();
        assertThat(store.inState("court-a", Direction.INBOUND, MessageState.AVAILABLE_TO_BACKEND, 10))
                .as("a fetch changes nothing else").containsExactly(first, second);
        assertThat(store.find(first.connectorMessageId())).hasValue(first);
    }

    @Test
    void theLatestFetchCountsAndAFetchWritesNoEventOrTimeline() {
        var message = routed(inbound(at(0)), "court-a", at(10));
        int lines = store.timeline(message.connectorMessageId()).size();
        MessageEvents outbox = events(store);
        int written = outbox == null ? 0 : pendingIn(outbox).size();

        store.recordFetch(message.connectorMessageId(), at(20));
        store.recordFetch(message.connectorMessageId(), at(30));
        store.recordFetch(UUID.randomUUID(), at(30));

        assertThat(store.unfetched("court-a", Direction.INBOUND, MessageState.AVAILABLE_TO_BACKEND, at(25), 10))
                .isEmpty();
        assertThat(store.unfetched("court-a", Direction.INBOUND, MessageState.AVAILABLE_TO_BACKEND, at(31), 10))
                .containsExactly(message);
        assertThat(store.timeline(message.connectorMessageId())).hasSize(lines);
        if (outbox != null) {
            assertThat(pendingIn(outbox)).hasSize(written);
        }
    }

    @Test
    void inStateReturnsNoMoreThanTheLimitTheOldestFirst() {
        var first = routed(inbound(at(0)), "court-a", at(10));
        var second = routed(inbound(at(1)), "court-a", at(11));
        routed(inbound(at(2)), "court-a", at(12));

        assertThat(store.inState("court-a", Direction.INBOUND, MessageState.AVAILABLE_TO_BACKEND, 2))
                .containsExactly(first, second);
        assertThat(store.inState("court-a", Direction.INBOUND, MessageState.AVAILABLE_TO_BACKEND, 1))
                .containsExactly(first);
    }

    @Test
    void conversationListsItsBusinessMessagesOfBothDirectionsOldestFirst() {
        var sent = stored(outbound(at(0)).conversationId("conv-1").build());
        var answer = routed(inbound(at(1)).conversationId("conv-1"), "court-a", at(2));
        stored(inbound(at(2)).conversationId("conv-2").build());
        stored(inbound(at(3)).kind(MessageKind.EVIDENCE).conversationId("conv-1").refToMessageId(sent.ebmsMessageId())
                .build());
        var later = stored(inbound(at(4)).conversationId("conv-1").build());

        assertThat(store.conversation("conv-1", 10)).containsExactly(sent, answer, later);
        assertThat(store.conversation("conv-1", 2)).containsExactly(sent, answer);
        assertThat(store.conversation("conv-3", 10)).isEmpty();
    }

    @Test
    void activeConversationsAreThoseWithABusinessMessageSinceTheMostRecentFirst() {
        stored(outbound(at(0)).conversationId("old").build());
        stored(outbound(at(10)).conversationId("conv-a").build());
        stored(inbound(at(20)).conversationId("conv-b").build());
        stored(inbound(at(30)).conversationId("conv-a").build());
        // an evidence message does not make a conversation active
        stored(inbound(at(40)).kind(MessageKind.EVIDENCE).conversationId("conv-c").refToMessageId("x@y").build());

        Instant end = at(1000);
        assertThat(store.activeConversations(at(10), end, 10)).containsExactly("conv-a", "conv-b");
        assertThat(store.activeConversations(at(10), end, 1)).containsExactly("conv-a");
        assertThat(store.activeConversations(at(0), end, 10)).containsExactly("conv-a", "conv-b", "old");
        assertThat(store.activeConversations(at(41), end, 10)).isEmpty();
        // until is exclusive: conv-a's last message at 30 is outside [0, 30), its first at 10 inside
        assertThat(store.activeConversations(at(0), at(30), 10)).containsExactly("conv-b", "conv-a", "old");
        assertThat(store.activeConversations(at(0), at(10), 10)).containsExactly("old");
    }

    @Test
    void theConversationsOwnerIsTheBackendOfItsEarliestBusinessMessageWithThatPartner() {
        var france = new eu.lexbridge.core.message.Party("FR", SampleMessages.PARTY_TYPE, SampleMessages.ROLE);
        stored(inbound(at(0)).conversationId("conv-1").build()); // not routed yet: no back-end
        var sent = stored(outbound(at(1)).conversationId("conv-1").backendName("court-a").build());
        var answer = routed(inbound(at(2)).conversationId("conv-1"), "court-b", at(3));
        routed(inbound(at(3)).conversationId("conv-1").from(france), "court-c", at(4));
        stored(inbound(at(0)).kind(MessageKind.EVIDENCE).conversationId("conv-1").backendName("court-x")
                .refToMessageId(sent.ebmsMessageId()).build());

        assertThat(store.conversationOwner("conv-1", "DE", UUID.randomUUID())).hasValue("court-a");
        assertThat(store.conversationOwner("conv-1", "DE", sent.connectorMessageId())).as("except")
                .hasValue("court-b");
        assertThat(store.conversationOwner("conv-1", "FR", answer.connectorMessageId())).hasValue("court-c");
        assertThat(store.conversationOwner("conv-1", "IT", UUID.randomUUID())).isEmpty();
        assertThat(store.conversationOwner("conv-2", "DE", UUID.randomUUID())).isEmpty();
    }

    /** An inbound message routed to {@code backend} and made available to it at {@code at}, as stored now. */
    private ConnectorMessage routed(ConnectorMessage.Builder inbound, String backend, Instant at) {
        UUID id = stored(inbound.build()).connectorMessageId();
        store.assignBackend(id, backend);
        assertThat(store.advance(id, MessageState.AVAILABLE_TO_BACKEND, "available", at)).isTrue();
        return store.find(id).orElseThrow();
    }

    /** An operator's search: each criterion alone and together, the newest first, within the limit. */
    @Test
    void searchFindsTheMessagesThatHoldEveryCriterionTheNewestFirst() {
        var old = stored(outbound(at(0)).backendName("court-a").backendMessageId("b-1").conversationId("conv-1")
                .build());
        var answer = routed(inbound(at(10)).conversationId("conv-1"), "court-a", at(11));
        var other = stored(outbound(at(20)).backendName("court-b").backendMessageId("b-2").conversationId("conv-2")
                .build());
        store.advance(other.connectorMessageId(), MessageState.ACCEPTED, "accepted", at(21));
        var france = new eu.lexbridge.core.message.Party("FR", SampleMessages.PARTY_TYPE, SampleMessages.ROLE);
        var fromFrance = stored(inbound(at(30)).from(france).conversationId("conv-3").build());

        assertThat(ids(store.search(MessageQuery.ANY, 10))).containsExactly(fromFrance.connectorMessageId(),
                other.connectorMessageId(), answer.connectorMessageId(), old.connectorMessageId());
        assertThat(ids(store.search(MessageQuery.ANY, 2))).containsExactly(fromFrance.connectorMessageId(),
                other.connectorMessageId());
        assertThat(ids(store.search(query().backend("court-a").done(), 10)))
                .containsExactly(answer.connectorMessageId(),
                old.connectorMessageId());
        assertThat(ids(store.search(query().backend("court-a").direction(Direction.OUTBOUND).done(), 10)))
                .containsExactly(old.connectorMessageId());
        assertThat(ids(store.search(query().backendMessageId("b-2").done(), 10)))
                .containsExactly(other.connectorMessageId());
        assertThat(ids(store.search(query().conversation("conv-1").done(), 10)))
                .containsExactly(answer.connectorMessageId(),
                old.connectorMessageId());
        assertThat(ids(store.search(query().state(MessageState.ACCEPTED).done(), 10)))
                .containsExactly(other.connectorMessageId());
        assertThat(ids(store.search(query().party("FR").done(), 10))).as("as sender")
                .containsExactly(fromFrance.connectorMessageId());
        assertThat(ids(store.search(query().party(old.to().partyId()).direction(Direction.OUTBOUND).done(), 10)))
                .as("as recipient").containsExactly(other.connectorMessageId(), old.connectorMessageId());
        assertThat(ids(store.search(query().from(at(10)).before(at(30)).done(), 10))).as("from inclusive, before not")
                .containsExactly(other.connectorMessageId(), answer.connectorMessageId());
        assertThat(store.search(query().backend("court-a").state(MessageState.ACCEPTED).done(), 10)).isEmpty();
        assertThat(store.search(query().backend("court-z").done(), 10)).isEmpty();
    }

    private static List<UUID> ids(List<ConnectorMessage> messages) {
        return messages.stream().map(ConnectorMessage::connectorMessageId).toList();
    }

    private static Query query() {
        return new Query();
    }

    /** A query built criterion by criterion, for the search test. */
    private static final class Query {
        private String backend;
        private String backendMessageId;
        private String conversation;
        private String party;
        private MessageState state;
        private Direction direction;
        private Instant from;
        private Instant before;

        Query backend(String v) { backend = v; return this; }
        Query backendMessageId(String v) { backendMessageId = v; return this; }
        Query conversation(String v) { conversation = v; return this; }
        Query party(String v) { party = v; return this; }
        Query state(MessageState v) { state = v; return this; }
        Query direction(Direction v) { direction = v; return this; }
        Query from(Instant v) { from = v; return this; }
        Query before(Instant v) { before = v; return this; }

        MessageQuery done() {
            return new MessageQuery(backend, backendMessageId, conversation, party, state, direction, from, before);
        }
    }

    /** "Still in state since before": the time counts from the last transition, not from the creation. */
    @Test
    void stalledCountsFromTheTimeTheMessageEnteredItsState() {
        UUID id = stored(outbound(at(0)).build()).connectorMessageId();
        store.advance(id, MessageState.ACCEPTED, "accepted", at(3600));

        assertThat(store.stalled(MessageState.ACCEPTED, at(1800), 10)).as("accepted only at 3600 s").isEmpty();
        assertThat(store.stalled(MessageState.ACCEPTED, at(3600), 10)).as("not before its own instant").isEmpty();
        assertThat(store.stalled(MessageState.ACCEPTED, at(3601), 10))
                .extracting(ConnectorMessage::connectorMessageId).containsExactly(id);
        assertThat(store.stalled(MessageState.SUBMITTED, at(7200), 10)).as("no longer SUBMITTED").isEmpty();
    }

    /** The sweep requeues evidence messages and inbound messages too: stalled knows no kind, direction or back-end. */
    @Test
    void stalledTakesEveryKindDirectionAndBackend() {
        var subject = stored(inbound(at(0)).build());
        var carrier = evidenceCarrier(subject, EvidenceType.RELAY_REMMD_ACCEPTANCE, at(1)).build();
        store.recordEvidence(evidence(subject.connectorMessageId(), EvidenceType.RELAY_REMMD_ACCEPTANCE,
                EvidenceOrigin.ISSUED, carrier.connectorMessageId(), at(1)), carrier, null, "issued");
        var business = stored(outbound(at(2)).state(MessageState.ACCEPTED).backendName("court-b").build());

        assertThat(store.stalled(MessageState.ACCEPTED, at(60), 10)).extracting(ConnectorMessage::connectorMessageId)
                .containsExactlyInAnyOrder(carrier.connectorMessageId(), business.connectorMessageId());
        assertThat(store.stalled(MessageState.RECEIVED, at(60), 10)).containsExactly(subject);
    }

    /**
     * Beyond the Javadoc's words, and what the sweep needs: with a limit, those longest in their state come first,
     * or a sweep whose batch fills with younger messages would never reach the oldest.
     */
    @Test
    void stalledReturnsNoMoreThanTheLimitLongestWaitingFirst() {
        UUID createdFirst = stored(outbound(at(0)).build()).connectorMessageId();
        UUID createdSecond = stored(outbound(at(1)).build()).connectorMessageId();
        UUID createdThird = stored(outbound(at(2)).build()).connectorMessageId();
        store.advance(createdThird, MessageState.ACCEPTED, "accepted", at(10));
        store.advance(createdFirst, MessageState.ACCEPTED, "accepted", at(20));
        store.advance(createdSecond, MessageState.ACCEPTED, "accepted", at(30));

        assertThat(store.stalled(MessageState.ACCEPTED, at(100), 2)).extracting(ConnectorMessage::connectorMessageId)
                .containsExactly(createdThird, createdFirst);
        assertThat(store.stalled(MessageState.ACCEPTED, at(100), 10)).hasSize(3);
    }

    /** Evidence timeouts count from the submission, whatever happened since. */
    @Test
    void overdueCountsFromTheCreation() {
        UUID id = stored(outbound(at(0)).build()).connectorMessageId();
        store.advance(id, MessageState.ACCEPTED, "accepted", at(3600));
        store.advance(id, MessageState.SENT, "sent", at(3700));

        assertThat(store.overdue(MessageState.SENT, at(1), 10)).extracting(ConnectorMessage::connectorMessageId)
                .containsExactly(id);
        assertThat(store.overdue(MessageState.SENT, at(0), 10)).as("not before its own instant").isEmpty();
        assertThat(store.overdue(MessageState.ACCEPTED, at(7200), 10)).as("no longer ACCEPTED").isEmpty();
    }

    @Test
    void overdueTakesOutboundBusinessMessagesOnly() {
        var business = stored(outbound(at(0)).state(MessageState.ACCEPTED).build());
        var subject = stored(inbound(at(0)).build());
        var carrier = evidenceCarrier(subject, EvidenceType.DELIVERY, at(1)).build();
        store.recordEvidence(evidence(subject.connectorMessageId(), EvidenceType.DELIVERY, EvidenceOrigin.ISSUED,
                carrier.connectorMessageId(), at(1)), carrier, null, "issued");

        assertThat(store.overdue(MessageState.ACCEPTED, at(60), 10)).containsExactly(business);
        assertThat(store.overdue(MessageState.RECEIVED, at(60), 10)).isEmpty();
    }

    /** As for stalled: the oldest first, so that a limited batch reaches the messages that waited longest. */
    @Test
    void overdueReturnsNoMoreThanTheLimitOldestFirst() {
        UUID second = stored(outbound(at(20)).state(MessageState.SENT).build()).connectorMessageId();
        UUID first = stored(outbound(at(10)).state(MessageState.SENT).build()).connectorMessageId();
        stored(outbound(at(30)).state(MessageState.SENT).build());

        assertThat(store.overdue(MessageState.SENT, at(100), 2)).extracting(ConnectorMessage::connectorMessageId)
                .containsExactly(first, second);
    }

    // ---- the outbox (MessageEvents) ------------------------------------------------------------------------------

    /** The outbox of the store under test; skips the test when the store writes none yet. */
    private MessageEvents outbox() {
        MessageEvents events = events(store);
        Assumptions.assumeTrue(events != null, "this store writes no outbox yet");
        return events;
    }

    /** Everything the outbox holds that is not handed on yet. */
    private static List<MessageEvent> pendingIn(MessageEvents outbox) {
        return outbox.pending(Integer.MAX_VALUE);
    }

    /** Every pair of states: a transition writes exactly one event, with the state it reached; a refused one none. */
    @ParameterizedTest
    @EnumSource(MessageState.class)
    void eachAdvanceThatMovesWritesOneEventAndARefusedOneNone(MessageState from) {
        MessageEvents outbox = outbox();
        for (MessageState to : MessageState.values()) {
            var builder = from.direction() == Direction.OUTBOUND ? outbound(at(0)) : inbound(at(0));
            var message = stored(builder.state(from).build());
            int before = pendingIn(outbox).size();

            boolean moved = store.advance(message.connectorMessageId(), to, "to " + to, at(10));

            var written = pendingIn(outbox).subList(before, pendingIn(outbox).size());
            if (moved) {
                assertThat(written).as(from + " -> " + to).singleElement().satisfies(e -> {
                    assertThat(e.connectorMessageId()).isEqualTo(message.connectorMessageId());
                    assertThat(e.conversationId()).isEqualTo(message.conversationId());
                    assertThat(e.state()).isEqualTo(to);
                    assertThat(e.evidenceType()).isNull();
                    assertThat(e.evidenceOrigin()).isNull();
                    assertThat(e.at()).isEqualTo(at(10));
                });
            } else {
                assertThat(written).as(from + " -> " + to).isEmpty();
            }
        }
    }

    @Test
    void anAdvanceOfAnUnknownMessageWritesNoEvent() {
        MessageEvents outbox = outbox();

        store.advance(UUID.randomUUID(), MessageState.ACCEPTED, "nobody", at(1));

        assertThat(pendingIn(outbox)).isEmpty();
    }

    /** The evidence and the state it moved are one change: one event says both. */
    @Test
    void anEvidenceThatMovesItsSubjectWritesOneEventWithTheEvidenceAndTheState() {
        MessageEvents outbox = outbox();
        var subject = stored(inbound(at(0)).state(MessageState.AVAILABLE_TO_BACKEND).build());
        var carrier = evidenceCarrier(subject, EvidenceType.DELIVERY, at(4)).build();

        assertThat(store.recordEvidence(evidence(subject.connectorMessageId(), EvidenceType.DELIVERY,
                EvidenceOrigin.ISSUED, carrier.connectorMessageId(), at(4)), carrier,
                MessageState.DELIVERED_TO_BACKEND, "DELIVERY issued")).isTrue();

        assertThat(pendingIn(outbox)).singleElement().satisfies(e -> {
            assertThat(e.connectorMessageId()).as("about the subject, not the carrier")
                    .isEqualTo(subject.connectorMessageId());
            assertThat(e.conversationId()).isEqualTo(subject.conversationId());
            assertThat(e.state()).isEqualTo(MessageState.DELIVERED_TO_BACKEND);
            assertThat(e.evidenceType()).isEqualTo(EvidenceType.DELIVERY);
            assertThat(e.evidenceOrigin()).isEqualTo(EvidenceOrigin.ISSUED);
            assertThat(e.at()).isEqualTo(at(4));
        });
    }

    @Test
    void anEvidenceThatMovesNoStateWritesOneEventWithoutState() {
        MessageEvents outbox = outbox();
        UUID withoutState = stored(inbound(at(0)).build()).connectorMessageId();
        UUID cannotFollow = stored(outbound(at(0)).state(MessageState.RELAY_FAILED).build()).connectorMessageId();

        store.recordEvidence(evidence(withoutState, EvidenceType.SUBMISSION_ACCEPTANCE, EvidenceOrigin.RECEIVED,
                withoutState, at(1)), null, null, "received with the message");
        store.recordEvidence(evidence(cannotFollow, EvidenceType.RELAY_REMMD_ACCEPTANCE, EvidenceOrigin.RECEIVED,
                null, at(2)), null, MessageState.RELAYED, "received late");

        assertThat(pendingIn(outbox)).hasSize(2).allSatisfy(e -> assertThat(e.state()).isNull())
                .extracting(MessageEvent::connectorMessageId, MessageEvent::evidenceType)
                .containsExactly(tuple(withoutState, EvidenceType.SUBMISSION_ACCEPTANCE),
                        tuple(cannotFollow, EvidenceType.RELAY_REMMD_ACCEPTANCE));
    }

    @Test
    void aRefusedEvidenceWritesNoEvent() {
        MessageEvents outbox = outbox();
        var taken = stored(outbound(at(0)).build());
        var subject = stored(inbound(at(1)).build());
        UUID id = subject.connectorMessageId();
        store.recordEvidence(evidence(id, EvidenceType.DELIVERY, EvidenceOrigin.ISSUED, null, at(2)), null, null,
                "first");
        int before = pendingIn(outbox).size();
        var clashing = evidenceCarrier(subject, EvidenceType.RELAY_REMMD_ACCEPTANCE, at(3))
                .ebmsMessageId(taken.ebmsMessageId()).build();

        store.recordEvidence(evidence(id, EvidenceType.DELIVERY, EvidenceOrigin.ISSUED, null, at(3)), null, null,
                "repeated");
        try {
            store.recordEvidence(evidence(id, EvidenceType.RELAY_REMMD_ACCEPTANCE, EvidenceOrigin.ISSUED,
                    clashing.connectorMessageId(), at(3)), clashing, MessageState.AVAILABLE_TO_BACKEND, "clash");
        } catch (RuntimeException refused) {
            // as in aCarrierThatCannotBeStoredLeavesNoEvidenceBehind: loud or false, as long as nothing is written
        }

        assertThat(before).isEqualTo(1);
        assertThat(pendingIn(outbox)).hasSize(1);
    }

    /** Only changes of state and evidences are events; the rest of a message's life writes none. */
    @Test
    void insertsNotesPayloadsAndBackendsWriteNoEvent() {
        MessageEvents outbox = outbox();
        var message = stored(inbound(at(0)).build());
        UUID id = message.connectorMessageId();

        store.note(TimelineEntry.state(id, at(1), MessageState.RECEIVED, "container opened"));
        store.addPayloads(id, List.of(payload(PayloadKind.ATTACHMENT, "annex.pdf")));
        store.assignBackend(id, "court-b");

        assertThat(pendingIn(outbox)).isEmpty();
    }

    @Test
    void eventsArePendingInTheOrderWrittenUntilHandedOn() {
        MessageEvents outbox = outbox();
        UUID first = stored(outbound(at(0)).build()).connectorMessageId();
        UUID second = stored(outbound(at(0)).build()).connectorMessageId();
        store.advance(second, MessageState.ACCEPTED, "accepted", at(1));
        store.advance(first, MessageState.ACCEPTED, "accepted", at(2));
        store.advance(second, MessageState.SENT, "sent", at(3));

        var pending = pendingIn(outbox);
        assertThat(pending).extracting(MessageEvent::connectorMessageId, MessageEvent::state).containsExactly(
                tuple(second, MessageState.ACCEPTED), tuple(first, MessageState.ACCEPTED),
                tuple(second, MessageState.SENT));
        assertThat(pending).extracting(MessageEvent::sequence).isSorted().doesNotHaveDuplicates();
        assertThat(outbox.pending(2)).containsExactlyElementsOf(pending.subList(0, 2));

        List<Long> ran = new java.util.ArrayList<>();
        assertThat(outbox.handOn(pending.get(0).sequence(), () -> ran.add(pending.get(0).sequence()))).isTrue();
        assertThat(outbox.handOn(pending.get(0).sequence(), () -> ran.add(-1L))).as("again: nothing").isFalse();
        assertThat(outbox.handOn(pending.get(2).sequence() + 1000, () -> ran.add(-2L))).as("unknown").isFalse();

        assertThat(ran).containsExactly(pending.get(0).sequence());
        assertThat(pendingIn(outbox)).containsExactly(pending.get(1), pending.get(2));
    }

    /** What fails while an event is claimed leaves it pending, to be handed on by the next relay. */
    @Test
    void anEventWhoseHandingOnFailsStaysPending() {
        MessageEvents outbox = outbox();
        UUID id = stored(outbound(at(0)).build()).connectorMessageId();
        store.advance(id, MessageState.ACCEPTED, "accepted", at(1));
        long sequence = pendingIn(outbox).get(0).sequence();

        assertThatThrownBy(() -> outbox.handOn(sequence, () -> {
            throw new IllegalStateException("the broker is down");
        })).isInstanceOf(IllegalStateException.class).hasMessage("the broker is down");

        assertThat(pendingIn(outbox)).extracting(MessageEvent::sequence).containsExactly(sequence);
        assertThat(outbox.handOn(sequence, () -> { })).isTrue();
        assertThat(pendingIn(outbox)).isEmpty();
    }

    /**
     * Two relays (the replicas of one connector) handing on the same events at once: each event is handed on by one
     * of them only, and in the order written.
     */
    @Test
    void twoRelaysAtOnceHandEachEventOnOnceInOrder() throws Exception {
        MessageEvents outbox = outbox();
        for (int i = 0; i < 40; i++) {
            UUID id = stored(outbound(at(0)).build()).connectorMessageId();
            store.advance(id, MessageState.ACCEPTED, "accepted", at(1));
        }
        List<Long> handedOn = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        Runnable relay = () -> {
            for (MessageEvent event : outbox.pending(1000)) {
                outbox.handOn(event.sequence(), () -> handedOn.add(event.sequence()));
            }
        };
        Thread first = new Thread(relay);
        Thread second = new Thread(relay);
        first.start();
        second.start();
        first.join(30_000);
        second.join(30_000);

        assertThat(handedOn).hasSize(40).doesNotHaveDuplicates().isSorted();
        assertThat(pendingIn(outbox)).isEmpty();
    }

    // ---- one back-end's change feed (MessageEvents.eventsOf, written) --------------------------------------------

    /**
     * A back-end's feed holds the events of its own business messages, sent and received, in the order written; not
     * another back-end's, not a message routed to none, not an evidence carrier's (though it names the back-end).
     */
    @Test
    void aBackendsFeedHoldsItsOwnBusinessMessagesEventsInOrder() {
        MessageEvents outbox = outbox();
        var sent = stored(outbound(at(0)).backendName("court-a").build());
        var received = stored(inbound(at(0)).build());
        var othersSent = stored(outbound(at(0)).backendName("court-b").build());
        var unrouted = stored(inbound(at(0)).build());
        store.assignBackend(received.connectorMessageId(), "court-a");
        store.advance(sent.connectorMessageId(), MessageState.ACCEPTED, "accepted", at(1));
        store.advance(othersSent.connectorMessageId(), MessageState.ACCEPTED, "accepted", at(2));
        store.advance(unrouted.connectorMessageId(), MessageState.AVAILABLE_TO_BACKEND, "no back-end", at(3));
        store.advance(received.connectorMessageId(), MessageState.AVAILABLE_TO_BACKEND, "routed", at(4));
        var carrier = evidenceCarrier(store.find(received.connectorMessageId()).orElseThrow(), EvidenceType.DELIVERY,
                at(5)).build();
        store.recordEvidence(evidence(received.connectorMessageId(), EvidenceType.DELIVERY, EvidenceOrigin.ISSUED,
                carrier.connectorMessageId(), at(5)), carrier, MessageState.DELIVERED_TO_BACKEND, "DELIVERY");
        store.advance(carrier.connectorMessageId(), MessageState.SENT, "carrier sent", at(6));
        store.advance(sent.connectorMessageId(), MessageState.SENT, "sent", at(7));

        List<MessageEvent> feed = outbox.eventsOf("court-a", 0, Integer.MAX_VALUE);

        assertThat(feed).extracting(MessageEvent::connectorMessageId, MessageEvent::state, MessageEvent::evidenceType)
                .containsExactly(
                        tuple(sent.connectorMessageId(), MessageState.ACCEPTED, null),
                        tuple(received.connectorMessageId(), MessageState.AVAILABLE_TO_BACKEND, null),
                        tuple(received.connectorMessageId(), MessageState.DELIVERED_TO_BACKEND, EvidenceType.DELIVERY),
                        tuple(sent.connectorMessageId(), MessageState.SENT, null));
        assertThat(feed).extracting(MessageEvent::sequence).isSorted().doesNotHaveDuplicates();
        assertThat(feed).containsExactlyElementsOf(pendingIn(outbox).stream()
                .filter(e -> feed.stream().anyMatch(f -> f.sequence() == e.sequence())).toList());
        assertThat(outbox.eventsOf("court-b", 0, Integer.MAX_VALUE)).extracting(MessageEvent::connectorMessageId)
                .containsExactly(othersSent.connectorMessageId());
        assertThat(outbox.eventsOf("court-c", 0, Integer.MAX_VALUE)).isEmpty();
    }

    /** The cursor is exclusive, the limit keeps the oldest, and handing events on takes none out of any feed. */
    @Test
    void aFeedReadsOnAfterItsCursorAndIgnoresHandingOn() {
        MessageEvents outbox = outbox();
        UUID id = stored(outbound(at(0)).backendName("court-a").build()).connectorMessageId();
        store.advance(id, MessageState.ACCEPTED, "accepted", at(1));
        store.advance(id, MessageState.SENT, "sent", at(2));
        store.advance(id, MessageState.DELIVERED, "delivered", at(3));
        List<MessageEvent> all = outbox.eventsOf("court-a", 0, Integer.MAX_VALUE);
        assertThat(all).hasSize(3);

        assertThat(outbox.eventsOf("court-a", 0, 2)).containsExactlyElementsOf(all.subList(0, 2));
        assertThat(outbox.eventsOf("court-a", all.get(0).sequence(), 10)).containsExactlyElementsOf(all.subList(1, 3));
        assertThat(outbox.eventsOf("court-a", all.get(2).sequence(), 10)).isEmpty();

        all.forEach(e -> outbox.handOn(e.sequence(), () -> { }));

        assertThat(pendingIn(outbox)).isEmpty();
        assertThat(outbox.eventsOf("court-a", 0, 10)).containsExactlyElementsOf(all);
    }

    /** The feed judges gaps by this count: every event written in a range, of every back-end. */
    @Test
    void writtenCountsEveryBackendsEventsInARange() {
        MessageEvents outbox = outbox();
        UUID a = stored(outbound(at(0)).backendName("court-a").build()).connectorMessageId();
        UUID b = stored(outbound(at(0)).backendName("court-b").build()).connectorMessageId();
        store.advance(a, MessageState.ACCEPTED, "accepted", at(1));
        store.advance(b, MessageState.ACCEPTED, "accepted", at(2));
        store.advance(a, MessageState.SENT, "sent", at(3));
        List<MessageEvent> events = pendingIn(outbox);
        long first = events.get(0).sequence();
        long last = events.get(2).sequence();

        assertThat(outbox.written(first - 1, last)).isEqualTo(3);
        assertThat(outbox.written(first, last)).isEqualTo(2);
        assertThat(outbox.written(last, last + 100)).isZero();
        assertThat(outbox.written(first - 1, first)).isEqualTo(1);
    }

    @Test
    void ofConcurrentAdvancesOnlyTheWinnerWritesAnEvent() throws Exception {
        MessageEvents outbox = outbox();
        UUID id = stored(outbound(at(0)).build()).connectorMessageId();

        race(i -> () -> store.advance(id, MessageState.ACCEPTED, "racer " + i, at(1)));

        assertThat(pendingIn(outbox)).singleElement().satisfies(e -> assertThat(e.state())
                .isEqualTo(MessageState.ACCEPTED));
    }

    // ---- atomicity under concurrent redeliveries ------------------------------------------------------------------

    @Test
    void ofConcurrentInsertsOfOneEbmsIdOneWins() throws Exception {
        String ebmsId = UUID.randomUUID() + "@de.test";
        List<ConnectorMessage> copies = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            copies.add(inbound(at(i)).ebmsMessageId(ebmsId).build());
        }

        List<Boolean> results = race(i -> () -> store.insert(copies.get(i), "received, copy " + i));

        assertThat(results).containsOnlyOnce(true);
        var winner = copies.get(results.indexOf(true));
        assertThat(store.findByEbmsId(ebmsId, Direction.INBOUND)).hasValue(winner);
        assertThat(copies).filteredOn(c -> store.find(c.connectorMessageId()).isPresent()).containsExactly(winner);
    }

    @Test
    void ofConcurrentAdvancesToOneStateOneWins() throws Exception {
        UUID id = stored(outbound(at(0)).build()).connectorMessageId();

        List<Boolean> results = race(i -> () -> store.advance(id, MessageState.ACCEPTED, "racer " + i, at(1)));

        assertThat(results).containsOnlyOnce(true);
        assertThat(store.timeline(id)).filteredOn(e -> e.state() == MessageState.ACCEPTED).hasSize(1);
    }

    @Test
    void ofConcurrentRecordingsOfOneEvidenceOneWinsWithItsCarrier() throws Exception {
        var subject = stored(inbound(at(0)).build());
        UUID id = subject.connectorMessageId();
        List<ConnectorMessage> carriers = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            carriers.add(evidenceCarrier(subject, EvidenceType.DELIVERY, at(1)).build());
        }

        List<Boolean> results = race(i -> () -> store.recordEvidence(evidence(id, EvidenceType.DELIVERY,
                EvidenceOrigin.ISSUED, carriers.get(i).connectorMessageId(), at(1)), carriers.get(i),
                MessageState.DELIVERED_TO_BACKEND, "racer " + i));

        assertThat(results).containsOnlyOnce(true);
        assertThat(store.evidences(id)).hasSize(1);
        assertThat(carriers).filteredOn(c -> store.find(c.connectorMessageId()).isPresent()).hasSize(1);
        assertThat(store.timeline(id)).filteredOn(e -> e.state() == MessageState.DELIVERED_TO_BACKEND).hasSize(1);
    }

    /** Runs {@value #RACERS} calls at once and gives each one's answer; a call that throws fails the test. */
    private static List<Boolean> race(IntFunction<Callable<Boolean>> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                Callable<Boolean> one = call.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return one.call();
                }));
            }
            start.countDown();
            List<Boolean> results = new ArrayList<>();
            for (Future<Boolean> f : futures) {
                results.add(f.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}

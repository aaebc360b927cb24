package eu.lexbridge.core.flow;

import static eu.lexbridge.core.flow.FlowFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.evidence.BackendConfirmation;
import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.flow.EvidenceIssuer.Route;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.MessageKind;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.port.Hop;
import eu.lexbridge.core.testkit.RecordingMessageBus.Published;
import eu.lexbridge.core.testkit.SampleMessages;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class BackendInboxTest {

    private final FlowFixture f = new FlowFixture();
    private final BackendInbox inbox = new BackendInbox(f.store, f.payloads, f.issuer(), f.bus);
    private final PayloadRef document = f.payloads.put(PayloadKind.BUSINESS_DOCUMENT, "form.pdf", "application/pdf",
            new byte[] {'%', 'P', 'D', 'F'});

    /** An inbound message for {@code backend}, available since {@code seconds} after T0. */
    private ConnectorMessage available(String backend, long seconds) {
        return f.stored(SampleMessages.inbound(T0.plusSeconds(seconds)).backendName(backend)
                .state(MessageState.AVAILABLE_TO_BACKEND).addPayload(document).build());
    }

    private static void assertUnknown(ErrorCode code, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ConnectorException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void pendingListsTheBackendsWaitingMessagesOldestFirst() {
        var first = available("court-a", 1);
        var second = available("court-a", 2);
        available("court-a", 3);
        available("court-b", 0);
        f.stored(SampleMessages.inbound(T0).backendName("court-a").state(MessageState.DELIVERED_TO_BACKEND).build());

        assertThat(inbox.pending("court-a", 2)).containsExactly(first, second);
        assertThat(inbox.pending("court-c", 10)).isEmpty();
    }

    /** The official "pull with acknowledgement": a fetched message waits for its confirmation, then is offered again. */
    @Test
    void aFetchedButUnconfirmedMessageIsOfferedAgainAfterTheLease() {
        var leased = new BackendInbox(f.store, f.payloads, f.issuer(), f.bus, f.clock, Duration.ofMinutes(5));
        var first = available("court-a", 1);
        var second = available("court-a", 2);

        assertThat(leased.fetched("court-a", first.connectorMessageId())).isEqualTo(first);

        assertThat(leased.pending("court-a", 10)).as("within the lease").containsExactly(second);
        f.clock.advance(Duration.ofMinutes(4));
        assertThat(leased.pending("court-a", 10)).as("still within the lease").containsExactly(second);
        f.clock.advance(Duration.ofMinutes(2));
        assertThat(leased.pending("court-a", 10)).as("after the lease").containsExactly(first, second);
    }

    @Test
    void fetchingAgainRenewsTheLeaseAndAConfirmedMessageIsNotOfferedAgain() {
        var leased = new BackendInbox(f.store, f.payloads, f.issuer(), f.bus, f.clock, Duration.ofMinutes(5));
        var message = available("court-a", 1);
        var acknowledged = available("court-a", 2);
        leased.fetched("court-a", message.connectorMessageId());
        leased.fetched("court-a", acknowledged.connectorMessageId());
        leased.acknowledge("court-a", acknowledged.connectorMessageId());

        f.clock.advance(Duration.ofMinutes(4));
        leased.fetched("court-a", message.connectorMessageId());
        f.clock.advance(Duration.ofMinutes(4));

        assertThat(leased.pending("court-a", 10)).as("renewed four minutes ago").isEmpty();
        f.clock.advance(Duration.ofMinutes(2));
        assertThat(leased.pending("court-a", 10)).containsExactly(message);
    }

    /** Another back-end's message cannot be fetched, and so cannot be leased away from its own back-end. */
    @Test
    void aBackendCannotFetchAnothersMessage() {
        var leased = new BackendInbox(f.store, f.payloads, f.issuer(), f.bus, f.clock, Duration.ofMinutes(5));
        var theirs = available("court-b", 1);

        assertUnknown(ErrorCode.UNKNOWN_MESSAGE, () -> leased.fetched("court-a", theirs.connectorMessageId()));

        assertThat(leased.pending("court-b", 10)).containsExactly(theirs);
    }

    @Test
    void aBackendSeesItsOwnBusinessMessagesOnly() {
        var own = available("court-a", 0);
        var evidenceMessage = f.stored(SampleMessages.inbound(T0).kind(MessageKind.EVIDENCE).backendName("court-a")
                .refToMessageId("x@at.test").build());

        assertThat(inbox.message("court-a", own.connectorMessageId())).isEqualTo(own);
        assertUnknown(ErrorCode.UNKNOWN_MESSAGE, () -> inbox.message("court-b", own.connectorMessageId()));
        assertUnknown(ErrorCode.UNKNOWN_MESSAGE, () -> inbox.message("court-a", evidenceMessage.connectorMessageId()));
        assertUnknown(ErrorCode.UNKNOWN_MESSAGE, () -> inbox.message("court-a", UUID.randomUUID()));
        assertUnknown(ErrorCode.UNKNOWN_MESSAGE, () -> inbox.timeline("court-b", own.connectorMessageId()));
        assertUnknown(ErrorCode.UNKNOWN_MESSAGE, () -> inbox.evidences("court-b", own.connectorMessageId()));
        assertUnknown(ErrorCode.UNKNOWN_MESSAGE, () -> inbox.payload("court-b", own.connectorMessageId(),
                document.payloadId()));
    }

    @Test
    void aMessagesTimelineAndEvidencesAreShownToItsBackend() {
        var message = available("court-a", 0);
        Evidence relay = f.issuer().issue(message, EvidenceType.RELAY_REMMD_ACCEPTANCE, Route.OWN_MESSAGE, null,
                null);

        assertThat(inbox.evidences("court-a", message.connectorMessageId())).containsExactly(relay);
        assertThat(inbox.timeline("court-a", message.connectorMessageId()))
                .isEqualTo(f.store.timeline(message.connectorMessageId())).hasSize(2);
    }

    @Test
    void aPayloadOrEvidenceDocumentOfTheMessageCanBeRead() throws IOException {
        var message = available("court-a", 0);
        Evidence relay = f.issuer().issue(message, EvidenceType.RELAY_REMMD_ACCEPTANCE, Route.OWN_MESSAGE, null,
                null);

        PayloadRef payload = inbox.payload("court-a", message.connectorMessageId(), document.payloadId());
        PayloadRef evidence = inbox.payload("court-a", message.connectorMessageId(), relay.document().payloadId());

        assertThat(payload).isEqualTo(document);
        assertThat(evidence).isEqualTo(relay.document());
        try (InputStream in = inbox.open("court-a", message.connectorMessageId(), payload)) {
            assertThat(in.readAllBytes()).containsExactly('%', 'P', 'D', 'F');
        }
    }

    @Test
    void aPayloadOfAnotherMessageIsNotShown() {
        var message = available("court-a", 0);
        var other = f.stored(SampleMessages.inbound(T0).backendName("court-a").build());

        assertUnknown(ErrorCode.UNKNOWN_PAYLOAD, () -> inbox.payload("court-a", other.connectorMessageId(),
                document.payloadId()));
        assertUnknown(ErrorCode.UNKNOWN_PAYLOAD, () -> inbox.payload("court-a", message.connectorMessageId(),
                "no-such-payload"));
    }

    @Test
    void acknowledgingIssuesDeliveryBackToTheSenderAndQueuesIt() {
        var message = available("court-a", 0);

        Evidence delivery = inbox.acknowledge("court-a", message.connectorMessageId());

        assertThat(delivery.type()).isEqualTo(EvidenceType.DELIVERY);
        assertThat(f.reload(message.connectorMessageId()).state()).isEqualTo(MessageState.DELIVERED_TO_BACKEND);
        assertThat(f.reload(delivery.carrierMessageId()).to()).isEqualTo(SampleMessages.GERMANY);
        assertThat(f.bus.published()).containsExactly(new Published(Hop.EVIDENCE_OUTBOUND,
                delivery.carrierMessageId(), message.conversationId()));
        assertThat(inbox.pending("court-a", 10)).isEmpty();
    }

    @Test
    void acknowledgingTwiceGivesTheSameEvidence() {
        var message = available("court-a", 0);
        Evidence first = inbox.acknowledge("court-a", message.connectorMessageId());

        Evidence again = inbox.acknowledge("court-a", message.connectorMessageId());

        assertThat(again).isEqualTo(first);
        assertThat(f.store.evidences(message.connectorMessageId())).hasSize(1);
        assertThat(f.bus.on(Hop.EVIDENCE_OUTBOUND)).hasSize(2)
                .allSatisfy(p -> assertThat(p.connectorMessageId()).isEqualTo(first.carrierMessageId()));
    }

    @Test
    void aMessageNotYetAvailableOrAlreadyEndedCannotBeAcknowledged() {
        var received = f.stored(SampleMessages.inbound(T0).backendName("court-a").build());
        var refused = f.stored(SampleMessages.inbound(T0).backendName("court-a")
                .state(MessageState.NOT_DELIVERED_TO_BACKEND).build());
        var retrieved = f.stored(SampleMessages.inbound(T0).backendName("court-a")
                .state(MessageState.RETRIEVED_BY_BACKEND).build());
        var outbound = f.stored(SampleMessages.outbound(T0).state(MessageState.DELIVERED).build());

        for (ConnectorMessage m : new ConnectorMessage[] {received, refused, retrieved, outbound}) {
            assertThatThrownBy(() -> inbox.acknowledge("court-a", m.connectorMessageId()))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.NOT_ACKNOWLEDGEABLE);
                        assertThat(e).hasMessage("message " + m.connectorMessageId() + " is " + m.state()
                                + " and cannot be acknowledged");
                    });
        }
        assertThat(f.bus.published()).isEmpty();
    }

    /** The evidence is recorded; the stalled-work sweep sends its message later. */
    @Test
    void aQueueThatIsDownDoesNotFailTheAcknowledgement() {
        var message = available("court-a", 0);
        f.bus.setAvailable(false);

        Evidence delivery = inbox.acknowledge("court-a", message.connectorMessageId());

        assertThat(f.reload(delivery.carrierMessageId()).state()).isEqualTo(MessageState.ACCEPTED);
        assertThat(f.reload(message.connectorMessageId()).state()).isEqualTo(MessageState.DELIVERED_TO_BACKEND);
        assertThat(f.bus.published()).isEmpty();
    }

    // ---- confirmations beyond DELIVERY, as the official connector's back-end API has them ---------------------------

    private void assertConfirmationRefused(ConnectorMessage message, BackendConfirmation confirmation) {
        var before = f.store.evidences(message.connectorMessageId());
        assertThatThrownBy(() -> inbox.confirm("court-a", message.connectorMessageId(), confirmation, null))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.NOT_ACKNOWLEDGEABLE);
                    assertThat(e).hasMessage("message " + message.connectorMessageId() + " is "
                            + f.reload(message.connectorMessageId()).state() + " and cannot be confirmed "
                            + confirmation);
                });
        assertThat(f.store.evidences(message.connectorMessageId())).isEqualTo(before);
    }

    private void assertContradictionRefused(ConnectorMessage message, BackendConfirmation confirmation) {
        var before = f.store.evidences(message.connectorMessageId());
        var state = f.reload(message.connectorMessageId()).state();
        int published = f.bus.published().size();
        assertThatThrownBy(() -> inbox.confirm("court-a", message.connectorMessageId(), confirmation, "a reason"))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFIRMATION_CONTRADICTED);
                    assertThat(e.code().code()).isEqualTo("LB-1301");
                    assertThat(e).hasMessageContaining("was confirmed " + confirmation.opposite() + " before");
                });
        assertThat(f.store.evidences(message.connectorMessageId())).isEqualTo(before);
        assertThat(f.reload(message.connectorMessageId()).state()).isEqualTo(state);
        assertThat(f.bus.published()).hasSize(published);
    }

    @Test
    void retrievalAfterDeliveryGoesBackAndEndsTheMessageRetrieved() {
        var message = available("court-a", 0);
        inbox.acknowledge("court-a", message.connectorMessageId());

        Evidence retrieval = inbox.confirm("court-a", message.connectorMessageId(), BackendConfirmation.RETRIEVAL,
                null);

        assertThat(retrieval.type()).isEqualTo(EvidenceType.RETRIEVAL);
        assertThat(retrieval.reason()).isNull();
        assertThat(f.reload(message.connectorMessageId()).state()).isEqualTo(MessageState.RETRIEVED_BY_BACKEND);
        var carrier = f.reload(retrieval.carrierMessageId());
        assertThat(carrier.to()).isEqualTo(SampleMessages.GERMANY);
        assertThat(carrier.action()).isEqualTo("RetrievalNonRetrievalToRecipient");
        assertThat(f.bus.published()).last().isEqualTo(new Published(Topology.EVIDENCE_ISSUED.next(),
                retrieval.carrierMessageId(), message.conversationId()));
    }

    @Test
    void nonRetrievalGoesBackAndLeavesTheStateAsItIs() {
        var message = available("court-a", 0);
        inbox.acknowledge("court-a", message.connectorMessageId());

        Evidence nonRetrieval = inbox.confirm("court-a", message.connectorMessageId(),
                BackendConfirmation.NON_RETRIEVAL, "the recipient did not open it within 14 days");

        assertThat(nonRetrieval.type()).isEqualTo(EvidenceType.NON_RETRIEVAL);
        assertThat(nonRetrieval.reason()).isEqualTo("E200 the recipient did not open it within 14 days");
        assertThat(f.reload(message.connectorMessageId()).state()).isEqualTo(MessageState.DELIVERED_TO_BACKEND);
        assertThat(f.bus.on(Hop.EVIDENCE_OUTBOUND)).hasSize(2);
    }

    @Test
    void nonDeliveryWithoutAReasonGivesTheOfficialBackendRejection() {
        var message = available("court-a", 0);

        Evidence nonDelivery = inbox.confirm("court-a", message.connectorMessageId(),
                BackendConfirmation.NON_DELIVERY, " ");

        assertThat(nonDelivery.reason())
                .isEqualTo("E200 The connector backend or backend application rejected the message");
        assertThat(f.reload(message.connectorMessageId()).state()).isEqualTo(MessageState.NOT_DELIVERED_TO_BACKEND);
        assertThat(inbox.pending("court-a", 10)).isEmpty();
    }

    @Test
    void aConfirmationRepeatedGivesTheSameEvidence() {
        var message = available("court-a", 0);
        inbox.acknowledge("court-a", message.connectorMessageId());
        Evidence first = inbox.confirm("court-a", message.connectorMessageId(), BackendConfirmation.RETRIEVAL, null);

        Evidence again = inbox.confirm("court-a", message.connectorMessageId(), BackendConfirmation.RETRIEVAL, null);

        assertThat(again).isEqualTo(first);
        assertThat(f.store.evidences(message.connectorMessageId())).hasSize(2);
    }

    @Test
    void aConfirmationTheStateDoesNotAllowIsRefused() {
        var available = available("court-a", 0);
        var delivered = available("court-a", 1);
        inbox.acknowledge("court-a", delivered.connectorMessageId());

        assertConfirmationRefused(available, BackendConfirmation.RETRIEVAL);
        assertConfirmationRefused(available, BackendConfirmation.NON_RETRIEVAL);
    }

    /**
     * A back-end cannot say both: RETRIEVAL after NON_RETRIEVAL is refused, though the state would allow it, and
     * refusing (NON_DELIVERY) an acknowledged message, acknowledging a refused one and NON_RETRIEVAL after RETRIEVAL
     * are refused with their own code, so a back-end can tell "not yet" from "you said otherwise".
     */
    @Test
    void aConfirmationThatContradictsAnEarlierOneIsRefused() {
        var message = available("court-a", 0);
        inbox.acknowledge("court-a", message.connectorMessageId());
        inbox.confirm("court-a", message.connectorMessageId(), BackendConfirmation.NON_RETRIEVAL, null);
        var refused = available("court-a", 1);
        inbox.confirm("court-a", refused.connectorMessageId(), BackendConfirmation.NON_DELIVERY, null);
        var retrieved = available("court-a", 2);
        inbox.acknowledge("court-a", retrieved.connectorMessageId());
        inbox.confirm("court-a", retrieved.connectorMessageId(), BackendConfirmation.RETRIEVAL, null);

        assertContradictionRefused(message, BackendConfirmation.RETRIEVAL);
        assertContradictionRefused(message, BackendConfirmation.NON_DELIVERY);
        assertContradictionRefused(refused, BackendConfirmation.DELIVERY);
        assertContradictionRefused(retrieved, BackendConfirmation.NON_RETRIEVAL);
        assertContradictionRefused(retrieved, BackendConfirmation.NON_DELIVERY);
    }

    @Test
    void aBackendFindsItsOwnMessageByItsOwnIdAndNoOneElses() {
        var own = f.stored(SampleMessages.outbound(T0).backendName("court-a").backendMessageId("case-17").build());
        f.stored(SampleMessages.outbound(T0).backendName("court-b").backendMessageId("case-18").build());
        var carrier = f.stored(SampleMessages.evidenceCarrier(own, EvidenceType.DELIVERY, T0)
                .backendMessageId("trigger-1").build());

        assertThat(inbox.byBackendMessageId("court-a", "case-17")).contains(own);
        assertThat(inbox.byBackendMessageId("court-a", "case-18")).as("court-b's id").isEmpty();
        assertThat(inbox.byBackendMessageId("court-b", "case-17")).as("court-a's message").isEmpty();
        assertThat(inbox.byBackendMessageId("court-a", "trigger-1")).as("not a business message").isEmpty();
        assertThat(inbox.byBackendMessageId("court-a", "no-such-id")).isEmpty();
        assertThat(f.store.find(carrier.connectorMessageId())).isPresent();
    }

    @Test
    void anotherBackendsMessageCannotBeConfirmed() {
        var message = available("court-b", 0);

        assertUnknown(ErrorCode.UNKNOWN_MESSAGE, () -> inbox.confirm("court-a", message.connectorMessageId(),
                BackendConfirmation.NON_DELIVERY, null));

        assertThat(f.store.evidences(message.connectorMessageId())).isEmpty();
    }
}

package eu.lexbridge.core.flow;

import static eu.lexbridge.core.flow.FlowFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.evidence.BackendConfirmation;
import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.flow.BackendDelivery.Available;
import eu.lexbridge.core.flow.BackendDelivery.Refused;
import eu.lexbridge.core.flow.BackendDelivery.Skipped;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.Direction;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.message.TimelineEntry;
import eu.lexbridge.core.port.BackendLink;
import eu.lexbridge.core.port.BackendRouter;
import eu.lexbridge.core.testkit.InMemoryBackendLink.Offered;
import eu.lexbridge.core.testkit.SampleMessages;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BackendDeliveryTest {

    private final FlowFixture f = new FlowFixture();
    private final List<ConnectorMessage> routed = new ArrayList<>();
    private final BackendRouter router = message -> {
        routed.add(message);
        return message.finalRecipient().endsWith("court-at") ? "court-a" : "court-b";
    };
    private final BackendDelivery delivery = new BackendDelivery(f.store, router, f.backends, f.issuer(), f.clock);

    @Test
    void aReceivedMessageIsRoutedAndMadeAvailableToItsBackend() {
        var message = f.stored(SampleMessages.inbound(T0).build());

        var outcome = delivery.deliver(message.connectorMessageId());

        assertThat(outcome).isEqualTo(new Available("court-a", "held for back-end court-a to fetch"));
        var delivered = f.reload(message.connectorMessageId());
        assertThat(delivered.backendName()).isEqualTo("court-a");
        assertThat(delivered.state()).isEqualTo(MessageState.AVAILABLE_TO_BACKEND);
        assertThat(f.store.timeline(message.connectorMessageId())).last()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("available to back-end court-a"));
        assertThat(f.store.inState("court-a", message.direction(), MessageState.AVAILABLE_TO_BACKEND, 10))
                .containsExactly(delivered);
        assertThat(f.backends.offered()).containsExactly(new Offered("court-a", message.connectorMessageId(), null));
        assertThat(f.store.evidences(message.connectorMessageId())).as("DELIVERY waits for the back-end").isEmpty();
    }

    /** The default link of the running connector holds everything for the REST inbox. */
    @Test
    void thePullLinkHoldsWhatTheBackendFetches() {
        var pull = new BackendDelivery(f.store, router, BackendLink.heldForPull(), f.issuer(), f.clock);
        var message = f.stored(SampleMessages.inbound(T0).build());

        assertThat(pull.deliver(message.connectorMessageId())).isInstanceOf(Available.class);

        assertThat(f.reload(message.connectorMessageId()).state()).isEqualTo(MessageState.AVAILABLE_TO_BACKEND);
    }

    /** A push that succeeds is no confirmation: the message waits for the back-end's DELIVERY as a pulled one does. */
    @Test
    void aPushedMessageWaitsForTheBackendsConfirmation() {
        f.backends.pushing();
        var message = f.stored(SampleMessages.inbound(T0).build());

        var outcome = delivery.deliver(message.connectorMessageId());

        String detail = "pushed to back-end court-a: message " + message.connectorMessageId()
                + " taken by the back-end";
        assertThat(outcome).isEqualTo(new Available("court-a", detail));
        assertThat(f.reload(message.connectorMessageId()).state()).isEqualTo(MessageState.AVAILABLE_TO_BACKEND);
        assertThat(f.store.timeline(message.connectorMessageId())).last()
                .satisfies(e -> assertThat(e.detail()).isEqualTo(detail));
        assertThat(f.store.evidences(message.connectorMessageId())).isEmpty();
    }

    @Test
    void aMessageTheBackendRefusesIsAnsweredWithNonDelivery() {
        f.backends.answer(new BackendLink.Refused("schema validation failed"));
        var message = f.stored(SampleMessages.inbound(T0).build());

        var outcome = delivery.deliver(message.connectorMessageId());

        var nonDelivery = f.store.findEvidence(message.connectorMessageId(), EvidenceType.NON_DELIVERY,
                EvidenceOrigin.ISSUED).orElseThrow();
        assertThat(outcome).isEqualTo(new Refused(nonDelivery.carrierMessageId(),
                "E200 back-end court-a refused the message: schema validation failed"));
        assertThat(nonDelivery.reason()).isEqualTo("E200 back-end court-a refused the message: schema validation "
                + "failed");
        assertThat(f.reload(nonDelivery.carrierMessageId()).to()).isEqualTo(SampleMessages.GERMANY);
        assertThat(f.reload(message.connectorMessageId()).state()).isEqualTo(MessageState.NOT_DELIVERED_TO_BACKEND);
    }

    /** An unreachable back-end rolls the step back; the redelivery offers the message again. */
    @Test
    void anUnreachableBackendAsksForAnotherAttempt() {
        f.backends.answer(new BackendLink.Unreachable("connection refused"));
        var message = f.stored(SampleMessages.inbound(T0).build());

        assertThatThrownBy(() -> delivery.deliver(message.connectorMessageId()))
                .isInstanceOf(RetryableSendException.class)
                .hasMessage("back-end court-a could not be reached: connection refused");
        assertThat(f.reload(message.connectorMessageId()).state()).isEqualTo(MessageState.AVAILABLE_TO_BACKEND);

        assertThat(delivery.deliver(message.connectorMessageId())).isInstanceOf(Available.class);
        assertThat(f.backends.offered()).hasSize(2);
        assertThat(routed).as("routed once").hasSize(1);
    }

    @Test
    void aMessageEndedOrUnknownIsLeft() {
        var refused = f.stored(SampleMessages.inbound(T0).state(MessageState.NOT_DELIVERED_TO_BACKEND).build());
        var delivered = f.stored(SampleMessages.inbound(T0).backendName("court-b")
                .state(MessageState.DELIVERED_TO_BACKEND).build());
        UUID unknown = UUID.randomUUID();

        assertThat(delivery.deliver(refused.connectorMessageId())).isEqualTo(new Skipped("message "
                + refused.connectorMessageId() + " is NOT_DELIVERED_TO_BACKEND"));
        assertThat(delivery.deliver(delivered.connectorMessageId())).isInstanceOf(Skipped.class);
        assertThat(delivery.deliver(unknown)).isEqualTo(new Skipped("message " + unknown + " is unknown"));

        assertThat(routed).isEmpty();
        assertThat(f.backends.offered()).isEmpty();
        assertThat(f.reload(refused.connectorMessageId())).isEqualTo(refused);
        assertThat(f.reload(delivered.connectorMessageId())).isEqualTo(delivered);
    }

    /** A redelivery of a routed message is not routed again; it is offered again (a pull link holds it anyway). */
    @Test
    void aMessageAlreadyRoutedIsOfferedAgainNotRoutedAgain() {
        var available = f.stored(SampleMessages.inbound(T0).backendName("court-b")
                .state(MessageState.AVAILABLE_TO_BACKEND).build());

        assertThat(delivery.deliver(available.connectorMessageId())).isEqualTo(new Available("court-b",
                "held for back-end court-b to fetch"));

        assertThat(routed).isEmpty();
        assertThat(f.reload(available.connectorMessageId())).isEqualTo(available);
        assertThat(f.store.timeline(available.connectorMessageId())).hasSize(1);
    }

    // ---- routing order: the conversation's owner before the rules ----------------------------------------------

    /** Our back-end court-b started the conversation with Germany: Germany's answer goes there, whatever rules say. */
    @Test
    void anAnswerInAConversationWeStartedGoesToTheBackendThatSentTheFirstMessage() {
        var sent = f.stored(SampleMessages.outbound(T0).backendName("court-b").conversationId("case-17").build());
        var answer = f.stored(SampleMessages.inbound(T0.plusSeconds(60)).conversationId("case-17").build());

        var outcome = delivery.deliver(answer.connectorMessageId());

        assertThat(outcome).isEqualTo(new Available("court-b", "held for back-end court-b to fetch"));
        assertThat(f.reload(answer.connectorMessageId()).backendName()).isEqualTo(sent.backendName());
        assertThat(routed).as("the router (rules, default) is not asked").isEmpty();
        assertThat(f.store.timeline(answer.connectorMessageId())).last().satisfies(e -> assertThat(e.detail())
                .isEqualTo("available to back-end court-b, the owner of its conversation"));
    }

    /** The first inbound message of a conversation is routed by the rules; the ones after it follow it. */
    @Test
    void laterMessagesOfAConversationFollowItsFirstInboundMessage() {
        var first = f.stored(SampleMessages.inbound(T0).conversationId("case-18")
                .finalRecipient("urn:authority:registry-at").build());
        var second = f.stored(SampleMessages.inbound(T0.plusSeconds(60)).conversationId("case-18").build());
        var elsewhere = f.stored(SampleMessages.inbound(T0.plusSeconds(61)).conversationId("case-19").build());

        assertThat(delivery.deliver(first.connectorMessageId())).extracting("backendName").isEqualTo("court-b");
        assertThat(delivery.deliver(second.connectorMessageId())).extracting("backendName").isEqualTo("court-b");
        assertThat(delivery.deliver(elsewhere.connectorMessageId())).extracting("backendName").isEqualTo("court-a");
        assertThat(routed).extracting(ConnectorMessage::connectorMessageId)
                .containsExactly(first.connectorMessageId(), elsewhere.connectorMessageId());
    }

    /**
     * The sender chooses the conversation id: a partner that reuses the id of a conversation held with another
     * partner does not reach that conversation's back-end.
     */
    @Test
    void anotherPartnerReusingAConversationIdIsRoutedAsANewConversation() {
        var france = new Party("FR", SampleMessages.PARTY_TYPE, SampleMessages.ROLE);
        f.stored(SampleMessages.outbound(T0).backendName("court-b").to(france).conversationId("case-20").build());
        var intruder = f.stored(SampleMessages.inbound(T0.plusSeconds(60)).conversationId("case-20").build());

        assertThat(delivery.deliver(intruder.connectorMessageId())).extracting("backendName").isEqualTo("court-a");
        assertThat(routed).hasSize(1);
    }

    // ---- copies ---------------------------------------------------------------------------------------------------

    private final BackendRouter archiving = new BackendRouter() {
        @Override
        public String backendFor(ConnectorMessage inbound) {
            return "court-a";
        }

        @Override
        public List<String> copiesFor(ConnectorMessage inbound) {
            return List.of("archive");
        }
    };

    @Test
    void theArchiveGetsACopyAndTheMessageStaysItsOwnBackends() {
        f.backends.pushing();
        var withCopy = new BackendDelivery(f.store, archiving, f.backends, f.issuer(), f.clock);
        var message = f.stored(SampleMessages.inbound(T0).build());
        UUID id = message.connectorMessageId();

        var outcome = withCopy.deliver(id);

        assertThat(outcome).isEqualTo(new Available("court-a", "pushed to back-end court-a: message " + id
                + " taken by the back-end"));
        assertThat(f.backends.offered()).containsExactly(new Offered("court-a", id, null),
                new Offered("archive", id, null));
        assertThat(f.reload(id).backendName()).isEqualTo("court-a");
        assertThat(f.store.timeline(id)).extracting(TimelineEntry::detail)
                .contains("copy pushed to back-end archive: message " + id + " taken by the back-end");
        assertThat(f.store.inState("archive", Direction.INBOUND, MessageState.AVAILABLE_TO_BACKEND, 10)).isEmpty();
    }

    /** A copy is for reading: the archive cannot acknowledge or refuse it, so it never causes an evidence. */
    @Test
    void theArchiveCannotConfirmItsCopy() {
        var withCopy = new BackendDelivery(f.store, archiving, f.backends, f.issuer(), f.clock);
        var inbox = new BackendInbox(f.store, f.payloads, f.issuer(), f.bus);
        var message = f.stored(SampleMessages.inbound(T0).build());
        UUID id = message.connectorMessageId();
        withCopy.deliver(id);

        for (BackendConfirmation confirmation : BackendConfirmation.values()) {
            assertThatThrownBy(() -> inbox.confirm("archive", id, confirmation, null))
                    .isInstanceOf(ConnectorException.class)
                    .hasMessageContaining("is not known to back-end archive");
        }
        assertThat(f.store.evidences(id)).isEmpty();
        assertThat(f.reload(id).state()).isEqualTo(MessageState.AVAILABLE_TO_BACKEND);
    }

    /** A pull back-end's inbox lists the messages routed to it: a copy cannot reach it, and the timeline says so. */
    @Test
    void aPullArchiveGetsNoCopyAndTheTimelineSaysSo() {
        var withCopy = new BackendDelivery(f.store, archiving, BackendLink.heldForPull(), f.issuer(), f.clock);
        var message = f.stored(SampleMessages.inbound(T0).build());
        UUID id = message.connectorMessageId();

        assertThat(withCopy.deliver(id)).isEqualTo(new Available("court-a", "held for back-end court-a to fetch"));

        assertThat(f.store.timeline(id)).extracting(TimelineEntry::detail)
                .contains("no copy for back-end archive: it pulls, and copies reach push back-ends only");
        assertThat(f.store.inState("archive", Direction.INBOUND, MessageState.AVAILABLE_TO_BACKEND, 10)).isEmpty();
    }

    @Test
    void aCopyRefusedByTheArchiveIsNotedAndChangesNothing() {
        f.backends.answer(new BackendLink.Pushed("taken"), new BackendLink.Refused("disk full"));
        var withCopy = new BackendDelivery(f.store, archiving, f.backends, f.issuer(), f.clock);
        var message = f.stored(SampleMessages.inbound(T0).build());
        UUID id = message.connectorMessageId();

        assertThat(withCopy.deliver(id)).isEqualTo(new Available("court-a", "pushed to back-end court-a: taken"));

        assertThat(f.reload(id).state()).isEqualTo(MessageState.AVAILABLE_TO_BACKEND);
        assertThat(f.store.evidences(id)).as("no NON_DELIVERY for a copy").isEmpty();
        assertThat(f.store.timeline(id)).extracting(TimelineEntry::detail)
                .contains("copy refused by back-end archive, no evidence follows from a copy: disk full");
    }

    /** Nothing lost: an archive that is down asks for another attempt, which offers both again. */
    @Test
    void anUnreachableArchiveAsksForAnotherAttempt() {
        f.backends.answer(new BackendLink.Pushed("taken"), new BackendLink.Unreachable("connection refused"));
        var withCopy = new BackendDelivery(f.store, archiving, f.backends, f.issuer(), f.clock);
        var message = f.stored(SampleMessages.inbound(T0).build());
        UUID id = message.connectorMessageId();

        assertThatThrownBy(() -> withCopy.deliver(id)).isInstanceOf(RetryableSendException.class)
                .hasMessage("back-end archive, which gets a copy, could not be reached: connection refused");
        assertThat(f.reload(id).state()).isEqualTo(MessageState.AVAILABLE_TO_BACKEND);

        assertThat(withCopy.deliver(id)).isInstanceOf(Available.class);
        assertThat(f.backends.offered()).extracting(Offered::backendName)
                .containsExactly("court-a", "archive", "court-a", "archive");
    }

    /** The archive refusing is no refusal of the message; its own back-end refusing still answers NON_DELIVERY. */
    @Test
    void theArchiveGetsACopyOfAMessageItsBackendRefuses() {
        f.backends.answer(new BackendLink.Refused("unknown case"), new BackendLink.Pushed("archived"));
        var withCopy = new BackendDelivery(f.store, archiving, f.backends, f.issuer(), f.clock);
        var message = f.stored(SampleMessages.inbound(T0).build());
        UUID id = message.connectorMessageId();

        assertThat(withCopy.deliver(id)).isInstanceOf(Refused.class);

        assertThat(f.backends.offered()).extracting(Offered::backendName).containsExactly("court-a", "archive");
        assertThat(f.reload(id).state()).isEqualTo(MessageState.NOT_DELIVERED_TO_BACKEND);
    }

    @Test
    void noCopyGoesToTheBackendThatOwnsTheMessage() {
        BackendRouter archiveOwns = new BackendRouter() {
            @Override
            public String backendFor(ConnectorMessage inbound) {
                return "archive";
            }

            @Override
            public List<String> copiesFor(ConnectorMessage inbound) {
                return List.of("archive");
            }
        };
        var message = f.stored(SampleMessages.inbound(T0).build());

        new BackendDelivery(f.store, archiveOwns, f.backends, f.issuer(), f.clock).deliver(message.connectorMessageId());

        assertThat(f.backends.offered()).containsExactly(new Offered("archive", message.connectorMessageId(), null));
    }
}

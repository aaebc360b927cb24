package eu.lexbridge.core.flow;

import static eu.lexbridge.core.flow.FlowFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.flow.BackendDelivery.Available;
import eu.lexbridge.core.flow.BackendDelivery.Refused;
import eu.lexbridge.core.flow.BackendDelivery.Skipped;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.MessageState;
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
}

package eu.lexbridge.core.flow;

import static eu.lexbridge.core.flow.FlowFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.port.BackendRouter;
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
    private final BackendDelivery delivery = new BackendDelivery(f.store, router, f.clock);

    @Test
    void aReceivedMessageIsRoutedAndMadeAvailableToItsBackend() {
        var message = f.stored(SampleMessages.inbound(T0).build());

        delivery.deliver(message.connectorMessageId());

        var delivered = f.reload(message.connectorMessageId());
        assertThat(delivered.backendName()).isEqualTo("court-a");
        assertThat(delivered.state()).isEqualTo(MessageState.AVAILABLE_TO_BACKEND);
        assertThat(f.store.timeline(message.connectorMessageId())).last()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("available to back-end court-a"));
        assertThat(f.store.inState("court-a", message.direction(), MessageState.AVAILABLE_TO_BACKEND, 10))
                .containsExactly(delivered);
    }

    @Test
    void aMessageAlreadyRoutedRefusedOrUnknownIsLeft() {
        var available = f.stored(SampleMessages.inbound(T0).backendName("court-b")
                .state(MessageState.AVAILABLE_TO_BACKEND).build());
        var refused = f.stored(SampleMessages.inbound(T0).state(MessageState.NOT_DELIVERED_TO_BACKEND).build());

        delivery.deliver(available.connectorMessageId());
        delivery.deliver(refused.connectorMessageId());
        delivery.deliver(UUID.randomUUID());

        assertThat(routed).isEmpty();
        assertThat(f.reload(available.connectorMessageId())).isEqualTo(available);
        assertThat(f.reload(refused.connectorMessageId())).isEqualTo(refused);
    }
}

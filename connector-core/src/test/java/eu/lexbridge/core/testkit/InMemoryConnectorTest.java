package eu.lexbridge.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.core.flow.ServiceCatalogue;
import eu.lexbridge.core.message.BusinessService;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.port.PushDelivery;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class InMemoryConnectorTest {

    private static final byte[] XML = "<EPOForm/>".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PDF = "%PDF-1.4 order".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aReceivedMessageIsHeldForTheBackEndItsFinalRecipientIsRoutedTo() {
        var connector = new InMemoryConnector();

        UUID id = connector.receive("urn:authority:court-b", XML, PDF);

        ConnectorMessage message = connector.store().find(id).orElseThrow();
        assertThat(message.state()).isEqualTo(MessageState.AVAILABLE_TO_BACKEND);
        assertThat(message.backendName()).isEqualTo("court-b");
        assertThat(connector.inbox().pending("court-b", 10)).extracting(ConnectorMessage::connectorMessageId)
                .containsExactly(id);
        assertThat(connector.inbox().pending("court-a", 10)).isEmpty();
        // the "container" is the business document itself
        PayloadRef document = message.payload(PayloadKind.BUSINESS_DOCUMENT).orElseThrow();
        assertThat(document.name()).isEqualTo(InMemoryConnector.DOCUMENT_NAME);
        assertThat(connector.payloads().bytes(document.payloadId())).isEqualTo(PDF);
    }

    @Test
    void aBackEndAnApiPushesToIsPushedToAndTheOthersPull() {
        var courtA = new InMemoryBackendLink();
        courtA.pushing();
        var asked = new AtomicInteger();
        var connector = new InMemoryConnector(InMemoryConnector.Options.defaults().withPushes(() -> {
            asked.incrementAndGet();
            return List.of(new PushDelivery("test", Map.of("court-a", courtA)));
        }));
        // push links are built from the connector's own inbox: they are asked for on the first delivery only
        assertThat(asked).hasValue(0);

        UUID pushed = connector.receive("urn:authority:court-a", XML, PDF);
        UUID held = connector.receive("urn:authority:court-b", XML, PDF);

        assertThat(courtA.offered()).extracting(InMemoryBackendLink.Offered::connectorMessageId)
                .containsExactly(pushed);
        assertThat(connector.store().timeline(pushed)).anySatisfy(entry ->
                assertThat(entry.detail()).startsWith("pushed to back-end court-a"));
        assertThat(connector.inbox().pending("court-b", 10)).extracting(ConnectorMessage::connectorMessageId)
                .containsExactly(held);
        assertThat(asked).hasValue(1);
    }

    @Test
    void servicesAndPartnersAreAddedToTheDefaultOnes() {
        Party court = new Party("de-court", "urn:oasis:names:tc:ebcore:partyid-type:unregistered", "GW");
        var demo = new BusinessService("EEvidence", "");
        var connector = new InMemoryConnector(InMemoryConnector.Options.defaults()
                .withService(demo, "EPOC").withPartner(SampleMessages.partner("de-court", court)));

        assertThat(connector.catalogue().entries()).extracting(ServiceCatalogue.Entry::service)
                .containsExactlyInAnyOrder(SampleMessages.SERVICE, demo);
        assertThat(connector.partners().byPartyId("DE")).isPresent();
        assertThat(connector.partners().byPartyId("de-court")).isPresent();
    }

    @Test
    void itsPartsAreItsOwnObjectsAndTheDeliveryIsMadeOnlyWhenAskedFor() {
        var asked = new AtomicInteger();
        var connector = new InMemoryConnector(InMemoryConnector.Options.defaults().withPushes(() -> {
            asked.incrementAndGet();
            return List.of();
        }));

        Map<String, InMemoryConnector.Part> parts = connector.parts().stream()
                .collect(Collectors.toMap(InMemoryConnector.Part::name, part -> part));

        assertThat(parts.get("messageStore").instance().get()).isSameAs(connector.store());
        assertThat(parts.get("backendInbox").instance().get()).isSameAs(connector.inbox());
        assertThat(parts.values()).allSatisfy(part -> {
            if (!part.name().equals("backendDelivery")) {
                assertThat(part.instance().get()).isInstanceOf(part.type());
            }
        });
        assertThat(asked).hasValue(0);
        assertThat(parts.get("backendDelivery").instance().get()).isSameAs(connector.delivery());
        assertThat(asked).hasValue(1);
    }
}

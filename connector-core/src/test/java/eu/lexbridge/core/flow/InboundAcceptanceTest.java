package eu.lexbridge.core.flow;

import static eu.lexbridge.core.flow.FlowFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.evidence.EvidenceCheck;
import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.flow.InboundAcceptance.Accepted;
import eu.lexbridge.core.flow.InboundAcceptance.Outcome;
import eu.lexbridge.core.flow.InboundAcceptance.Refused;
import eu.lexbridge.core.flow.InboundAcceptance.Skipped;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.port.SecurityEvents.Kind;
import eu.lexbridge.core.testkit.SampleMessages;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InboundAcceptanceTest {

    private final FlowFixture f = new FlowFixture();
    private final InboundAcceptance acceptance = new InboundAcceptance(f.store, f.partners, f.verifier, f.issuer(),
            f.containers, f.security, f.clock);

    private final PayloadRef sendersAcceptance = SampleMessages.evidenceDocument(EvidenceType.SUBMISSION_ACCEPTANCE);
    private final PayloadRef container = SampleMessages.payload(PayloadKind.CONTAINER, "ASIC-S");
    private final PayloadRef token = SampleMessages.payload(PayloadKind.TRUST_TOKEN, "tokenXML");
    private final PayloadRef document = SampleMessages.payload(PayloadKind.BUSINESS_DOCUMENT, "form.pdf");
    private final PayloadRef annex = SampleMessages.payload(PayloadKind.ATTACHMENT, "annex.pdf");

    /** A received business message with the sender's SUBMISSION_ACCEPTANCE and, when given, a container. */
    private ConnectorMessage received(PayloadRef... more) {
        var builder = SampleMessages.inbound(T0).addPayload(sendersAcceptance);
        for (PayloadRef p : more) {
            builder.addPayload(p);
        }
        return f.stored(builder.build());
    }

    private ConnectorMessage carrier(UUID id) {
        return f.reload(id);
    }

    @Test
    void theSendersEvidenceIsKeptTheRelayAcceptanceIssuedAndTheContainerOpened() {
        f.containers.holds(List.of(document, annex));
        var message = received(container, token);
        UUID id = message.connectorMessageId();

        Outcome outcome = acceptance.accept(id);

        assertThat(f.store.findEvidence(id, EvidenceType.SUBMISSION_ACCEPTANCE, EvidenceOrigin.RECEIVED))
                .hasValueSatisfying(e -> {
                    assertThat(e.document()).isEqualTo(sendersAcceptance);
                    assertThat(e.carrierMessageId()).isEqualTo(id);
                });
        var relay = f.store.findEvidence(id, EvidenceType.RELAY_REMMD_ACCEPTANCE, EvidenceOrigin.ISSUED).orElseThrow();
        assertThat(outcome).isEqualTo(new Accepted(List.of(relay.carrierMessageId())));
        assertThat(carrier(relay.carrierMessageId()).to()).isEqualTo(SampleMessages.GERMANY);
        var accepted = f.reload(id);
        assertThat(accepted.state()).as("accepted, not yet delivered").isEqualTo(MessageState.RECEIVED);
        assertThat(accepted.payloads()).endsWith(document, annex);
        assertThat(f.containers.unpackedTokens()).containsExactly(token);
        assertThat(f.store.timeline(id)).anySatisfy(e -> assertThat(e.detail())
                .isEqualTo("container sealed by CN=DE test connector, token matches"));
        assertThat(f.security.recorded()).isEmpty();
    }

    /** As the official connector answers: a business message without its ASiC-S container is not delivered. */
    @Test
    void aBusinessMessageWithoutContainerIsAnsweredWithNonDelivery() {
        var message = received();
        UUID id = message.connectorMessageId();

        Outcome outcome = acceptance.accept(id);

        assertThat(outcome).isInstanceOfSatisfying(Refused.class, r -> assertThat(r.reason())
                .isEqualTo("E100 no e-CODEX container (ASIC-S) came with the business message"));
        assertThat(outcome.replies()).hasSize(2);
        assertThat(f.containers.unpackedTokens()).isEmpty();
        assertThat(f.reload(id).state()).isEqualTo(MessageState.NOT_DELIVERED_TO_BACKEND);
        assertThat(f.store.findEvidence(id, EvidenceType.NON_DELIVERY, EvidenceOrigin.ISSUED)).isPresent();
        assertThat(f.security.of(Kind.CONTAINER_REFUSED)).hasSize(1);
    }

    /** A part beside the container is covered by no seal: it would reach the back-end as if it were sealed. */
    @Test
    void aPartTravellingBesideTheContainerIsAnsweredWithNonDelivery() {
        f.containers.holds(List.of(document));
        var message = received(container, token, SampleMessages.payload(PayloadKind.ATTACHMENT, "form.pdf"));

        Outcome outcome = acceptance.accept(message.connectorMessageId());

        assertThat(outcome).isInstanceOfSatisfying(Refused.class, r -> assertThat(r.reason())
                .isEqualTo("E100 part 'form.pdf' travels outside the sealed e-CODEX container"));
        assertThat(f.containers.unpackedTokens()).as("the container is not even opened").isEmpty();
        assertThat(f.reload(message.connectorMessageId()).payloads()).doesNotContain(document);
    }

    @Test
    void anEvidenceMessageNeedsNoContainer() {
        var message = f.stored(SampleMessages.inbound(T0).kind(eu.lexbridge.core.message.MessageKind.EVIDENCE)
                .addPayload(SampleMessages.evidenceDocument(EvidenceType.DELIVERY)).build());

        Outcome outcome = acceptance.accept(message.connectorMessageId());

        assertThat(outcome).isInstanceOf(Accepted.class);
        assertThat(f.containers.unpackedTokens()).isEmpty();
        assertThat(f.security.recorded()).isEmpty();
    }

    @Test
    void aContainerWithoutTokenIsHandedOnWithoutOne() {
        f.containers.refuses("no Trust OK token came with the container");
        var message = received(container);

        acceptance.accept(message.connectorMessageId());

        assertThat(f.containers.unpackedTokens()).containsExactly((PayloadRef) null);
    }

    /** A container that fails its checks means NON_DELIVERY back to the sender, as the official connector answers. */
    @Test
    void aRefusedContainerIsAnsweredWithNonDelivery() {
        f.containers.refuses("the seal does not verify");
        var message = received(container, token);
        UUID id = message.connectorMessageId();

        Outcome outcome = acceptance.accept(id);

        var relay = f.store.findEvidence(id, EvidenceType.RELAY_REMMD_ACCEPTANCE, EvidenceOrigin.ISSUED).orElseThrow();
        var nonDelivery = f.store.findEvidence(id, EvidenceType.NON_DELIVERY, EvidenceOrigin.ISSUED).orElseThrow();
        assertThat(outcome).isEqualTo(new Refused(List.of(relay.carrierMessageId(), nonDelivery.carrierMessageId()),
                "E100 the e-CODEX container was refused: the seal does not verify"));
        assertThat(nonDelivery.reason()).isEqualTo("E100 the e-CODEX container was refused: the seal does not verify");
        assertThat(carrier(nonDelivery.carrierMessageId()).action()).isEqualTo("DeliveryNonDeliveryToRecipient");
        assertThat(f.reload(id).state()).isEqualTo(MessageState.NOT_DELIVERED_TO_BACKEND);
        assertThat(f.reload(id).payloads()).as("nothing unpacked").containsExactly(message.payloads().toArray(new PayloadRef[0]));
        assertThat(f.security.of(Kind.CONTAINER_REFUSED)).singleElement().satisfies(e -> assertThat(e.detail())
                .isEqualTo("message " + message.ebmsMessageId() + " from party DE not delivered: the e-CODEX "
                        + "container was refused: the seal does not verify"));
    }

    /** A redelivery after the container was opened: nothing is opened, checked or issued twice. */
    @Test
    void aRedeliveryRepeatsNothing() {
        f.containers.holds(List.of(document));
        var message = received(container, token);
        Outcome first = acceptance.accept(message.connectorMessageId());
        int payloads = f.payloads.count();

        Outcome again = acceptance.accept(message.connectorMessageId());

        assertThat(again).isEqualTo(first);
        assertThat(f.containers.unpackedTokens()).hasSize(1);
        assertThat(f.verifier.checked()).hasSize(1);
        assertThat(f.store.evidences(message.connectorMessageId())).hasSize(2);
        assertThat(f.payloads.count()).isEqualTo(payloads);
    }

    @Test
    void aSendersEvidenceWhoseSealFailsIsRefusedAndTheMessageStillAccepted() {
        f.verifier.answer(d -> EvidenceCheck.unusable("signed by a certificate not trusted for de-connector"));
        f.containers.holds(List.of(document));
        var message = received(container, token);
        UUID id = message.connectorMessageId();

        Outcome outcome = acceptance.accept(id);

        assertThat(outcome).isInstanceOf(Accepted.class);
        assertThat(outcome.replies()).hasSize(1);
        assertThat(f.store.findEvidence(id, EvidenceType.SUBMISSION_ACCEPTANCE, EvidenceOrigin.RECEIVED)).isEmpty();
        assertThat(f.store.timeline(id)).anySatisfy(e -> {
            assertThat(e.evidenceType()).isEqualTo(EvidenceType.SUBMISSION_ACCEPTANCE);
            assertThat(e.detail()).isEqualTo("refused: signed by a certificate not trusted for de-connector");
        });
        assertThat(f.security.of(Kind.EVIDENCE_REFUSED)).singleElement().satisfies(e -> assertThat(e.detail())
                .isEqualTo("SUBMISSION_ACCEPTANCE in message " + message.ebmsMessageId()
                        + " refused: signed by a certificate not trusted for de-connector"));
    }

    @Test
    void aSendersEvidenceOfAnotherTypeThanItTravelsAsIsRefused() {
        f.verifier.answer(d -> new EvidenceCheck(true, EvidenceType.SUBMISSION_REJECTION, null, null, "sealed"));
        var message = received();

        acceptance.accept(message.connectorMessageId());

        assertThat(f.store.findEvidence(message.connectorMessageId(), EvidenceType.SUBMISSION_ACCEPTANCE,
                EvidenceOrigin.RECEIVED)).isEmpty();
        assertThat(f.security.of(Kind.EVIDENCE_REFUSED)).hasSize(1);
    }

    @Test
    void partsThatAreNoEvidenceDocumentAreNotChecked() {
        var message = f.stored(SampleMessages.inbound(T0)
                .addPayload(SampleMessages.payload(PayloadKind.ATTACHMENT, "DELIVERY"))
                .addPayload(SampleMessages.payload(PayloadKind.EVIDENCE, "RECEIPT")).build());

        acceptance.accept(message.connectorMessageId());

        assertThat(f.verifier.checked()).isEmpty();
        assertThat(f.store.evidences(message.connectorMessageId())).extracting(e -> e.type())
                .as("no SUBMISSION_ACCEPTANCE taken; the loose part is refused").containsExactly(
                        EvidenceType.RELAY_REMMD_ACCEPTANCE, EvidenceType.NON_DELIVERY);
    }

    @Test
    void anUnknownMessageHasNoReplies() {
        assertThat(acceptance.accept(UUID.randomUUID())).isInstanceOfSatisfying(Skipped.class,
                s -> assertThat(s.replies()).isEmpty());
        assertThat(f.store.all()).isEmpty();
    }

    /** The sender left the configuration after its message arrived: nothing can go back to it. */
    @Test
    void aSenderNoLongerConfiguredGetsNoRelayAcceptance() {
        var message = f.stored(SampleMessages.inbound(T0)
                .from(new Party("FR", SampleMessages.PARTY_TYPE, SampleMessages.ROLE))
                .addPayload(sendersAcceptance).build());

        assertThatThrownBy(() -> acceptance.accept(message.connectorMessageId()))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.AS4_UNKNOWN_PARTNER));

        assertThat(f.verifier.checked()).isEmpty();
        assertThat(f.store.timeline(message.connectorMessageId())).anySatisfy(e -> assertThat(e.detail())
                .isEqualTo("refused: the sending party is not a configured partner"));
        assertThat(f.store.findEvidence(message.connectorMessageId(), EvidenceType.RELAY_REMMD_ACCEPTANCE,
                EvidenceOrigin.ISSUED)).isEmpty();
    }
}

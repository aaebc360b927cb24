package eu.lexbridge.core.flow;

import static eu.lexbridge.core.flow.FlowFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.core.evidence.EvidenceCheck;
import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.flow.EvidenceCorrelation.Outcome;
import eu.lexbridge.core.flow.EvidenceCorrelation.Recorded;
import eu.lexbridge.core.flow.EvidenceCorrelation.Refused;
import eu.lexbridge.core.flow.EvidenceCorrelation.Skipped;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.MessageKind;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.port.SecurityEvents.Kind;
import eu.lexbridge.core.testkit.SampleMessages;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EvidenceCorrelationTest {

    private static final Party FRANCE = new Party("FR", SampleMessages.PARTY_TYPE, SampleMessages.ROLE);

    private final FlowFixture f = new FlowFixture();
    private final EvidenceCorrelation correlation = new EvidenceCorrelation(f.store, f.partners, f.verifier,
            f.security, f.clock);
    /** The message we sent to Germany, waiting for its evidences. */
    private final ConnectorMessage sent = f.stored(SampleMessages.outbound(T0).state(MessageState.SENT).build());

    /** A received evidence message about {@code subjectEbmsId}, carrying one document of {@code type}. */
    private ConnectorMessage received(EvidenceType type, String subjectEbmsId, Party from) {
        return received(SampleMessages.evidenceDocument(type), type.as4Action(), subjectEbmsId, from);
    }

    private ConnectorMessage received(PayloadRef document, String action, String subjectEbmsId, Party from) {
        return f.stored(SampleMessages.inbound(f.clock.instant()).kind(MessageKind.EVIDENCE).from(from)
                .refToMessageId(subjectEbmsId).action(action).payloads(java.util.List.of(document)).build());
    }

    private MessageState stateOf(ConnectorMessage message) {
        return f.reload(message.connectorMessageId()).state();
    }

    private void assertRefused(Outcome outcome, ConnectorMessage carrier, String why) {
        assertThat(outcome).isEqualTo(new Refused(why));
        assertThat(stateOf(carrier)).isEqualTo(MessageState.NOT_DELIVERED_TO_BACKEND);
        assertThat(f.store.timeline(carrier.connectorMessageId())).last()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("refused: " + why));
        assertThat(f.security.of(Kind.EVIDENCE_REFUSED)).singleElement().satisfies(e -> assertThat(e.detail())
                .isEqualTo("evidence message " + carrier.ebmsMessageId() + " from party " + carrier.from().partyId()
                        + " refused: " + why));
        assertThat(f.store.evidences(sent.connectorMessageId())).isEmpty();
        assertThat(stateOf(sent)).isEqualTo(MessageState.SENT);
    }

    /** An evidence goes to the back-end of its original message, never where rules or the default would send it. */
    @Test
    void anEvidenceGoesToTheBackendOfItsOriginalMessage() {
        var fromCourtB = f.stored(SampleMessages.outbound(T0).backendName("court-b").state(MessageState.SENT).build());
        var carrier = received(EvidenceType.DELIVERY, fromCourtB.ebmsMessageId(), SampleMessages.GERMANY);
        var refused = received(EvidenceType.DELIVERY, "never-sent@de.test", SampleMessages.GERMANY);

        assertThat(correlation.correlate(carrier.connectorMessageId())).isInstanceOf(Recorded.class);
        assertThat(correlation.correlate(refused.connectorMessageId())).isInstanceOf(Refused.class);

        assertThat(f.reload(carrier.connectorMessageId()).backendName()).isEqualTo("court-b");
        assertThat(f.reload(refused.connectorMessageId()).backendName()).as("a refused evidence goes nowhere")
                .isNull();
    }

    @Test
    void anAcceptedEvidenceMovesTheSentMessageAndIsKeptWithItsCarrier() {
        var carrier = received(EvidenceType.RELAY_REMMD_ACCEPTANCE, sent.ebmsMessageId(), SampleMessages.GERMANY);

        var outcome = correlation.correlate(carrier.connectorMessageId());

        assertThat(outcome).isEqualTo(new Recorded(sent.connectorMessageId(), EvidenceType.RELAY_REMMD_ACCEPTANCE));
        assertThat(stateOf(sent)).isEqualTo(MessageState.RELAYED);
        assertThat(f.store.findEvidence(sent.connectorMessageId(), EvidenceType.RELAY_REMMD_ACCEPTANCE,
                EvidenceOrigin.RECEIVED)).hasValueSatisfying(e -> {
                    assertThat(e.carrierMessageId()).isEqualTo(carrier.connectorMessageId());
                    assertThat(e.document()).isEqualTo(carrier.payloads().get(0));
                });
        assertThat(f.store.timeline(sent.connectorMessageId())).anySatisfy(e -> assertThat(e.detail())
                .isEqualTo("RELAY_REMMD_ACCEPTANCE received from party DE; seal intact, signer trusted for "
                        + "de-connector"));
        assertThat(stateOf(carrier)).isEqualTo(MessageState.AVAILABLE_TO_BACKEND);
        assertThat(f.verifier.checked()).containsExactly(carrier.payloads().get(0));
        assertThat(f.security.recorded()).isEmpty();
    }

    @Test
    void aNegativeEvidenceEndsTheMessage() {
        var carrier = received(EvidenceType.NON_DELIVERY, sent.ebmsMessageId(), SampleMessages.GERMANY);

        correlation.correlate(carrier.connectorMessageId());

        assertThat(stateOf(sent)).isEqualTo(MessageState.NOT_DELIVERED);
    }

    @Test
    void anEvidenceWhoseDocumentSaysNoSubjectIsTakenAtTheMessagesWord() {
        f.verifier.answer(d -> new EvidenceCheck(true, EvidenceType.DELIVERY, null, null, "sealed"));
        var carrier = received(EvidenceType.DELIVERY, sent.ebmsMessageId(), SampleMessages.GERMANY);

        correlation.correlate(carrier.connectorMessageId());

        assertThat(stateOf(sent)).isEqualTo(MessageState.DELIVERED);
    }

    @Test
    void aDocumentAboutTheSameMessageIsAccepted() {
        f.verifier.answer(d -> new EvidenceCheck(true, EvidenceType.DELIVERY, sent.ebmsMessageId(), null, "sealed"));
        var carrier = received(EvidenceType.DELIVERY, sent.ebmsMessageId(), SampleMessages.GERMANY);

        correlation.correlate(carrier.connectorMessageId());

        assertThat(stateOf(sent)).isEqualTo(MessageState.DELIVERED);
    }

    /** The same evidence twice (a partner that sends it again): kept once, the second carrier still handled. */
    @Test
    void aRepeatedEvidenceIsKeptOnce() {
        var first = received(EvidenceType.DELIVERY, sent.ebmsMessageId(), SampleMessages.GERMANY);
        var second = received(EvidenceType.DELIVERY, sent.ebmsMessageId(), SampleMessages.GERMANY);
        correlation.correlate(first.connectorMessageId());

        assertThat(correlation.correlate(second.connectorMessageId()))
                .isEqualTo(new Recorded(sent.connectorMessageId(), EvidenceType.DELIVERY));

        assertThat(f.store.evidences(sent.connectorMessageId())).singleElement()
                .satisfies(e -> assertThat(e.carrierMessageId()).isEqualTo(first.connectorMessageId()));
        assertThat(stateOf(second)).isEqualTo(MessageState.AVAILABLE_TO_BACKEND);
    }

    /** A positive evidence after a timeout's negative one is kept for the record; the negative state stands. */
    @Test
    void anEvidenceAfterATerminalNegativeStateIsKeptWithoutMovingIt() {
        f.store.advance(sent.connectorMessageId(), MessageState.RELAY_FAILED, "E301 RELAY_REMMD_TIMEOUT",
                f.clock.instant());
        var late = received(EvidenceType.DELIVERY, sent.ebmsMessageId(), SampleMessages.GERMANY);

        correlation.correlate(late.connectorMessageId());

        assertThat(stateOf(sent)).isEqualTo(MessageState.RELAY_FAILED);
        assertThat(f.store.findEvidence(sent.connectorMessageId(), EvidenceType.DELIVERY, EvidenceOrigin.RECEIVED))
                .isPresent();
        assertThat(stateOf(late)).isEqualTo(MessageState.AVAILABLE_TO_BACKEND);
    }

    @Test
    void aCarrierAlreadyHandledOrUnknownIsLeft() {
        var carrier = received(EvidenceType.DELIVERY, sent.ebmsMessageId(), SampleMessages.GERMANY);
        correlation.correlate(carrier.connectorMessageId());
        f.verifier.answer(d -> {
            throw new AssertionError("checked twice");
        });

        assertThat(correlation.correlate(carrier.connectorMessageId())).isInstanceOf(Skipped.class);
        assertThat(correlation.correlate(UUID.randomUUID())).isInstanceOf(Skipped.class);

        assertThat(f.store.evidences(sent.connectorMessageId())).hasSize(1);
    }

    @Test
    void aMessageWithoutEvidenceDocumentIsRefused() {
        var carrier = received(SampleMessages.payload(PayloadKind.ATTACHMENT, "DELIVERY"), "DeliveryNonDeliveryToRecipient",
                sent.ebmsMessageId(), SampleMessages.GERMANY);

        var outcome = correlation.correlate(carrier.connectorMessageId());

        assertRefused(outcome, carrier, "it carries no evidence document");
    }

    @Test
    void aDocumentNamedAfterNoEvidenceTypeIsRefused() {
        var carrier = received(SampleMessages.payload(PayloadKind.EVIDENCE, "RECEIPT"), "DeliveryNonDeliveryToRecipient",
                sent.ebmsMessageId(), SampleMessages.GERMANY);

        var outcome = correlation.correlate(carrier.connectorMessageId());

        assertRefused(outcome, carrier, "it carries no evidence document");
    }

    @Test
    void anEvidenceAboutNothingWeSentIsRefused() {
        var carrier = received(EvidenceType.DELIVERY, "forged@de.test", SampleMessages.GERMANY);

        var outcome = correlation.correlate(carrier.connectorMessageId());

        assertRefused(outcome, carrier, "it refers to forged@de.test, which we did not send");
        assertThat(f.verifier.checked()).as("not even checked").isEmpty();
    }

    /** Only the recipient may say what became of a message: another partner cannot end it. */
    @Test
    void anEvidenceFromAnotherPartyThanTheRecipientIsRefused() {
        var carrier = received(EvidenceType.NON_DELIVERY, sent.ebmsMessageId(), FRANCE);

        var outcome = correlation.correlate(carrier.connectorMessageId());

        assertRefused(outcome, carrier, "it comes from party FR, not from the recipient DE");
    }

    @Test
    void anEvidenceFromARecipientNoLongerConfiguredIsRefusedOnTheSubjectsTimeline() {
        var toFrance = f.stored(SampleMessages.outbound(T0).to(FRANCE).state(MessageState.SENT).build());
        var carrier = received(EvidenceType.DELIVERY, toFrance.ebmsMessageId(), FRANCE);

        correlation.correlate(carrier.connectorMessageId());

        assertThat(stateOf(toFrance)).isEqualTo(MessageState.SENT);
        assertThat(f.store.timeline(toFrance.connectorMessageId())).last().satisfies(e -> {
            assertThat(e.evidenceType()).isEqualTo(EvidenceType.DELIVERY);
            assertThat(e.evidenceOrigin()).isEqualTo(EvidenceOrigin.RECEIVED);
            assertThat(e.detail()).isEqualTo("refused, state unchanged: the sending party is not a configured partner");
        });
        assertThat(stateOf(carrier)).isEqualTo(MessageState.NOT_DELIVERED_TO_BACKEND);
        assertThat(f.verifier.checked()).isEmpty();
    }

    @Test
    void anEvidenceWhoseSealFailsIsRefusedAndTheSubjectSaysWhy() {
        f.verifier.answer(d -> EvidenceCheck.unusable("the seal does not verify"));
        var carrier = received(EvidenceType.NON_DELIVERY, sent.ebmsMessageId(), SampleMessages.GERMANY);

        var outcome = correlation.correlate(carrier.connectorMessageId());

        assertRefused(outcome, carrier, "NON_DELIVERY about message " + sent.connectorMessageId()
                + ": the seal does not verify");
        assertThat(f.store.timeline(sent.connectorMessageId())).last().satisfies(e -> assertThat(e.detail())
                .isEqualTo("refused, state unchanged: the seal does not verify"));
    }

    @Test
    void aDocumentOfAnotherTypeThanItTravelsAsIsRefused() {
        f.verifier.answer(d -> new EvidenceCheck(true, EvidenceType.NON_DELIVERY, null, null, "sealed"));
        var carrier = received(EvidenceType.DELIVERY, sent.ebmsMessageId(), SampleMessages.GERMANY);

        var outcome = correlation.correlate(carrier.connectorMessageId());

        assertRefused(outcome, carrier, "DELIVERY about message " + sent.connectorMessageId()
                + ": the document is NON_DELIVERY but travels as DELIVERY");
    }

    @Test
    void aDocumentAboutAnotherMessageThanItsCarrierIsRefused() {
        f.verifier.answer(d -> new EvidenceCheck(true, EvidenceType.DELIVERY, "other@at.test", null, "sealed"));
        var carrier = received(EvidenceType.DELIVERY, sent.ebmsMessageId(), SampleMessages.GERMANY);

        var outcome = correlation.correlate(carrier.connectorMessageId());

        assertRefused(outcome, carrier, "DELIVERY about message " + sent.connectorMessageId()
                + ": the document is about other@at.test, the AS4 message about " + sent.ebmsMessageId());
    }
}

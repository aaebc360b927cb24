package eu.lexbridge.core.flow;

import static eu.lexbridge.core.flow.FlowFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.evidence.Reason;
import eu.lexbridge.core.evidence.RejectionReason;
import eu.lexbridge.core.flow.EvidenceIssuer.Route;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.Direction;
import eu.lexbridge.core.message.MessageKind;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.port.EvidenceFactory;
import eu.lexbridge.core.port.MessageStore;
import eu.lexbridge.core.testkit.SampleMessages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EvidenceIssuerTest {

    private final FlowFixture f = new FlowFixture();

    private String document(Evidence evidence) throws IOException {
        try (InputStream in = f.payloads.open(evidence.document())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void submissionAcceptanceTravelsInsideTheBusinessMessage() throws IOException {
        var subject = f.stored(SampleMessages.outbound(T0).build());
        UUID id = subject.connectorMessageId();

        Evidence evidence = f.issuer().issue(subject, EvidenceType.SUBMISSION_ACCEPTANCE, Route.WITH_SUBJECT,
                MessageState.ACCEPTED, null);

        assertThat(evidence.subjectMessageId()).isEqualTo(id);
        assertThat(evidence.carrierMessageId()).isEqualTo(id);
        assertThat(evidence.origin()).isEqualTo(EvidenceOrigin.ISSUED);
        assertThat(evidence.reason()).isNull();
        assertThat(evidence.document().kind()).isEqualTo(PayloadKind.EVIDENCE);
        assertThat(evidence.document().name()).isEqualTo("SUBMISSION_ACCEPTANCE");
        assertThat(evidence.document().mimeType()).isEqualTo("text/xml");
        assertThat(document(evidence)).contains("type=\"SUBMISSION_ACCEPTANCE\"")
                .contains(subject.ebmsMessageId()).doesNotContain("<Reason>");
        assertThat(f.store.evidences(id)).containsExactly(evidence);
        assertThat(f.reload(id).state()).isEqualTo(MessageState.ACCEPTED);
        assertThat(f.store.timeline(id)).anySatisfy(e -> {
            assertThat(e.evidenceType()).isEqualTo(EvidenceType.SUBMISSION_ACCEPTANCE);
            assertThat(e.detail()).isEqualTo("SUBMISSION_ACCEPTANCE issued, not sealed");
        });
        assertThat(f.store.all()).as("no carrier of its own").hasSize(1);
    }

    /** Evidence messages go back the way the subject came: addressing reversed, service kept. */
    @Test
    void anEvidenceAboutAReceivedMessageGoesBackToItsSenderInAMessageOfItsOwn() throws IOException {
        var subject = f.stored(SampleMessages.inbound(T0).backendName("court-a").build());

        Evidence evidence = f.issuer().issue(subject, EvidenceType.RELAY_REMMD_ACCEPTANCE, Route.OWN_MESSAGE, null,
                null);

        ConnectorMessage carrier = f.reload(evidence.carrierMessageId());
        assertThat(carrier.kind()).isEqualTo(MessageKind.EVIDENCE);
        assertThat(carrier.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(carrier.state()).isEqualTo(MessageState.ACCEPTED);
        assertThat(carrier.from()).isEqualTo(SampleMessages.HOME);
        assertThat(carrier.to()).isEqualTo(SampleMessages.GERMANY);
        assertThat(carrier.refToMessageId()).isEqualTo(subject.ebmsMessageId());
        assertThat(carrier.conversationId()).isEqualTo(subject.conversationId());
        assertThat(carrier.service()).isEqualTo(subject.service());
        assertThat(carrier.action()).isEqualTo("RelayREMMDAcceptanceRejection");
        assertThat(carrier.originalSender()).isEqualTo(subject.finalRecipient());
        assertThat(carrier.finalRecipient()).isEqualTo(subject.originalSender());
        assertThat(carrier.backendName()).isEqualTo("court-a");
        assertThat(carrier.ebmsMessageId()).endsWith("@" + FlowFixture.EBMS_DOMAIN);
        assertThat(carrier.payloads()).containsExactly(evidence.document());
        assertThat(f.reload(subject.connectorMessageId()).state()).as("no subject state asked")
                .isEqualTo(MessageState.RECEIVED);
        assertThat(document(evidence)).contains("type=\"RELAY_REMMD_ACCEPTANCE\"");
    }

    @Test
    void anEvidenceAboutASentMessageGoesToItsRecipient() {
        var subject = f.stored(SampleMessages.outbound(T0).state(MessageState.SENT).build());

        Evidence evidence = f.issuer().issue(subject, EvidenceType.DELIVERY, Route.OWN_MESSAGE, null, null);

        assertThat(f.reload(evidence.carrierMessageId()).to()).isEqualTo(subject.to());
    }

    @Test
    void aBackendOnlyEvidenceHasNoCarrierAndKeepsItsReason() throws IOException {
        var subject = f.stored(SampleMessages.outbound(T0).state(MessageState.SENT).build());

        Evidence evidence = f.issuer().issue(subject, EvidenceType.RELAY_REMMD_FAILURE, Route.BACKEND_ONLY,
                MessageState.RELAY_FAILED, RejectionReason.RELAY_REMMD_TIMEOUT.named("no evidence within PT12H"));

        assertThat(evidence.carrierMessageId()).isNull();
        assertThat(evidence.reason()).isEqualTo("E301 RELAY_REMMD_TIMEOUT: no evidence within PT12H");
        assertThat(document(evidence)).contains("<Reason>E301 RELAY_REMMD_TIMEOUT: no evidence within PT12H</Reason>");
        assertThat(f.store.all()).hasSize(1);
        assertThat(f.reload(subject.connectorMessageId()).state()).isEqualTo(MessageState.RELAY_FAILED);
        assertThat(f.store.timeline(subject.connectorMessageId()))
                .anySatisfy(e -> assertThat(e.detail())
                        .endsWith(": E301 RELAY_REMMD_TIMEOUT: no evidence within PT12H"));
    }

    @Test
    void theTimelineSaysHowTheDocumentIsSealed() {
        EvidenceFactory sealing = new EvidenceFactory() {
            @Override
            public byte[] create(EvidenceType type, UUID evidenceId, ConnectorMessage subject, Instant at,
                                 Reason reason) {
                return "<REMEvidence/>".getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public String sealDescription() {
                return "sealed with XAdES-B-B by CN=AT connector";
            }
        };
        var subject = f.stored(SampleMessages.outbound(T0).build());

        new EvidenceIssuer(f.identity, sealing, f.payloads, f.store, f.partners, f.clock)
                .issue(subject, EvidenceType.SUBMISSION_ACCEPTANCE, Route.WITH_SUBJECT, MessageState.ACCEPTED, null);

        assertThat(f.store.timeline(subject.connectorMessageId())).anySatisfy(e -> assertThat(e.detail())
                .isEqualTo("SUBMISSION_ACCEPTANCE issued, sealed with XAdES-B-B by CN=AT connector"));
    }

    @Test
    void issuingAgainGivesTheFirstEvidenceAndWritesNothing() {
        AtomicInteger documents = new AtomicInteger();
        EvidenceFactory counting = (type, evidenceId, subject, at, reason) -> {
            documents.incrementAndGet();
            return "<REMEvidence/>".getBytes(StandardCharsets.UTF_8);
        };
        var issuer = new EvidenceIssuer(f.identity, counting, f.payloads, f.store, f.partners, f.clock);
        var subject = f.stored(SampleMessages.inbound(T0).build());
        Evidence first = issuer.issue(subject, EvidenceType.DELIVERY, Route.OWN_MESSAGE, null, null);
        int payloads = f.payloads.count();
        int messages = f.store.all().size();

        Evidence again = issuer.issue(subject, EvidenceType.DELIVERY, Route.OWN_MESSAGE, null, null);

        assertThat(again).isEqualTo(first);
        assertThat(documents).hasValue(1);
        assertThat(f.payloads.count()).isEqualTo(payloads);
        assertThat(f.store.all()).hasSize(messages);
    }

    /** Two deliveries of one step race: the loser's document is removed and it answers with the winner's evidence. */
    @Test
    void theLoserOfARaceRemovesItsDocumentAndGivesTheWinnersEvidence() {
        var subject = f.stored(SampleMessages.inbound(T0).build());
        Evidence winner = new Evidence(UUID.randomUUID(), subject.connectorMessageId(), EvidenceType.DELIVERY,
                EvidenceOrigin.ISSUED, SampleMessages.evidenceDocument(EvidenceType.DELIVERY), null, T0, null);
        MessageStore racing = f.storeWhere("recordEvidence",
                () -> f.store.recordEvidence(winner, null, null, "the other delivery"));

        Evidence answer = f.issuer(racing).issue(subject, EvidenceType.DELIVERY, Route.OWN_MESSAGE, null, null);

        assertThat(answer).isEqualTo(winner);
        assertThat(f.payloads.count()).as("the loser's document").isZero();
        assertThat(f.store.all()).as("no carrier of the loser").hasSize(1);
    }

    /** A document written for an evidence that then cannot be recorded must not be left in the store. */
    @Test
    void anEvidenceThatCannotBeIssuedLeavesNoDocumentBehind() {
        var subject = f.stored(SampleMessages.inbound(T0)
                .from(new Party("FR", SampleMessages.PARTY_TYPE, SampleMessages.ROLE)).build());

        assertThatThrownBy(() -> f.issuer().issue(subject, EvidenceType.RELAY_REMMD_ACCEPTANCE, Route.OWN_MESSAGE,
                null, null)).isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.AS4_UNKNOWN_PARTNER));

        assertThat(f.payloads.count()).isZero();
        assertThat(f.store.evidences(subject.connectorMessageId())).isEmpty();
    }

    /**
     * Found by bench crash: a recording that failed may have committed all the same (the connection broke before the
     * answer), so its document stays: an evidence is never left without it.
     */
    @Test
    void aRecordingWhoseAnswerIsLostKeepsTheDocumentOfTheEvidenceItKept() throws IOException {
        var subject = f.stored(SampleMessages.outbound(T0).build());

        assertThatThrownBy(() -> f.issuer(f.storeThatLosesTheAnswerTo("recordEvidence")).issue(subject,
                EvidenceType.SUBMISSION_ACCEPTANCE, Route.WITH_SUBJECT, MessageState.ACCEPTED, null))
                .isInstanceOf(IllegalStateException.class);

        Evidence kept = f.store.findEvidence(subject.connectorMessageId(), EvidenceType.SUBMISSION_ACCEPTANCE,
                EvidenceOrigin.ISSUED).orElseThrow();
        try (var in = f.payloads.open(kept.document())) {
            assertThat(in.readAllBytes()).isNotEmpty();
        }
        assertThat(f.issuer().issue(subject, EvidenceType.SUBMISSION_ACCEPTANCE, Route.WITH_SUBJECT,
                MessageState.ACCEPTED, null)).as("the retry finds it").isEqualTo(kept);
    }
}

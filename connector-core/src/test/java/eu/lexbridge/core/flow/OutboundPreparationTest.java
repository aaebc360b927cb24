package eu.lexbridge.core.flow;

import static eu.lexbridge.core.flow.FlowFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.flow.OutboundPreparation.Prepared;
import eu.lexbridge.core.flow.OutboundPreparation.Rejected;
import eu.lexbridge.core.flow.OutboundPreparation.Skipped;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.port.DocumentChecker;
import eu.lexbridge.core.port.DocumentChecker.Level;
import eu.lexbridge.core.port.SecurityEvents.Kind;
import eu.lexbridge.core.testkit.SampleMessages;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OutboundPreparationTest {

    private final FlowFixture f = new FlowFixture();
    private final PayloadRef document = f.payloads.put(PayloadKind.BUSINESS_DOCUMENT, "form.pdf", "application/pdf",
            new byte[] {'%', 'P', 'D', 'F'});
    private final PayloadRef report = SampleMessages.payload(PayloadKind.VALIDATION_REPORT, "report.xml");

    private OutboundPreparation preparation(DocumentPolicy policy) {
        return new OutboundPreparation(f.store, f.partners, f.issuer(), f.containers, FlowFixture.catalogue(policy),
                f.documents, f.security, f.clock);
    }

    private ConnectorMessage submitted() {
        return f.stored(SampleMessages.outbound(T0).build());
    }

    private ConnectorMessage submittedWithDocument(PayloadRef... more) {
        var builder = SampleMessages.outbound(T0).addPayload(document);
        for (PayloadRef p : more) {
            builder.addPayload(p);
        }
        return f.stored(builder.build());
    }

    private Optional<Evidence> issued(ConnectorMessage message, EvidenceType type) {
        return f.store.findEvidence(message.connectorMessageId(), type, EvidenceOrigin.ISSUED);
    }

    private static DocumentChecker.Check reaches(Level level, PayloadRef report) {
        return new DocumentChecker.Check(level, "PAdES-BASELINE-B, one signature", List.of(), report);
    }

    /** The outcome of a rejection: the reason of the SUBMISSION_REJECTION issued. */
    private Rejected rejectedAs(ConnectorMessage message) {
        return new Rejected(issued(message, EvidenceType.SUBMISSION_REJECTION).orElseThrow().reason());
    }

    private void assertRejected(ConnectorMessage message, String reasonStart) {
        assertThat(f.reload(message.connectorMessageId()).state()).isEqualTo(MessageState.REJECTED);
        assertThat(issued(message, EvidenceType.SUBMISSION_REJECTION)).hasValueSatisfying(e -> {
            assertThat(e.carrierMessageId()).as("to the back-end only").isNull();
            assertThat(e.reason()).startsWith(reasonStart);
        });
        assertThat(issued(message, EvidenceType.SUBMISSION_ACCEPTANCE)).isEmpty();
    }

    @Test
    void anUnknownMessageIsNotPrepared() {
        assertThat(preparation(DocumentPolicy.AUTHENTICATION).prepare(UUID.randomUUID())).isInstanceOf(Skipped.class);
        assertThat(f.payloads.count()).as("no evidence written").isEqualTo(1);
    }

    @Test
    void anAuthenticationBasedMessageWithoutDocumentIsAcceptedUnchecked() {
        var message = submitted();

        assertThat(preparation(DocumentPolicy.AUTHENTICATION).prepare(message.connectorMessageId())).isEqualTo(new Prepared(message.connectorMessageId()));

        assertThat(f.reload(message.connectorMessageId()).state()).isEqualTo(MessageState.ACCEPTED);
        assertThat(issued(message, EvidenceType.SUBMISSION_ACCEPTANCE)).hasValueSatisfying(
                e -> assertThat(e.carrierMessageId()).as("inside the message").isEqualTo(message.connectorMessageId()));
        assertThat(f.documents.asked()).isEmpty();
        assertThat(f.containers.packedWith()).as("a container even without a document, authentication-based")
                .containsExactly((DocumentChecker.Check) null);
        assertThat(f.reload(message.connectorMessageId()).payloads()).extracting(PayloadRef::kind)
                .contains(PayloadKind.CONTAINER, PayloadKind.TRUST_TOKEN);
        assertThat(f.security.recorded()).isEmpty();
    }

    @Test
    void anAuthenticationBasedDocumentIsSealedWithAnAuthenticationToken() {
        var message = submittedWithDocument();

        assertThat(preparation(DocumentPolicy.AUTHENTICATION).prepare(message.connectorMessageId())).isEqualTo(new Prepared(message.connectorMessageId()));

        assertThat(f.documents.asked()).as("no signature validated").isEmpty();
        assertThat(f.containers.packedWith()).containsExactly((DocumentChecker.Check) null);
        assertThat(f.reload(message.connectorMessageId()).payloads()).extracting(PayloadRef::kind)
                .containsExactly(PayloadKind.BUSINESS_CONTENT, PayloadKind.BUSINESS_DOCUMENT, PayloadKind.CONTAINER,
                        PayloadKind.TRUST_TOKEN);
        assertThat(f.reload(message.connectorMessageId()).state()).isEqualTo(MessageState.ACCEPTED);
    }

    @Test
    void underPolicyNoneAMessageWithoutDocumentIsAccepted() {
        var message = submitted();

        assertThat(preparation(DocumentPolicy.NONE).prepare(message.connectorMessageId())).isEqualTo(new Prepared(message.connectorMessageId()));

        assertThat(f.documents.asked()).isEmpty();
        assertThat(f.reload(message.connectorMessageId()).state()).isEqualTo(MessageState.ACCEPTED);
    }

    @Test
    void underPolicyNoneAnUnsignedDocumentIsSentWithWhatWasFound() {
        f.documents.answer(new DocumentChecker.Check(Level.NONE, "not a signed document", List.of(), null));
        var message = submittedWithDocument();

        assertThat(preparation(DocumentPolicy.NONE).prepare(message.connectorMessageId())).isEqualTo(new Prepared(message.connectorMessageId()));

        assertThat(f.reload(message.connectorMessageId()).payloads()).extracting(PayloadRef::kind)
                .doesNotContain(PayloadKind.VALIDATION_REPORT);
        assertThat(f.containers.packedWith()).singleElement()
                .satisfies(c -> assertThat(c.level()).isEqualTo(Level.NONE));
    }

    @Test
    void aSignatureBasedPolicyRefusesAMessageWithoutDocument() {
        var message = submitted();

        assertThat(preparation(DocumentPolicy.ADVANCED_SIGNATURE).prepare(message.connectorMessageId())).isEqualTo(rejectedAs(message));

        assertRejected(message, "E100 service EPO/Form_A requires a signed business document (ADVANCED_SIGNATURE)");
        assertThat(f.security.of(Kind.DOCUMENT_BELOW_POLICY)).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains(message.connectorMessageId().toString(), "court-a"));
    }

    @Test
    void aDocumentThatMeetsThePolicyIsCheckedRecordedAndSealedWithItsCheck() {
        var signature = f.payloads.put(PayloadKind.DETACHED_SIGNATURE, "form.p7s", "application/pkcs7-signature",
                new byte[] {1});
        var check = reaches(Level.ADVANCED, report);
        f.documents.answer(check);
        var message = submittedWithDocument(signature);

        assertThat(preparation(DocumentPolicy.ADVANCED_SIGNATURE).prepare(message.connectorMessageId())).isEqualTo(new Prepared(message.connectorMessageId()));

        assertThat(f.documents.asked()).containsExactly(new StubDocumentChecker.Asked(document, signature));
        assertThat(f.containers.packedWith()).containsExactly(check);
        var prepared = f.reload(message.connectorMessageId());
        assertThat(prepared.state()).isEqualTo(MessageState.ACCEPTED);
        assertThat(prepared.payload(PayloadKind.VALIDATION_REPORT)).hasValue(report);
        assertThat(f.store.timeline(message.connectorMessageId())).anySatisfy(e -> assertThat(e.detail())
                .isEqualTo("business document checked (ADVANCED_SIGNATURE), reaches ADVANCED: "
                        + "PAdES-BASELINE-B, one signature"));
        assertThat(f.security.recorded()).isEmpty();
    }

    @Test
    void aDocumentBelowThePolicyIsRefusedButItsReportIsKept() {
        f.documents.answer(reaches(Level.ADVANCED, report));
        var message = submittedWithDocument();

        assertThat(preparation(DocumentPolicy.QUALIFIED).prepare(message.connectorMessageId())).isEqualTo(rejectedAs(message));

        assertRejected(message, "E100 the business document does not meet the policy QUALIFIED (it reaches ADVANCED)");
        assertThat(f.containers.packedWith()).as("nothing sealed").isEmpty();
        assertThat(f.reload(message.connectorMessageId()).payload(PayloadKind.VALIDATION_REPORT)).hasValue(report);
        assertThat(f.security.of(Kind.DOCUMENT_BELOW_POLICY)).hasSize(1);
        assertThat(f.security.of(Kind.UNSAFE_INPUT)).isEmpty();
    }

    @Test
    void aDocumentPastAValidationLimitIsRefusedAsUnsafeInput() {
        f.documents.answer(DocumentChecker.Check.refused("the document inflates past 100 MB"));
        var message = submittedWithDocument();

        assertThat(preparation(DocumentPolicy.NONE).prepare(message.connectorMessageId())).isEqualTo(rejectedAs(message));

        assertRejected(message, "E100 the business document exceeds a validation limit: the document inflates");
        assertThat(f.security.of(Kind.UNSAFE_INPUT)).hasSize(1);
        assertThat(f.security.of(Kind.DOCUMENT_BELOW_POLICY)).isEmpty();
        assertThat(f.store.timeline(message.connectorMessageId())).anySatisfy(e -> assertThat(e.detail())
                .isEqualTo("business document refused (NONE): the document inflates past 100 MB"));
        assertThat(f.containers.packedWith()).isEmpty();
    }

    /** A redelivery after a crash: the report and the container made the first time are not made again. */
    @Test
    void aSecondAttemptKeepsTheReportAndContainerOfTheFirst() {
        f.documents.answer(reaches(Level.QUALIFIED, report));
        var container = SampleMessages.payload(PayloadKind.CONTAINER, "container.asics");
        var message = submittedWithDocument(report, container);

        assertThat(preparation(DocumentPolicy.QUALIFIED).prepare(message.connectorMessageId())).isEqualTo(new Prepared(message.connectorMessageId()));

        assertThat(f.containers.packedWith()).isEmpty();
        assertThat(f.reload(message.connectorMessageId()).payloads()).filteredOn(p -> p.kind()
                == PayloadKind.VALIDATION_REPORT).hasSize(1);
    }

    @Test
    void aContainerThatCannotBeBuiltRejectsTheMessage() {
        f.containers.failPacking(new IllegalStateException("the sealing key is not usable"));
        var message = submittedWithDocument();

        assertThat(preparation(DocumentPolicy.AUTHENTICATION).prepare(message.connectorMessageId())).isEqualTo(rejectedAs(message));

        assertRejected(message, "E100 the e-CODEX container could not be built: the sealing key is not usable");
    }

    /**
     * A database that fails while the container is stored (a restart: found by {@code bench crash}) is no reason to
     * reject the message: the step fails, the broker delivers it again, and the next attempt prepares it.
     */
    @Test
    void aDatabaseFailureWhileTheContainerIsStoredFailsTheStepAndTheNextAttemptPreparesTheMessage() {
        var message = submittedWithDocument();
        var failing = new OutboundPreparation(f.storeWhere("addPayloads", () -> {
            throw new IllegalStateException("FATAL: terminating connection due to administrator command");
        }), f.partners, f.issuer(), f.containers, FlowFixture.catalogue(DocumentPolicy.AUTHENTICATION), f.documents,
                f.security, f.clock);

        assertThatThrownBy(() -> failing.prepare(message.connectorMessageId()))
                .hasMessageContaining("terminating connection");
        assertThat(f.reload(message.connectorMessageId()).state()).isEqualTo(MessageState.SUBMITTED);
        assertThat(issued(message, EvidenceType.SUBMISSION_REJECTION)).isEmpty();

        assertThat(failing.prepare(message.connectorMessageId())).isEqualTo(new Prepared(message.connectorMessageId()));
        assertThat(f.reload(message.connectorMessageId()).state()).isEqualTo(MessageState.ACCEPTED);
    }

    @Test
    void aRecipientNoLongerConfiguredRejectsTheMessage() {
        var message = f.stored(SampleMessages.outbound(T0)
                .to(new Party("FR", SampleMessages.PARTY_TYPE, SampleMessages.ROLE)).build());

        assertThat(preparation(DocumentPolicy.AUTHENTICATION).prepare(message.connectorMessageId())).isEqualTo(rejectedAs(message));

        assertRejected(message, "E100 recipient party FR is no longer configured");
    }

    @Test
    void aRedeliveryOfAnAcceptedMessageSaysAcceptedAndDoesNothing() {
        var message = submitted();
        var preparation = preparation(DocumentPolicy.AUTHENTICATION);
        preparation.prepare(message.connectorMessageId());
        int timeline = f.store.timeline(message.connectorMessageId()).size();

        assertThat(preparation.prepare(message.connectorMessageId())).isEqualTo(new Prepared(message.connectorMessageId()));

        assertThat(f.store.timeline(message.connectorMessageId())).hasSize(timeline);
        assertThat(f.store.evidences(message.connectorMessageId())).hasSize(1);
    }

    @Test
    void aRedeliveryOfARejectedMessageSaysRejected() {
        var message = f.stored(SampleMessages.outbound(T0).state(MessageState.REJECTED).build());

        assertThat(preparation(DocumentPolicy.AUTHENTICATION).prepare(message.connectorMessageId()))
                .isEqualTo(new Skipped("message " + message.connectorMessageId() + " is REJECTED"));

        assertThat(f.store.evidences(message.connectorMessageId())).isEmpty();
    }

    @Test
    void givingUpRejectsASubmittedMessageWithTheReason() {
        var message = submitted();

        assertThat(preparation(DocumentPolicy.AUTHENTICATION).giveUp(message.connectorMessageId(),
                "its preparation failed 3 times")).isEqualTo(rejectedAs(message));

        assertRejected(message, "E100 the message could not be prepared for sending: its preparation failed 3 times");
    }

    @Test
    void givingUpLeavesAMessageThatIsNoLongerSubmittedOrUnknown() {
        var accepted = f.stored(SampleMessages.outbound(T0).state(MessageState.ACCEPTED).build());
        var preparation = preparation(DocumentPolicy.AUTHENTICATION);

        assertThat(preparation.giveUp(accepted.connectorMessageId(), "late")).isInstanceOf(Skipped.class);
        assertThat(preparation.giveUp(UUID.randomUUID(), "unknown")).isInstanceOf(Skipped.class);

        assertThat(f.reload(accepted.connectorMessageId()).state()).isEqualTo(MessageState.ACCEPTED);
        assertThat(f.store.evidences(accepted.connectorMessageId())).isEmpty();
    }
}

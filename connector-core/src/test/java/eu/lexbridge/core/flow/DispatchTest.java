package eu.lexbridge.core.flow;

import static eu.lexbridge.core.flow.FlowFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.evidence.RejectionReason;
import eu.lexbridge.core.flow.Dispatch.AwaitingReport;
import eu.lexbridge.core.flow.Dispatch.Failed;
import eu.lexbridge.core.flow.Dispatch.Sent;
import eu.lexbridge.core.flow.Dispatch.Skipped;
import eu.lexbridge.core.flow.EvidenceIssuer.Route;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.port.GatewayOutcomes.Effect;
import eu.lexbridge.core.testkit.SampleMessages;
import eu.lexbridge.core.transport.OutgoingPart;
import eu.lexbridge.core.transport.SendOutcome;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class DispatchTest {

    private final FlowFixture f = new FlowFixture();
    private final Dispatch dispatch = new Dispatch(f.store, f.partners, f.gateway, f.issuer(), f.holds, f.clock);

    private final PayloadRef content = SampleMessages.payload(PayloadKind.BUSINESS_CONTENT, "businessContent");
    private final PayloadRef document = SampleMessages.payload(PayloadKind.BUSINESS_DOCUMENT, "form.pdf");
    private final PayloadRef signature = SampleMessages.payload(PayloadKind.DETACHED_SIGNATURE, "form.p7s");
    private final PayloadRef annex = SampleMessages.payload(PayloadKind.ATTACHMENT, "annex.bin");
    private final PayloadRef report = SampleMessages.payload(PayloadKind.VALIDATION_REPORT, "report.xml");

    /** An accepted business message with its SUBMISSION_ACCEPTANCE inside, as preparation leaves it. */
    private ConnectorMessage accepted(PayloadRef... payloads) {
        var message = f.stored(SampleMessages.outbound(T0).payloads(java.util.List.of(payloads)).build());
        f.issuer().issue(message, EvidenceType.SUBMISSION_ACCEPTANCE, Route.WITH_SUBJECT, MessageState.ACCEPTED, null);
        return f.reload(message.connectorMessageId());
    }

    private MessageState stateOf(ConnectorMessage message) {
        return f.reload(message.connectorMessageId()).state();
    }

    @Test
    void aDeliveredMessageIsSentAndSaysToWhomWithWhichReceipt() {
        var message = accepted(content);

        var outcome = dispatch.dispatch(message.connectorMessageId());

        assertThat(outcome).isEqualTo(new Sent("sent to de-connector; signed receipt receipt-1@de.test verified"));
        assertThat(stateOf(message)).isEqualTo(MessageState.SENT);
        assertThat(f.store.timeline(message.connectorMessageId())).last().satisfies(e -> assertThat(e.detail())
                .isEqualTo("sent to de-connector; signed receipt receipt-1@de.test verified"));
        var send = f.gateway.sends().get(0);
        assertThat(send.partner().name()).isEqualTo("de-connector");
        var envelope = send.envelope();
        assertThat(envelope.ebmsMessageId()).isEqualTo(message.ebmsMessageId());
        assertThat(envelope.conversationId()).isEqualTo(message.conversationId());
        assertThat(envelope.refToMessageId()).isNull();
        assertThat(envelope.service()).isEqualTo(message.service());
        assertThat(envelope.action()).isEqualTo(message.action());
        assertThat(envelope.from()).isEqualTo(message.from());
        assertThat(envelope.to()).isEqualTo(message.to());
        assertThat(envelope.originalSender()).isEqualTo(message.originalSender());
        assertThat(envelope.finalRecipient()).isEqualTo(message.finalRecipient());
    }

    /** The container holds the document, its signature and the attachments; the report stays here. */
    @Test
    void aSealedMessageSendsContentContainerTokenAndAcceptance() {
        var container = SampleMessages.payload(PayloadKind.CONTAINER, "container.asics");
        var token = SampleMessages.payload(PayloadKind.TRUST_TOKEN, "tokenXML");
        var message = accepted(content, document, signature, annex, report, container, token);
        var acceptance = f.store.findEvidence(message.connectorMessageId(), EvidenceType.SUBMISSION_ACCEPTANCE,
                EvidenceOrigin.ISSUED).orElseThrow();

        dispatch.dispatch(message.connectorMessageId());

        assertThat(f.gateway.sends().get(0).parts()).containsExactly(
                new OutgoingPart("messageContent", content.mimeType(), content),
                new OutgoingPart("ASIC-S", container.mimeType(), container),
                new OutgoingPart("tokenXML", token.mimeType(), token),
                new OutgoingPart("SUBMISSION_ACCEPTANCE", "text/xml", acceptance.document()));
    }

    @Test
    void theDocumentItsSignatureAndAttachmentsNeverTravelBesideTheContainer() {
        // A message accepted before every message had a container: its loose parts are not sent unsealed.
        var message = accepted(content, document, signature, annex, report);

        dispatch.dispatch(message.connectorMessageId());

        assertThat(f.gateway.sends().get(0).parts()).extracting(OutgoingPart::description).containsExactly(
                "messageContent", "SUBMISSION_ACCEPTANCE");
    }

    /** Evidences about the message that travel otherwise (to the back-end only, or received) are not its parts. */
    @Test
    void onlyTheEvidencesTheMessageCarriesAreSent() {
        var message = accepted(content);
        f.issuer().issue(message, EvidenceType.RELAY_REMMD_FAILURE, Route.BACKEND_ONLY, null,
                RejectionReason.UNREACHABLE.because("earlier"));
        f.store.recordEvidence(new eu.lexbridge.core.evidence.Evidence(UUID.randomUUID(),
                message.connectorMessageId(), EvidenceType.DELIVERY, EvidenceOrigin.RECEIVED,
                SampleMessages.evidenceDocument(EvidenceType.DELIVERY), message.connectorMessageId(), T0, null),
                null, null, "received");

        dispatch.dispatch(message.connectorMessageId());

        assertThat(f.gateway.sends().get(0).parts()).extracting(OutgoingPart::description)
                .containsExactly("messageContent", "SUBMISSION_ACCEPTANCE");
    }

    @Test
    void anEvidenceMessageSendsItsDocument() {
        var subject = f.stored(SampleMessages.inbound(T0).build());
        var relay = f.issuer().issue(subject, EvidenceType.RELAY_REMMD_ACCEPTANCE, Route.OWN_MESSAGE, null, null);

        dispatch.dispatch(relay.carrierMessageId());

        var send = f.gateway.sends().get(0);
        assertThat(send.envelope().refToMessageId()).isEqualTo(subject.ebmsMessageId());
        assertThat(send.parts()).containsExactly(
                new OutgoingPart("RELAY_REMMD_ACCEPTANCE", "text/xml", relay.document()));
        assertThat(f.reload(relay.carrierMessageId()).state()).isEqualTo(MessageState.SENT);
    }

    @Test
    void aRetryableFailureAsksForAnotherAttemptAndChangesNothing() {
        var message = accepted(content);
        f.gateway.answer(SendOutcome.retryable("connection refused by de.example"));

        assertThatThrownBy(() -> dispatch.dispatch(message.connectorMessageId()))
                .isInstanceOf(RetryableSendException.class).hasMessage("connection refused by de.example");

        assertThat(stateOf(message)).isEqualTo(MessageState.ACCEPTED);
        assertThat(f.store.evidences(message.connectorMessageId())).hasSize(1);

        dispatch.dispatch(message.connectorMessageId()); // the retry: a receipt this time
        assertThat(stateOf(message)).isEqualTo(MessageState.SENT);
    }

    @Test
    void aRefusalByThePartnerEndsTheMessageWithRelayFailureAtOnce() {
        var message = accepted(content);
        f.gateway.answer(SendOutcome.failed("ebMS error EBMS:0004 from de.example"));

        assertThat(dispatch.dispatch(message.connectorMessageId()))
                .isEqualTo(new Failed("E201 ebMS error EBMS:0004 from de.example"));

        assertThat(stateOf(message)).isEqualTo(MessageState.RELAY_FAILED);
        assertThat(f.store.findEvidence(message.connectorMessageId(), EvidenceType.RELAY_REMMD_FAILURE,
                EvidenceOrigin.ISSUED)).hasValueSatisfying(e -> {
                    assertThat(e.reason()).isEqualTo("E201 ebMS error EBMS:0004 from de.example");
                    assertThat(e.carrierMessageId()).isNull();
                });
    }

    @Test
    void aRefusedEvidenceMessageIsMarkedFailedWithoutAnEvidenceAboutIt() {
        var subject = f.stored(SampleMessages.inbound(T0).build());
        var relay = f.issuer().issue(subject, EvidenceType.RELAY_REMMD_ACCEPTANCE, Route.OWN_MESSAGE, null, null);
        f.gateway.answer(SendOutcome.failed("refused"));

        dispatch.dispatch(relay.carrierMessageId());

        assertThat(f.reload(relay.carrierMessageId()).state()).isEqualTo(MessageState.RELAY_FAILED);
        assertThat(f.store.evidences(relay.carrierMessageId())).isEmpty();
        assertThat(f.store.timeline(relay.carrierMessageId())).last().satisfies(e -> assertThat(e.detail())
                .isEqualTo("the AS4 message could not be sent: E201 refused"));
    }

    @Test
    void aRecipientNoLongerConfiguredEndsTheMessageUnsent() {
        var message = f.stored(SampleMessages.outbound(T0).state(MessageState.ACCEPTED)
                .to(new Party("FR", SampleMessages.PARTY_TYPE, SampleMessages.ROLE)).build());

        dispatch.dispatch(message.connectorMessageId());

        assertThat(f.gateway.sends()).isEmpty();
        assertThat(stateOf(message)).isEqualTo(MessageState.RELAY_FAILED);
        assertThat(f.store.findEvidence(message.connectorMessageId(), EvidenceType.RELAY_REMMD_FAILURE,
                EvidenceOrigin.ISSUED)).hasValueSatisfying(e -> assertThat(e.reason())
                .isEqualTo("E100 party FR is not a configured partner"));
    }

    @Test
    void whatIsUnknownOrNoLongerWaitingIsNotSent() {
        var sent = f.stored(SampleMessages.outbound(T0).state(MessageState.SENT).build());
        var submitted = f.stored(SampleMessages.outbound(T0).build());

        UUID unknown = UUID.randomUUID();
        assertThat(dispatch.dispatch(unknown)).isEqualTo(new Skipped("message " + unknown + " is unknown"));
        assertThat(dispatch.dispatch(sent.connectorMessageId())).isEqualTo(new Skipped("message "
                + sent.connectorMessageId() + " is SENT, not waiting to be sent"));
        assertThat(dispatch.dispatch(submitted.connectorMessageId())).isInstanceOf(Skipped.class);

        assertThat(f.gateway.sends()).isEmpty();
        assertThat(stateOf(sent)).isEqualTo(MessageState.SENT);
        assertThat(stateOf(submitted)).isEqualTo(MessageState.SUBMITTED);
    }

    /** RELAY_REMMD_ACCEPTANCE can be recorded while the send waits for its receipt: the receipt moves nothing back. */
    @Test
    void anEvidenceThatOvertakesTheReceiptKeepsItsState() {
        var message = accepted(content);
        f.gateway.whileSending(() -> f.store.advance(message.connectorMessageId(), MessageState.RELAYED,
                "RELAY_REMMD_ACCEPTANCE received", f.clock.instant()));

        dispatch.dispatch(message.connectorMessageId());

        assertThat(stateOf(message)).isEqualTo(MessageState.RELAYED);
    }

    @Test
    void givingUpLeavesWhatIsUnknownOrNoLongerWaiting() {
        var sent = f.stored(SampleMessages.outbound(T0).state(MessageState.SENT).build());

        var gone = RejectionReason.UNREACHABLE.because("gone");
        assertThat(dispatch.giveUp(UUID.randomUUID(), gone)).isInstanceOf(Skipped.class);
        assertThat(dispatch.giveUp(sent.connectorMessageId(), gone)).isInstanceOf(Skipped.class);

        assertThat(stateOf(sent)).isEqualTo(MessageState.SENT);
        assertThat(f.store.evidences(sent.connectorMessageId())).isEmpty();
    }

    // ---- an asynchronous gateway (Domibus): PENDING now, its report later -------------------------------------------

    @Test
    void aMessageAnAsynchronousGatewayTakesWaitsAcceptedForItsReport() {
        f.gateway.asynchronous();
        var message = accepted(content);

        var outcome = dispatch.dispatch(message.connectorMessageId());

        assertThat(outcome).isEqualTo(new AwaitingReport(Dispatch.AWAITING_REPORT + " (to de-connector); queued by "
                + "the gateway as " + message.ebmsMessageId()));
        assertThat(stateOf(message)).isEqualTo(MessageState.ACCEPTED);
        assertThat(f.store.timeline(message.connectorMessageId())).last().satisfies(e -> {
            assertThat(e.state()).isEqualTo(MessageState.ACCEPTED);
            assertThat(e.detail()).startsWith(Dispatch.AWAITING_REPORT);
        });
        assertThat(dispatch.awaitsReport(f.reload(message.connectorMessageId()))).isTrue();
    }

    /** A redelivered step (or the stalled-work sweep) must not hand the message over twice. */
    @Test
    void aMessageTheGatewayHasIsNotSentAgain() {
        f.gateway.asynchronous();
        var message = accepted(content);
        dispatch.dispatch(message.connectorMessageId());

        assertThat(dispatch.dispatch(message.connectorMessageId())).isEqualTo(new Skipped("message "
                + message.connectorMessageId() + " is with the gateway, which has not reported yet"));

        assertThat(f.gateway.sends()).hasSize(1);
    }

    @Test
    void theGatewaysSentReportMovesTheMessageToSent() {
        f.gateway.asynchronous();
        var message = accepted(content);
        dispatch.dispatch(message.connectorMessageId());

        assertThat(dispatch.sent(message.ebmsMessageId(), "receipt r-1@de.test")).isEqualTo(Effect.RECORDED);

        assertThat(stateOf(message)).isEqualTo(MessageState.SENT);
        assertThat(f.store.timeline(message.connectorMessageId())).last().satisfies(e -> assertThat(e.detail())
                .isEqualTo("sent, the gateway reports; receipt r-1@de.test"));
        assertThat(dispatch.sent(message.ebmsMessageId(), "again")).as("a repeated report").isEqualTo(Effect.IGNORED);
    }

    @Test
    void theGatewaysFailureReportIssuesRelayFailureAtOnce() {
        f.gateway.asynchronous();
        var message = accepted(content);
        dispatch.dispatch(message.connectorMessageId());

        assertThat(dispatch.failed(message.ebmsMessageId(), () -> "EBMS:0005 connection failure after 5 attempts"))
                .isEqualTo(Effect.RECORDED);

        assertThat(stateOf(message)).isEqualTo(MessageState.RELAY_FAILED);
        assertThat(f.store.findEvidence(message.connectorMessageId(), EvidenceType.RELAY_REMMD_FAILURE,
                EvidenceOrigin.ISSUED)).hasValueSatisfying(e -> {
                    assertThat(e.reason()).isEqualTo("E201 EBMS:0005 connection failure after 5 attempts");
                    assertThat(e.carrierMessageId()).as("to the back-end only").isNull();
                });
        assertThat(dispatch.failed(message.ebmsMessageId(), notToBeAsked())).isEqualTo(Effect.IGNORED);
    }

    @Test
    void aFailureReportAboutAnEvidenceMessageMarksItFailed() {
        f.gateway.asynchronous();
        var subject = f.stored(SampleMessages.inbound(T0).build());
        var relay = f.issuer().issue(subject, EvidenceType.RELAY_REMMD_ACCEPTANCE, Route.OWN_MESSAGE, null, null);
        var carrier = f.reload(relay.carrierMessageId());
        dispatch.dispatch(carrier.connectorMessageId());

        assertThat(dispatch.failed(carrier.ebmsMessageId(), () -> "refused")).isEqualTo(Effect.RECORDED);

        assertThat(f.reload(carrier.connectorMessageId()).state()).isEqualTo(MessageState.RELAY_FAILED);
        assertThat(f.store.evidences(carrier.connectorMessageId())).isEmpty();
    }

    /**
     * A failure's detail, for reports that must not ask for it: the message no longer waits for the report, and finding
     * the detail may cost the gateway a call (Domibus is asked what it recorded).
     */
    private static Supplier<String> notToBeAsked() {
        return () -> {
            throw new AssertionError("the detail of a report that changes nothing was asked for");
        };
    }

    /**
     * Reports about what we never sent, or about a message an evidence has overtaken, change nothing, and the detail of
     * such a failure report is not even asked for.
     */
    @Test
    void reportsAboutMessagesThatNoLongerWaitAreIgnored() {
        var relayed = f.stored(SampleMessages.outbound(T0).state(MessageState.RELAYED).build());
        var received = f.stored(SampleMessages.inbound(T0).build());

        assertThat(dispatch.sent("never@at.test", "receipt")).isEqualTo(Effect.IGNORED);
        assertThat(dispatch.failed("never@at.test", notToBeAsked())).isEqualTo(Effect.IGNORED);
        assertThat(dispatch.sent(relayed.ebmsMessageId(), "late receipt")).isEqualTo(Effect.IGNORED);
        assertThat(dispatch.failed(relayed.ebmsMessageId(), notToBeAsked())).isEqualTo(Effect.IGNORED);
        assertThat(dispatch.sent(received.ebmsMessageId(), "an inbound id")).isEqualTo(Effect.IGNORED);

        assertThat(stateOf(relayed)).isEqualTo(MessageState.RELAYED);
        assertThat(f.store.evidences(relayed.connectorMessageId())).isEmpty();
    }

    /** A synchronous send leaves no waiting line: the message is no one's to wait for. */
    @Test
    void aSynchronousSendAwaitsNoReport() {
        var message = accepted(content);
        f.gateway.answer(SendOutcome.retryable("timeout"));

        assertThatThrownBy(() -> dispatch.dispatch(message.connectorMessageId()))
                .isInstanceOf(RetryableSendException.class);

        assertThat(dispatch.awaitsReport(f.reload(message.connectorMessageId()))).isFalse();
    }
}

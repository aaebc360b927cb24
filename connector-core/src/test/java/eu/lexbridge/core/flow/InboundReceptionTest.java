package eu.lexbridge.core.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.message.ByteSource;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.Direction;
import eu.lexbridge.core.message.MessageKind;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.port.Hop;
import eu.lexbridge.core.port.SecurityEvents.Kind;
import eu.lexbridge.core.testkit.RecordingMessageBus.Published;
import eu.lexbridge.core.testkit.SampleMessages;
import eu.lexbridge.core.transport.Envelope;
import eu.lexbridge.core.transport.IncomingPart;
import eu.lexbridge.core.transport.ReceptionOutcome;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InboundReceptionTest {

    private static final long MAX_BYTES = 1024;
    private static final PayloadLimits LIMITS = new PayloadLimits(MAX_BYTES, 4 * MAX_BYTES);
    private static final String SIGNER = "CN=DE test connector,O=LexBridge tests";

    private final FlowFixture f = new FlowFixture();
    private final InboundReception reception = reception(f.store);

    private InboundReception reception(eu.lexbridge.core.port.MessageStore store) {
        return new InboundReception(store, f.payloads, f.partners,
                FlowFixture.catalogue(DocumentPolicy.AUTHENTICATION), f.bus, f.security, f.clock, LIMITS);
    }

    /** A reception whose catalogue has one more action of the sample service. */
    private InboundReception exchanging(String action) {
        return new InboundReception(f.store, f.payloads, f.partners, new ServiceCatalogue(java.util.Set.of(
                new ServiceCatalogue.Entry(SampleMessages.SERVICE, action))), f.bus, f.security, f.clock, LIMITS);
    }

    private static Envelope business(String ebmsId) {
        return new Envelope(ebmsId, "conv-1", null, SampleMessages.SERVICE, SampleMessages.ACTION,
                SampleMessages.GERMANY, SampleMessages.HOME, "urn:authority:prosecutor-de", "urn:authority:court-at");
    }

    private static Envelope evidence(String ebmsId, String refTo, String action) {
        return new Envelope(ebmsId, "conv-1", refTo, SampleMessages.SERVICE, action, SampleMessages.GERMANY,
                SampleMessages.HOME, null, null);
    }

    private static IncomingPart part(String description, String name, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new IncomingPart(description, name, "application/octet-stream", () -> new ByteArrayInputStream(bytes));
    }

    private ConnectorMessage only() {
        assertThat(f.store.all()).hasSize(1);
        return f.store.all().get(0);
    }

    private String read(PayloadRef ref) throws IOException {
        try (InputStream in = f.payloads.open(ref)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aBusinessMessageIsStoredWithItsPartsAndQueued() throws IOException {
        var envelope = business("m1@de.test");

        var outcome = reception.receive(envelope, List.of(
                part("messageContent", "messageContent", "<epo/>"),
                part("ASIC-S", "container.asics", "zip"),
                part("tokenXML", "token.xml", "<token/>"),
                part("SUBMISSION_ACCEPTANCE", "SUBMISSION_ACCEPTANCE", "<REMEvidence/>"),
                part("annex-1", "annex.pdf", "%PDF")), SIGNER);

        assertThat(outcome).isEqualTo(ReceptionOutcome.ACCEPTED);
        ConnectorMessage message = only();
        assertThat(message.kind()).isEqualTo(MessageKind.BUSINESS);
        assertThat(message.direction()).isEqualTo(Direction.INBOUND);
        assertThat(message.state()).isEqualTo(MessageState.RECEIVED);
        assertThat(message.ebmsMessageId()).isEqualTo("m1@de.test");
        assertThat(message.conversationId()).isEqualTo("conv-1");
        assertThat(message.refToMessageId()).isNull();
        assertThat(message.service()).isEqualTo(SampleMessages.SERVICE);
        assertThat(message.action()).isEqualTo(SampleMessages.ACTION);
        assertThat(message.from()).isEqualTo(SampleMessages.GERMANY);
        assertThat(message.to()).isEqualTo(SampleMessages.HOME);
        assertThat(message.originalSender()).isEqualTo("urn:authority:prosecutor-de");
        assertThat(message.finalRecipient()).isEqualTo("urn:authority:court-at");
        assertThat(message.backendName()).isNull();
        assertThat(message.payloads()).extracting(PayloadRef::kind).containsExactly(PayloadKind.BUSINESS_CONTENT,
                PayloadKind.CONTAINER, PayloadKind.TRUST_TOKEN, PayloadKind.EVIDENCE, PayloadKind.ATTACHMENT);
        assertThat(message.payloads()).extracting(PayloadRef::name).containsExactly("messageContent", "ASIC-S",
                "tokenXML", "SUBMISSION_ACCEPTANCE", "annex.pdf");
        assertThat(read(message.payloads().get(4))).isEqualTo("%PDF");
        assertThat(f.bus.published()).containsExactly(
                new Published(Hop.INBOUND_RECEIVED, message.connectorMessageId(), "conv-1"));
        assertThat(f.store.timeline(message.connectorMessageId())).singleElement().satisfies(e -> assertThat(
                e.detail()).isEqualTo("received over AS4 from de-connector, signed by " + SIGNER));
    }

    /**
     * Found by bench crash: the database committed while PostgreSQL restarted, the insert threw, and the reception
     * deleted the parts the stored message refers to. Its parts now stay; the sender's retry is a duplicate.
     */
    @Test
    void aMessageWhoseStoringMayHaveBeenKeptKeepsItsPartsAndTheRetryIsADuplicate() throws IOException {
        var lossy = reception(f.storeThatLosesTheAnswerTo("insert"));
        var envelope = business("m9@de.test");
        var parts = List.of(part("messageContent", "messageContent", "<epo/>"), part("annex-1", "annex.pdf", "%PDF"));

        assertThatThrownBy(() -> lossy.receive(envelope, parts, SIGNER)).isInstanceOf(IllegalStateException.class);

        ConnectorMessage kept = only();
        assertThat(read(kept.payloads().get(0))).isEqualTo("<epo/>");
        assertThat(read(kept.payloads().get(1))).isEqualTo("%PDF");
        assertThat(lossy.receive(envelope, parts, SIGNER)).isEqualTo(ReceptionOutcome.DUPLICATE);
        assertThat(f.bus.published()).extracting(Published::connectorMessageId)
                .containsExactly(kept.connectorMessageId());
    }

    @Test
    void anEvidenceMessageIsKnownByItsReferenceAndAction() {
        reception.receive(evidence("e1@de.test", "m0@at.test", "RelayREMMDAcceptanceRejection"),
                List.of(part("RELAY_REMMD_ACCEPTANCE", "RELAY_REMMD_ACCEPTANCE", "<REMEvidence/>")), SIGNER);

        ConnectorMessage message = only();
        assertThat(message.kind()).isEqualTo(MessageKind.EVIDENCE);
        assertThat(message.refToMessageId()).isEqualTo("m0@at.test");
        assertThat(message.payloads()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(PayloadKind.EVIDENCE);
            assertThat(p.name()).isEqualTo("RELAY_REMMD_ACCEPTANCE");
        });
    }

    /** As Domibus answers a message no PMode leg matches: a pair this connector does not exchange is not taken. */
    @Test
    void aBusinessMessageForAServiceActionNotExchangedIsRefusedAndNothingKept() {
        Envelope unknown = new Envelope("m10@de.test", "conv-1", null, SampleMessages.SERVICE, "Form_Z",
                SampleMessages.GERMANY, SampleMessages.HOME, "urn:a", "urn:b");

        assertThatThrownBy(() -> reception.receive(unknown, List.of(part("messageContent", "m", "<a/>")), SIGNER))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_SERVICE_ACTION);
                    assertThat(e.getMessage()).contains("Form_Z");
                });
        assertThat(f.store.all()).isEmpty();
        assertThat(f.payloads.count()).isZero();
    }

    /** Evidence messages carry the business message's service and an evidence action of their own. */
    @Test
    void anEvidenceMessageNeedsNoConfiguredAction() {
        reception.receive(evidence("e1@de.test", "m0@at.test", "DeliveryNonDeliveryToRecipient"), List.of(), SIGNER);

        assertThat(only().kind()).isEqualTo(MessageKind.EVIDENCE);
    }

    @Test
    void aReplyWithABusinessActionIsABusinessMessage() {
        exchanging("Form_B").receive(evidence("r1@de.test", "m0@at.test", "Form_B"), List.of(), SIGNER);

        assertThat(only().kind()).isEqualTo(MessageKind.BUSINESS);
    }

    @Test
    void anEvidenceActionWithoutReferenceIsABusinessMessage() {
        exchanging("DeliveryNonDeliveryToRecipient").receive(evidence("r2@de.test", null,
                "DeliveryNonDeliveryToRecipient"), List.of(), SIGNER);

        assertThat(only().kind()).isEqualTo(MessageKind.BUSINESS);
    }

    @Test
    void aLooseDocumentOrSignatureIsNeverTakenForOneAndKeepsItsFileName() {
        // Only the opened container may yield a document: a sender cannot skip the container's checks by sending one.
        reception.receive(business("m2@de.test"), List.of(part("businessDocument", "form.pdf", "%PDF"),
                part("detachedSignature", "form.p7s", "sig")), SIGNER);

        assertThat(only().payloads()).extracting(PayloadRef::kind, PayloadRef::name).containsExactly(
                org.assertj.core.groups.Tuple.tuple(PayloadKind.ATTACHMENT, "form.pdf"),
                org.assertj.core.groups.Tuple.tuple(PayloadKind.ATTACHMENT, "form.p7s"));
    }

    /** A name the submission rule would refuse is replaced, and the message still arrives. */
    @Test
    void anUnusablePartNameIsReplacedByItsPosition() {
        reception.receive(business("m3@de.test"), List.of(part("messageContent", "messageContent", "<a/>"),
                part("annex-1", "../../etc/passwd", "x"), part("annex-2", "line\nbreak.txt", "y"),
                part("annex-3", "fine.txt", "z")), SIGNER);

        assertThat(only().payloads()).extracting(PayloadRef::name)
                .containsExactly("messageContent", "part-2", "part-3", "fine.txt");
    }

    @Test
    void aDuplicateIsAnsweredAsSuchAndStoredOnce() {
        reception.receive(business("m4@de.test"), List.of(part("messageContent", "messageContent", "<a/>")), SIGNER);
        var first = only();
        int payloads = f.payloads.count();

        var outcome = reception.receive(business("m4@de.test"),
                List.of(part("messageContent", "messageContent", "<a/>")), SIGNER);

        assertThat(outcome).isEqualTo(ReceptionOutcome.DUPLICATE);
        assertThat(only()).isEqualTo(first);
        assertThat(f.payloads.count()).isEqualTo(payloads);
        // still RECEIVED: the first reception may have stopped before it queued the message
        assertThat(f.bus.on(Hop.INBOUND_RECEIVED)).hasSize(2)
                .allSatisfy(p -> assertThat(p.connectorMessageId()).isEqualTo(first.connectorMessageId()));
    }

    @Test
    void aDuplicateOfAMessageTakenFurtherIsNotQueuedAgain() {
        reception.receive(business("m5@de.test"), List.of(), SIGNER);
        f.store.advance(only().connectorMessageId(), MessageState.AVAILABLE_TO_BACKEND, "routed", f.clock.instant());

        assertThat(reception.receive(business("m5@de.test"), List.of(), SIGNER))
                .isEqualTo(ReceptionOutcome.DUPLICATE);

        assertThat(f.bus.published()).hasSize(1);
    }

    /** Two deliveries of one AS4 message at once: the one that stores second keeps nothing and says duplicate. */
    @Test
    void theLoserOfAConcurrentReceptionKeepsNothing() {
        var competitor = SampleMessages.inbound(f.clock.instant()).ebmsMessageId("m6@de.test").build();
        var racing = reception(f.storeWhere("insert", () -> f.store.insert(competitor, "the other delivery")));

        var outcome = racing.receive(business("m6@de.test"),
                List.of(part("messageContent", "messageContent", "<a/>")), SIGNER);

        assertThat(outcome).isEqualTo(ReceptionOutcome.DUPLICATE);
        assertThat(only()).isEqualTo(competitor);
        assertThat(f.payloads.count()).isZero();
        assertThat(f.bus.published()).isEmpty();
    }

    @Test
    void aMessageFromAnUnknownPartyIsRefusedAsASecurityEvent() {
        var envelope = new Envelope("m7@de.test", "conv-1", null, SampleMessages.SERVICE, SampleMessages.ACTION,
                new Party("XX", SampleMessages.PARTY_TYPE, SampleMessages.ROLE), SampleMessages.HOME, null, null);

        assertThatThrownBy(() -> reception.receive(envelope, List.of(part("messageContent", "m", "<a/>")), SIGNER))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.AS4_UNKNOWN_PARTNER));

        assertThat(f.security.of(Kind.UNKNOWN_PARTNER)).singleElement().satisfies(e -> assertThat(e.detail())
                .isEqualTo("AS4 message m7@de.test from unknown party XX refused"));
        assertThat(f.store.all()).isEmpty();
        assertThat(f.payloads.count()).isZero();
    }

    @Test
    void aContainerOfSeveralPayloadsAtTheLimitIsTakenThoughItIsLargerThanOnePayload() {
        // the container carries every payload of the message in one AS4 part: a partner within the limits sends it
        String container = "x".repeat((int) (3 * MAX_BYTES));

        assertThat(reception.receive(business("m9@de.test"), List.of(
                part("messageContent", "messageContent", "<a/>"),
                part("ASIC-S", "message.asics", container)), SIGNER)).isEqualTo(ReceptionOutcome.ACCEPTED);
        assertThat(f.payloads.count()).isEqualTo(2);
    }

    @Test
    void aPartPastTheLimitRefusesTheMessageAndKeepsNothing() {
        assertThatThrownBy(() -> reception.receive(business("m8@de.test"), List.of(
                part("messageContent", "messageContent", "<a/>"),
                part("annex-1", "big.bin", "x".repeat((int) LIMITS.maxContainerBytes() + 1))), SIGNER))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE));

        assertThat(f.store.all()).isEmpty();
        assertThat(f.payloads.count()).as("the first part is removed again").isZero();
        assertThat(f.bus.published()).isEmpty();
    }

    @Test
    void aPartThatCannotBeOpenedRefusesTheMessageAndKeepsNothing() {
        ByteSource unreadable = () -> {
            throw new IOException("spool file gone");
        };

        assertThatThrownBy(() -> reception.receive(business("m9@de.test"), List.of(
                part("messageContent", "messageContent", "<a/>"),
                new IncomingPart("annex-1", "a.bin", "application/octet-stream", unreadable)), SIGNER))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_REQUEST);
                    assertThat(e).hasMessage("an attachment could not be read").hasCauseInstanceOf(IOException.class);
                });

        assertThat(f.store.all()).isEmpty();
        assertThat(f.payloads.count()).isZero();
    }

    /** No receipt without a queued message: the sender's access point sends again and the redelivery queues it. */
    @Test
    void aQueueThatIsDownFailsTheReceptionAndTheResendQueuesTheStoredMessage() {
        f.bus.setAvailable(false);

        assertThatThrownBy(() -> reception.receive(business("m10@de.test"), List.of(), SIGNER))
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.QUEUE_UNAVAILABLE));
        UUID stored = only().connectorMessageId();

        f.bus.setAvailable(true);
        assertThat(reception.receive(business("m10@de.test"), List.of(), SIGNER))
                .isEqualTo(ReceptionOutcome.DUPLICATE);

        assertThat(f.bus.on(Hop.INBOUND_RECEIVED)).singleElement()
                .satisfies(p -> assertThat(p.connectorMessageId()).isEqualTo(stored));
    }
}

package eu.lexbridge.core.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.core.authority.AuthorityRole;
import eu.lexbridge.core.authority.EcodexAddress;
import eu.lexbridge.core.authority.Instrument;
import eu.lexbridge.core.authority.Lookup;
import eu.lexbridge.core.authority.RecipientQuery;
import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.message.ByteSource;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.Direction;
import eu.lexbridge.core.message.MessageKind;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.port.AuthorityDirectory;
import eu.lexbridge.core.port.Hop;
import eu.lexbridge.core.port.MessageStore;
import eu.lexbridge.core.port.PayloadStore;
import eu.lexbridge.core.port.SecurityEvents.Kind;
import eu.lexbridge.core.testkit.FixedPartnerDirectory;
import eu.lexbridge.core.testkit.InMemoryAuthorityDirectory;
import eu.lexbridge.core.testkit.RecordingMessageBus.Published;
import eu.lexbridge.core.testkit.SampleMessages;
import eu.lexbridge.core.transport.Partner;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubmissionTest {

    private static final long MAX_BYTES = 4096;
    /** Room for the content and two payloads at the limit, not three. */
    private static final PayloadLimits LIMITS = new PayloadLimits(MAX_BYTES, 3 * MAX_BYTES);
    private static final String XML = "<epo:order xmlns:epo=\"urn:epo\">seize</epo:order>";

    private final FlowFixture f = new FlowFixture();
    private Submission submission = submission(f.store, f.payloads);

    private Submission submission(MessageStore store, PayloadStore payloads) {
        return new Submission(f.identity, new RecipientResolution(f.partners, f.authorities), FlowFixture.catalogue(DocumentPolicy.AUTHENTICATION), store,
                payloads, f.bus, f.security, f.clock, LIMITS);
    }

    private static PayloadUpload upload(String name, String mimeType, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new PayloadUpload(name, mimeType, () -> new ByteArrayInputStream(bytes));
    }

    /** A submission the connector takes; each test changes what it is about. */
    private static final class Request {
        String backendName = SampleMessages.BACKEND;
        String backendMessageId = "B-1";
        String conversationId = "conv-7";
        String service = SampleMessages.SERVICE.value();
        String action = SampleMessages.ACTION;
        String toPartyId = "DE";
        String originalSender = "urn:authority:prosecutor-at";
        String finalRecipient = "urn:authority:court-de";
        RecipientQuery recipient;
        PayloadUpload businessContent = upload("order.xml", "application/xml", XML);
        PayloadUpload businessDocument;
        PayloadUpload detachedSignature;
        List<PayloadUpload> attachments = new ArrayList<>();

        SubmissionRequest build() {
            return new SubmissionRequest(backendName, backendMessageId, conversationId, service, action, toPartyId,
                    originalSender, finalRecipient, recipient, businessContent, businessDocument, detachedSignature,
                    attachments);
        }
    }

    private final Request request = new Request();

    private ConnectorMessage submit() {
        return submission.submit(request.build());
    }

    /** A refusal leaves nothing behind: no message, no payload, nothing queued. */
    private void assertRefused(ErrorCode code, String field, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.field()).isEqualTo(field);
        });
        assertThat(f.store.all()).isEmpty();
        assertThat(f.payloads.count()).isZero();
        assertThat(f.bus.published()).isEmpty();
    }

    private void assertRefused(ErrorCode code, String field) {
        assertRefused(code, field, this::submit);
    }

    private String read(PayloadRef ref) throws IOException {
        try (InputStream in = f.payloads.open(ref)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void anAcceptedSubmissionIsStoredWithItsPayloadsAndQueued() throws IOException {
        request.businessDocument = upload("order.pdf", null, "%PDF");
        request.detachedSignature = upload("order.p7s", "application/pkcs7-signature", "sig");
        request.attachments = List.of(upload("annex.txt", "text/plain; charset=\"utf-8\"", "annex"));

        ConnectorMessage message = submit();

        assertThat(message.kind()).isEqualTo(MessageKind.BUSINESS);
        assertThat(message.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(message.state()).isEqualTo(MessageState.SUBMITTED);
        assertThat(message.backendName()).isEqualTo(SampleMessages.BACKEND);
        assertThat(message.backendMessageId()).isEqualTo("B-1");
        assertThat(message.conversationId()).isEqualTo("conv-7");
        assertThat(message.ebmsMessageId()).endsWith("@" + FlowFixture.EBMS_DOMAIN);
        assertThat(message.service()).isEqualTo(SampleMessages.SERVICE);
        assertThat(message.action()).isEqualTo(SampleMessages.ACTION);
        assertThat(message.from()).isEqualTo(SampleMessages.HOME);
        assertThat(message.to()).isEqualTo(SampleMessages.GERMANY);
        assertThat(message.originalSender()).isEqualTo("urn:authority:prosecutor-at");
        assertThat(message.finalRecipient()).isEqualTo("urn:authority:court-de");
        assertThat(message.createdAt()).isEqualTo(FlowFixture.T0);
        assertThat(message.payloads()).extracting(PayloadRef::kind, PayloadRef::name, PayloadRef::mimeType)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(PayloadKind.BUSINESS_CONTENT, "order.xml",
                                "application/xml"),
                        org.assertj.core.groups.Tuple.tuple(PayloadKind.BUSINESS_DOCUMENT, "order.pdf",
                                "application/pdf"),
                        org.assertj.core.groups.Tuple.tuple(PayloadKind.DETACHED_SIGNATURE, "order.p7s",
                                "application/pkcs7-signature"),
                        org.assertj.core.groups.Tuple.tuple(PayloadKind.ATTACHMENT, "annex.txt",
                                "text/plain; charset=\"utf-8\""));
        assertThat(read(message.payloads().get(0))).isEqualTo(XML);
        assertThat(read(message.payloads().get(3))).isEqualTo("annex");
        assertThat(f.store.find(message.connectorMessageId())).hasValue(message);
        assertThat(f.store.timeline(message.connectorMessageId())).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("submitted by back-end court-a"));
        assertThat(f.bus.published()).containsExactly(
                new Published(Hop.OUTBOUND_SUBMITTED, message.connectorMessageId(), "conv-7"));
        assertThat(f.security.recorded()).isEmpty();
    }

    @Test
    void unnamedPartsTakeTheirFieldsNameAndDefaultType() {
        request.businessContent = upload(null, " ", XML);
        request.businessDocument = upload("", null, "%PDF");
        request.detachedSignature = upload(null, null, "sig");
        request.attachments = List.of(upload(null, null, "a"));

        assertThat(submit().payloads()).extracting(PayloadRef::name, PayloadRef::mimeType).containsExactly(
                org.assertj.core.groups.Tuple.tuple("businessContent", "text/xml"),
                org.assertj.core.groups.Tuple.tuple("businessDocument", "application/pdf"),
                org.assertj.core.groups.Tuple.tuple("detachedSignature", "application/octet-stream"),
                org.assertj.core.groups.Tuple.tuple("attachments[0]", "application/octet-stream"));
    }

    @Test
    void aSubmissionWithoutConversationStartsOne() {
        request.conversationId = " ";

        var first = submit();
        request.backendMessageId = "B-2";
        request.conversationId = null;
        var second = submit();

        assertThat(first.conversationId()).isNotBlank().isNotEqualTo(second.conversationId());
    }

    @Test
    void valuesAreTakenWithoutTheirSurroundingSpaces() {
        request.backendMessageId = "  B-9 ";
        request.toPartyId = " DE";

        assertThat(submit().backendMessageId()).isEqualTo("B-9");
    }

    @ParameterizedTest
    @ValueSource(strings = {"backendMessageId", "service", "action", "toPartyId", "originalSender",
            "finalRecipient"})
    void aMissingValueIsRefusedNamingItsField(String field) throws ReflectiveOperationException {
        Request.class.getDeclaredField(field).set(request, field.equals("action") ? null : "   ");

        assertRefused(ErrorCode.MISSING_FIELD, field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"backendMessageId", "conversationId", "originalSender"})
    void aValueThatIsNotPrintableOrTooLongIsRefused(String field) throws ReflectiveOperationException {
        Request.class.getDeclaredField(field).set(request, "B\n1");
        assertRefused(ErrorCode.INVALID_FIELD, field);

        Request.class.getDeclaredField(field).set(request, "x".repeat(256));
        assertRefused(ErrorCode.INVALID_FIELD, field);
    }

    @Test
    void anUnconfiguredServiceOrActionIsRefused() {
        request.action = "Form_Z";

        assertRefused(ErrorCode.UNKNOWN_SERVICE_ACTION, "service");
    }

    @Test
    void anUnknownRecipientIsRefused() {
        request.toPartyId = "FR";

        assertRefused(ErrorCode.UNKNOWN_RECIPIENT, "toPartyId");
    }

    /** EIO, executing, in Berlin. */
    private static final RecipientQuery BERLIN = new RecipientQuery(new Instrument("EIO"), AuthorityRole.EXECUTING,
            null, "DE", null, "10115", null, null, null);

    private static Lookup.Match match(String id, String partyId) {
        return new Lookup.Match(id, "Staatsanwaltschaft " + id, new EcodexAddress("urn:authority:" + id, partyId,
                SampleMessages.germany().party().partyIdType()), "EIO executing; postal code 10115 in 10115-14199");
    }

    private void byCompetence() {
        request.toPartyId = null;
        request.finalRecipient = null;
        request.recipient = BERLIN;
    }

    @Test
    void aRecipientNamedByCompetenceIsSentToTheAuthorityTheDirectoryFinds() {
        f.authorities.register(BERLIN, match("sta-berlin", "DE"));
        byCompetence();

        ConnectorMessage message = submit();

        assertThat(message.to()).isEqualTo(SampleMessages.germany().party());
        assertThat(message.finalRecipient()).isEqualTo("urn:authority:sta-berlin");
        assertThat(f.store.timeline(message.connectorMessageId())).first().satisfies(entry -> assertThat(
                entry.detail()).contains("recipient sta-berlin (Staatsanwaltschaft sta-berlin) found in "
                        + "the test's directory for instrument EIO, role executing, country DE, postal code 10115",
                "postal code 10115 in 10115-14199"));
    }

    @Test
    void noCompetentAuthorityRefusesTheSubmissionNamingWhatWasSearched() {
        byCompetence();

        assertRefused(ErrorCode.NO_COMPETENT_AUTHORITY, "recipient");
        assertThatThrownBy(this::submit).hasMessage("no authority in the test's directory matches instrument EIO, "
                + "role executing, country DE, postal code 10115; nothing was sent");
    }

    @Test
    void severalCompetentAuthoritiesRefuseTheSubmissionListingThem() {
        f.authorities.register(BERLIN, match("sta-berlin", "DE")).register(BERLIN, match("sta-potsdam", "DE"));
        byCompetence();

        assertRefused(ErrorCode.AMBIGUOUS_RECIPIENT, "recipient");
        assertThatThrownBy(this::submit).hasMessageContainingAll("2 authorities", "sta-berlin (Staatsanwaltschaft "
                + "sta-berlin: EIO executing;", "sta-potsdam (");
    }

    @Test
    void aMessageThePolicyKeepsFromItsRecipientIsRefusedWithTheReasonAndNothingIsKept() {
        List<ConnectorMessage> asked = new java.util.ArrayList<>();
        submission = new Submission(f.identity, new RecipientResolution(f.partners, f.authorities),
                FlowFixture.catalogue(DocumentPolicy.AUTHENTICATION), f.store, f.payloads, f.bus, f.security, f.clock,
                LIMITS, message -> {
                    asked.add(message);
                    return java.util.Optional.of("businessContent carries SectionM, for the enforcing authority only");
                });

        assertRefused(ErrorCode.PART_NOT_FOR_RECIPIENT, "businessContent");
        assertThatThrownBy(this::submit).hasMessageContaining("SectionM");
        // asked with the message as it would go, its content stored and readable
        assertThat(asked).isNotEmpty().allSatisfy(m -> {
            assertThat(m.to().partyId()).isEqualTo("DE");
            assertThat(m.payload(PayloadKind.BUSINESS_CONTENT)).isPresent();
        });
    }

    @Test
    void anAuthorityThePlaceDoesNotDecideOnIsNotChosenEvenAlone() {
        AuthorityDirectory undecided = query -> new Lookup(query, List.of(), List.of(match("sta-brandenburg", "DE")),
                "a directory");
        submission = new Submission(f.identity, new RecipientResolution(f.partners, undecided),
                FlowFixture.catalogue(DocumentPolicy.AUTHENTICATION), f.store, f.payloads, f.bus, f.security, f.clock,
                LIMITS);
        byCompetence();

        assertRefused(ErrorCode.AMBIGUOUS_RECIPIENT, "recipient");
        assertThatThrownBy(this::submit).hasMessageContaining("1 are competent for part of the place, which it does "
                + "not say enough to decide on: sta-brandenburg (");
    }

    @Test
    void anAuthorityReachedThroughNoPartnerOfOursIsRefused() {
        f.authorities.register(BERLIN, match("sta-berlin", "FR"));
        byCompetence();

        assertRefused(ErrorCode.UNKNOWN_RECIPIENT, "recipient");
        assertThatThrownBy(this::submit).hasMessageContaining("authority sta-berlin is reached at party FR");
    }

    @Test
    void aPartnerWhoseAccessPointDoesNotTakeTheServiceIsRefusedEitherWay() {
        var germany = SampleMessages.germany();
        var restricted = new Partner(germany.name(), germany.party(), germany.endpoint(), germany.certificate(), null,
                null, Set.of(new Partner.ServiceAction("EPO", "Form_B")));
        var authorities = new InMemoryAuthorityDirectory().register(BERLIN, match("sta-berlin", "DE"));
        submission = new Submission(f.identity, new RecipientResolution(FixedPartnerDirectory.of(restricted),
                authorities),
                FlowFixture.catalogue(DocumentPolicy.AUTHENTICATION), f.store, f.payloads, f.bus, f.security, f.clock,
                LIMITS);

        assertRefused(ErrorCode.UNKNOWN_SERVICE_ACTION, "service");
        assertThatThrownBy(this::submit).hasMessage("partner de-connector does not take service '"
                + SampleMessages.SERVICE.value() + "' with action '" + SampleMessages.ACTION + "'");
        byCompetence();
        assertRefused(ErrorCode.UNKNOWN_SERVICE_ACTION, "service");
    }

    @Test
    void aRecipientIsNamedOneWayNotBoth() {
        f.authorities.register(BERLIN, match("sta-berlin", "DE"));
        request.recipient = BERLIN;

        assertRefused(ErrorCode.INVALID_FIELD, "recipient");
    }

    @Test
    void aSubmissionWithoutBusinessContentIsRefused() {
        request.businessContent = null;

        assertRefused(ErrorCode.MISSING_FIELD, "businessContent");
    }

    @Test
    void aDetachedSignatureNeedsItsDocument() {
        request.detachedSignature = upload("order.p7s", null, "sig");

        assertRefused(ErrorCode.MISSING_FIELD, "businessDocument");
    }

    @Test
    void twentySixAttachmentsAreTakenAndTwentySevenRefused() {
        request.attachments = new ArrayList<>();
        for (int i = 0; i < Submission.MAX_ATTACHMENTS; i++) {
            request.attachments.add(upload("annex-" + i + ".bin", null, "a"));
        }
        assertThat(submit().payloads()).hasSize(1 + Submission.MAX_ATTACHMENTS);
        f.store.clear();
        f.payloads.clear();
        f.bus.clear();

        request.attachments.add(upload("one-too-many.bin", null, "a"));
        assertRefused(ErrorCode.TOO_MANY_PARTS, "attachments");
    }

    @Test
    void theRefusalOfTooManyAttachmentsSaysHowMany() {
        assertThat(Submission.tooManyAttachments(30, 26)).hasMessage(
                "a submission has at most 26 attachments, this one has 30");
        // a caller that stopped counting at the limit
        assertThat(Submission.tooManyAttachments(26, 26)).hasMessage(
                "a submission has at most 26 attachments, this one has more");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "text/", "/xml", "text/xml;", "text/xml; charset", "text/xml; charset=\"a\"b\"",
            "text/xml\r\nX-Evil: 1"})
    void aContentTypeThatIsNoMimeTypeIsRefused(String mimeType) {
        request.attachments = List.of(upload("a.bin", mimeType, "a"));

        assertRefused(ErrorCode.INVALID_FIELD, "attachments[0]");
    }

    @Test
    void aContentTypeTooLongIsRefused() {
        request.businessDocument = upload("order.pdf", "application/" + "x".repeat(Submission.MAX_MIME_TYPE_LENGTH),
                "%PDF");

        assertRefused(ErrorCode.INVALID_FIELD, "businessDocument");
    }

    @Test
    void theSignaturesContentTypeIsCheckedToo() {
        request.businessDocument = upload("order.pdf", null, "%PDF");
        request.detachedSignature = upload("order.p7s", "no type", "sig");

        assertRefused(ErrorCode.INVALID_FIELD, "detachedSignature");
    }

    @Test
    void theContentsContentTypeIsCheckedToo() {
        request.businessContent = upload("order.xml", "xml", XML);

        assertRefused(ErrorCode.INVALID_FIELD, "businessContent");
    }

    /** A path or a control character in a file name is rarely an accident: refused, and a security event. */
    @Test
    void aFileNameThatIsAPathIsRefusedAsUnsafeInput() {
        request.attachments = List.of(upload("../../etc/passwd", null, "a"));

        assertRefused(ErrorCode.INVALID_FIELD, "attachments[0]");

        assertThat(f.security.of(Kind.UNSAFE_INPUT)).singleElement().satisfies(e -> assertThat(e.detail())
                .startsWith("the file name of attachments[0] from back-end court-a refused: it contains '/'"));
    }

    @Test
    void theContentsFileNameIsCheckedToo() {
        request.businessContent = upload("order\u202Egpj.xml", null, XML);

        assertRefused(ErrorCode.INVALID_FIELD, "businessContent");
    }

    @Test
    void theContainersOwnTokenNameIsRefused() {
        request.businessDocument = upload("trustoktoken.PDF", null, "%PDF");

        assertRefused(ErrorCode.INVALID_FIELD, "businessDocument");
    }

    @Test
    void twoPartsThatWouldBeOneFileInTheContainerAreRefused() {
        request.businessDocument = upload("Order.pdf", null, "%PDF");
        request.detachedSignature = upload("order.p7s", null, "sig");
        request.attachments = List.of(upload("annex.bin", null, "a"), upload("ORDER.pdf", null, "b"));

        assertThatThrownBy(this::submit).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.field()).isEqualTo("attachments[1]");
            assertThat(e).hasMessage("the file name of attachments[1] is that of businessDocument "
                    + "(compared ignoring case)");
        });
    }

    @Test
    void theContentMayShareItsNameWithAnAttachment() {
        // the content travels beside the container, not in it
        request.businessContent = upload("order.xml", null, XML);
        request.attachments = List.of(upload("order.xml", null, "<copy/>"));

        assertThat(submit().payloads()).hasSize(2);
    }

    @Test
    void aBackendMessageIdSubmittedBeforeIsRefusedAndTheFirstKept() {
        var first = submit();
        int payloads = f.payloads.count();

        assertThatThrownBy(this::submit).isInstanceOfSatisfying(ConnectorException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE_BACKEND_MESSAGE_ID));

        assertThat(f.store.all()).containsExactly(first);
        assertThat(f.payloads.count()).isEqualTo(payloads);
        assertThat(f.bus.published()).hasSize(1);
    }

    @Test
    void theSameBackendMessageIdFromAnotherBackendIsAnotherMessage() {
        submit();
        request.backendName = "court-b";

        assertThat(submit().backendName()).isEqualTo("court-b");
        assertThat(f.store.all()).hasSize(2);
    }

    /** Two submissions of one id at once: the one that stores second keeps nothing and says duplicate. */
    @Test
    void theLoserOfAConcurrentSubmissionKeepsNothing() {
        var competitor = SampleMessages.outbound(FlowFixture.T0).backendMessageId("B-1").build();
        var racing = submission(f.storeWhere("insert", () -> f.store.insert(competitor, "the other call")),
                f.payloads);

        assertThatThrownBy(() -> racing.submit(request.build())).isInstanceOfSatisfying(ConnectorException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE_BACKEND_MESSAGE_ID));

        assertThat(f.store.all()).containsExactly(competitor);
        assertThat(f.payloads.count()).isZero();
        assertThat(f.bus.published()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"<a>", "not xml", "", "<?xml version=\"1.0\"?>",
            "<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>"})
    void businessContentThatIsNotSafeWellFormedXmlIsRefusedAsUnsafeInput(String content) {
        request.businessContent = upload("order.xml", null, content);

        assertRefused(ErrorCode.MALFORMED_XML, "businessContent");

        assertThat(f.security.of(Kind.UNSAFE_INPUT)).hasSize(1);
    }

    @Test
    void aPayloadPastTheLimitIsRefusedNamingItsField() {
        request.businessDocument = upload("order.pdf", null, "%PDF");
        request.attachments = List.of(upload("big.bin", null, "x".repeat((int) MAX_BYTES + 1)));

        assertRefused(ErrorCode.PAYLOAD_TOO_LARGE, "attachments[0]");
    }

    @Test
    void payloadsTogetherPastTheMessageLimitAreRefusedNamingTheOneThatCrossesItAndKeepNothing() {
        // each within max-payload-size; together more than the container, one AS4 part, may carry to the partner
        request.businessDocument = upload("order.pdf", null, "%PDF" + "x".repeat((int) MAX_BYTES - 4));
        request.attachments = List.of(upload("a.bin", null, "x".repeat((int) MAX_BYTES)),
                upload("b.bin", null, "x".repeat((int) MAX_BYTES)));

        assertRefused(ErrorCode.PAYLOAD_TOO_LARGE, "attachments[1]");
        assertThatThrownBy(this::submit).hasMessageContainingAll("payloads together",
                Long.toString(LIMITS.maxMessageBytes()), "alternative channel");
    }

    @Test
    void aPayloadThatCannotBeOpenedIsAMalformedRequest() {
        ByteSource unreadable = () -> {
            throw new IOException("the multipart part is gone");
        };
        request.attachments = List.of(new PayloadUpload("a.bin", null, unreadable));

        assertRefused(ErrorCode.MALFORMED_REQUEST, null);
    }

    @Test
    void aPayloadThatBreaksOffIsAMalformedRequest() {
        ByteSource breaking = () -> new InputStream() {
            private int left = 100;

            @Override
            public int read() throws IOException {
                if (left == 0) {
                    throw new IOException("the client went away");
                }
                left--;
                return 'a';
            }
        };
        request.businessDocument = new PayloadUpload("order.pdf", null, breaking);

        assertThatThrownBy(this::submit).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_REQUEST);
            assertThat(e).hasRootCauseMessage("the client went away");
        });
        assertThat(f.payloads.count()).isZero();
    }

    @Test
    void anotherFailureOfThePayloadStoreIsPassedOnAndNothingIsKept() {
        List<PayloadRef> written = Collections.synchronizedList(new ArrayList<>());
        PayloadStore failingOnTheSecond = new PayloadStore() {
            @Override
            public PayloadRef write(PayloadKind kind, String name, String mimeType, InputStream content,
                                    long maxBytes) {
                if (!written.isEmpty()) {
                    throw new ConnectorException(ErrorCode.INTERNAL, "the disk is full");
                }
                PayloadRef ref = f.payloads.write(kind, name, mimeType, content, maxBytes);
                written.add(ref);
                return ref;
            }

            @Override
            public InputStream open(PayloadRef ref) {
                return f.payloads.open(ref);
            }

            @Override
            public void delete(PayloadRef ref) {
                f.payloads.delete(ref);
            }
        };
        request.businessDocument = upload("order.pdf", null, "%PDF");

        assertRefused(ErrorCode.INTERNAL, null, () -> submission(f.store, failingOnTheSecond).submit(request.build()));
    }

    /** The message is stored: the stalled-work sweep queues it later, so the back-end keeps its acceptance. */
    @Test
    void aQueueThatIsDownDoesNotRefuseAStoredSubmission() {
        f.bus.setAvailable(false);

        ConnectorMessage message = submit();

        assertThat(f.store.find(message.connectorMessageId())).hasValue(message);
        assertThat(f.bus.published()).isEmpty();
    }

    /**
     * An insert that failed may have committed all the same (the connection broke before the answer): the message may
     * be stored, so its payloads stay; the back-end's retry with the same id finds it.
     */
    @Test
    void aSubmissionWhoseStoringMayHaveBeenKeptKeepsItsPayloads() throws IOException {
        request.attachments = List.of(upload("annex.txt", "text/plain", "annex"));
        submission = submission(f.storeThatLosesTheAnswerTo("insert"), f.payloads);

        org.assertj.core.api.Assertions.assertThatThrownBy(this::submit).isInstanceOf(IllegalStateException.class);

        ConnectorMessage kept = f.store.all().get(0);
        for (PayloadRef payload : kept.payloads()) {
            try (InputStream in = f.payloads.open(payload)) {
                assertThat(in.readAllBytes()).as(payload.name()).isNotEmpty();
            }
        }
    }
}

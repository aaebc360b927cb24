package eu.lexbridge.gateway.as4;

import static org.assertj.core.api.Assertions.assertThat;

import com.helger.base.wrapper.Wrapper;
import com.helger.mime.CMimeType;
import com.helger.phase4.attachment.AS4OutgoingAttachment;
import com.helger.phase4.attachment.EAS4CompressionMode;
import com.helger.phase4.client.AS4ClientUserMessage;
import com.helger.phase4.client.IAS4ClientBuildMessageCallback;
import com.helger.phase4.crypto.AS4CryptParams;
import com.helger.phase4.crypto.AS4CryptoFactoryInMemoryKeyStore;
import com.helger.phase4.crypto.ECryptoAlgorithmCrypt;
import com.helger.phase4.crypto.ECryptoAlgorithmSign;
import com.helger.phase4.crypto.ECryptoAlgorithmSignDigest;
import com.helger.phase4.crypto.ECryptoKeyEncryptionAlgorithm;
import com.helger.phase4.crypto.ECryptoKeyIdentifierType;
import com.helger.phase4.ebms3header.Ebms3PartInfo;
import com.helger.phase4.ebms3header.Ebms3SignalMessage;
import com.helger.phase4.incoming.AS4IncomingProfileSelectorConstant;
import com.helger.phase4.incoming.AS4IncomingReceiverConfiguration;
import com.helger.phase4.incoming.crypto.AS4IncomingSecurityConfiguration;
import com.helger.phase4.messaging.http.HttpRetrySettings;
import com.helger.phase4.model.ESoapVersion;
import com.helger.phase4.model.MessageProperty;
import com.helger.phase4.model.message.AS4UserMessage;
import com.helger.phase4.model.message.AbstractAS4Message;
import com.helger.phase4.model.pmode.PMode;
import com.helger.phase4.sender.AS4BidirectionalClientHelper;
import com.helger.phase4.sender.AS4Sender;
import com.helger.phase4.sender.EAS4UserMessageSendResult;
import com.helger.phase4.util.AS4ResourceHelper;
import com.helger.phase4.util.Phase4Exception;
import com.helger.xml.XMLHelper;
import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.transport.EcodexWire;
import eu.lexbridge.core.transport.Partner;
import eu.lexbridge.core.transport.ReceptionOutcome;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.pki.GeneratedPki;
import eu.lexbridge.trust.pki.TestPki;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Issue 10's conformance suite: AS4 requests built with phase4's own sender (another code base than our receiving
 * side's checks), each signed with the key of the party it claims or of a rogue one, sent over loopback HTTP to one
 * real receiving endpoint. Each row names the clause of the eDelivery AS4 1.x Common Profile or ebMS3 Core behind it;
 * an accepted request must get a verified signed receipt, a refused one the exact ebMS error code, one sentence with no
 * internals, and exactly one security event.
 *
 * <p>Partner {@code lexbridge-b} is registered with its certificate and the e-CODEX role {@code GW}; {@code
 * lexbridge-c} holds a key of the same trusted CA but is nobody's registered certificate; {@code other-ca} is a PKI we
 * do not trust.
 */
class As4ConformanceTest {

    private static final String DOMAIN_ID = "[0-9a-f-]{36}@a\\.lexbridge\\.test";
    private static final Party B = new Party("lexbridge-b", ReceivingFixture.PARTY_TYPE, "GW");
    private static final Party TO_A = ReceivingFixture.HOME;

    @TempDir
    static Path work;

    private static ReceivingFixture endpoint;
    private static KeyStore keysOfB;
    private static KeyStore keysOfC;
    private static KeyStore keysOfBFromOtherCa;
    private static KeyStore trust;

    @BeforeAll
    static void start() throws Exception {
        endpoint = ReceivingFixture.start(work.resolve("receiver"),
                new InboundLimits(8L << 20, 1L << 20, 4, Duration.ofSeconds(30)),
                List.of("lexbridge-a", "lexbridge-b", "lexbridge-c"));
        GeneratedPki pki = endpoint.pki;
        keysOfB = KeyStores.loadPkcs12(pki.parties().get("lexbridge-b").as4KeyStore(), ReceivingFixture.PASSWORD);
        keysOfC = KeyStores.loadPkcs12(pki.parties().get("lexbridge-c").as4KeyStore(), ReceivingFixture.PASSWORD);
        GeneratedPki otherCa = TestPki.generate(work.resolve("other-ca"), List.of("lexbridge-b"),
                ReceivingFixture.PASSWORD);
        keysOfBFromOtherCa = KeyStores.loadPkcs12(otherCa.parties().get("lexbridge-b").as4KeyStore(),
                ReceivingFixture.PASSWORD);
        trust = endpoint.settings.as4TrustStore();
        // Registered while the endpoint runs: the directory is asked per request.
        endpoint.partners.put(B.partyId(), new Partner("b", B, URI.create("https://b.invalid/as4"),
                (java.security.cert.X509Certificate) keysOfB.getCertificate(TestPki.AS4_ALIAS)));
    }

    @AfterAll
    static void stop() {
        if (endpoint != null) {
            endpoint.close();
        }
    }

    /** One request: who signs, how, and what is changed from a well-formed e-CODEX user message. */
    record Request(KeyStore signer, ECryptoKeyIdentifierType keyReference, boolean signed, boolean compressed,
                   String agreementRef, boolean propertiesReversed, Party from, Party to, String action,
                   BuildChange change) {

        static Request fromB() {
            return new Request(keysOfB, ECryptoKeyIdentifierType.BST_DIRECT_REFERENCE, true, true, null, false, B,
                    TO_A, "Form_A", BuildChange.NONE);
        }

        Request with(UnaryOperator<Request> change) {
            return change.apply(this);
        }

        Request signedBy(KeyStore keys, ECryptoKeyIdentifierType reference) {
            return new Request(keys, reference, signed, compressed, agreementRef, propertiesReversed, from, to, action,
                    change);
        }

        Request unsigned() {
            return new Request(signer, keyReference, false, compressed, agreementRef, propertiesReversed, from, to,
                    action, change);
        }

        Request uncompressed() {
            return new Request(signer, keyReference, signed, false, agreementRef, propertiesReversed, from, to,
                    action, change);
        }

        Request agreement(String ref) {
            return new Request(signer, keyReference, signed, compressed, ref, propertiesReversed, from, to, action,
                    change);
        }

        Request reversedProperties() {
            return new Request(signer, keyReference, signed, compressed, agreementRef, true, from, to, action, change);
        }

        Request roles(String fromRole, String toRole) {
            return new Request(signer, keyReference, signed, compressed, agreementRef, propertiesReversed,
                    from.withRole(fromRole), to.withRole(toRole), action, change);
        }

        Request action(String other) {
            return new Request(signer, keyReference, signed, compressed, agreementRef, propertiesReversed, from, to,
                    other, change);
        }

        Request changed(BuildChange other) {
            return new Request(signer, keyReference, signed, compressed, agreementRef, propertiesReversed, from, to,
                    action, other);
        }
    }

    /** A change made to the message phase4 built, before it is signed: what no conformant sender would send. */
    enum BuildChange {
        NONE,
        /** One PartInfo more, naming a cid: that no MIME part carries. */
        PART_MISSING,
        /** The business document in the SOAP Body (declared by a PartInfo without href), and no MIME part. */
        BODY_PAYLOAD
    }

    /** What the sender read back. */
    record Answer(EAS4UserMessageSendResult result, ReceiptCheck signal) {
    }

    static Stream<Arguments> mustAccept() {
        Request base = Request.fromB();
        return Stream.of(
                accept("eDelivery AS4 1.x Common Profile, Message Security: signer as BinarySecurityToken (recommended)",
                        base),
                accept("eDelivery AS4 1.x Common Profile, Message Security: signer by IssuerSerial (implementations"
                        + " must accept all three references)", base.signedBy(keysOfB,
                        ECryptoKeyIdentifierType.ISSUER_SERIAL)),
                accept("eDelivery AS4 1.x Common Profile, Message Security: signer by SubjectKeyIdentifier",
                        base.signedBy(keysOfB, ECryptoKeyIdentifierType.SKI_KEY_IDENTIFIER)),
                accept("eDelivery AS4 1.x Common Profile / AS4 Profile Compression: part gzip-compressed"
                        + " (CompressionType application/gzip)", base),
                accept("eDelivery AS4 1.x Common Profile / AS4 Profile Compression: part uncompressed", base.uncompressed()),
                accept("ebMS3 Core §5.2.2.7 eb:AgreementRef is optional: with AgreementRef", base.agreement(
                        "urn:e-codex:agreement:epo")),
                accept("ebMS3 Core §5.2.2.7 eb:AgreementRef is optional: without AgreementRef", base),
                accept("ebMS3 Core §5.2.2.11 MessageProperties: originalSender and finalRecipient in either order",
                        base.reversedProperties()));
    }

    static Stream<Arguments> mustRefuse() {
        Request base = Request.fromB();
        return Stream.of(
                refuse("eDelivery AS4 1.x Common Profile, Message Security (signing required) / ebMS3 Core §6.7.2:"
                        + " unsigned", base.unsigned(), "EBMS:0101"),
                refuse("ebMS3 Core §6.7.2 FailedAuthentication: signed by another trusted party's certificate (BST)",
                        base.signedBy(keysOfC, ECryptoKeyIdentifierType.BST_DIRECT_REFERENCE), "EBMS:0101"),
                refuse("ebMS3 Core §6.7.2 FailedAuthentication: signed by another trusted party's certificate"
                        + " (IssuerSerial, not the registered one)", base.signedBy(keysOfC,
                        ECryptoKeyIdentifierType.ISSUER_SERIAL), "EBMS:0101"),
                refuse("ebMS3 Core §6.7.2 FailedAuthentication: signed by a certificate of a CA we do not trust",
                        base.signedBy(keysOfBFromOtherCa, ECryptoKeyIdentifierType.BST_DIRECT_REFERENCE),
                        "EBMS:0101"),
                refuse("ebMS3 Core §6.7.2 ProcessingModeMismatch: From/Role is not the partner's configured role",
                        base.roles("http://docs.oasis-open.org/ebxml-msg/ebms/v3.0/ns/core/200704/initiator", "GW"),
                        "EBMS:0010"),
                refuse("ebMS3 Core §6.7.2 ProcessingModeMismatch: To/Role is not our home role",
                        base.roles("GW", "http://docs.oasis-open.org/ebxml-msg/ebms/v3.0/ns/core/200704/responder"),
                        "EBMS:0010"),
                // The AS4 layer does not know the services; the connector behind it does and refuses with LB-1005,
                // answered as Domibus answers a message no PMode leg matches.
                refuse("ebMS3 Core §6.7.1 ValueNotRecognized: a service/action not exchanged (LB-1005; Domibus: no"
                        + " matching leg)", base.action(RecordingReceiver.REFUSED_ACTION), "EBMS:0001"),
                refuse("ebMS3 Core §6.7.2 ExternalPayloadError: a PartInfo whose attachment is absent",
                        base.changed(BuildChange.PART_MISSING), "EBMS:0011"),
                // The signer is judged before the message's form: a stranger's malformed message is a security event.
                refuse("ebMS3 Core §6.7.2 FailedAuthentication before form: another party's key, payload in the Body",
                        base.signedBy(keysOfC, ECryptoKeyIdentifierType.BST_DIRECT_REFERENCE)
                                .changed(BuildChange.BODY_PAYLOAD), "EBMS:0101"));
    }

    @ParameterizedTest(name = "accept: {0}")
    @MethodSource("mustAccept")
    void accepts(String clause, Request request) {
        int received = endpoint.receiver.receptions().size();
        int events = endpoint.securityEvents.size();

        Answer answer = send(request, UUID.randomUUID() + "@b.lexbridge.test");

        assertThat(answer.result()).as(answer.signal().errors()).isEqualTo(EAS4UserMessageSendResult.SUCCESS);
        assertThat(answer.signal().receiptProblem(endpoint.settings.as4Certificate())).isNull();
        assertThat(answer.signal().signalMessageId()).as("receipt id in our ebMS id domain").matches(DOMAIN_ID);
        assertThat(endpoint.receiver.receptions()).hasSize(received + 1);
        RecordingReceiver.Reception reception = endpoint.receiver.receptions().get(received);
        assertThat(reception.envelope().from()).isEqualTo(B);
        assertThat(reception.signer()).contains("lexbridge-b");
        assertThat(reception.parts()).extracting(RecordingReceiver.ReceivedPart::description, 
                RecordingReceiver.ReceivedPart::mimeType).containsExactly(
                org.assertj.core.groups.Tuple.tuple("messageContent", "text/xml"));
        assertThat(reception.envelope().originalSender()).isEqualTo("urn:lexbridge:b:court");
        assertThat(reception.envelope().finalRecipient()).isEqualTo("urn:lexbridge:a:court");
        assertThat(endpoint.securityEvents).hasSize(events);
    }

    @ParameterizedTest(name = "refuse {2}: {0}")
    @MethodSource("mustRefuse")
    void refuses(String clause, Request request, String ebmsError) {
        int received = endpoint.receiver.receptions().size();
        int events = endpoint.securityEvents.size();

        Answer answer = send(request, UUID.randomUUID() + "@b.lexbridge.test");

        assertRefused(answer, ebmsError, received);
        if (!"EBMS:0001".equals(ebmsError)) {
            // A connector refusal of a trusted partner's message is no security event; every other refusal is one.
            assertThat(endpoint.securityEvents.subList(events, endpoint.securityEvents.size()))
                    .as("one refused message, one security event").hasSize(1);
        }
    }

    /**
     * eDelivery AS4 1.x Common Profile, "no payload in the SOAP Body" (every payload is a MIME attachment, the Body stays
     * empty): a user message signed with the registered partner's key, its Body encrypted for us, carrying the business
     * document in the Body is refused with EBMS:0003 ValueInconsistent by our own check, not by phase4's PayloadInfo
     * checks (which let a body payload declared by a PartInfo without href through) nor by the PartInfo/attachment count.
     */
    @Test
    void refusesAPayloadInTheSoapBody() {
        int received = endpoint.receiver.receptions().size();
        int events = endpoint.securityEvents.size();

        Answer answer = send(Request.fromB().changed(BuildChange.BODY_PAYLOAD),
                UUID.randomUUID() + "@b.lexbridge.test");

        assertRefused(answer, "EBMS:0003", received);
        assertThat(answer.signal().errors()).as("eDelivery AS4 1.x Common Profile: no payload in the SOAP Body")
                .contains("(LB-1002: SOAP body payloads are not used in e-CODEX)");
        // Signed by the registered partner and refused after that was verified: a trusted partner's non-conformant
        // message, logged, but no security event (RefusedMessageLog; operations.md counts UNSAFE_INPUT only for
        // senders whose signature was not verified). An unverified signer would have made it one.
        assertThat(endpoint.securityEvents.subList(events, endpoint.securityEvents.size()))
                .as("a verified partner's message refused for its form: no security event").isEmpty();
    }

    /**
     * ebMS3 Core reception awareness (duplicate elimination), as the eDelivery AS4 1.x Common Profile requires it: a
     * re-sent message gets a receipt again, and the connector is told it is a duplicate so it is not delivered twice.
     */
    @Test
    void duplicateGetsAReceiptAgainAndIsNotDeliveredTwice() {
        String id = UUID.randomUUID() + "@b.lexbridge.test";

        Answer first = send(Request.fromB(), id);
        Answer again = send(Request.fromB(), id);

        assertThat(first.result()).as(first.signal().errors()).isEqualTo(EAS4UserMessageSendResult.SUCCESS);
        assertThat(again.result()).as(again.signal().errors()).isEqualTo(EAS4UserMessageSendResult.SUCCESS);
        assertThat(again.signal().signalMessageId()).isNotEqualTo(first.signal().signalMessageId()).matches(DOMAIN_ID);
        List<ReceptionOutcome> outcomes = endpoint.receiver.outcomes();
        assertThat(outcomes.subList(outcomes.size() - 2, outcomes.size()))
                .containsExactly(ReceptionOutcome.ACCEPTED, ReceptionOutcome.DUPLICATE);
    }

    /** The answer is the ebMS error {@code ebmsError}: one sentence, nothing internal, and nothing was delivered. */
    private static void assertRefused(Answer answer, String ebmsError, int receivedBefore) {
        assertThat(answer.result()).as(answer.signal().errors())
                .isEqualTo(EAS4UserMessageSendResult.AS4_ERROR_MESSAGE_RECEIVED);
        String errors = answer.signal().errors();
        assertThat(errors).startsWith(ebmsError + " ").doesNotContain(";");
        assertThat(errors).as("one sentence, nothing internal")
                .doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Za-z.]*[A-Z]\\w+")
                .doesNotContain("Exception").doesNotContain("WSSecurity").doesNotContain("\tat ")
                .doesNotContainPattern("\\.\\s+[A-Z]");
        assertThat(answer.signal().signalMessageId()).as("error id in our ebMS id domain").matches(DOMAIN_ID);
        assertThat(endpoint.receiver.receptions()).as("nothing delivered").hasSize(receivedBefore);
    }

    private static Arguments accept(String clause, Request request) {
        return Arguments.of(clause, request);
    }

    private static Arguments refuse(String clause, Request request, String ebmsError) {
        return Arguments.of(clause, request, ebmsError);
    }

    /** phase4's own sender, configured as eDelivery AS4 1.x except where the row says otherwise. */
    private static Answer send(Request request, String messageId) {
        AS4CryptoFactoryInMemoryKeyStore crypto = new AS4CryptoFactoryInMemoryKeyStore(request.signer(),
                TestPki.AS4_ALIAS, ReceivingFixture.PASSWORD, trust);
        PMode pmode = EDeliveryPMode.create(request.from(), request.to(), "EPO", "urn:e-codex:services:",
                request.action(), endpoint.endpoint().toString(), eu.lexbridge.core.transport.As4Profile.EDELIVERY_1);
        if (!request.signed()) {
            // phase4 signs and encrypts as the PMode says, whatever the signing parameters: a PMode without security.
            pmode.getLeg1().setSecurity(null);
            pmode.getLeg2().setSecurity(null);
        }
        ReceiptCheck signal = new ReceiptCheck();
        Wrapper<Phase4Exception> failure = new Wrapper<>();
        List<MessageProperty> properties = new ArrayList<>(List.of(
                MessageProperty.builder().name("originalSender").value("urn:lexbridge:b:court").build(),
                MessageProperty.builder().name("finalRecipient").value("urn:lexbridge:a:court").build()));
        if (request.propertiesReversed()) {
            java.util.Collections.reverse(properties);
        }
        AS4Sender.BuilderUserMessage builder = (request.change() == BuildChange.BODY_PAYLOAD ? new WithBodyPayload()
                : AS4Sender.builderUserMessage())
                .as4ProfileID(LexBridgeProfile.ID)
                .soapVersion(ESoapVersion.SOAP_12)
                .locale(Locale.ENGLISH)
                .cryptoFactory(crypto)
                .withSigningParams(params -> {
                    if (request.signed()) {
                        params.setAlgorithmSign(ECryptoAlgorithmSign.RSA_SHA_256)
                                .setAlgorithmSignDigest(ECryptoAlgorithmSignDigest.DIGEST_SHA_256)
                                .setKeyIdentifierType(request.keyReference());
                    } else {
                        params.setAlgorithmSign(null);
                    }
                })
                .withCryptParams(params -> params.setAlgorithmCrypt(ECryptoAlgorithmCrypt.AES_128_GCM)
                        .setKeyEncAlgorithm(ECryptoKeyEncryptionAlgorithm.RSA_OAEP_XENC11)
                        .setMGFAlgorithm(AS4CryptParams.DEFAULT_MGF_ALGORITHM)
                        .setDigestAlgorithm(AS4CryptParams.DEFAULT_DIGEST_ALGORITHM)
                        .setKeyIdentifierType(ECryptoKeyIdentifierType.BST_DIRECT_REFERENCE))
                .httpRetrySettings(new HttpRetrySettings().setMaxRetries(0))
                .pmodeResolver((id, service, action, initiator, responder, agreement, address) -> pmode)
                .incomingProfileSelector(new AS4IncomingProfileSelectorConstant(LexBridgeProfile.ID, true))
                .signalMsgConsumer(signal)
                .signalMsgValidationResultHdl(signal)
                .pmode(pmode)
                .pmodeID(null)
                .messageID(messageId)
                .conversationID("conv-" + UUID.randomUUID())
                .fromPartyIDType(request.from().partyIdType())
                .fromPartyID(request.from().partyId())
                .fromRole(request.from().role())
                .toPartyIDType(request.to().partyIdType())
                .toPartyID(request.to().partyId())
                .toRole(request.to().role())
                .service("urn:e-codex:services:", "EPO")
                .action(request.action())
                .agreementRef(request.agreementRef())
                .messageProperties(properties)
                .receiverCertificate(endpoint.settings.as4Certificate())
                .endpointURL(endpoint.endpoint().toString())
                .buildMessageCallback(new Changes(request.change()));
        if (builder instanceof WithBodyPayload body) {
            return new Answer(body.sendWithBodyPayload(formA(), signal), signal);
        }
        {
            AS4OutgoingAttachment.Builder content = AS4OutgoingAttachment.builder()
                    .data("<epo:FormA xmlns:epo=\"urn:test\"><epo:Amount>17</epo:Amount></epo:FormA>"
                            .getBytes(StandardCharsets.UTF_8))
                    .contentID(EcodexWire.CONTENT_ID_PREFIX + UUID.randomUUID())
                    .mimeType(CMimeType.TEXT_XML)
                    .addCustomProperty(EcodexWire.PART_NAME, "messageContent.xml")
                    .addCustomProperty(EcodexWire.PART_DESCRIPTION, "messageContent");
            if (request.compressed()) {
                content.compression(EAS4CompressionMode.GZIP);
            }
            builder.attachments(List.of(content.build()));
        }
        EAS4UserMessageSendResult result = builder.sendMessageAndCheckForReceipt(failure::set);
        assertThat(result).as("sent at all: %s", failure.get()).isNotIn(EAS4UserMessageSendResult.INVALID_PARAMETERS,
                EAS4UserMessageSendResult.TRANSPORT_ERROR, EAS4UserMessageSendResult.TRANSPORT_ERROR_NO_RETRY);
        return new Answer(result, signal);
    }

    private static Element formA() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder().newDocument();
            Element form = document.createElementNS("urn:test", "epo:FormA");
            Element amount = document.createElementNS("urn:test", "epo:Amount");
            amount.setTextContent("17");
            form.appendChild(amount);
            document.appendChild(form);
            return form;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * phase4's own sender with the payload in the SOAP Body. The builder cannot do it: its send clears the lower-level
     * client's body payload before it builds the message. So this builder, configured as every other row's, hands its
     * values to phase4's {@link AS4ClientUserMessage} as the builder's send would, adds the body payload with
     * {@link AS4ClientUserMessage#setPayload} (phase4 then declares it by a PartInfo without href, signs the Body and,
     * as there is no attachment, encrypts the Body for the receiver) and sends it through phase4's own
     * {@link AS4BidirectionalClientHelper}, reading the answer as {@code sendMessageAndCheckForReceipt} does.
     */
    private static final class WithBodyPayload extends AS4Sender.BuilderUserMessage {

        EAS4UserMessageSendResult sendWithBodyPayload(Node payload, ReceiptCheck signal) {
            Wrapper<Ebms3SignalMessage> answered = new Wrapper<>();
            Wrapper<Document> signed = new Wrapper<>();
            Wrapper<Document> encrypted = new Wrapper<>();
            IAS4ClientBuildMessageCallback changes = buildMessageCallback();
            IAS4ClientBuildMessageCallback seen = new IAS4ClientBuildMessageCallback() {
                @Override
                public void onAS4Message(AbstractAS4Message<?> message) {
                    changes.onAS4Message(message);
                }

                @Override
                public void onSignedSoapDocument(Document document) {
                    signed.set(document);
                }

                @Override
                public void onEncryptedSoapDocument(Document document) {
                    encrypted.set(document);
                }
            };
            try (AS4ResourceHelper resources = new AS4ResourceHelper()) {
                assertThat(isEveryRequiredFieldSet()).as("every required field set").isTrue();
                assertThat(finishFields(resources).isSuccess()).as("fields finished").isTrue();
                AS4ClientUserMessage client = new AS4ClientUserMessage(resources);
                applyToUserMessage(client);
                client.setPayload(payload);
                AS4IncomingSecurityConfiguration responseSecurity = new AS4IncomingSecurityConfiguration()
                        .setSigningParams(signingParams().getClone())
                        .setCryptParams(cryptParams().getClone());
                AS4BidirectionalClientHelper.sendAS4UserMessageAndReceiveAS4SignalMessage(cryptoFactorySign(),
                        cryptoFactoryCrypt(), pmodeResolver(), incomingAttachmentFactory(), incomingProfileSelector(),
                        client, locale(), endpointURL(), seen, null, null, responseSecurity,
                        new AS4IncomingReceiverConfiguration(), null, null, (message, metadata, state) -> {
                            answered.set(message);
                            signal.handleSignalMessage(message, metadata, state);
                        }, signal);
            } catch (Exception e) {
                throw new AssertionError("not sent: " + e, e);
            }
            // What went on the wire: signed, and the Body encrypted, so the payload is no plain text in it.
            assertThat(signed.get()).as("signed").isNotNull();
            assertThat(encrypted.get()).as("Body encrypted").isNotNull();
            Element body = XMLHelper.getFirstChildElementOfName(encrypted.get().getDocumentElement(),
                    ESoapVersion.SOAP_12.getNamespaceURI(), "Body");
            assertThat(body).isNotNull();
            assertThat(XMLHelper.getFirstChildElementOfName(body, "http://www.w3.org/2001/04/xmlenc#", "EncryptedData"))
                    .as("Body holds the encrypted payload").isNotNull();
            assertThat(body.getElementsByTagNameNS("urn:test", "*").getLength()).as("no plain payload").isZero();
            // As sendMessageAndCheckForReceipt: errors before receipts.
            Ebms3SignalMessage answer = answered.get();
            if (answer == null) {
                return EAS4UserMessageSendResult.NO_SIGNAL_MESSAGE_RECEIVED;
            }
            if (answer.hasErrorEntries()) {
                return EAS4UserMessageSendResult.AS4_ERROR_MESSAGE_RECEIVED;
            }
            return answer.getReceipt() != null ? EAS4UserMessageSendResult.SUCCESS
                    : EAS4UserMessageSendResult.INVALID_SIGNAL_MESSAGE_RECEIVED;
        }
    }

    /** Changes the user message phase4 built before it signs it (so the signature covers the change). */
    private record Changes(BuildChange change) implements IAS4ClientBuildMessageCallback {

        @Override
        public void onAS4Message(AbstractAS4Message<?> message) {
            if (!(message instanceof AS4UserMessage user) || change != BuildChange.PART_MISSING) {
                return;
            }
            var payloadInfo = user.getEbms3UserMessage().getPayloadInfo();
            if (payloadInfo == null) {
                payloadInfo = new com.helger.phase4.ebms3header.Ebms3PayloadInfo();
                user.getEbms3UserMessage().setPayloadInfo(payloadInfo);
            }
            Ebms3PartInfo part = new Ebms3PartInfo();
            part.setHref("cid:missing-" + UUID.randomUUID() + "@b.lexbridge.test");
            payloadInfo.addPartInfo(part);
        }
    }
}

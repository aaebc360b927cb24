package eu.lexbridge.gateway.as4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.helger.phase4.crypto.ECryptoAlgorithmSign;
import eu.lexbridge.core.message.BusinessService;
import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.testkit.InMemoryPayloadStore;
import eu.lexbridge.core.transport.As4Profile;
import eu.lexbridge.core.transport.Envelope;
import eu.lexbridge.core.transport.OutgoingPart;
import eu.lexbridge.core.transport.Partner;
import eu.lexbridge.core.transport.SendOutcome;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.pki.PartyKeys;
import eu.lexbridge.trust.pki.TestPki;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/**
 * eDelivery AS4 2.0 (Common Usage Profile: Ed25519, X25519 + HKDF + AES-128 key wrap, AES-128-GCM; and its EC option:
 * ECDSA P-256, ECDH-ES + HKDF + AES-128 key wrap) between embedded access points over loopback HTTP, with the keys of
 * the test PKI. One receiving endpoint ({@code lexbridge-a}, speaking 1.x and both 2.0 profiles) and three partners:
 * {@code lexbridge-b} configured 1.x, {@code lexbridge-c} configured 2.0 (EdDSA), {@code lexbridge-d} configured 2.0
 * (ECDSA). Each partner sends with an access point of its own identity (phase4 allows one runtime per JVM; an access
 * point's identity is its settings).
 */
class Edelivery2ExchangeTest {

    private static final String XMLDSIG_MORE_2021 = "http://www.w3.org/2021/04/xmldsig-more#";
    private static final Party B = party("lexbridge-b");
    private static final Party C = party("lexbridge-c");
    private static final Party D = party("lexbridge-d");
    private static final Pattern ALGORITHM = Pattern.compile(
            "<(?:[\\w-]+:)?(\\w+)\\b[^>]*?\\bAlgorithm=\"([^\"]*)\"");
    private static final Pattern BINARY_TOKEN = Pattern.compile(
            "<(?:[\\w-]+:)?BinarySecurityToken\\b[^>]*>([^<]+)<");

    @TempDir
    static Path work;

    private static ReceivingFixture endpoint;
    private static InterceptingProxy proxy;
    private static As4Settings onlyOneOfB;
    private static As4Settings bothOfB;
    private static As4Settings bothOfC;
    private static As4Settings bothOfD;

    @BeforeAll
    static void start() throws Exception {
        endpoint = ReceivingFixture.startSpeaking2_0(work.resolve("receiver"),
                new InboundLimits(8L << 20, 1L << 20, 4, Duration.ofSeconds(30)),
                List.of("lexbridge-a", "lexbridge-b", "lexbridge-c", "lexbridge-d"));
        proxy = new InterceptingProxy(endpoint.endpoint());
        onlyOneOfB = senderSettings(B);
        bothOfB = ReceivingFixture.speaking2_0(onlyOneOfB, keysOf(B));
        bothOfC = ReceivingFixture.speaking2_0(senderSettings(C), keysOf(C));
        bothOfD = ReceivingFixture.speaking2_0(senderSettings(D), keysOf(D));
        // As the endpoint's directory knows them.
        endpoint.partners.put(B.partyId(), new Partner("b", B, URI.create("https://b.invalid/as4"),
                onlyOneOfB.as4Certificate()));
        endpoint.partners.put(C.partyId(), partnerSpeaking(As4Profile.EDELIVERY_2_EDDSA, "c", C, bothOfC));
        endpoint.partners.put(D.partyId(), partnerSpeaking(As4Profile.EDELIVERY_2_ECDSA, "d", D, bothOfD));
    }

    @AfterAll
    static void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (endpoint != null) {
            endpoint.close();
        }
    }

    @ParameterizedTest
    @EnumSource(value = As4Profile.class, names = {"EDELIVERY_2_EDDSA", "EDELIVERY_2_ECDSA"})
    void deliversOver2_0WithItsAlgorithmsOnTheWireAndASignedReceipt(As4Profile profile) throws Exception {
        boolean eddsa = profile == As4Profile.EDELIVERY_2_EDDSA;
        Party from = eddsa ? C : D;
        As4Settings sender = eddsa ? bothOfC : bothOfD;
        String signature = (eddsa ? ECryptoAlgorithmSign.EDDSA_ED25519 : ECryptoAlgorithmSign.ECDSA_SHA_256)
                .getAlgorithmURI();
        int received = endpoint.receiver.receptions().size();

        Sent sent = send(sender, from, endpoint.asPartner(profile, proxy.endpoint()));

        assertThat(sent.outcome().status()).as(sent.outcome().detail()).isEqualTo(SendOutcome.Status.DELIVERED);
        assertThat(sent.outcome().receiptMessageId()).matches("[0-9a-f-]{36}@a\\.lexbridge\\.test");
        assertThat(endpoint.receiver.receptions()).hasSize(received + 1);
        RecordingReceiver.Reception reception = endpoint.receiver.receptions().get(received);
        assertThat(reception.envelope()).isEqualTo(sent.envelope());
        assertThat(reception.signer()).contains("CN=" + from.partyId() + (eddsa ? " AS4 Signing" : " AS4 EC Signing"));
        assertThat(reception.parts()).extracting(RecordingReceiver.ReceivedPart::sha256)
                .containsExactly(Sha256.hex(sent.xml()), Sha256.hex(sent.binary()));

        // The request as it went over the wire.
        String request = soapEnvelope(proxy.last().body());
        List<String[]> algorithms = algorithms(request);
        assertThat(algorithms).extracting(a -> a[0] + " " + a[1]).contains(
                "SignatureMethod " + signature,
                "AgreementMethod " + (eddsa ? XMLDSIG_MORE_2021 + "x25519" : "http://www.w3.org/2009/xmlenc11#ECDH-ES"),
                "KeyDerivationMethod " + XMLDSIG_MORE_2021 + "hkdf",
                "PRF http://www.w3.org/2001/04/xmldsig-more#hmac-sha256",
                "EncryptionMethod http://www.w3.org/2001/04/xmlenc#kw-aes128",
                "EncryptionMethod http://www.w3.org/2009/xmlenc11#aes128-gcm",
                "DigestMethod http://www.w3.org/2001/04/xmlenc#sha256");
        assertThat(algorithms).extracting(a -> a[0]).filteredOn("SignatureMethod"::equals).hasSize(1);
        assertThat(algorithms).as("no RSA algorithm anywhere").noneMatch(a -> a[1].toLowerCase().contains("rsa"));
        // The certificates on the wire: the sender's signing one (and no RSA key among them).
        List<X509Certificate> tokens = binaryTokens(request);
        assertThat(tokens).isNotEmpty().allSatisfy(certificate ->
                assertThat(ProfileSecurity.keyType(certificate.getPublicKey())).isNotEqualTo("RSA"));
        assertThat(tokens).contains(sender.signingCertificate(profile));

        // The receipt the sender verified: signed by the endpoint's 2.0 signing key, as the profile signs.
        List<String[]> receipt = algorithms(proxy.lastAnswer());
        assertThat(receipt).extracting(a -> a[0] + " " + a[1]).contains("SignatureMethod " + signature);
        assertThat(receipt).noneMatch(a -> a[1].toLowerCase().contains("rsa"));
        assertThat(binaryTokens(proxy.lastAnswer()))
                .containsExactly(endpoint.settings.signingCertificate(profile));
    }

    @Test
    void oneEndpointTakesA1xSenderAndA2_0SenderAlike() {
        int received = endpoint.receiver.receptions().size();
        int events = endpoint.securityEvents.size();
        // the operator's log says which profile each message travelled in, on both sides
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        List<Logger> loggers = List.of((Logger) LoggerFactory.getLogger(EmbeddedAccessPoint.class),
                (Logger) LoggerFactory.getLogger(IncomingUserMessageProcessor.class));
        loggers.forEach(logger -> logger.addAppender(log));
        Sent fromB;
        Sent fromC;
        try {
            fromB = send(onlyOneOfB, B, endpoint.asPartner(As4Profile.EDELIVERY_1, endpoint.endpoint()));
            fromC = send(bothOfC, C, endpoint.asPartner(As4Profile.EDELIVERY_2_EDDSA, endpoint.endpoint()));
        } finally {
            loggers.forEach(logger -> logger.detachAppender(log));
        }
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).startsWith("AS4 message " + fromB.envelope().ebmsMessageId()
                        + " from " + B.partyId() + " over eDelivery AS4 1.x ("))
                .anySatisfy(line -> assertThat(line).startsWith("AS4 message " + fromC.envelope().ebmsMessageId()
                        + " from " + C.partyId() + " over eDelivery AS4 2.0 ("))
                .anySatisfy(line -> assertThat(line).startsWith("AS4 message " + fromB.envelope().ebmsMessageId()
                        + " to ").contains(" over eDelivery AS4 1.x delivered in "))
                .anySatisfy(line -> assertThat(line).startsWith("AS4 message " + fromC.envelope().ebmsMessageId()
                        + " to ").contains(" over eDelivery AS4 2.0 delivered in "));

        assertThat(fromB.outcome().status()).as(fromB.outcome().detail()).isEqualTo(SendOutcome.Status.DELIVERED);
        assertThat(fromC.outcome().status()).as(fromC.outcome().detail()).isEqualTo(SendOutcome.Status.DELIVERED);
        assertThat(endpoint.receiver.receptions().subList(received, received + 2))
                .extracting(reception -> reception.envelope().ebmsMessageId() + " " + reception.signer())
                .containsExactly(
                        fromB.envelope().ebmsMessageId() + " " + onlyOneOfB.as4Certificate().getSubjectX500Principal()
                                .getName(),
                        fromC.envelope().ebmsMessageId() + " " + bothOfC.signingCertificate(
                                As4Profile.EDELIVERY_2_EDDSA).getSubjectX500Principal().getName());
        assertThat(endpoint.securityEvents).hasSize(events);
    }

    @Test
    void a1xMessageFromAPartnerConfigured2_0IsRefusedAsPolicyNoncompliance() {
        int received = endpoint.receiver.receptions().size();
        int events = endpoint.securityEvents.size();

        // C can speak 1.x, but the endpoint has it as a 2.0 partner.
        Sent sent = send(bothOfC, C, endpoint.asPartner(As4Profile.EDELIVERY_1, proxy.endpoint()));

        assertRefusedAsPolicyNoncompliance(sent, "The message is not secured as eDelivery AS4 2.0 requires, the"
                + " profile agreed with the sending party: its key encryption http://www.w3.org/2009/xmlenc11#rsa-oaep"
                + " is not that profile's.");
        assertThat(endpoint.receiver.receptions()).hasSize(received);
        assertThat(endpoint.securityEvents.subList(events, endpoint.securityEvents.size())).singleElement()
                .asString().startsWith("AS4_SECURITY_FAILURE").contains("EBMS:0103");
    }

    @Test
    void a2_0MessageFromAPartnerConfigured1xIsRefusedAsPolicyNoncompliance() {
        int received = endpoint.receiver.receptions().size();
        int events = endpoint.securityEvents.size();

        // B holds 2.0 keys here, but the endpoint has it as a 1.x partner.
        Sent sent = send(bothOfB, B, endpoint.asPartner(As4Profile.EDELIVERY_2_EDDSA, proxy.endpoint()));

        assertRefusedAsPolicyNoncompliance(sent, "The message is not secured as eDelivery AS4 1.x requires, the"
                + " profile agreed with the sending party: its key encryption http://www.w3.org/2001/04/xmlenc#kw-aes128"
                + " is not that profile's.");
        assertThat(endpoint.receiver.receptions()).hasSize(received);
        assertThat(endpoint.securityEvents.subList(events, endpoint.securityEvents.size())).singleElement()
                .asString().startsWith("AS4_SECURITY_FAILURE").contains("EBMS:0103");
    }

    @Test
    void a2_0PartnerIsRefusedWhenTheAccessPointIsBuiltWithoutOur2_0Keys() {
        Partner a = endpoint.asPartner(As4Profile.EDELIVERY_2_EDDSA, endpoint.endpoint());

        assertThatThrownBy(() -> new EmbeddedAccessPoint(onlyOneOfB, new InMemoryPayloadStore(),
                OutgoingRequestHeaders.NONE, List.of(endpoint.asPartner(As4Profile.EDELIVERY_1, endpoint.endpoint()),
                a)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Partner lexbridge-a speaks eDelivery AS4 2.0, and this access point has no eDelivery AS4"
                        + " 2.0 keys of its own (a signing and a decryption key): refused at configuration time, not on"
                        + " the wire.");
        new EmbeddedAccessPoint(bothOfB, new InMemoryPayloadStore(), OutgoingRequestHeaders.NONE, List.of(a)).close();
        // the same question asked before a partner is taken at run time (the operations API's partners)
        try (var without = new EmbeddedAccessPoint(onlyOneOfB, new InMemoryPayloadStore());
             var with = new EmbeddedAccessPoint(bothOfB, new InMemoryPayloadStore())) {
            assertThat(without.unfit(a)).hasValueSatisfying(reason -> assertThat(reason)
                    .startsWith("Partner lexbridge-a speaks eDelivery AS4 2.0, and this access point has no"));
            assertThat(without.unfit(endpoint.asPartner(As4Profile.EDELIVERY_1, endpoint.endpoint()))).isEmpty();
            assertThat(with.unfit(a)).isEmpty();
        }
    }

    @Test
    void a2_0PartnerWhoseCertificatesDoNotFitItsProfileIsRefusedAndNothingGoesOnTheWire() {
        // Its 1.x (RSA) certificate registered as its 2.0 signing certificate.
        Partner misfit = endpoint.asPartner(As4Profile.EDELIVERY_1, proxy.endpoint()).withAs4Profile(
                As4Profile.EDELIVERY_2_EDDSA, endpoint.settings.decryptionCertificate(As4Profile.EDELIVERY_2_EDDSA));
        String sentence = "Partner lexbridge-a's signing certificate holds an RSA key, and eDelivery AS4 2.0 signs"
                + " with Ed25519: refused at configuration time, not on the wire.";
        assertThatThrownBy(() -> new EmbeddedAccessPoint(bothOfC, new InMemoryPayloadStore(),
                OutgoingRequestHeaders.NONE, List.of(misfit))).hasMessage(sentence);
        // Its X25519 certificate for the EC option.
        Partner wrongCurve = endpoint.asPartner(As4Profile.EDELIVERY_2_ECDSA, proxy.endpoint()).withAs4Profile(
                As4Profile.EDELIVERY_2_ECDSA, endpoint.settings.decryptionCertificate(As4Profile.EDELIVERY_2_EDDSA));
        assertThatThrownBy(() -> PartnerProfiles.requireFit(bothOfC, List.of(wrongCurve))).hasMessage(
                "Partner lexbridge-a's encryption certificate holds an X25519 key, and eDelivery AS4 2.0-ecdsa"
                        + " encrypts for EC P-256: refused at configuration time, not on the wire.");

        // One added to the directory at run time: the send fails, final, and the proxy sees nothing.
        InterceptingProxy.Captured before = proxy.last();
        Sent sent = send(bothOfC, C, misfit);
        assertThat(sent.outcome().status()).isEqualTo(SendOutcome.Status.FAILED);
        assertThat(sent.outcome().detail()).isEqualTo(sentence);
        assertThat(proxy.last()).isSameAs(before);
    }

    @Test
    void aMessageFromAPartnerWhoseProfileDoesNotFitIsAnsweredProcessingModeMismatch() {
        Partner registered = endpoint.partners.get(B.partyId());
        // Changed at run time: B as a 2.0 partner, its RSA certificate as its signing certificate.
        endpoint.partners.put(B.partyId(), registered.withAs4Profile(As4Profile.EDELIVERY_2_EDDSA,
                bothOfB.decryptionCertificate(As4Profile.EDELIVERY_2_EDDSA)));
        int received = endpoint.receiver.receptions().size();
        int events = endpoint.securityEvents.size();
        try {
            Sent sent = send(onlyOneOfB, B, endpoint.asPartner(As4Profile.EDELIVERY_1, proxy.endpoint()));

            assertThat(sent.outcome().status()).isEqualTo(SendOutcome.Status.FAILED);
            assertThat(proxy.lastAnswer()).contains("errorCode=\"EBMS:0010\"");
            assertThat(endpoint.receiver.receptions()).hasSize(received);
            assertThat(endpoint.securityEvents.subList(events, endpoint.securityEvents.size())).singleElement()
                    .asString().startsWith("UNKNOWN_PARTNER").contains("signing certificate holds an RSA key");
        } finally {
            endpoint.partners.put(B.partyId(), registered);
        }
    }

    /**
     * ebMS3 Core §6.7.2 EBMS:0103 PolicyNoncompliance, answered in the profile the endpoint has agreed with the
     * sender: never in the one the message came in, so a message cannot choose its own security. A sender that speaks
     * another profile than agreed cannot verify that answer, so its send fails for good either way.
     */
    private static void assertRefusedAsPolicyNoncompliance(Sent sent, String sentence) {
        assertThat(sent.outcome().status()).as(sent.outcome().detail()).isEqualTo(SendOutcome.Status.FAILED);
        String answer = proxy.lastAnswer();
        assertThat(answer).contains("errorCode=\"EBMS:0103\"", "shortDescription=\"PolicyNoncompliance\"",
                        "LB-3002: " + sentence)
                .doesNotContainIgnoringCase("exception").doesNotContain("org.apache");
    }

    /** What one send carried, and how it ended. */
    private record Sent(Envelope envelope, byte[] xml, byte[] binary, SendOutcome outcome) {
    }

    /** A business message (XML, compressed on the wire, and 256 KB binary) from {@code from} to the endpoint. */
    private static Sent send(As4Settings settings, Party from, Partner to) {
        InMemoryPayloadStore payloads = new InMemoryPayloadStore();
        byte[] xml = ("<form xmlns=\"urn:test\"><id>" + UUID.randomUUID() + "</id></form>")
                .getBytes(StandardCharsets.UTF_8);
        byte[] binary = new byte[256 * 1024];
        new Random(11).nextBytes(binary);
        PayloadRef content = payloads.put(PayloadKind.BUSINESS_CONTENT, "messageContent.xml", "text/xml", xml);
        PayloadRef document = payloads.put(PayloadKind.BUSINESS_DOCUMENT, "container.asics",
                "application/vnd.etsi.asic-s+zip", binary);
        Envelope envelope = new Envelope(UUID.randomUUID() + "@" + from.partyId() + ".test", "conv-2", null,
                new BusinessService("EPO", "urn:e-codex:services:"), "Form_A", from, ReceivingFixture.HOME,
                "urn:" + from.partyId() + ":court", "urn:lexbridge:a:court");
        try (EmbeddedAccessPoint sender = new EmbeddedAccessPoint(settings, payloads)) {
            SendOutcome outcome = sender.send(envelope, List.of(
                    new OutgoingPart("messageContent", "text/xml", content),
                    new OutgoingPart("ASIC-S", "application/vnd.etsi.asic-s+zip", document)), to);
            return new Sent(envelope, xml, binary, outcome);
        }
    }

    private static As4Settings senderSettings(Party party) {
        KeyStore trust = KeyStores.loadPkcs12(endpoint.pki.trustStore(), ReceivingFixture.PASSWORD);
        return new As4Settings(party, party.partyId() + ".test", work.resolve("sender-" + party.partyId()),
                KeyStores.loadPkcs12(keysOf(party).as4KeyStore(), ReceivingFixture.PASSWORD), TestPki.AS4_ALIAS,
                ReceivingFixture.PASSWORD, trust, trust, Duration.ofSeconds(5), Duration.ofSeconds(60), 2);
    }

    private static Partner partnerSpeaking(As4Profile profile, String name, Party party, As4Settings its) {
        return new Partner(name, party, URI.create("https://" + name + ".invalid/as4"), its.signingCertificate(profile))
                .withAs4Profile(profile, its.decryptionCertificate(profile));
    }

    private static PartyKeys keysOf(Party party) {
        return endpoint.pki.parties().get(party.partyId());
    }

    private static Party party(String id) {
        return new Party(id, ReceivingFixture.PARTY_TYPE, "GW");
    }

    /** The SOAP envelope: the first MIME part of the request. */
    private static String soapEnvelope(byte[] body) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        int start = text.indexOf("<?xml") >= 0 ? text.indexOf("<?xml") : text.indexOf("<");
        int end = text.indexOf("Envelope>", start);
        return text.substring(start, end + "Envelope>".length());
    }

    /** Every element's local name and Algorithm attribute, in document order. */
    private static List<String[]> algorithms(String xml) {
        List<String[]> found = new ArrayList<>();
        Matcher matcher = ALGORITHM.matcher(xml);
        while (matcher.find()) {
            found.add(new String[] {matcher.group(1), matcher.group(2)});
        }
        return found;
    }

    private static List<X509Certificate> binaryTokens(String xml) {
        List<X509Certificate> found = new ArrayList<>();
        Matcher matcher = BINARY_TOKEN.matcher(xml);
        while (matcher.find()) {
            byte[] der = Base64.getMimeDecoder().decode(matcher.group(1).trim());
            try (InputStream in = new ByteArrayInputStream(der)) {
                found.add((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (CertificateException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }
}

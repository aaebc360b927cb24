package eu.lexbridge.trust.port;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.port.ContainerPacker.Unpacked;
import eu.lexbridge.core.testkit.InMemoryPayloadStore;
import eu.lexbridge.core.testkit.SampleMessages;
import eu.lexbridge.core.transport.Partner;
import eu.lexbridge.trust.container.EcodexContainer;
import eu.lexbridge.trust.container.EcodexContainerBuilder;
import eu.lexbridge.trust.container.EcodexContainerReader;
import eu.lexbridge.trust.document.DocumentValidator;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.keys.SealKey;
import eu.lexbridge.trust.pki.AlteredDocuments;
import eu.lexbridge.trust.pki.GeneratedPki;
import eu.lexbridge.trust.pki.SharedTestPki;
import eu.lexbridge.trust.pki.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The packer on the real builder, reader and token validator: the container always built (the business XML as
 * {@code mainDocument.xml} when there is no document, ecodex-wire.md §5.1 step 1), the seal of a received container and
 * of its Trust OK token bound to the sending partner where a seal certificate is pinned for it, and the reader's format
 * notices carried into the finding the core puts on the timeline.
 */
class EcodexContainerPackerTest {

    private static final char[] PASSWORD = "packer-test-Pa55".toCharArray();
    /** The sending partner as the receiver knows it, and the party whose container key it seals with. */
    private static final Partner SENDER = SampleMessages.germany();
    private static final String SENDER_PARTY = "de-court";
    /** Another partner of the same network: its seal chains to the same trusted CA. */
    private static final String OTHER_PARTY = "fr-court";
    private static final byte[] BUSINESS_XML = "<epo:FormA xmlns:epo=\"urn:epo\"><case>42</case></epo:FormA>"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path shared;
    static GeneratedPki pki;
    static X509Certificate ca;

    final InMemoryPayloadStore payloads = new InMemoryPayloadStore();

    @BeforeAll
    static void pki() {
        pki = SharedTestPki.copyTo(shared.resolve("pki"), List.of(SENDER_PARTY, OTHER_PARTY), PASSWORD);
        ca = KeyStores.readCertificate(pki.caCertificate());
    }

    @Test
    void aMessageWithoutABusinessDocumentIsPackedWithItsBusinessXmlAsMainDocumentXml() throws IOException {
        ConnectorMessage outbound = outbound(false);

        List<PayloadRef> packed = packer(SENDER_PARTY).pack(outbound, null);
        Unpacked unpacked = receiver().unpack(packed.get(0), packed.get(1), SENDER);

        assertThat(packed).extracting(PayloadRef::kind).containsExactly(PayloadKind.CONTAINER,
                PayloadKind.TRUST_TOKEN);
        assertThat(new String(bytes(packed.get(1)), StandardCharsets.UTF_8))
                .contains("<Filename>mainDocument.xml</Filename>", "<Type>XML</Type>",
                        "<AdvancedElectronicSystem>Authentication-based</AdvancedElectronicSystem>");
        assertThat(unpacked.valid()).as(unpacked.finding()).isTrue();
        PayloadRef document = unpacked.content().get(0);
        assertThat(document.kind()).isEqualTo(PayloadKind.BUSINESS_DOCUMENT);
        assertThat(document.name()).isEqualTo("mainDocument.xml");
        assertThat(document.mimeType()).isEqualTo("application/xml");
        assertThat(bytes(document)).isEqualTo(BUSINESS_XML);
        assertThat(unpacked.content()).extracting(PayloadRef::name).containsExactly("mainDocument.xml",
                "annex.txt", "tokenPDF");
    }

    @Test
    void aMessageWithABusinessDocumentKeepsItAsTheDocument() throws IOException {
        List<PayloadRef> packed = packer(SENDER_PARTY).pack(outbound(true), null);
        Unpacked unpacked = receiver().unpack(packed.get(0), packed.get(1), SENDER);

        assertThat(unpacked.valid()).as(unpacked.finding()).isTrue();
        assertThat(unpacked.content().get(0).name()).isEqualTo("epo.pdf");
        assertThat(unpacked.content()).extracting(PayloadRef::name).doesNotContain("mainDocument.xml");
    }

    @Test
    void theSendersOwnSealIsAcceptedWhenPinned() {
        List<PayloadRef> packed = packer(SENDER_PARTY).pack(outbound(false), null);

        Unpacked unpacked = receiver().unpack(packed.get(0), packed.get(1), pinned());

        assertThat(unpacked.valid()).as(unpacked.finding()).isTrue();
    }

    @Test
    void withoutAPinAnyTrustedSealIsAcceptedAsBefore() {
        List<PayloadRef> packed = packer(OTHER_PARTY).pack(outbound(false), null);

        Unpacked unpacked = receiver().unpack(packed.get(0), packed.get(1), SENDER);

        assertThat(unpacked.valid()).as(unpacked.finding()).isTrue();
    }

    @Test
    void theReadersFormatNoticesReachTheFinding() throws IOException {
        List<PayloadRef> packed = packer(SENDER_PARTY).pack(outbound(false), null);
        PayloadRef official = payloads.put(PayloadKind.CONTAINER, "ASIC-S", EcodexContainer.MIME_TYPE,
                AlteredDocuments.officialConnectorLayout(bytes(packed.get(0))));

        Unpacked unpacked = receiver().unpack(official, packed.get(1), pinned());

        assertThat(unpacked.valid()).as(unpacked.finding()).isTrue();
        assertThat(unpacked.finding()).contains("notice", "MIMETYPE_NOT_FIRST");
        assertThat(unpacked.content().get(0).name()).isEqualTo("mainDocument.xml");
    }

    /**
     * @param shape what came
     * @param clause why it is refused
     * @param code the stable code the finding carries
     */
    record Refused(String shape, String clause, String code) {
        @Override
        public String toString() {
            return shape + " [" + clause + "]";
        }
    }

    static Stream<Refused> refusedByThePacker() {
        return Stream.of(
                new Refused("a container without its Trust OK token",
                        "ecodex-wire.md §5.1 receiving side: no tokenXML is a security exception, NON_DELIVERY",
                        "TOKEN_MISSING"),
                new Refused("a container sealed by another trusted partner than the pinned sender",
                        "issue 10 point 7; LexBridge, stricter: the seal is bound to the sender as evidences are",
                        "SIGNER_NOT_EXPECTED"),
                new Refused("the sender's container with a Trust OK token sealed by another trusted partner",
                        "issue 10 point 7; LexBridge, stricter: the token's issuer is the sending partner",
                        "TOKEN_SEAL"));
    }

    @ParameterizedTest(name = "refuses {0}")
    @MethodSource("refusedByThePacker")
    void refusesWithAStableCodeAndStoresNothing(Refused row) {
        ConnectorMessage outbound = outbound(false);
        List<PayloadRef> ours = packer(SENDER_PARTY).pack(outbound, null);
        List<PayloadRef> others = packer(OTHER_PARTY).pack(outbound, null);
        int stored = payloads.count();
        Unpacked unpacked = switch (row.code()) {
            case "TOKEN_MISSING" -> receiver().unpack(ours.get(0), null, pinned());
            case "SIGNER_NOT_EXPECTED" -> receiver().unpack(others.get(0), ours.get(1), pinned());
            case "TOKEN_SEAL" -> receiver().unpack(ours.get(0), others.get(1), pinned());
            default -> throw new IllegalArgumentException(row.code());
        };

        assertThat(unpacked.valid()).as(unpacked.finding()).isFalse();
        assertThat(unpacked.finding()).contains(row.code());
        assertThat(unpacked.content()).isEmpty();
        assertThat(payloads.count()).as("nothing stored").isEqualTo(stored);
    }

    private ConnectorMessage outbound(boolean withDocument) {
        PayloadRef content = payloads.put(PayloadKind.BUSINESS_CONTENT, "businessContent", "application/xml",
                BUSINESS_XML);
        PayloadRef annex = payloads.put(PayloadKind.ATTACHMENT, "annex.txt", "text/plain", "annex".getBytes());
        ConnectorMessage.Builder message = SampleMessages.outbound(Instant.now()).payloads(List.of(content, annex));
        if (withDocument) {
            message.addPayload(payloads.put(PayloadKind.BUSINESS_DOCUMENT, "epo.pdf", "application/pdf",
                    "%PDF-1.4 epo".getBytes()));
        }
        return message.build();
    }

    private EcodexContainerPacker packer(String party) {
        SealKey key = SealKey.fromKeyStore(KeyStores.loadPkcs12(pki.parties().get(party).sealKeyStore(), PASSWORD),
                TestPki.SEAL_ALIAS, PASSWORD);
        Path work = shared.resolve("work-" + UUID.randomUUID());
        return new EcodexContainerPacker(new EcodexContainerBuilder(key, Clock.systemUTC(), null),
                new EcodexContainerReader(List.of(ca), Clock.systemUTC()), new DocumentValidator(List.of(ca),
                Clock.systemUTC()), payloads, work, "LexBridge " + party, "XX", 1 << 20);
    }

    /** The receiving connector, trusting the network's CA. */
    private EcodexContainerPacker receiver() {
        Path work = shared.resolve("work-" + UUID.randomUUID());
        SealKey unused = SealKey.fromKeyStore(KeyStores.loadPkcs12(pki.parties().get(OTHER_PARTY).sealKeyStore(),
                PASSWORD), TestPki.SEAL_ALIAS, PASSWORD);
        return new EcodexContainerPacker(new EcodexContainerBuilder(unused, Clock.systemUTC(), null),
                new EcodexContainerReader(List.of(ca), Clock.systemUTC()), new DocumentValidator(List.of(ca),
                Clock.systemUTC()), payloads, work, "LexBridge receiver", "XX", 1 << 20);
    }

    /** The sender with its container-seal certificate pinned. */
    private static Partner pinned() {
        SealKey key = SealKey.fromKeyStore(KeyStores.loadPkcs12(pki.parties().get(SENDER_PARTY).sealKeyStore(),
                PASSWORD), TestPki.SEAL_ALIAS, PASSWORD);
        return new Partner(SENDER.name(), SENDER.party(), SENDER.endpoint(), SENDER.certificate(), null,
                key.certificate());
    }

    private byte[] bytes(PayloadRef ref) {
        try (InputStream in = payloads.open(ref)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package eu.lexbridge.trust.evidence;

import static eu.lexbridge.trust.evidence.Evidences.bytes;
import static eu.lexbridge.trust.evidence.Evidences.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.evidence.RejectionReason;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.trust.port.SealedEvidenceFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Our evidences against the ETSI TS 102 640 v2 schema, and what the schema says about the official connector's. */
class RemEvidenceSchemaTest {

    private static final RemEvidenceSchema SCHEMA = RemEvidenceSchema.instance();

    @TempDir
    static Path dir;

    private static SealingPki pki;

    @BeforeAll
    static void generate() {
        pki = SealingPki.generate(dir, "at-prosecutor");
    }

    @ParameterizedTest
    @EnumSource(EvidenceType.class)
    void everyUnsealedEvidenceWeWriteIsSchemaValid(EvidenceType type) {
        // several ids, so that UUIDs starting with a digit and with a letter are both written
        for (String id : List.of("0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0", "af1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0")) {
            byte[] evidence = Evidences.FACTORY.create(type, UUID.fromString(id), TestMessages.outbound().build(),
                    Instant.now(), type.isPositive() ? null : RejectionReason.DELIVERY_EVIDENCE_TIMEOUT.because(
                            "no delivery evidence within 24 hours"));
            assertThat(SCHEMA.validate(evidence)).as(text(evidence)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(EvidenceType.class)
    void everySealedEvidenceWeWriteIsSchemaValid(EvidenceType type) {
        byte[] sealed = new SealedEvidenceFactory(Evidences.FACTORY, new EvidenceSealer(pki.sealKey("at-prosecutor"),
                ReferenceDigest.SHA1, Clock.systemUTC())).create(type, UUID.randomUUID(),
                TestMessages.outbound().build(), Instant.now(),
                type.isPositive() ? null : RejectionReason.OTHER.because("reason"));
        assertThat(text(sealed)).contains("<ds:Signature", "SigningCertificate");
        assertThat(SCHEMA.validate(sealed)).as(text(sealed)).isEmpty();
        assertThat(SCHEMA.isValid(sealed)).isTrue();
    }

    @Test
    void staysValidWithoutDocumentHashBackendIdOrRecipientAndWithAwkwardText() {
        ConnectorMessage bare = TestMessages.outbound().backendMessageId(null).originalSender(null)
                .finalRecipient(" ").payloads(List.of()).build();
        assertThat(SCHEMA.validate(Evidences.FACTORY.create(EvidenceType.NON_DELIVERY, UUID.randomUUID(), bare,
                Instant.now(), null))).isEmpty();
        ConnectorMessage awkward = TestMessages.outbound().originalSender("Staatsanwaltschaft <Wien> & \"Graz\"")
                .build();
        assertThat(SCHEMA.validate(Evidences.FACTORY.create(EvidenceType.NON_RETRIEVAL, UUID.randomUUID(), awkward,
                Instant.now(), RejectionReason.BACKEND_REJECTION.because("rejected by back-end\u0000: ïñ ✓ 𝄞"))))
                .isEmpty();
    }

    /**
     * What the schema says about the official connector's 2017 sample: not valid, for the reasons listed; the
     * signature being indented after signing changes none of them. Its JAXB model reads it regardless, and so do we
     * ({@link RemEvidenceReaderTest}): schema validity is not a condition for accepting an incoming evidence.
     */
    @Test
    void theOfficialConnectorsEvidenceIsNotSchemaValid() throws Exception {
        Path official = InteropVectors.officialSubmissionAcceptance().orElse(null);
        Assumptions.assumeTrue(official != null, InteropVectors.ABSENT);

        List<SchemaProblem> problems = SCHEMA.validate(OfficialEvidence.asStored(official));
        problems.forEach(problem -> System.out.println("official SUBMISSION_ACCEPTANCE: " + problem));
        assertThat(problems).extracting(SchemaProblem::element).containsExactly(
                // Id="3023d3c5-…": xs:ID must be an NCName, it starts with a digit (datatype, then attribute)
                "/SubmissionAcceptanceRejection",
                "/SubmissionAcceptanceRejection",
                // empty StreetAddress, Locality, PostalCode, CountryName (minLength 1, then the element)
                postal("StreetAddress"), postal("StreetAddress"),
                postal("Locality"), postal("Locality"),
                postal("PostalCode"), postal("PostalCode"),
                postal("CountryName"), postal("CountryName"),
                // the recipient's EntityName without Name
                "/SubmissionAcceptanceRejection/RecipientsDetails/EntityDetails/NamesPostalAddresses/NamePostalAddress"
                        + "/EntityName",
                // no MessageSubject before UAMessageIdentifier
                "/SubmissionAcceptanceRejection/SenderMessageDetails/UAMessageIdentifier",
                // an empty xades:SigningCertificate (a Cert is required)
                "/SubmissionAcceptanceRejection/ds:Signature/ds:Object/xades:QualifyingProperties"
                        + "/xades:SignedProperties/xades:SignedSignatureProperties/xades:SigningCertificate");
        assertThat(problems.get(11).message()).contains("MessageSubject");
        assertThat(problems.get(12).message()).contains("Cert");
        // The validator stops checking SenderMessageDetails at its first fault; with a MessageSubject the next shows.
        String withSubject = text(OfficialEvidence.asStored(official))
                .replace("<UAMessageIdentifier>", "<MessageSubject>s</MessageSubject><UAMessageIdentifier>");
        assertThat(SCHEMA.validate(bytes(withSubject))).filteredOn(p -> p.element().contains("SenderMessageDetails"))
                .singleElement().satisfies(p -> {
                    assertThat(p.element()).endsWith("/SenderMessageDetails/ns3:DigestMethod");
                    assertThat(p.message()).contains("MessageIdentifierByREMMD");
                });
        assertThat(SCHEMA.validate(OfficialEvidence.asSigned(official))).hasSameSizeAs(problems);
        assertThat(new RemEvidenceReader().read(OfficialEvidence.asStored(official)).type())
                .isEqualTo(EvidenceType.SUBMISSION_ACCEPTANCE);
    }

    @Test
    void aProblemNamesLineElementAndRule() {
        String evidence = text(Evidences.unsealed(EvidenceType.DELIVERY))
                .replaceFirst("<MessageSubject>[^<]*</MessageSubject>\\s*", "");
        List<SchemaProblem> problems = SCHEMA.validate(bytes(evidence));
        assertThat(problems).hasSize(1);
        SchemaProblem problem = problems.get(0);
        assertThat(problem.element())
                .isEqualTo("/DeliveryNonDeliveryToRecipient/SenderMessageDetails/UAMessageIdentifier");
        assertThat(problem.line()).isEqualTo(lineOf(evidence, "<UAMessageIdentifier>"));
        assertThat(problem.message()).contains("MessageSubject");
        assertThat(problem.toString()).startsWith("line " + problem.line() + ", column ")
                .contains(" at /DeliveryNonDeliveryToRecipient/SenderMessageDetails/UAMessageIdentifier: ");
    }

    @Test
    void findsWrongRootsAndDatatypes() {
        assertThat(SCHEMA.validate(bytes("<Evidence xmlns=\"http://uri.etsi.org/02640/v2#\"/>")))
                .extracting(SchemaProblem::message).singleElement().asString().contains("Evidence");
        String badTime = text(Evidences.unsealed(EvidenceType.DELIVERY))
                .replaceFirst("<EventTime>[^<]*</EventTime>", "<EventTime>yesterday</EventTime>");
        assertThat(SCHEMA.validate(bytes(badTime))).extracting(SchemaProblem::element)
                .contains("/DeliveryNonDeliveryToRecipient/EventTime");
    }

    @Test
    void refusesDoctypesAndDocumentsThatAreNotXml() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<SubmissionAcceptanceRejection xmlns=\"http://uri.etsi.org/02640/v2#\">&x;"
                + "</SubmissionAcceptanceRejection>";
        assertThatThrownBy(() -> SCHEMA.validate(bytes(xxe))).isInstanceOf(UnreadableEvidenceException.class)
                .hasMessageContaining("DOCTYPE");
        assertThat(SCHEMA.isValid(bytes(xxe))).isFalse();
        assertThatThrownBy(() -> SCHEMA.validate(bytes("<a><b></a>"))).isInstanceOf(UnreadableEvidenceException.class)
                .hasMessageContaining("not well-formed XML at line 1");
    }

    @Test
    void doesNotFollowSchemaLocationHintsInTheDocument() {
        String hinted = text(Evidences.unsealed(EvidenceType.DELIVERY)).replaceFirst(" Id=",
                " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                        + "xsi:schemaLocation=\"http://uri.etsi.org/02640/v2# http://localhost:1/evil.xsd\" Id=");
        assertThat(SCHEMA.validate(bytes(hinted))).isEmpty();
    }

    @Test
    void listsAtMostAHundredProblems() {
        StringBuilder many = new StringBuilder("<RelayREMMDFailure xmlns=\"http://uri.etsi.org/02640/v2#\">");
        IntStream.range(0, 500).forEach(i -> many.append("<EventTime>x</EventTime>"));
        assertThat(SCHEMA.validate(bytes(many.append("</RelayREMMDFailure>").toString())))
                .hasSize(RemEvidenceSchema.MAX_PROBLEMS);
    }

    @Test
    void oneSchemaServesManyThreads() throws Exception {
        byte[] valid = Evidences.unsealed(EvidenceType.RELAY_REMMD_ACCEPTANCE);
        byte[] invalid = bytes(text(valid).replaceFirst("<MessageSubject>[^<]*</MessageSubject>", ""));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> checks = IntStream.range(0, 200)
                    .<Callable<Integer>>mapToObj(i -> () -> SCHEMA.validate(i % 2 == 0 ? valid : invalid).size())
                    .toList();
            List<Future<Integer>> results = pool.invokeAll(checks);
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(i % 2 == 0 ? 0 : 1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String postal(String field) {
        return "/SubmissionAcceptanceRejection/EvidenceIssuerDetails/NamesPostalAddresses/NamePostalAddress"
                + "/PostalAddress/" + field;
    }

    private static int lineOf(String document, String marker) {
        String before = document.substring(0, document.indexOf(marker));
        return (int) before.chars().filter(c -> c == '\n').count() + 1;
    }
}

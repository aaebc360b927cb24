package eu.lexbridge.trust.evidence;

import static eu.lexbridge.trust.evidence.EvidenceProblem.Code.NOT_ENVELOPED;
import static eu.lexbridge.trust.evidence.EvidenceProblem.Code.NOT_SIGNED;
import static eu.lexbridge.trust.evidence.EvidenceProblem.Code.SIGNATURE_BROKEN;
import static eu.lexbridge.trust.evidence.EvidenceProblem.Code.SIGNER_EXPIRED;
import static eu.lexbridge.trust.evidence.EvidenceProblem.Code.SIGNER_NOT_EXPECTED;
import static eu.lexbridge.trust.evidence.EvidenceProblem.Code.SIGNER_UNTRUSTED;
import static eu.lexbridge.trust.evidence.EvidenceProblem.Code.SIGNING_TIME_IMPLAUSIBLE;
import static eu.lexbridge.trust.evidence.EvidenceProblem.Code.UNSIGNED_CONTENT;
import static eu.lexbridge.trust.evidence.EvidenceProblem.Code.WEAK_ALGORITHM;
import static eu.lexbridge.trust.evidence.Evidences.bytes;
import static eu.lexbridge.trust.evidence.Evidences.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.evidence.RejectionReason;
import eu.lexbridge.core.message.ConnectorMessage;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Real seals on the generated test PKI, verified with DSS; no mocks. */
class EvidenceVerifierTest {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceVerifierTest.class);

    @TempDir
    static Path dir;
    @TempDir
    static Path otherDir;

    private static SealingPki pki;
    private static SealingPki otherPki;
    private static EvidenceSealer atSealer;
    private static EvidenceVerifier verifier;

    @BeforeAll
    static void generate() {
        pki = SealingPki.generate(dir, "at-prosecutor", "de-court");
        otherPki = SealingPki.generateOwn(otherDir, "at-prosecutor");
        atSealer = new EvidenceSealer(pki.sealKey("at-prosecutor"), ReferenceDigest.SHA1, Clock.systemUTC());
        verifier = EvidenceVerifier.trusting(pki.trustStore(), Clock.systemUTC());
    }

    @ParameterizedTest
    @EnumSource(EvidenceType.class)
    void aSealedEvidenceOfEachTypeIsIntactAndTrusted(EvidenceType type) {
        ConnectorMessage subject = TestMessages.outbound().build();
        UUID evidenceId = UUID.randomUUID();
        byte[] unsealed = Evidences.FACTORY.create(type, evidenceId, subject, Instant.now(),
                type.isPositive() ? null
                        : RejectionReason.DELIVERY_EVIDENCE_TIMEOUT.because("no delivery evidence within 24 hours"));

        long started = System.nanoTime();
        byte[] sealed = atSealer.seal(unsealed);
        long sealedAt = System.nanoTime();
        EvidenceVerification result = verifier.verify(sealed, pki.sealCertificate("at-prosecutor"));
        long verifiedAt = System.nanoTime();
        LOG.info("{}: sealed in {} ms, verified in {} ms", type, (sealedAt - started) / 1_000_000,
                (verifiedAt - sealedAt) / 1_000_000);

        assertThat(result.intact()).as(result.problems().toString()).isTrue();
        assertThat(result.trusted()).as(result.problems().toString()).isTrue();
        assertThat(result.signerExpired()).isFalse();
        assertThat(result.acceptable()).isTrue();
        assertThat(result.type()).isEqualTo(type);
        assertThat(result.evidenceId()).isEqualTo(evidenceId.toString());
        assertThat(result.remmdMessageIdentifier()).isEqualTo(subject.ebmsMessageId());
        assertThat(result.uaMessageIdentifier()).isEqualTo(subject.backendMessageId());
        assertThat(result.signerSubject()).isEqualTo("CN=at-prosecutor Evidence Seal");
        assertThat(result.signingTime()).isBetween(Instant.now().minusSeconds(60), Instant.now());
        // SHA-1 references, as the official connector makes them, are noted and change no verdict.
        assertThat(result.problems()).extracting(EvidenceProblem::code).containsOnly(WEAK_ALGORITHM);
    }

    @Test
    void aSha256SealHasNothingToReport() {
        EvidenceSealer sha256 = new EvidenceSealer(pki.sealKey("de-court"), ReferenceDigest.SHA256,
                Clock.systemUTC());
        EvidenceVerification result = verifier.verify(sha256.seal(Evidences.unsealed(EvidenceType.DELIVERY)));
        assertThat(result.acceptable()).isTrue();
        assertThat(result.problems()).isEmpty();
        assertThat(result.dssIndication()).isNotBlank();
    }

    @Test
    void oneChangedByteOfContentBreaksTheSeal() {
        String sealed = text(atSealer.seal(Evidences.unsealed(EvidenceType.RELAY_REMMD_ACCEPTANCE)));
        String tampered = sealed.replace("<UAMessageIdentifier>AT-2025-000017<", "<UAMessageIdentifier>AT-2025-000018<");
        assertThat(tampered).isNotEqualTo(sealed).hasSameSizeAs(sealed);

        EvidenceVerification result = verifier.verify(bytes(tampered));

        assertThat(result.intact()).isFalse();
        assertThat(result.trusted()).isFalse();
        assertThat(result.acceptable()).isFalse();
        assertThat(result.has(SIGNATURE_BROKEN)).isTrue();
        assertThat(result.uaMessageIdentifier()).isEqualTo("AT-2025-000018");
        assertThat(result.problems()).filteredOn(p -> p.code() == SIGNATURE_BROKEN)
                .anyMatch(p -> p.detail().contains("r-id-1"));
    }

    @Test
    void aChangedSignatureValueOrSigningTimeBreaksTheSeal() {
        String sealed = text(atSealer.seal(Evidences.unsealed(EvidenceType.DELIVERY)));
        int value = sealed.indexOf("<ds:SignatureValue");
        int at = sealed.indexOf('>', value) + 5;
        char flipped = sealed.charAt(at) == 'A' ? 'B' : 'A';
        String badValue = sealed.substring(0, at) + flipped + sealed.substring(at + 1);
        assertThat(verifier.verify(bytes(badValue)).intact()).isFalse();

        String badTime = sealed.replaceFirst("<xades:SigningTime>(\\d{4})", "<xades:SigningTime>2019");
        EvidenceVerification result = verifier.verify(bytes(badTime));
        assertThat(result.intact()).isFalse();
        assertThat(result.problems()).filteredOn(p -> p.code() == SIGNATURE_BROKEN)
                .anyMatch(p -> p.detail().contains("SIGNED_PROPERTIES"));
    }

    @Test
    void aSealFromAnotherPkiIsIntactButNotTrusted() {
        EvidenceSealer stranger = new EvidenceSealer(otherPki.sealKey("at-prosecutor"), ReferenceDigest.SHA1,
                Clock.systemUTC());
        EvidenceVerification result = verifier.verify(stranger.seal(Evidences.unsealed(EvidenceType.DELIVERY)));

        assertThat(result.intact()).isTrue();
        assertThat(result.trusted()).isFalse();
        assertThat(result.has(SIGNER_UNTRUSTED)).isTrue();
        // Same subject name as our at-prosecutor, but another CA: the name alone earns nothing.
        assertThat(result.signerSubject()).isEqualTo("CN=at-prosecutor Evidence Seal");
        assertThat(verifier.verify(stranger.seal(Evidences.unsealed(EvidenceType.DELIVERY)),
                pki.sealCertificate("at-prosecutor")).trusted()).isFalse();
    }

    @Test
    void aTrustedSignerWhoIsNotTheExpectedPartnerIsNotTrustedForThatPartner() {
        byte[] sealed = atSealer.seal(Evidences.unsealed(EvidenceType.RELAY_REMMD_ACCEPTANCE));

        EvidenceVerification asCourt = verifier.verify(sealed, pki.sealCertificate("de-court"));
        assertThat(asCourt.intact()).isTrue();
        assertThat(asCourt.trusted()).isFalse();
        assertThat(asCourt.has(SIGNER_NOT_EXPECTED)).isTrue();
        assertThat(asCourt.problems()).filteredOn(p -> p.code() == SIGNER_NOT_EXPECTED)
                .anyMatch(p -> p.detail().contains("CN=de-court Evidence Seal"));

        X509Certificate as4 = eu.lexbridge.trust.keys.KeyStores.readCertificate(
                pki.files().parties().get("at-prosecutor").as4Certificate());
        assertThat(verifier.verify(sealed, as4).has(SIGNER_NOT_EXPECTED))
                .as("the AS4 key is not the evidence-seal key").isTrue();
        assertThat(verifier.verify(sealed, pki.sealCertificate("at-prosecutor")).trusted()).isTrue();
    }

    @Test
    void anExpiredSignerIsReportedApartFromTrust() throws Exception {
        Instant from = Instant.parse("2020-01-01T00:00:00Z");
        ShortLivedSealKey shortLived = ShortLivedSealKey.valid(from, Instant.parse("2021-01-01T00:00:00Z"));
        Instant signedAt = Instant.parse("2020-06-01T12:00:00Z");
        EvidenceSealer then = new EvidenceSealer(shortLived.key(), ReferenceDigest.SHA1,
                Clock.fixed(signedAt, ZoneOffset.UTC));
        byte[] sealed = then.seal(Evidences.unsealed(EvidenceType.DELIVERY));

        EvidenceVerification result = new EvidenceVerifier(List.of(shortLived.root()), Clock.systemUTC())
                .verify(sealed, shortLived.key().certificate());

        assertThat(result.intact()).isTrue();
        assertThat(result.trusted()).as("valid when it signed").isTrue();
        assertThat(result.signerExpired()).isTrue();
        assertThat(result.acceptable()).isFalse();
        assertThat(result.signingTime()).isEqualTo(signedAt);
        assertThat(result.problems()).filteredOn(p -> p.code() == SIGNER_EXPIRED).singleElement()
                .satisfies(p -> assertThat(p.detail()).contains("2021-01-01T00:00:00Z")
                        .contains("valid at the claimed signing time"));
    }

    @Test
    void aSealKeyIsNotUsedOutsideItsValidity() throws Exception {
        ShortLivedSealKey shortLived = ShortLivedSealKey.valid(Instant.parse("2020-01-01T00:00:00Z"),
                Instant.parse("2021-01-01T00:00:00Z"));
        EvidenceSealer now = new EvidenceSealer(shortLived.key(), ReferenceDigest.SHA1, Clock.systemUTC());
        assertThatThrownBy(() -> now.seal(Evidences.unsealed(EvidenceType.DELIVERY)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CN=short-lived Evidence Seal");
    }

    @Test
    void aSigningTimeInTheFutureIsNotTrusted() {
        Clock tomorrow = Clock.offset(Clock.systemUTC(), Duration.ofDays(1));
        EvidenceSealer early = new EvidenceSealer(pki.sealKey("at-prosecutor"), ReferenceDigest.SHA1, tomorrow);
        EvidenceVerification result = verifier.verify(early.seal(Evidences.unsealed(EvidenceType.DELIVERY)));
        assertThat(result.intact()).isTrue();
        assertThat(result.trusted()).isFalse();
        assertThat(result.has(SIGNING_TIME_IMPLAUSIBLE)).isTrue();
    }

    @Test
    void anUnsealedEvidenceIsReadButNeitherIntactNorTrusted() {
        EvidenceVerification result = verifier.verify(Evidences.unsealed(EvidenceType.NON_DELIVERY));
        assertThat(result.intact()).isFalse();
        assertThat(result.trusted()).isFalse();
        assertThat(result.type()).isEqualTo(EvidenceType.NON_DELIVERY);
        assertThat(result.problems()).extracting(EvidenceProblem::code).containsExactly(NOT_SIGNED);
        assertThat(result.dssIndication()).isNull();
    }

    /** Signature wrapping: the enveloped-signature transform leaves ds:Signature out, so whatever hides there is unsigned. */
    @Test
    void aSecondEvidenceBodyInsideTheSignatureIsRefused() {
        String sealed = text(atSealer.seal(Evidences.unsealed(EvidenceType.DELIVERY)));
        String body = text(Evidences.unsealed(EvidenceType.NON_DELIVERY)).replaceFirst("<\\?xml[^>]*>", "");
        String wrapped = sealed.replace("</ds:Signature>", "<ds:Object>" + body + "</ds:Object></ds:Signature>");

        EvidenceVerification result = verifier.verify(bytes(wrapped), pki.sealCertificate("at-prosecutor"));

        assertThat(result.intact()).isFalse();
        assertThat(result.trusted()).isFalse();
        assertThat(result.problems()).extracting(EvidenceProblem::code).containsExactly(UNSIGNED_CONTENT);
        assertThat(result.problems().get(0).detail()).contains("Object/{http://uri.etsi.org/02640/v2#}");
    }

    @Test
    void contentBesideTheXadesPropertiesOrInTheKeyInfoIsRefusedAndTheUsualSealIsNot() {
        String sealed = text(atSealer.seal(Evidences.unsealed(EvidenceType.DELIVERY)));
        assertThat(verifier.verify(bytes(sealed)).problems()).extracting(EvidenceProblem::code)
                .doesNotContain(UNSIGNED_CONTENT);

        String inQualifying = sealed.replace("</xades:QualifyingProperties>",
                "<EventCode xmlns=\"http://uri.etsi.org/02640/v2#\">x</EventCode></xades:QualifyingProperties>");
        String inKeyInfo = sealed.replace("</ds:KeyInfo>",
                "<EventCode xmlns=\"http://uri.etsi.org/02640/v2#\">x</EventCode></ds:KeyInfo>");
        String text = sealed.replace("</ds:Signature>", "<ds:Object>an unsigned sentence</ds:Object></ds:Signature>");
        for (String document : List.of(inQualifying, inKeyInfo, text)) {
            assertThat(document).isNotEqualTo(sealed);
            EvidenceVerification result = verifier.verify(bytes(document));
            assertThat(result.intact()).isFalse();
            assertThat(result.problems()).extracting(EvidenceProblem::code).containsExactly(UNSIGNED_CONTENT);
        }
    }

    @Test
    void aSecondOrWrappedSignatureOrAnOutsideReferenceIsRefusedBeforeDss() {
        String sealed = text(atSealer.seal(Evidences.unsealed(EvidenceType.DELIVERY)));
        String signature = sealed.substring(sealed.indexOf("<ds:Signature "), sealed.indexOf("</ds:Signature>")
                + "</ds:Signature>".length());

        String twice = sealed.replace("<SenderMessageDetails isNotification=\"false\">",
                "<SenderMessageDetails isNotification=\"false\">" + signature);
        assertThat(verifier.verify(bytes(twice)).problems()).extracting(EvidenceProblem::code)
                .containsExactly(NOT_ENVELOPED);

        String wrapped = sealed.replace(signature, "").replace("<SenderMessageDetails isNotification=\"false\">",
                "<SenderMessageDetails isNotification=\"false\">" + signature);
        assertThat(verifier.verify(bytes(wrapped)).problems()).extracting(EvidenceProblem::code)
                .containsExactly(NOT_ENVELOPED);

        String outside = sealed.replace("<ds:Reference Id=\"r-id-1\" URI=\"\">",
                "<ds:Reference Id=\"r-id-1\" URI=\"http://127.0.0.1:9/evidence.xml\">");
        EvidenceVerification result = verifier.verify(bytes(outside));
        assertThat(result.intact()).isFalse();
        assertThat(result.problems()).extracting(EvidenceProblem::code).containsExactly(NOT_ENVELOPED);
        assertThat(result.problems().get(0).detail()).contains("http://127.0.0.1:9/evidence.xml");
    }

    @Test
    void aWholeDocumentReferenceThatFiltersContentOutIsNotIntact() {
        String sealed = text(atSealer.seal(Evidences.unsealed(EvidenceType.DELIVERY)));
        String filtered = sealed.replace("<ds:XPath>not(ancestor-or-self::ds:Signature)</ds:XPath>",
                "<ds:XPath>not(ancestor-or-self::ds:Signature or ancestor-or-self::*[local-name()='EventTime'])"
                        + "</ds:XPath>");
        EvidenceVerification result = verifier.verify(bytes(filtered));
        assertThat(result.intact()).isFalse();
        assertThat(result.problems()).extracting(EvidenceProblem::code)
                .containsExactly(EvidenceProblem.Code.NOT_WHOLE_DOCUMENT);
    }

    @Test
    void aDoctypeOrExternalEntityIsUnusableInput() {
        String sealed = text(atSealer.seal(Evidences.unsealed(EvidenceType.DELIVERY)));
        String body = sealed.substring(sealed.indexOf("?>") + 2);
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE DeliveryNonDeliveryToRecipient "
                + "[<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>" + body.replace("AT-2025-000017", "&xxe;");
        assertThatThrownBy(() -> verifier.verify(bytes(xxe)))
                .isInstanceOf(UnreadableEvidenceException.class).hasMessageContaining("DOCTYPE");

        String externalDtd = "<!DOCTYPE DeliveryNonDeliveryToRecipient SYSTEM \"http://127.0.0.1:9/evil.dtd\">"
                + body;
        assertThatThrownBy(() -> verifier.verify(bytes(externalDtd)))
                .isInstanceOf(UnreadableEvidenceException.class).hasMessageContaining("DOCTYPE");

        assertThatThrownBy(() -> verifier.verify(bytes("not xml at all")))
                .isInstanceOf(UnreadableEvidenceException.class).hasMessageContaining("cannot be parsed");
        assertThatThrownBy(() -> verifier.verify(bytes("<Evidence xmlns=\"urn:other\"/>")))
                .isInstanceOf(UnreadableEvidenceException.class).hasMessageContaining("Not an ETSI");
    }

    @Test
    void theReaderStillReadsASealedEvidence() {
        byte[] sealed = atSealer.seal(Evidences.unsealed(EvidenceType.RETRIEVAL));
        RemEvidenceSummary summary = new RemEvidenceReader().read(sealed);
        assertThat(summary.signed()).isTrue();
        assertThat(summary.type()).isEqualTo(EvidenceType.RETRIEVAL);
        assertThat(summary.remmdMessageIdentifier()).isEqualTo(TestMessages.outbound().build().ebmsMessageId());
    }

    /** The file as stored was indented after signing, so its signature does not verify as it is. */
    @Test
    void theOfficialSampleAsStoredIsReadButItsSignatureIsNotIntact() throws Exception {
        Path official = InteropVectors.officialSubmissionAcceptance().orElse(null);
        Assumptions.assumeTrue(official != null, InteropVectors.ABSENT);

        EvidenceVerification result = verifier.verify(OfficialEvidence.asStored(official));

        assertThat(result.type()).isEqualTo(EvidenceType.SUBMISSION_ACCEPTANCE);
        assertThat(result.evidenceId()).isEqualTo("95889734-0986-4236-9f1f-9df7cd7407cb");
        assertThat(result.uaMessageIdentifier()).isEqualTo("20171121021011371_domibus-red");
        assertThat(result.intact()).isFalse();
        assertThat(result.trusted()).isFalse();
        assertThat(result.has(SIGNATURE_BROKEN)).isTrue();
        assertThat(result.signingTime()).isEqualTo(Instant.parse("2017-11-21T13:10:21Z"));
        assertThat(result.problems()).filteredOn(p -> p.code() == WEAK_ALGORITHM)
                .anyMatch(p -> p.detail().contains("RSA_SHA1"));
    }

    /**
     * As the official connector wrote it (no whitespace between elements), the seal is intact: RSA-SHA1, SHA-1
     * references, an empty xades:SigningCertificate, signed 2017-11-21 by CN=ecodex-q.justiz.gv.at (A-Trust,
     * valid 2014-11-27 to 2019-11-27).
     */
    @Test
    void theOfficialSampleAsSignedIsIntactUntrustedUnlessAnchoredAndItsCertificateHasExpired() throws Exception {
        Path official = InteropVectors.officialSubmissionAcceptance().orElse(null);
        Assumptions.assumeTrue(official != null, InteropVectors.ABSENT);
        byte[] asSigned = OfficialEvidence.asSigned(official);
        X509Certificate signer = OfficialEvidence.signer(official);

        EvidenceVerification untrusted = verifier.verify(asSigned);
        assertThat(untrusted.intact()).as(untrusted.problems().toString()).isTrue();
        assertThat(untrusted.trusted()).isFalse();
        assertThat(untrusted.has(SIGNER_UNTRUSTED)).isTrue();
        assertThat(untrusted.signerExpired()).isTrue();
        assertThat(untrusted.signerSubject()).contains("CN=ecodex-q.justiz.gv.at");
        assertThat(untrusted.signingTime()).isEqualTo(Instant.parse("2017-11-21T13:10:21Z"));

        EvidenceVerification anchored = new EvidenceVerifier(List.of(signer), Clock.systemUTC())
                .verify(asSigned, signer);
        assertThat(anchored.intact()).isTrue();
        assertThat(anchored.trusted()).as(anchored.problems().toString()).isTrue();
        assertThat(anchored.signerExpired()).isTrue();
        assertThat(anchored.acceptable()).isFalse();
        assertThat(anchored.problems()).extracting(EvidenceProblem::code)
                .containsExactlyInAnyOrder(WEAK_ALGORITHM, WEAK_ALGORITHM, SIGNER_EXPIRED);
        assertThat(anchored.problems()).filteredOn(p -> p.code() == SIGNER_EXPIRED).singleElement()
                .satisfies(p -> assertThat(p.detail()).contains("2019-11-27T12:28:26Z"));

        // At a time the certificate was valid, nothing but the algorithms is worth reporting.
        EvidenceVerification in2018 = new EvidenceVerifier(List.of(signer),
                Clock.fixed(Instant.parse("2018-01-01T00:00:00Z"), ZoneOffset.UTC)).verify(asSigned, signer);
        assertThat(in2018.acceptable()).isTrue();
    }
}

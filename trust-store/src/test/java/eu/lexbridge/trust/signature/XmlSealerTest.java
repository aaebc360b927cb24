package eu.lexbridge.trust.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.DigestMatcherType;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.validation.reports.Reports;
import eu.lexbridge.trust.keys.SealKey;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

class XmlSealerTest {

    private static final Instant NOW = Instant.now();
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final byte[] TOKEN = "<TrustOkToken><Document/></TrustOkToken>".getBytes(StandardCharsets.UTF_8);

    /** A seal read back through DSS into a view passes the block's checks, and the view says what DSS saw. */
    @Test
    void anEnvelopedSealReadsBackIntactAndTrustedByItsAnchor() throws Exception {
        SelfSigned seal = SelfSigned.of("RSA", "SHA256withRSA", "CN=Token Seal");
        byte[] sealed = new XmlSealer(seal.key(), DigestAlgorithm.SHA256, CLOCK).seal(TOKEN, "the Trust OK token");

        Reports reports = DssValidation.validateSeal(new InMemoryDocument(sealed, "token.xml"), List.of(),
                DssValidation.offlineVerifier(List.of(seal.certificate())), NOW.plusSeconds(1));
        SignatureView view = SignatureView.read(reports.getDiagnosticData().getSignatures().get(0),
                reports.getSimpleReport(), RevocationChecking.OFF);

        assertThat(view.signer().subject()).isEqualTo("CN=Token Seal");
        assertThat(view.anchor()).as("a self-signed seal is its own anchor").isZero();
        assertThat(view.claimedSigningTime()).isEqualTo(NOW.truncatedTo(ChronoUnit.SECONDS));
        assertThat(view.valueIntact()).isTrue();
        assertThat(view.references()).extracting(SignatureView.Reference::type)
                .contains(DigestMatcherType.REFERENCE, DigestMatcherType.SIGNED_PROPERTIES);
        assertThat(view.references()).allMatch(r -> r.dataFound() && r.dataIntact()
                && r.digestMethod() == DigestAlgorithm.SHA256);
        assertThat(view.signerRevocation().status()).isEqualTo(RevocationStatus.NOT_CHECKED);
        SignatureFindings findings = SignatureChecks.of(ReferencesIntact.NAMED_AS_REFERENCES,
                new SignatureValueIntact(), SignerIdentified.IN_THE_SIGNATURE, new ChainToTrustAnchor(),
                new ClaimedSigningTime(CLOCK), ValidAtSigningTime.PATH_OR_SIGNER, new KeyUsageAllowsSigning())
                .run(view);
        assertThat(findings.all()).isEmpty();

        byte[] changed = new String(sealed, StandardCharsets.UTF_8).replace("<Document/>", "<Document>x</Document>")
                .getBytes(StandardCharsets.UTF_8);
        Reports tampered = DssValidation.validateSeal(new InMemoryDocument(changed, "token.xml"), List.of(),
                DssValidation.offlineVerifier(List.of(seal.certificate())), NOW.plusSeconds(1));
        SignatureView broken = SignatureView.read(tampered.getDiagnosticData().getSignatures().get(0),
                tampered.getSimpleReport(), RevocationChecking.OFF);
        assertThat(ReferencesIntact.NAMED_AS_REFERENCES.check(broken)).extracting(SignatureFinding::sentence)
                .containsExactly("the digest of reference REFERENCE 'r-id-1' does not match: the signed content was "
                        + "changed");
    }

    @Test
    void whatIsNoXmlIsRefusedInTheCallersWords() throws Exception {
        SelfSigned seal = SelfSigned.of("EC", "SHA256withECDSA", "CN=Token Seal");
        XmlSealer sealer = new XmlSealer(seal.key(), DigestAlgorithm.SHA256, CLOCK);
        assertThat(sealer.description()).isEqualTo("sealed XAdES-BASELINE-B (ECDSA_SHA256) by CN=Token Seal");
        assertThatThrownBy(() -> sealer.seal("not xml".getBytes(StandardCharsets.UTF_8), "the Trust OK token"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Cannot seal the Trust OK token with SealKey[CN=Token Seal]: ");
    }

    @Test
    void aKeyThatIsNeitherRsaNorEcSealsNothing() throws Exception {
        SealKey dsa = SelfSigned.of("DSA", "SHA256withDSA", "CN=DSA Seal").key();
        assertThatThrownBy(() -> new XmlSealer(dsa, DigestAlgorithm.SHA256, CLOCK))
                .hasMessage("The seal key of SealKey[CN=DSA Seal] is DSA; an RSA or EC key is needed");
        assertThatThrownBy(() -> new PdfSealer(dsa, CLOCK))
                .hasMessage("The seal key of SealKey[CN=DSA Seal] is DSA; an RSA or EC key is needed");
    }

    private record SelfSigned(SealKey key, X509Certificate certificate) {

        static SelfSigned of(String keyAlgorithm, String signatureAlgorithm, String subject) throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(keyAlgorithm);
            generator.initialize("EC".equals(keyAlgorithm) ? 256 : 2048);
            KeyPair keys = generator.generateKeyPair();
            X500Name name = new X500Name(subject);
            var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(System.nanoTime()),
                    Date.from(NOW.minus(Duration.ofDays(1))), Date.from(NOW.plus(Duration.ofDays(30))), name,
                    keys.getPublic())
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature
                            | KeyUsage.nonRepudiation));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(signatureAlgorithm).build(keys.getPrivate())));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] password = "xml-sealer".toCharArray();
            store.setKeyEntry("seal", keys.getPrivate(), password, new Certificate[] {certificate});
            return new SelfSigned(SealKey.fromKeyStore(store, "seal", password), certificate);
        }
    }
}

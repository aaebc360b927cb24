package eu.lexbridge.trust.pki;

import java.math.BigInteger;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.qualified.ETSIQCObjectIdentifiers;
import org.bouncycastle.asn1.x509.qualified.QCStatement;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A CA of the test PKI: the self-signed root, or the issuing CA below it. It issues the AS4, TLS, seal and
 * document-signing leaf certificates and signs its own CRL. Every certificate it issues names, in a CRL Distribution
 * Point, the URL where this CA's CRL is published, so that validators (DSS, the JDK's PKIX) find revocation data the
 * way they would in a real PKI. It signs through the JDK's providers (SHA256withRSA), so nothing registers Bouncy
 * Castle as a JCA provider as a side effect.
 */
final class TestCertificateAuthority {

    /** ETSI EN 319 411-2 QCP-l-qscd: a qualified certificate for a legal person with the key in a QSCD. */
    static final String QCP_L_QSCD = "0.4.0.194112.1.3";
    /** ETSI TS 119 612 id-tsl-kp-tslSigning: the extended key usage a trusted-list signer's certificate carries. */
    static final String TSL_SIGNING = "0.4.0.2231.3.0";

    private static final String SIGNATURE_ALGORITHM = "SHA256withRSA";
    private static final int CA_KEY_BITS = 3072;
    private static final int LEAF_KEY_BITS = 2048;
    private static final Duration BACKDATE = Duration.ofDays(1);
    /** EN 319 412-5 id-etsi-qct-eseal: the QcType of a certificate for electronic seals. */
    private static final ASN1ObjectIdentifier QCT_ESEAL = ETSIQCObjectIdentifiers.id_etsi_qcs_QcType.branch("2");
    private static final ASN1ObjectIdentifier ORGANIZATION_IDENTIFIER = new ASN1ObjectIdentifier("2.5.4.97");

    private final SecureRandom random;
    private final IssuedKey ca;
    private final URI crlLocation;
    private final List<BigInteger> revoked = new ArrayList<>();
    private long crlNumber;

    private TestCertificateAuthority(SecureRandom random, IssuedKey ca, URI crlLocation) {
        this.random = random;
        this.ca = ca;
        this.crlLocation = crlLocation;
    }

    /**
     * Creates a new root: RSA-3072, valid from a day ago for ten years, no CRL distribution point (nobody revokes a
     * trust anchor through its own CRL).
     *
     * @param crlLocation where this root's CRL will be published: the URL the certificates it issues name
     */
    static TestCertificateAuthority createRoot(String commonName, Instant now, URI crlLocation) {
        SecureRandom random = new SecureRandom();
        KeyPair keys = rsa(CA_KEY_BITS, random);
        X500Name name = name(commonName);
        Instant notBefore = now.minus(BACKDATE);
        Instant notAfter = notBefore.atOffset(ZoneOffset.UTC).plusYears(10).toInstant();
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(random),
                    Date.from(notBefore), Date.from(notAfter), name, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(keys.getPublic()));
            X509Certificate certificate = sign(builder, keys.getPrivate());
            return new TestCertificateAuthority(random, new IssuedKey(keys.getPrivate(), List.of(certificate)),
                    crlLocation);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("Cannot create the test root CA", e);
        }
    }

    /**
     * An issuing CA below this one: RSA-3072, valid from a day ago for five years, path length 0 (it issues leaves
     * only). This is the CA a trusted list names as the qualified service, as national CAs are in the EU lists.
     *
     * @param crlLocation where the new CA's own CRL will be published
     */
    TestCertificateAuthority issueSubordinate(String commonName, Instant now, URI crlLocation) {
        KeyPair keys = rsa(CA_KEY_BITS, random);
        Instant notBefore = now.minus(BACKDATE);
        Instant notAfter = notBefore.atOffset(ZoneOffset.UTC).plusYears(5).toInstant();
        try {
            X509v3CertificateBuilder builder = issued(commonName, keys.getPublic(), notBefore, notAfter)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            return new TestCertificateAuthority(random, new IssuedKey(keys.getPrivate(), chainWith(sign(builder))),
                    crlLocation);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("Cannot issue the CA certificate " + commonName, e);
        }
    }

    X509Certificate certificate() {
        return ca.certificate();
    }

    /** The chain from this CA up to the root, this CA first. */
    List<X509Certificate> chain() {
        return ca.chain();
    }

    /** An AS4 message-signing and encryption key: digitalSignature, nonRepudiation, keyEncipherment. */
    IssuedKey issueAs4(String commonName, Instant now) {
        return issueLeaf(commonName, now, "AS4", builder -> builder.addExtension(Extension.keyUsage, true,
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation | KeyUsage.keyEncipherment)));
    }

    /**
     * An eDelivery AS4 2.0 message-signing key (Ed25519, or ECDSA on P-256 for the profile's EC option):
     * digitalSignature and nonRepudiation. A 2.0 party signs with it and decrypts with a key of its own
     * ({@link #issueAs4Decryption}): a key-agreement key (X25519) cannot sign.
     */
    IssuedKey issueAs4Signing(String commonName, Instant now, As4KeyType type) {
        return issueLeaf(name(commonName), type.generate(random), now, "AS4 2.0 signing",
                builder -> builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation)));
    }

    /**
     * An eDelivery AS4 2.0 decryption key (X25519, or ECDH on P-256 for the EC option): keyAgreement only, what
     * the sender's ephemeral key is agreed with to derive the key that wraps the payload key.
     */
    IssuedKey issueAs4Decryption(String commonName, Instant now, As4KeyType type) {
        return issueLeaf(name(commonName), type.generate(random), now, "AS4 2.0 decryption",
                builder -> builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyAgreement)));
    }

    /**
     * A seal key (evidence seal, container seal, or an advanced but not qualified document signer, each its own
     * key): digitalSignature and nonRepudiation only, so it cannot stand in for the AS4 or TLS key (Annex I 5.3: a
     * key of its own per purpose).
     */
    IssuedKey issueSeal(String commonName, Instant now) {
        return issueLeaf(commonName, now, "seal", builder -> builder.addExtension(Extension.keyUsage, true,
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation)));
    }

    /**
     * A qualified certificate for an electronic seal of a legal person (ETSI EN 319 412-5): QCStatements QcCompliance,
     * QcType id-etsi-qct-eseal and QcSSCD, certificate policy QCP-l-qscd, KeyUsage nonRepudiation and
     * digitalSignature. With its issuing CA on a trusted list as CA/QC "granted" for seals, DSS rates signatures made
     * with it as qualified.
     */
    IssuedKey issueQualifiedSeal(String organisation, String commonName, String country, Instant now) {
        ASN1EncodableVector statements = new ASN1EncodableVector();
        statements.add(new QCStatement(ETSIQCObjectIdentifiers.id_etsi_qcs_QcCompliance));
        statements.add(new QCStatement(ETSIQCObjectIdentifiers.id_etsi_qcs_QcType, new DERSequence(QCT_ESEAL)));
        statements.add(new QCStatement(ETSIQCObjectIdentifiers.id_etsi_qcs_QcSSCD));
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, country)
                .addRDN(BCStyle.O, organisation)
                .addRDN(ORGANIZATION_IDENTIFIER, "NTR" + country + "-" + Math.abs(organisation.hashCode()))
                .addRDN(BCStyle.CN, commonName)
                .build();
        return issueLeaf(subject, now, "qualified seal", builder -> builder
                .addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                .addExtension(Extension.certificatePolicies, false, new CertificatePolicies(
                        new PolicyInformation(new ASN1ObjectIdentifier(QCP_L_QSCD))))
                .addExtension(Extension.qCStatements, false, new DERSequence(statements)));
    }

    /** A TLS key for server and client use on this machine: SAN DNS:localhost and IP:127.0.0.1. */
    IssuedKey issueTls(String commonName, Instant now) {
        GeneralNames subjectAlternativeNames = new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1")});
        return issueLeaf(commonName, now, "TLS", builder -> builder
                .addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                        new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}))
                .addExtension(Extension.subjectAlternativeName, false, subjectAlternativeNames));
    }

    /**
     * A self-signed trusted-list signer (ETSI TS 119 612 5.7.1: EKU id-tsl-kp-tslSigning), valid from a day ago for
     * three years. Self-signed because whoever reads a list trusts the signer's certificate as announced (in the LOTL
     * pointer, or configured for the LOTL itself), not through a chain.
     */
    static IssuedKey listSigner(String commonName, Instant now) {
        SecureRandom random = new SecureRandom();
        KeyPair keys = rsa(LEAF_KEY_BITS, random);
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, TestPki.TERRITORY)
                .addRDN(BCStyle.O, "LexBridge Test Scheme Operator").addRDN(BCStyle.CN, commonName).build();
        Instant notBefore = now.minus(BACKDATE);
        Instant notAfter = notBefore.atOffset(ZoneOffset.UTC).plusYears(3).toInstant();
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(random),
                    Date.from(notBefore), Date.from(notAfter), name, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                    .addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(KeyPurposeId.getInstance(new ASN1ObjectIdentifier(TSL_SIGNING))))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
            return new IssuedKey(keys.getPrivate(), List.of(sign(builder, keys.getPrivate())));
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("Cannot create the trusted-list signer " + commonName, e);
        }
    }

    /** Puts a certificate this CA issued on its next CRL (reason keyCompromise). */
    void revoke(X509Certificate certificate) {
        if (!certificate.getIssuerX500Principal().equals(certificate().getSubjectX500Principal())) {
            throw new IllegalArgumentException("Certificate " + certificate.getSubjectX500Principal()
                    + " was not issued by " + certificate().getSubjectX500Principal());
        }
        revoked.add(certificate.getSerialNumber());
    }

    /**
     * This CA's CRL: this update now, next update a week ahead (a validator with a fresh CRL needs nothing else),
     * Authority Key Identifier and an increasing CRL number, as RFC 5280 requires of a conforming CRL issuer.
     */
    X509CRL crl(Instant now) {
        try {
            X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(certificate(), Date.from(now))
                    .setNextUpdate(Date.from(now.plus(Duration.ofDays(7))))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(certificate()))
                    .addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(++crlNumber)));
            for (BigInteger serial : revoked) {
                builder.addCRLEntry(serial, Date.from(now.minus(Duration.ofHours(1))), CRLReason.keyCompromise);
            }
            return new JcaX509CRLConverter().getCRL(builder.build(signer(ca.privateKey())));
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("Cannot sign the CRL of " + certificate().getSubjectX500Principal(), e);
        }
    }

    /** Adds the extensions special to one kind of leaf. */
    @FunctionalInterface
    private interface LeafExtensions {
        X509v3CertificateBuilder add(X509v3CertificateBuilder builder) throws CertIOException;
    }

    private IssuedKey issueLeaf(String commonName, Instant now, String kind, LeafExtensions extensions) {
        return issueLeaf(name(commonName), now, kind, extensions);
    }

    private IssuedKey issueLeaf(X500Name subject, Instant now, String kind, LeafExtensions extensions) {
        return issueLeaf(subject, rsa(LEAF_KEY_BITS, random), now, kind, extensions);
    }

    /** Leaf certificates: valid from a day ago (clock skew between demo processes) for two years. */
    private IssuedKey issueLeaf(X500Name subject, KeyPair keys, Instant now, String kind, LeafExtensions extensions) {
        Instant notBefore = now.minus(BACKDATE);
        Instant notAfter = notBefore.atOffset(ZoneOffset.UTC).plusYears(2).toInstant();
        try {
            X509v3CertificateBuilder builder = extensions.add(issued(subject, keys.getPublic(), notBefore, notAfter)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false)));
            return new IssuedKey(keys.getPrivate(), chainWith(sign(builder)));
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("Cannot issue the " + kind + " certificate " + subject, e);
        }
    }

    private X509v3CertificateBuilder issued(String commonName, PublicKey publicKey, Instant notBefore,
                                            Instant notAfter) throws GeneralSecurityException, CertIOException {
        return issued(name(commonName), publicKey, notBefore, notAfter);
    }

    /** What every certificate this CA issues carries: key identifiers and where to find this CA's CRL. */
    private X509v3CertificateBuilder issued(X500Name subject, PublicKey publicKey, Instant notBefore,
                                            Instant notAfter) throws GeneralSecurityException, CertIOException {
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        DistributionPoint crl = new DistributionPoint(new DistributionPointName(new GeneralNames(
                new GeneralName(GeneralName.uniformResourceIdentifier, crlLocation.toString()))), null, null);
        return new JcaX509v3CertificateBuilder(certificate(), serial(random), Date.from(notBefore),
                Date.from(notAfter), subject, publicKey)
                .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(publicKey))
                .addExtension(Extension.authorityKeyIdentifier, false,
                        extensions.createAuthorityKeyIdentifier(certificate()))
                .addExtension(Extension.cRLDistributionPoints, false,
                        new CRLDistPoint(new DistributionPoint[] {crl}));
    }

    private List<X509Certificate> chainWith(X509Certificate issued) {
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(issued);
        chain.addAll(ca.chain());
        return chain;
    }

    private X509Certificate sign(X509v3CertificateBuilder builder) throws GeneralSecurityException {
        return sign(builder, ca.privateKey());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey)
            throws GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer(issuerKey)));
    }

    private static ContentSigner signer(PrivateKey issuerKey) throws GeneralSecurityException {
        try {
            return new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(issuerKey);
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("Cannot sign with " + SIGNATURE_ALGORITHM, e);
        }
    }

    private static KeyPair rsa(int bits, SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits, random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is not available", e);
        }
    }

    /**
     * The key types of eDelivery AS4 2.0: the Common Usage Profile's Ed25519 (signing) and X25519 (key agreement),
     * or P-256 for both in its EC option. All are cheap to generate, unlike RSA.
     */
    enum As4KeyType {
        ED25519("Ed25519", null),
        X25519("X25519", null),
        P256("EC", new ECGenParameterSpec("secp256r1"));

        private final String algorithm;
        private final ECGenParameterSpec curve;

        As4KeyType(String algorithm, ECGenParameterSpec curve) {
            this.algorithm = algorithm;
            this.curve = curve;
        }

        KeyPair generate(SecureRandom random) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
                if (curve != null) {
                    generator.initialize(curve, random);
                }
                return generator.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(name() + " key generation is not available", e);
            }
        }
    }

    private static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
    }

    /** Positive, 127 bits of randomness: unique without a serial-number database. */
    private static BigInteger serial(SecureRandom random) {
        return new BigInteger(127, random).setBit(126);
    }
}

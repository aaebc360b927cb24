package eu.lexbridge.trust.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed root CA that issues the AS4, TLS, evidence-seal and container-seal leaf certificates of the test PKI. It signs through the JDK's
 * providers (SHA256withRSA), so nothing registers Bouncy Castle as a JCA provider as a side effect.
 */
final class TestCertificateAuthority {

    private static final String SIGNATURE_ALGORITHM = "SHA256withRSA";
    private static final int CA_KEY_BITS = 3072;
    private static final int LEAF_KEY_BITS = 2048;
    private static final Duration BACKDATE = Duration.ofDays(1);

    private final SecureRandom random;
    private final IssuedKey root;

    private TestCertificateAuthority(SecureRandom random, IssuedKey root) {
        this.random = random;
        this.root = root;
    }

    /** Creates a new root: RSA-3072, valid from a day ago for ten years. */
    static TestCertificateAuthority create(String commonName, Instant now) {
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
            X509Certificate certificate = sign(builder, keys);
            return new TestCertificateAuthority(random, new IssuedKey(keys.getPrivate(), List.of(certificate)));
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("Cannot create the test root CA", e);
        }
    }

    X509Certificate certificate() {
        return root.certificate();
    }

    /** An AS4 message-signing and encryption key: digitalSignature, nonRepudiation, keyEncipherment. */
    IssuedKey issueAs4(String commonName, Instant now) {
        KeyPair keys = rsa(LEAF_KEY_BITS, random);
        try {
            X509v3CertificateBuilder builder = leaf(commonName, keys.getPublic(), now)
                    .addExtension(Extension.keyUsage, true, new KeyUsage(
                            KeyUsage.digitalSignature | KeyUsage.nonRepudiation | KeyUsage.keyEncipherment));
            return new IssuedKey(keys.getPrivate(), List.of(sign(builder, rootKeys()), certificate()));
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("Cannot issue the AS4 certificate " + commonName, e);
        }
    }

    /**
     * A seal key (evidence seal or container seal, each its own key): digitalSignature and nonRepudiation only, so it
     * cannot stand in for the AS4 or TLS key (Annex I 5.3: a key of its own per purpose).
     */
    IssuedKey issueSeal(String commonName, Instant now) {
        KeyPair keys = rsa(LEAF_KEY_BITS, random);
        try {
            X509v3CertificateBuilder builder = leaf(commonName, keys.getPublic(), now)
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            return new IssuedKey(keys.getPrivate(), List.of(sign(builder, rootKeys()), certificate()));
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("Cannot issue the seal certificate " + commonName, e);
        }
    }

    /** A TLS key for server and client use on this machine: SAN DNS:localhost and IP:127.0.0.1. */
    IssuedKey issueTls(String commonName, Instant now) {
        KeyPair keys = rsa(LEAF_KEY_BITS, random);
        try {
            GeneralNames subjectAlternativeNames = new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1")});
            X509v3CertificateBuilder builder = leaf(commonName, keys.getPublic(), now)
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                            new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}))
                    .addExtension(Extension.subjectAlternativeName, false, subjectAlternativeNames);
            return new IssuedKey(keys.getPrivate(), List.of(sign(builder, rootKeys()), certificate()));
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("Cannot issue the TLS certificate " + commonName, e);
        }
    }

    /** Leaf certificates: valid from a day ago (clock skew between demo processes) for two years. */
    private X509v3CertificateBuilder leaf(String commonName, PublicKey publicKey, Instant now)
            throws GeneralSecurityException, CertIOException {
        Instant notBefore = now.minus(BACKDATE);
        Instant notAfter = notBefore.atOffset(ZoneOffset.UTC).plusYears(2).toInstant();
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        return new JcaX509v3CertificateBuilder(certificate(), serial(random), Date.from(notBefore),
                Date.from(notAfter), name(commonName), publicKey)
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(publicKey))
                .addExtension(Extension.authorityKeyIdentifier, false,
                        extensions.createAuthorityKeyIdentifier(certificate()));
    }

    private KeyPair rootKeys() {
        return new KeyPair(certificate().getPublicKey(), root.privateKey());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuer)
            throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(issuer.getPrivate())));
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

    private static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
    }

    /** Positive, 127 bits of randomness: unique without a serial-number database. */
    private static BigInteger serial(SecureRandom random) {
        return new BigInteger(127, random).setBit(126);
    }
}

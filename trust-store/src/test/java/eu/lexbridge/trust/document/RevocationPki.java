package eu.lexbridge.trust.document;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * A two-level test PKI made for revocation: a root CA that issues leaf certificates naming a CRL distribution point
 * of the test's choice, and CRLs listing whichever leaves the test revokes. EC P-256, so that it is quick to make.
 */
final class RevocationPki {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyPair rootKeys;
    private final X509Certificate root;
    private final Instant now;

    /** A signing key with its certificate, issued by the root. */
    record Leaf(PrivateKey key, X509Certificate certificate, X509Certificate issuer) {

        List<X509Certificate> chain() {
            return List.of(certificate, issuer);
        }
    }

    private RevocationPki(KeyPair rootKeys, X509Certificate root, Instant now) {
        this.rootKeys = rootKeys;
        this.root = root;
        this.now = now;
    }

    static RevocationPki create() {
        try {
            Instant now = Instant.now();
            KeyPair keys = ecKeys();
            X500Name name = new X500Name("CN=LexBridge Revocation Test Root,O=LexBridge Tests,C=AT");
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
                    Date.from(now.minus(Duration.ofDays(2))), Date.from(now.plus(Duration.ofDays(30))), name,
                    keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(keys.getPublic()));
            return new RevocationPki(keys, certificate(builder.build(signer(keys.getPrivate()))), now);
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    X509Certificate root() {
        return root;
    }

    /** A leaf valid from a day ago whose CRL distribution point is {@code crlUrl}. */
    Leaf leaf(String commonName, String crlUrl) {
        return leaf(commonName, crlUrl, null);
    }

    /** A leaf as {@link #leaf(String, String)} that also names an OCSP responder (AIA), unless it is {@code null}. */
    Leaf leaf(String commonName, String crlUrl, String ocspUrl) {
        try {
            KeyPair keys = ecKeys();
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(root, serial(),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(20))),
                    new javax.security.auth.x500.X500Principal("CN=" + commonName + ",O=LexBridge Tests,C=AT"),
                    keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(root));
            builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                new DistributionPoint(new DistributionPointName(new GeneralNames(
                        new GeneralName(GeneralName.uniformResourceIdentifier, crlUrl))), null, null)}));
            if (ocspUrl != null) {
                builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                        AccessDescription.id_ad_ocsp, new GeneralName(GeneralName.uniformResourceIdentifier, ocspUrl)));
            }
            return new Leaf(keys.getPrivate(), certificate(builder.build(signer(rootKeys.getPrivate()))), root);
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A DER CRL of the root, issued a minute ago and valid for a day, that lists the given certificates as revoked
     * (key compromise) at the given times.
     */
    byte[] crl(Map<X509Certificate, Instant> revoked) {
        try {
            X509v2CRLBuilder builder = new X509v2CRLBuilder(X500Name.getInstance(
                    root.getSubjectX500Principal().getEncoded()), Date.from(now.minus(Duration.ofMinutes(1))));
            builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(1))));
            revoked.forEach((certificate, at) -> builder.addCRLEntry(certificate.getSerialNumber(), Date.from(at),
                    CRLReason.keyCompromise));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(root));
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.ONE));
            return builder.build(signer(rootKeys.getPrivate())).getEncoded();
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The root's answer to a DER OCSP request: signed by the root itself (an issuer may answer for its own
     * certificates), GOOD unless the certificate is among {@code revoked}, valid for an hour; the request's nonce is
     * echoed.
     */
    byte[] ocspResponse(byte[] request, Map<X509Certificate, Instant> revoked) {
        try {
            OCSPReq ocspRequest = new OCSPReq(request);
            DigestCalculator sha1 = new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1);
            BasicOCSPRespBuilder builder = new JcaBasicOCSPRespBuilder(root.getPublicKey(), sha1);
            Date thisUpdate = new Date();
            Date nextUpdate = Date.from(thisUpdate.toInstant().plus(Duration.ofHours(1)));
            for (Req one : ocspRequest.getRequestList()) {
                CertificateID id = one.getCertID();
                CertificateStatus status = revoked.entrySet().stream()
                        .filter(entry -> entry.getKey().getSerialNumber().equals(id.getSerialNumber()))
                        .<CertificateStatus>map(entry -> new RevokedStatus(Date.from(entry.getValue()),
                                CRLReason.keyCompromise))
                        .findFirst().orElse(CertificateStatus.GOOD);
                builder.addResponse(id, status, thisUpdate, nextUpdate, null);
            }
            Extension nonce = ocspRequest.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null) {
                builder.setResponseExtensions(new Extensions(nonce));
            }
            BasicOCSPResp basic = builder.build(signer(rootKeys.getPrivate()),
                    new X509CertificateHolder[] {new X509CertificateHolder(root.getEncoded())}, thisUpdate);
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
        } catch (GeneralSecurityException | OperatorCreationException | OCSPException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair ecKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(64, RANDOM).add(BigInteger.ONE);
    }

    private static ContentSigner signer(PrivateKey key) throws OperatorCreationException {
        return new JcaContentSignerBuilder("SHA256withECDSA").build(key);
    }

    private static X509Certificate certificate(X509CertificateHolder holder) throws GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(holder);
    }
}

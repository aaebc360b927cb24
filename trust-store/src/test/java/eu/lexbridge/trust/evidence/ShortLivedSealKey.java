package eu.lexbridge.trust.evidence;

import eu.lexbridge.trust.keys.SealKey;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A CA (valid for years) and an evidence-seal certificate it issued for a short, chosen period, made with Bouncy
 * Castle: lets a test seal at a time when the certificate was valid and verify after it expired.
 */
record ShortLivedSealKey(SealKey key, X509Certificate root) {

    static ShortLivedSealKey valid(Instant from, Instant to) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair rootKeys = generator.generateKeyPair();
        KeyPair leafKeys = generator.generateKeyPair();
        X500Name rootName = new X500Name("CN=Short-lived Test CA");
        X509Certificate root = certificate(rootName, rootName, rootKeys, rootKeys,
                from.minusSeconds(86_400L * 365), to.plusSeconds(86_400L * 3650), true);
        X509Certificate leaf = certificate(rootName, new X500Name("CN=short-lived Evidence Seal"), rootKeys, leafKeys,
                from, to, false);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] password = "short-lived".toCharArray();
        store.setKeyEntry("seal", leafKeys.getPrivate(), password, new Certificate[] {leaf, root});
        return new ShortLivedSealKey(SealKey.fromKeyStore(store, "seal", password), root);
    }

    private static X509Certificate certificate(X500Name issuer, X500Name subject, KeyPair issuerKeys,
                                               KeyPair subjectKeys, Instant from, Instant to, boolean ca)
            throws Exception {
        var builder = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(System.nanoTime()), Date.from(from),
                Date.from(to), subject, subjectKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(ca))
                .addExtension(Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                        : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate())));
    }
}

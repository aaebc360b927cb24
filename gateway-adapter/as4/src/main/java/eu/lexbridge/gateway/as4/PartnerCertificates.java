package eu.lexbridge.gateway.as4;

import com.helger.phase4.crypto.AbstractAS4CryptoFactory;
import com.helger.phase4.crypto.ECryptoMode;
import com.helger.phase4.crypto.IAS4CryptoFactory;
import eu.lexbridge.core.transport.As4Profile;
import eu.lexbridge.core.transport.Partner;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;
import org.apache.wss4j.common.crypto.Crypto;
import org.apache.wss4j.common.crypto.CryptoType;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.common.ext.WSSecurityException;

/**
 * WSS4J's key and trust store look-up for one incoming request, which also knows the certificate registered for the
 * partner the message claims to come from. A partner whose signature refers to its certificate by IssuerSerial,
 * SubjectKeyIdentifier or thumbprint instead of carrying it as a BinarySecurityToken is found this way: the trust
 * store holds only CAs. The certificate found this way still has to chain to the AS4 trust store (WSS4J's trust check
 * runs on it as on any other), and {@link IncomingUserMessageProcessor} still requires the signer to be exactly that
 * registered certificate.
 */
final class PartnerCertificates extends Merlin {

    /** Matches no name. */
    private static final Pattern NOBODY = Pattern.compile("(?!)");

    private final RequestSender sender;

    private PartnerCertificates(KeyStore keyStore, KeyStore trustStore, RequestSender sender) {
        super(false, null);
        setKeyStore(keyStore);
        setTrustStore(trustStore);
        this.sender = sender;
    }

    /**
     * phase4's crypto factory for this request: WSS4J's crypto is a {@link PartnerCertificates}; our signing key is
     * the one of the profile the sender speaks, found once the PMode resolver has found the sender (1.x until then);
     * every key of ours (1.x and 2.0) opens for decryption, as the message's EncryptedKey names our certificate.
     */
    static IAS4CryptoFactory cryptoFactory(As4Settings settings, RequestSender sender) {
        Crypto crypto = new PartnerCertificates(settings.as4KeyStore(), settings.as4TrustStore(), sender);
        return new AbstractAS4CryptoFactory() {
            @Override
            public Crypto getCrypto(ECryptoMode mode) {
                return crypto;
            }

            @Override
            public KeyStore getKeyStore() {
                return settings.as4KeyStore();
            }

            @Override
            public String getKeyAlias() {
                return settings.signingAlias(sender.partner().map(Partner::as4Profile)
                        .orElse(As4Profile.EDELIVERY_1));
            }

            @Override
            public char[] getKeyPasswordPerAliasCharArray(String alias) {
                return settings.holdsKey(alias) ? settings.as4KeyPassword() : null;
            }

            @Override
            public KeyStore getTrustStore() {
                return settings.as4TrustStore();
            }
        };
    }

    /**
     * WSS4J's trust check with the signer held to the subject of the partner's registered certificate (or a renewal
     * under the same name). Alone, WSS4J takes any signer that chains to the trust store, and warns on every message
     * that no subject constraint was given; with no partner known, nobody's signature is trusted.
     */
    @Override
    public void verifyTrust(X509Certificate[] certs, boolean enableRevocation, Collection<Pattern> subjectConstraints,
                            Collection<Pattern> issuerConstraints) throws WSSecurityException {
        Collection<Pattern> subjects = subjectConstraints != null && !subjectConstraints.isEmpty() ? subjectConstraints
                : List.of(sender.partner().map(partner -> Pattern.compile(Pattern.quote(
                        partner.certificate().getSubjectX500Principal().getName()))).orElse(NOBODY));
        super.verifyTrust(certs, enableRevocation, subjects, issuerConstraints);
    }

    @Override
    public X509Certificate[] getX509Certificates(CryptoType query) throws WSSecurityException {
        X509Certificate[] found = super.getX509Certificates(query);
        if (found != null && found.length > 0) {
            return found;
        }
        // The directory is asked per request (by the PMode resolver), so a certificate changed at run time counts.
        Optional<X509Certificate> registered = sender.partner().map(Partner::certificate)
                .filter(certificate -> matches(query, certificate));
        return registered.map(certificate -> new X509Certificate[] {certificate}).orElse(found);
    }

    private boolean matches(CryptoType query, X509Certificate certificate) {
        if (query == null || query.getType() == null) {
            return false;
        }
        try {
            return switch (query.getType()) {
                case ISSUER_SERIAL -> query.getSerial() != null && query.getIssuer() != null
                        && query.getSerial().equals(certificate.getSerialNumber())
                        && sameName(query.getIssuer(), certificate.getIssuerX500Principal());
                case SKI_BYTES -> query.getBytes() != null
                        && Arrays.equals(query.getBytes(), getSKIBytesFromCert(certificate));
                case THUMBPRINT_SHA1 -> query.getBytes() != null
                        && MessageDigest.isEqual(query.getBytes(), sha1(certificate));
                default -> false;
            };
        } catch (WSSecurityException | IllegalArgumentException e) {
            // A malformed issuer name or a certificate without the needed data: not this certificate.
            return false;
        }
    }

    /** As Merlin compares issuer names: both through Bouncy Castle's X.500 name, so attribute spelling does not matter. */
    private boolean sameName(String issuer, X500Principal certificateIssuer) {
        Object asked = createBCX509Name(new X500Principal(issuer).getName());
        Object actual = createBCX509Name(certificateIssuer.getName());
        return asked.equals(actual);
    }

    private static byte[] sha1(X509Certificate certificate) throws WSSecurityException {
        try {
            return MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded());
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new WSSecurityException(WSSecurityException.ErrorCode.FAILURE, e);
        }
    }
}

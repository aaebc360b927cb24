package eu.lexbridge.gateway.as4;

import com.helger.phase4.crypto.AS4CryptParams;
import com.helger.phase4.crypto.AS4SigningParams;
import com.helger.phase4.crypto.ECryptoAlgorithmCrypt;
import com.helger.phase4.crypto.ECryptoAlgorithmSign;
import com.helger.phase4.crypto.ECryptoAlgorithmSignDigest;
import com.helger.phase4.crypto.ECryptoKeyAgreementMethod;
import com.helger.phase4.crypto.ECryptoKeyDerivationMethod;
import com.helger.phase4.crypto.ECryptoKeyEncryptionAlgorithm;
import com.helger.phase4.crypto.ECryptoKeyIdentifierType;
import com.helger.phase4.crypto.ECryptoKeyWrapAlgorithm;
import eu.lexbridge.core.transport.As4Profile;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;

/**
 * What each eDelivery AS4 profile puts on the wire, and which keys it takes. The profiles share SHA-256 digests,
 * exclusive canonicalisation, the certificate as a BinarySecurityToken and AES-128-GCM for the payloads (the same
 * streaming GCM serves all three); they differ in the signature and in how the payload key reaches the receiver.
 * 1.x transports it with RSA-OAEP; 2.0 agrees a key with the receiver's key-agreement key (X25519, or ECDH-ES on
 * P-256), derives a key-encryption key from it with HKDF (HMAC-SHA256) and wraps the payload key with AES-128 key wrap.
 */
enum ProfileSecurity {

    EDELIVERY_1(As4Profile.EDELIVERY_1, ECryptoAlgorithmSign.RSA_SHA_256, null, "RSA", "RSA"),
    EDELIVERY_2_EDDSA(As4Profile.EDELIVERY_2_EDDSA, ECryptoAlgorithmSign.EDDSA_ED25519,
            ECryptoKeyAgreementMethod.X25519, "Ed25519", "X25519"),
    EDELIVERY_2_ECDSA(As4Profile.EDELIVERY_2_ECDSA, ECryptoAlgorithmSign.ECDSA_SHA_256,
            ECryptoKeyAgreementMethod.ECDH_ES, "EC P-256", "EC P-256");

    static final ECryptoAlgorithmSignDigest DIGEST = ECryptoAlgorithmSignDigest.DIGEST_SHA_256;
    static final ECryptoAlgorithmCrypt PAYLOAD_ENCRYPTION = ECryptoAlgorithmCrypt.AES_128_GCM;
    /** The order of the NIST P-256 (secp256r1) group: what tells that curve from any other. */
    private static final BigInteger P256_ORDER = new BigInteger(
            "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    private final As4Profile profile;
    private final ECryptoAlgorithmSign signature;
    private final ECryptoKeyAgreementMethod keyAgreement;
    private final String signingKeyType;
    private final String decryptionKeyType;

    ProfileSecurity(As4Profile profile, ECryptoAlgorithmSign signature, ECryptoKeyAgreementMethod keyAgreement,
                    String signingKeyType, String decryptionKeyType) {
        this.profile = profile;
        this.signature = signature;
        this.keyAgreement = keyAgreement;
        this.signingKeyType = signingKeyType;
        this.decryptionKeyType = decryptionKeyType;
    }

    static ProfileSecurity of(As4Profile profile) {
        for (ProfileSecurity security : values()) {
            if (security.profile == profile) {
                return security;
            }
        }
        throw new IllegalArgumentException("no AS4 security for profile " + profile);
    }

    As4Profile profile() {
        return profile;
    }

    ECryptoAlgorithmSign signature() {
        return signature;
    }

    /** The key agreement of 2.0; {@code null} for 1.x, which transports the key with RSA-OAEP. */
    ECryptoKeyAgreementMethod keyAgreement() {
        return keyAgreement;
    }

    /** The algorithm wrapping (1.x: transporting) the payload key, as the EncryptedKey's EncryptionMethod names it. */
    String keyWrapUri() {
        return keyAgreement == null ? ECryptoKeyEncryptionAlgorithm.RSA_OAEP_XENC11.getID()
                : ECryptoKeyWrapAlgorithm.AES_128.getID();
    }

    /** HKDF for 2.0; {@code null} for 1.x. */
    String keyDerivationUri() {
        return keyAgreement == null ? null : ECryptoKeyDerivationMethod.HKDF.getID();
    }

    void signing(AS4SigningParams params) {
        params.setAlgorithmSign(signature)
                .setAlgorithmSignDigest(DIGEST)
                .setKeyIdentifierType(ECryptoKeyIdentifierType.BST_DIRECT_REFERENCE);
    }

    void encryption(AS4CryptParams params) {
        params.setAlgorithmCrypt(PAYLOAD_ENCRYPTION)
                .setKeyIdentifierType(ECryptoKeyIdentifierType.BST_DIRECT_REFERENCE);
        if (keyAgreement == null) {
            // RSA-OAEP (xenc11) with MGF1-SHA256 and SHA-256.
            params.setKeyEncAlgorithm(ECryptoKeyEncryptionAlgorithm.RSA_OAEP_XENC11)
                    .setMGFAlgorithm(AS4CryptParams.DEFAULT_MGF_ALGORITHM)
                    .setDigestAlgorithm(AS4CryptParams.DEFAULT_DIGEST_ALGORITHM);
        } else if (keyAgreement == ECryptoKeyAgreementMethod.X25519) {
            params.setEDelivery2KeyAgreementX25519();
        } else {
            params.setEDelivery2KeyAgreementECDHES();
        }
    }

    /** The key type this profile signs with, e.g. {@code Ed25519}. */
    String signingKeyType() {
        return signingKeyType;
    }

    /** The key type this profile decrypts (agrees keys) with, e.g. {@code X25519}. */
    String decryptionKeyType() {
        return decryptionKeyType;
    }

    boolean signsWith(PublicKey key) {
        return signingKeyType.equals(keyType(key));
    }

    boolean decryptsWith(PublicKey key) {
        return decryptionKeyType.equals(keyType(key));
    }

    /** A key's type as people name it: RSA, Ed25519, X25519, EC P-256, or its algorithm. */
    static String keyType(PublicKey key) {
        if (key instanceof RSAPublicKey) {
            return "RSA";
        }
        if (key instanceof EdECPublicKey edwards) {
            return edwards.getParams().getName();
        }
        if (key instanceof XECPublicKey montgomery && montgomery.getParams() instanceof NamedParameterSpec named) {
            return named.getName();
        }
        if (key instanceof ECPublicKey ec) {
            return P256_ORDER.equals(ec.getParams().getOrder()) ? "EC P-256" : "EC on another curve than P-256";
        }
        return key.getAlgorithm();
    }
}

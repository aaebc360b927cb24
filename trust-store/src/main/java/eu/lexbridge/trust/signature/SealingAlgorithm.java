package eu.lexbridge.trust.signature;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.EncryptionAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.lexbridge.trust.keys.SealKey;

/** The signature algorithm a seal key makes with a digest: RSA or ECDSA, the two a qualified seal is made with. */
final class SealingAlgorithm {

    private SealingAlgorithm() {
    }

    /** @throws IllegalArgumentException when the key is neither RSA nor EC */
    static SignatureAlgorithm of(SealKey key, DigestAlgorithm digest) {
        EncryptionAlgorithm encryption = switch (key.algorithm()) {
            case "RSA" -> EncryptionAlgorithm.RSA;
            case "EC" -> EncryptionAlgorithm.ECDSA;
            default -> throw new IllegalArgumentException(
                    "The seal key of " + key + " is " + key.algorithm() + "; an RSA or EC key is needed");
        };
        return SignatureAlgorithm.getAlgorithm(encryption, digest);
    }
}

package eu.lexbridge.trust.evidence;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;

/**
 * The digest of the references of an evidence seal (the document and the signed properties). The signature itself is
 * always made over SHA-256.
 */
public enum ReferenceDigest {
    /**
     * What the official e-CODEX connector hard-codes ("to stay compatible with legacy evidence signing",
     * ecodex-wire.md §4.3); the default, for interoperability.
     */
    SHA1(DigestAlgorithm.SHA1),
    SHA256(DigestAlgorithm.SHA256),
    SHA512(DigestAlgorithm.SHA512);

    private final DigestAlgorithm dss;

    ReferenceDigest(DigestAlgorithm dss) {
        this.dss = dss;
    }

    DigestAlgorithm dss() {
        return dss;
    }
}

package eu.lexbridge.trust.evidence;

import eu.lexbridge.trust.keys.SealKey;
import eu.lexbridge.trust.signature.XmlSealer;
import java.time.Clock;
import java.util.Objects;

/**
 * Seals an ETSI-REM evidence document with an enveloped XAdES-BASELINE-B signature, laid out as the official e-CODEX
 * connector lays it out ({@link XmlSealer}): the ds:Signature is the last child of the root, one reference to the
 * whole document (URI "") through the XPath transform {@code not(ancestor-or-self::ds:Signature)} and exclusive
 * canonicalisation.
 *
 * <p>The reference digest is SHA-1 by default, as the official connector hard-codes it; the signature is RSA (or
 * ECDSA) over SHA-256. The key is the evidence-seal key, not the AS4 or TLS key (Annex I 5.3).
 *
 * <p>Thread-safe.
 */
public final class EvidenceSealer {

    private final XmlSealer sealer;

    /**
     * @param key the evidence-seal key
     * @param referenceDigest {@link ReferenceDigest#SHA1} for the official connector's layout
     * @param clock gives the signing time
     * @throws IllegalArgumentException when the key is neither RSA nor EC
     */
    public EvidenceSealer(SealKey key, ReferenceDigest referenceDigest, Clock clock) {
        this.sealer = new XmlSealer(key, Objects.requireNonNull(referenceDigest, "referenceDigest").dss(), clock);
    }

    /** The seal as a timeline reads it: the signature form and who seals. */
    public String description() {
        return sealer.description();
    }

    /**
     * @param evidence an unsigned evidence document, as {@link RemEvidenceFactory} writes it
     * @return the same document with the seal as last child of its root
     * @throws IllegalArgumentException when the document cannot be sealed (not XML, or the seal certificate is not
     *     valid at the signing time)
     */
    public byte[] seal(byte[] evidence) {
        Objects.requireNonNull(evidence, "evidence");
        return sealer.seal(evidence, "the evidence");
    }
}

package eu.lexbridge.core.evidence;

import java.util.Objects;

/**
 * What a received evidence document turned out to be.
 *
 * @param acceptable sealed intact, by a signer trusted for the sending partner, with a valid certificate
 * @param type the evidence type the document says it is
 * @param aboutEbmsMessageId the ebMS id the document is about (MessageIdentifierByREMMD), or {@code null}
 * @param signer the seal's signer, for the timeline; {@code null} when there is none
 * @param finding a sentence for people: what was checked, or what failed
 */
public record EvidenceCheck(boolean acceptable, EvidenceType type, String aboutEbmsMessageId, String signer,
                            String finding) {
    public EvidenceCheck {
        Objects.requireNonNull(finding, "finding");
    }

    public static EvidenceCheck unusable(String finding) {
        return new EvidenceCheck(false, null, null, null, finding);
    }
}

package eu.lexbridge.trust.port;

import eu.lexbridge.core.evidence.EvidenceCheck;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.port.EvidenceVerifier;
import eu.lexbridge.core.port.PayloadStore;
import eu.lexbridge.core.transport.Partner;
import eu.lexbridge.trust.evidence.EvidenceVerification;
import eu.lexbridge.trust.evidence.UnreadableEvidenceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.stream.Collectors;

/** Checks received evidences with DSS: the seal intact, the signer trusted and, where configured, pinned per partner. */
public final class SealVerification implements EvidenceVerifier {

    /** Evidences are a few kilobytes; anything far larger is not one. */
    private static final long MAX_EVIDENCE_BYTES = 1024 * 1024;

    private final eu.lexbridge.trust.evidence.EvidenceVerifier verifier;
    private final PayloadStore payloads;
    /** A partner's evidences must be sealed with its pinned seal certificate, when it has one. */
    public SealVerification(eu.lexbridge.trust.evidence.EvidenceVerifier verifier, PayloadStore payloads) {
        this.verifier = verifier;
        this.payloads = payloads;
    }

    @Override
    public EvidenceCheck check(PayloadRef document, Partner sender) {
        if (document.size() > MAX_EVIDENCE_BYTES) {
            return EvidenceCheck.unusable("the evidence document is " + document.size() + " bytes, too large");
        }
        byte[] bytes;
        try (InputStream in = payloads.open(document)) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read evidence " + document.payloadId(), e);
        }
        try {
            EvidenceVerification result = verifier.verify(bytes, sender.sealCertificate());
            String finding = result.acceptable()
                    ? "seal verified (revocation " + result.revocation() + "), sealed by " + result.signerSubject()
                    : "seal " + (result.intact() ? "intact" : "NOT intact") + ", signer "
                    + (result.trusted() ? "trusted" : "NOT trusted") + (result.signerExpired() ? ", expired" : "")
                    + ": " + result.problems().stream().map(Object::toString).collect(Collectors.joining("; "));
            return new EvidenceCheck(result.acceptable(), result.type(), result.remmdMessageIdentifier(),
                    result.signerSubject(), finding);
        } catch (UnreadableEvidenceException e) {
            return EvidenceCheck.unusable("not a readable evidence: " + e.getMessage());
        }
    }
}

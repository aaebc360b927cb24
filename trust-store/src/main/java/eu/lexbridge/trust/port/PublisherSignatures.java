package eu.lexbridge.trust.port;

import eu.lexbridge.core.port.SignatureVerifier;
import eu.lexbridge.trust.container.ContainerProblem;
import eu.lexbridge.trust.container.ContainerVerification;
import eu.lexbridge.trust.container.DetachedSeal;
import java.util.List;

/** Checks the seal of a published file (a directory snapshot) with DSS, trusting its publishers alone. */
public final class PublisherSignatures implements SignatureVerifier {

    private final DetachedSeal seal;

    public PublisherSignatures(DetachedSeal seal) {
        this.seal = seal;
    }

    @Override
    public Verdict verifyDetached(byte[] signatures, String signedObject, byte[] sha256) {
        ContainerVerification verification = seal.verify(signatures, signedObject, sha256);
        if (verification.valid()) {
            return new Verdict(true, verification.signerSubject(), List.of());
        }
        List<String> problems = verification.problems().stream().map(ContainerProblem::detail).toList();
        return new Verdict(false, verification.signerSubject(), problems.isEmpty()
                ? List.of("the seal is not intact or not by a trusted publisher") : problems);
    }
}

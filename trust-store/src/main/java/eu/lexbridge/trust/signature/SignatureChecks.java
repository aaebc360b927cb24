package eu.lexbridge.trust.signature;

import java.util.ArrayList;
import java.util.List;

/**
 * The signature-checks block: the checks one kind of signature is put through, in the order their findings are
 * reported. Evidence, container and document validation each compose theirs from the shared checks of this package
 * and add only their own.
 *
 * @param checks the checks, in order
 */
public record SignatureChecks(List<SignatureCheck> checks) {

    public SignatureChecks {
        checks = List.copyOf(checks);
    }

    public static SignatureChecks of(SignatureCheck... checks) {
        return new SignatureChecks(List.of(checks));
    }

    /** Runs every check over the signature: one that fails does not keep the next from running. */
    public SignatureFindings run(SignatureView signature) {
        List<SignatureFinding> found = new ArrayList<>();
        for (SignatureCheck check : checks) {
            found.addAll(check.check(signature));
        }
        return new SignatureFindings(found);
    }
}

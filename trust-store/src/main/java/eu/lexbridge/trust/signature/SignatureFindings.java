package eu.lexbridge.trust.signature;

import java.util.List;
import java.util.stream.Stream;

/**
 * What the checks of one signature found, in the order found. The verdicts follow from the findings' aspects alone,
 * so that a check cannot find a problem and forget to withdraw its verdict.
 *
 * @param all every finding, in order
 */
public record SignatureFindings(List<SignatureFinding> all) {

    public SignatureFindings {
        all = List.copyOf(all);
    }

    /** No finding withdraws integrity. */
    public boolean intact() {
        return none(SignatureFinding.Aspect.INTEGRITY);
    }

    /** No finding withdraws trust in the signer (integrity aside). */
    public boolean signerTrusted() {
        return none(SignatureFinding.Aspect.TRUST);
    }

    public boolean has(SignatureFinding.Code code) {
        return all.stream().anyMatch(finding -> finding.code() == code);
    }

    /** These findings, then {@code later}. */
    public SignatureFindings then(List<SignatureFinding> later) {
        return new SignatureFindings(Stream.concat(all.stream(), later.stream()).toList());
    }

    private boolean none(SignatureFinding.Aspect aspect) {
        return all.stream().noneMatch(finding -> finding.aspect() == aspect);
    }
}

package eu.lexbridge.trust.signature;

import java.util.List;

/**
 * No CA between the signer and its trust anchor is known to be revoked: a revoked intermediate CA withdraws trust
 * from everything below it. The anchor itself is trusted as configured; the signer's own status is
 * {@link SignerNotRevoked}'s.
 */
public record IssuersNotRevoked() implements SignatureCheck {

    @Override
    public List<SignatureFinding> check(SignatureView signature) {
        if (signature.signer() == null) {
            return List.of();
        }
        return signature.issuersBelowAnchor().stream()
                .filter(issuer -> issuer.revocation().revoked())
                .flatMap(issuer -> issuer.revocation().problem(issuer.subject(), signature.claimedSigningTime(), true)
                        .stream())
                .map(sentence -> new SignatureFinding(SignatureFinding.Code.SIGNER_REVOKED, sentence))
                .toList();
    }
}

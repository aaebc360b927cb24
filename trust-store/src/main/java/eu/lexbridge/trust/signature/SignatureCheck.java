package eu.lexbridge.trust.signature;

import java.util.List;

/**
 * One check of one signature, as DSS's building blocks have one class per check ({@code bbb/cv/checks}): it looks at
 * the {@link SignatureView} and says what it found, nothing when the signature passes. A check that needs the signer
 * finds nothing without one: {@link SignerIdentified} reports that once.
 */
@FunctionalInterface
public interface SignatureCheck {

    List<SignatureFinding> check(SignatureView signature);
}

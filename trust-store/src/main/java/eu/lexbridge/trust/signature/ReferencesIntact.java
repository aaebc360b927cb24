package eu.lexbridge.trust.signature;

import static eu.lexbridge.trust.signature.SignatureFinding.Code.SIGNATURE_BROKEN;

import java.util.ArrayList;
import java.util.List;

/**
 * Every reference's data is found and matches its digest: the walk over DSS's digest matchers (its
 * {@code ReferenceDataExistenceCheck} and {@code ReferenceDataIntactCheck}), done once for every kind of signature.
 * The constants are the three ways the reports have always worded a finding, kept so that no message changes.
 */
public enum ReferencesIntact implements SignatureCheck {

    /** "the data of reference REFERENCE 'r-id-1' is not found": a seal's references are in the document it seals. */
    NAMED_AS_REFERENCES(true, false),
    /**
     * "the data of reference REFERENCE 'SignedContent.zip' is not found (or its digest algorithm SHA1 is not
     * supported)": a detached reference may also go unmatched because DSS lacks the digest of it.
     */
    NAMED_AS_REFERENCES_WITH_ALGORITHM(true, true),
    /**
     * "the data of MESSAGE_DIGEST is not found (or its digest algorithm SHA1 is not supported)": CAdES and PAdES
     * match a message digest, no XML reference.
     */
    NAMED_BY_TYPE_WITH_ALGORITHM(false, true);

    private final boolean saysReference;
    private final boolean namesAlgorithm;

    ReferencesIntact(boolean saysReference, boolean namesAlgorithm) {
        this.saysReference = saysReference;
        this.namesAlgorithm = namesAlgorithm;
    }

    @Override
    public List<SignatureFinding> check(SignatureView signature) {
        List<SignatureFinding> found = new ArrayList<>();
        for (SignatureView.Reference reference : signature.references()) {
            String name = (saysReference ? "reference " : "") + reference.name();
            if (!reference.dataFound()) {
                found.add(new SignatureFinding(SIGNATURE_BROKEN, "the data of " + name + " is not found"
                        + (namesAlgorithm ? " (or its digest algorithm " + reference.digestMethod()
                        + " is not supported)" : "")));
            } else if (!reference.dataIntact()) {
                found.add(new SignatureFinding(SIGNATURE_BROKEN, "the digest of " + name
                        + " does not match: the signed content was changed"));
            }
        }
        return found;
    }
}

package eu.lexbridge.trust.document;

import java.util.List;
import java.util.Objects;

/**
 * What {@link DocumentValidator} found in one signed document.
 *
 * @param format the document's signature format: the container type for an ASiC container ({@code ASiC-E},
 *     {@code ASiC-S}), otherwise the format of its first signature ({@code XAdES_BASELINE_B}, {@code CAdES_BASELINE_B},
 *     {@code PAdES_BASELINE_B} ...); for a document without signatures, the kind of document DSS read ({@code XML},
 *     {@code PDF}, ...)
 * @param signatures one result per signature, in DSS's order; empty for an unsigned document
 */
public record DocumentValidation(String format, List<SignatureResult> signatures) {

    public DocumentValidation {
        Objects.requireNonNull(format, "format");
        signatures = List.copyOf(signatures);
    }

    /** True when the document carries at least one signature and every signature is intact and trusted. */
    public boolean allIntactAndTrusted() {
        return !signatures.isEmpty() && signatures.stream().allMatch(s -> s.intact() && s.trusted());
    }
}

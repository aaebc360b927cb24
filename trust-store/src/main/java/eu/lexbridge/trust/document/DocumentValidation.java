package eu.lexbridge.trust.document;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What {@link DocumentValidator} found in one signed document, with DSS's report kept for the record.
 *
 * @param format the document's signature format: the container type for an ASiC container ({@code ASiC-E},
 *     {@code ASiC-S}), otherwise the format of its first signature ({@code XAdES_BASELINE_B}, {@code CAdES_BASELINE_B},
 *     {@code PAdES_BASELINE_B} ...); for a document without signatures, the kind of document DSS read ({@code XML},
 *     {@code PDF}, ...)
 * @param signatures one result per signature, in DSS's order; empty for an unsigned document
 * @param validationTime the time the signatures were validated at (the validator's clock)
 * @param report DSS's simple report (XML, UTF-8) of this validation, to be stored with the message: the verdict as DSS
 *     gave it, under its default policy, for anyone who later asks why a document was accepted; copied in and out
 */
public record DocumentValidation(String format, List<SignatureResult> signatures, Instant validationTime,
                                 byte[] report) {

    public DocumentValidation {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(validationTime, "validationTime");
        signatures = List.copyOf(signatures);
        report = Objects.requireNonNull(report, "report").clone();
    }

    /** True when the document carries at least one signature and every signature is intact and trusted. */
    public boolean allIntactAndTrusted() {
        return !signatures.isEmpty() && signatures.stream().allMatch(s -> s.intact() && s.trusted());
    }

    /** A copy of DSS's simple report (XML, UTF-8). */
    @Override
    public byte[] report() {
        return report.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DocumentValidation that && format.equals(that.format)
                && signatures.equals(that.signatures) && validationTime.equals(that.validationTime)
                && Arrays.equals(report, that.report);
    }

    @Override
    public int hashCode() {
        return Objects.hash(format, signatures, validationTime, Arrays.hashCode(report));
    }

    @Override
    public String toString() {
        return "DocumentValidation[format=" + format + ", signatures=" + signatures + ", validationTime="
                + validationTime + ", report=" + report.length + " bytes]";
    }
}

package eu.lexbridge.trust.lists;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one list (the LOTL or a trusted list it points to) looked like at the last refresh.
 *
 * @param location the URL it was loaded from
 * @param listOfTrustedLists true for the LOTL, false for a trusted list
 * @param territory its scheme territory ("EU" for the LOTL), or {@code null} when it could not be parsed
 * @param signatureValid whether its signature is valid and made by a certificate announced for it (the configured
 *     LOTL signers for the LOTL; the LOTL pointer's certificates for a trusted list)
 * @param signatureIndication DSS's verdict on the signature, e.g. {@code TOTAL_PASSED} or
 *     {@code TOTAL_FAILED/HASH_FAILURE}; {@code NOT_VALIDATED} when it never got that far
 * @param nextUpdate its next update, or {@code null} when unknown
 * @param trustServices the number of trust services it lists (0 for the LOTL)
 * @param used whether its trust services are in the certificate source (a trusted list with a bad signature or
 *     past its next update is left out)
 * @param problems what is wrong with it, in words; empty when nothing is
 */
public record TrustedListStatus(String location, boolean listOfTrustedLists, String territory, boolean signatureValid,
                                String signatureIndication, Instant nextUpdate, int trustServices, boolean used,
                                List<String> problems) {
    public TrustedListStatus {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(signatureIndication, "signatureIndication");
        problems = List.copyOf(problems);
    }
}

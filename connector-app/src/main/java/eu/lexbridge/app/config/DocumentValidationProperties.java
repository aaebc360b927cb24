package eu.lexbridge.app.config;

import eu.lexbridge.trust.document.DocumentLimits;
import eu.lexbridge.trust.signature.RevocationChecking;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How the signatures of business documents are validated before they are sent (signature-based services, see
 * {@code lexbridge.network.services[].document-policy}).
 *
 * @param trustStore PKCS#12 with the CAs whose signers are trusted for advanced signatures; default:
 *     {@code lexbridge.evidence.trust-store}
 * @param trustStorePassword its password; required with {@code trust-store}
 * @param revocation {@code OFF} (nothing fetched, status NOT_CHECKED), {@code CRL} (the CRL distribution points named
 *     in the certificates) or {@code OCSP_AND_CRL} (OCSP from the certificates' AIA OCSP URL, then CRLs). Only
 *     {@code file:}, {@code http:} and {@code https:} URLs are fetched; AIA certificate fetching is never used
 * @param fetchTimeout connect and read timeout of each CRL or OCSP fetch; must be positive. An unreachable source
 *     makes the status UNKNOWN (token SUFFICIENT), it does not hold the message
 * @param trustedLists the EU list of trusted lists (or a national one), for qualified status; absent: no signature is
 *     rated qualified, and a QUALIFIED policy refuses every document
 * @param limits what one document may cost its validation; a document beyond them is refused (SUBMISSION_REJECTION)
 */
@Validated
@ConfigurationProperties("lexbridge.document-validation")
public record DocumentValidationProperties(
        Path trustStore,
        char[] trustStorePassword,
        @NotNull @DefaultValue("CRL") RevocationChecking revocation,
        @NotNull @DefaultValue("5s") Duration fetchTimeout,
        @Valid TrustedLists trustedLists,
        @Valid @NotNull @DefaultValue Limits limits) {

    @AssertTrue(message = "trust-store-password is required with trust-store")
    public boolean isTrustStorePasswordGiven() {
        return trustStore == null || trustStorePassword != null;
    }

    @AssertTrue(message = "must be positive")
    public boolean isFetchTimeoutPositive() {
        return fetchTimeout == null || (!fetchTimeout.isNegative() && !fetchTimeout.isZero());
    }

    /**
     * The list of trusted lists (LOTL, ETSI TS 119 612) and the national lists it points to.
     *
     * @param lotlUrl the list of trusted lists (ETSI TS 119 612), {@code https:}, {@code http:} or {@code file:},
     *     e.g. {@code https://ec.europa.eu/tools/lotl/eu-lotl.xml}. Without it no trusted lists are loaded and nothing
     *     is qualified
     * @param lotlSigners certificate files (PEM or DER) allowed to sign the LOTL, as the Official Journal announces
     *     them; a LOTL signed by anyone else is not trusted. Required with {@code lotl-url}
     * @param cacheDirectory where downloaded lists are written; read at start when the LOTL cannot be fetched.
     *     Default {@code <data-directory>/trusted-lists}
     * @param refreshInterval how often the lists are read again (route {@code trusted-lists-refresh}); at least
     *     {@code 1m}. A failed refresh keeps the lists already loaded
     */
    public record TrustedLists(
            @NotNull URI lotlUrl,
            @NotEmpty List<Path> lotlSigners,
            Path cacheDirectory,
            @NotNull @DefaultValue("6h") Duration refreshInterval) {

        @AssertTrue(message = "lotl-url must be an https:, http: or file: URL")
        public boolean isLotlUrlSupported() {
            return lotlUrl == null || List.of("https", "http", "file").contains(String.valueOf(lotlUrl.getScheme()));
        }

        @AssertTrue(message = "refresh-interval must be at least one minute")
        public boolean isRefreshIntervalSensible() {
            return refreshInterval == null || refreshInterval.compareTo(Duration.ofMinutes(1)) >= 0;
        }
    }

    /**
     * What one business document may cost its validation (see {@link DocumentLimits}).
     *
     * @param maxSize the largest business document (and detached signature) validated; a larger one is refused
     * @param maxInflatedSize the most a zip container (ASiC-S/ASiC-E) may inflate to, nested containers included
     * @param maxInflationRatio the most a zip container may inflate to as a multiple of its own size, checked once
     *     more than 1 MiB is inflated; 2 to 100000
     * @param maxEntries the most entries a zip container may hold, nested containers included; 1 to 100000
     * @param maxNesting how deep zips may lie inside zips: {@code 1} lets an ASiC-S hold its
     *     {@code SignedContent.zip}, {@code 0} allows no zip inside a zip; 0 to 5
     * @param timeout the longest one validation may take (wall clock); 1 second to 30 minutes
     */
    public record Limits(
            @NotNull @DefaultValue("100MB") DataSize maxSize,
            @NotNull @DefaultValue("200MB") DataSize maxInflatedSize,
            @Min(2) @Max(100_000) @DefaultValue("100") int maxInflationRatio,
            @Min(1) @Max(100_000) @DefaultValue("500") int maxEntries,
            @Min(0) @Max(5) @DefaultValue("1") int maxNesting,
            @NotNull @DefaultValue("60s") Duration timeout) {

        @AssertTrue(message = "max-size and max-inflated-size must be positive")
        public boolean isSizesPositive() {
            return maxSize == null || maxInflatedSize == null
                    || (maxSize.toBytes() > 0 && maxInflatedSize.toBytes() > 0);
        }

        @AssertTrue(message = "timeout must be between 1 second and 30 minutes")
        public boolean isTimeoutSensible() {
            return timeout == null || (timeout.compareTo(Duration.ofSeconds(1)) >= 0
                    && timeout.compareTo(Duration.ofMinutes(30)) <= 0);
        }

        /** The limits as the validator takes them. */
        public DocumentLimits toDocumentLimits() {
            return new DocumentLimits(maxSize.toBytes(), maxInflatedSize.toBytes(), maxInflationRatio, maxEntries,
                    maxNesting, timeout);
        }
    }

    @Override
    public String toString() {
        return "DocumentValidationProperties[trustStore=" + trustStore + ", revocation=" + revocation
                + ", fetchTimeout=" + fetchTimeout + ", trustedLists=" + trustedLists + ", limits=" + limits + "]";
    }
}

package eu.lexbridge.app.config;

import eu.lexbridge.trust.signature.RevocationChecking;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the signatures of business documents are validated before they are sent (signature-based services, see
 * {@code lexbridge.network.services[].document-policy}).
 *
 * @param trustStore PKCS#12 with the CAs whose signers are trusted for advanced signatures; when absent,
 *     {@code lexbridge.evidence.trust-store}
 * @param trustStorePassword its password
 * @param revocation OFF, CRL (the default: the CRL distribution points named in the certificates) or OCSP_AND_CRL
 * @param fetchTimeout the connect and read timeout of each CRL or OCSP fetch; an unreachable source makes the status
 *     UNKNOWN (token SUFFICIENT) rather than holding the message
 * @param trustedLists the EU list of trusted lists (or a national one), for qualified status; absent: no signature is
 *     rated qualified, and a QUALIFIED policy refuses every document
 */
@Validated
@ConfigurationProperties("lexbridge.document-validation")
public record DocumentValidationProperties(
        Path trustStore,
        char[] trustStorePassword,
        @NotNull @DefaultValue("CRL") RevocationChecking revocation,
        @NotNull @DefaultValue("5s") Duration fetchTimeout,
        @Valid TrustedLists trustedLists) {

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
     * @param lotlUrl where the LOTL is read from: {@code https:}, {@code http:} or {@code file:}, e.g.
     *     {@code https://ec.europa.eu/tools/lotl/eu-lotl.xml}
     * @param lotlSigners the certificates (PEM or DER files) that may sign the LOTL, as the Official Journal announces
     *     them; a LOTL signed by anyone else is not trusted
     * @param cacheDirectory where downloaded lists are kept between refreshes and restarts; default
     *     {@code <data-directory>/trusted-lists}
     * @param refreshInterval how often the lists are read again; a failed refresh keeps the lists already loaded
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

    @Override
    public String toString() {
        return "DocumentValidationProperties[trustStore=" + trustStore + ", revocation=" + revocation
                + ", fetchTimeout=" + fetchTimeout + ", trustedLists=" + trustedLists + "]";
    }
}

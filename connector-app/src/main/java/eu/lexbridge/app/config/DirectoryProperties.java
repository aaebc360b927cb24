package eu.lexbridge.app.config;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The competent-authorities directory: a back-end may name a recipient by instrument, role and place, and the
 * connector finds the authority and its e-CODEX address here. Without a snapshot or a service there is no directory,
 * and recipients are named by party.
 *
 * @param snapshot a signed snapshot file (ASiC-S holding {@code directory.json}) to start from; the last good copy in
 *     {@code <data-directory>/directory/} is used instead when it is newer
 * @param publisherCertificates PEM or DER certificates of who may seal snapshots (the publishers' own or their CAs');
 *     required with a snapshot or a service
 * @param serviceUrl a directory service to refresh from ({@code GET <service-url>/snapshot}); https, or http on a
 *     loopback address only
 * @param refreshInterval how often the service is asked for a newer snapshot, 10 s to 1 day
 * @param requestTimeout how long one request to the service may take
 * @param maxSnapshotSize the largest snapshot taken, from a file or the service
 * @param tlsTrustStore PKCS#12 with the CAs trusted for the service's HTTPS; {@code lexbridge.as4.tls-trust-store}
 *     when empty
 * @param tlsTrustStorePassword its password
 */
@Validated
@ConfigurationProperties("lexbridge.directory")
public record DirectoryProperties(Path snapshot, @DefaultValue List<Path> publisherCertificates, URI serviceUrl,
                                  @NotNull @DefaultValue("15m") Duration refreshInterval,
                                  @NotNull @DefaultValue("30s") Duration requestTimeout,
                                  @NotNull @DefaultValue("256MB") DataSize maxSnapshotSize, Path tlsTrustStore,
                                  char[] tlsTrustStorePassword) {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    /** A snapshot or a service is configured. */
    public boolean enabled() {
        return snapshot != null || serviceUrl != null;
    }

    @AssertTrue(message = "publisher-certificates must name at least one certificate when a snapshot or a service-url "
            + "is set: an unsealed directory is never taken")
    boolean isPublisherKnown() {
        return !enabled() || !publisherCertificates.isEmpty();
    }

    @AssertTrue(message = "service-url must be https (http only on a loopback address)")
    boolean isServiceSecure() {
        return serviceUrl == null || "https".equalsIgnoreCase(serviceUrl.getScheme())
                || ("http".equalsIgnoreCase(serviceUrl.getScheme()) && LOOPBACK.contains(serviceUrl.getHost()));
    }

    @AssertTrue(message = "refresh-interval must be between 10 seconds and 1 day")
    boolean isRefreshIntervalSensible() {
        return refreshInterval == null || (refreshInterval.compareTo(Duration.ofSeconds(10)) >= 0
                && refreshInterval.compareTo(Duration.ofDays(1)) <= 0);
    }

    @AssertTrue(message = "max-snapshot-size must be between 1KB and 2GB")
    boolean isMaxSnapshotSizeSensible() {
        return maxSnapshotSize == null || (maxSnapshotSize.toBytes() >= 1024
                && maxSnapshotSize.toBytes() <= DataSize.ofGigabytes(2).toBytes());
    }

    @AssertTrue(message = "tls-trust-store-password is required with tls-trust-store")
    boolean isTlsTrustStoreComplete() {
        return tlsTrustStore == null || tlsTrustStorePassword != null;
    }
}

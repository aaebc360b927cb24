package eu.lexbridge.app.directory;

import eu.lexbridge.app.config.As4Properties;
import eu.lexbridge.app.config.ConnectorProperties;
import eu.lexbridge.app.config.DirectoryProperties;
import eu.lexbridge.core.port.AuthorityDirectory;
import eu.lexbridge.core.port.SignatureVerifier;
import eu.lexbridge.directory.authority.DirectoryServiceClient;
import eu.lexbridge.directory.authority.SnapshotDirectory;
import eu.lexbridge.directory.authority.SnapshotIntake;
import eu.lexbridge.trust.container.DetachedSeal;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.port.PublisherSignatures;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The competent-authorities directory ({@code lexbridge.directory}): the signed snapshot in use, the last good copy
 * kept in the data directory, the directory service refreshed from, and their health and metrics.
 */
@AutoConfiguration
@EnableConfigurationProperties({DirectoryProperties.class, ConnectorProperties.class})
public class AuthorityDirectoryAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SnapshotDirectory snapshotDirectory(ObjectProvider<Clock> clock) {
        return new SnapshotDirectory(clock.getIfAvailable(Clock::systemUTC));
    }

    /** Certificates are read here, once: a bad file stops the start. */
    @Bean
    @ConditionalOnMissingBean
    SnapshotIntake snapshotIntake(DirectoryProperties directory, ConnectorProperties connector,
                                  SnapshotDirectory snapshots, ObjectProvider<Clock> clock) {
        SignatureVerifier seals = directory.publisherCertificates().isEmpty()
                ? (signatures, object, sha256) -> new SignatureVerifier.Verdict(false, null,
                        List.of("lexbridge.directory.publisher-certificates names no publisher"))
                : new PublisherSignatures(new DetachedSeal(directory.publisherCertificates().stream()
                        .map(KeyStores::readCertificate).toList(), clock.getIfAvailable(Clock::systemUTC)));
        return new SnapshotIntake(snapshots, seals, directory.maxSnapshotSize().toBytes(),
                connector.dataDirectory().resolve("directory").resolve("snapshot.asics"));
    }

    @Bean
    @ConditionalOnMissingBean(AuthorityDirectory.class)
    AuthorityDirectory authorityDirectory(SnapshotDirectory snapshots) {
        return snapshots;
    }

    @Bean
    DirectoryRefresh directoryRefresh(DirectoryProperties directory, SnapshotIntake intake,
                                      SnapshotDirectory snapshots, ObjectProvider<As4Properties> as4,
                                      ObjectProvider<Clock> clock) {
        DirectoryServiceClient client = directory.serviceUrl() == null ? null : new DirectoryServiceClient(
                directory.serviceUrl(), HttpClient.newBuilder().sslContext(tls(directory, as4.getIfAvailable()))
                        .connectTimeout(directory.requestTimeout()).followRedirects(HttpClient.Redirect.NEVER).build(),
                intake, snapshots, directory.maxSnapshotSize().toBytes(), directory.requestTimeout(),
                clock.getIfAvailable(Clock::systemUTC));
        return new DirectoryRefresh(intake, directory.snapshot(), client, directory.refreshInterval());
    }

    /**
     * UP with the snapshot in use and, with a service, when it last answered and why it did not since; DOWN when a
     * directory is configured and none could be taken: recipients named by competence are then refused.
     */
    @Bean
    HealthIndicator directoryHealthIndicator(DirectoryProperties directory, SnapshotDirectory snapshots,
                                             DirectoryRefresh refresh, ObjectProvider<Clock> clock) {
        return () -> {
            var snapshot = snapshots.snapshot();
            if (!directory.enabled()) {
                return Health.unknown().withDetail("directory", "none configured").build();
            }
            var health = snapshot.isPresent() ? Health.up() : Health.down();
            snapshot.ifPresent(s -> health.withDetail("version", s.version())
                    .withDetail("published", s.published().toString()).withDetail("sha256", s.sha256())
                    .withDetail("authorities", s.authorities().size()));
            refresh.client().ifPresent(client -> {
                health.withDetail("service", client.snapshotUri().toString());
                health.withDetail("lastContact", client.lastContact().map(Object::toString).orElse("never"));
                client.lastContact().ifPresent(at -> health.withDetail("secondsSinceContact",
                        Duration.between(at, clock.getIfAvailable(Clock::systemUTC).instant()).toSeconds()));
                client.lastProblem().ifPresent(problem -> health.withDetail("lastProblem", problem));
            });
            return health.build();
        };
    }

    /**
     * {@code lexbridge.directory.snapshot.version}, {@code .authorities} and {@code .age} (seconds since it was
     * published); with a service, {@code lexbridge.directory.contact.age} (seconds since it last answered).
     */
    @Bean
    DirectoryMetrics directoryMetrics(MeterRegistry registry, SnapshotDirectory snapshots, DirectoryRefresh refresh,
                                      ObjectProvider<Clock> clock) {
        Clock time = clock.getIfAvailable(Clock::systemUTC);
        Gauge.builder("lexbridge.directory.snapshot.version", snapshots,
                s -> s.snapshot().map(x -> (double) x.version()).orElse(Double.NaN))
                .description("the version of the directory snapshot in use").register(registry);
        Gauge.builder("lexbridge.directory.snapshot.authorities", snapshots,
                s -> s.snapshot().map(x -> (double) x.authorities().size()).orElse(Double.NaN))
                .description("authorities in the directory snapshot in use").register(registry);
        Gauge.builder("lexbridge.directory.snapshot.age", snapshots, s -> s.snapshot()
                        .map(x -> (double) Duration.between(x.published(), time.instant()).toSeconds())
                        .orElse(Double.NaN))
                .description("seconds since the snapshot in use was published").baseUnit("seconds")
                .register(registry);
        refresh.client().ifPresent(client -> Gauge.builder("lexbridge.directory.contact.age", client,
                c -> c.lastContact().map(at -> (double) Duration.between(at, time.instant()).toSeconds())
                        .orElse(Double.NaN))
                .description("seconds since the directory service last answered").baseUnit("seconds")
                .register(registry));
        return new DirectoryMetrics();
    }

    /** Marks that the directory's gauges are registered. */
    static final class DirectoryMetrics {
    }

    private static SSLContext tls(DirectoryProperties directory, As4Properties as4) {
        try {
            KeyStore trust = null;
            if (directory.tlsTrustStore() != null) {
                trust = KeyStores.loadPkcs12(directory.tlsTrustStore(), directory.tlsTrustStorePassword());
            } else if (as4 != null) {
                trust = KeyStores.loadPkcs12(as4.tlsTrustStore(), as4.tlsTrustStorePassword());
            }
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(
                    TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("lexbridge.directory.tls-trust-store cannot be used: " + e.getMessage(), e);
        }
    }
}

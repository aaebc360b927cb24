package eu.lexbridge.app.health;

import eu.lexbridge.app.RepeatingTask;
import eu.lexbridge.directory.partner.SharedPartners;
import eu.lexbridge.gateway.as4.As4Settings;
import eu.lexbridge.trust.keys.SealKey;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.server.Ssl;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ResourceUtils;

/**
 * The partners' reachability and the certificates' expiry, looked at every {@link #EVERY} by one task
 * ({@link PartnerWatch}) and shown as the health components {@code partners} and {@code certificates} and as gauges.
 * Neither is part of readiness or liveness: a partner down, or a partner's certificate expired, is the partner's
 * matter, and the connector still takes the back-ends' messages, which wait for it.
 */
@AutoConfiguration(afterName = {"eu.lexbridge.app.gateway.As4GatewayAutoConfiguration",
        "eu.lexbridge.app.trust.TrustAutoConfiguration", "eu.lexbridge.app.directory.DirectoryAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration"})
public class PartnerWatchAutoConfiguration {

    /** Often enough for an alert within minutes, rarely enough that a partner sees a handful of connections an hour. */
    static final Duration EVERY = Duration.ofMinutes(1);
    /** A partner's access point that takes no connection within this is counted unreachable. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    @Bean
    PartnerWatch partnerWatch(ObjectProvider<SharedPartners> partners, ObjectProvider<As4Settings> as4,
                              @Qualifier("evidenceSealKey") ObjectProvider<SealKey> evidenceSeal,
                              @Qualifier("containerSealKey") ObjectProvider<SealKey> containerSeal,
                              ObjectProvider<ServerProperties> server, ObjectProvider<Clock> clock,
                              MeterRegistry registry) {
        List<HeldCertificate> own = new ArrayList<>();
        as4.ifAvailable(settings -> own.add(new HeldCertificate(HeldCertificate.SELF, "as4",
                certificate(settings.as4KeyStore(), settings.as4KeyAlias()))));
        server.ifAvailable(properties -> tls(properties.getSsl()).ifPresent(certificate ->
                own.add(new HeldCertificate(HeldCertificate.SELF, "tls", certificate))));
        evidenceSeal.ifAvailable(key -> own.add(new HeldCertificate(HeldCertificate.SELF, "evidence-seal",
                key.certificate())));
        containerSeal.ifAvailable(key -> own.add(new HeldCertificate(HeldCertificate.SELF, "container-seal",
                key.certificate())));
        SharedPartners shared = partners.getIfAvailable();
        return new PartnerWatch(shared == null ? List::of : shared::all, own, CONNECT_TIMEOUT,
                clock.getIfAvailable(Clock::systemUTC), registry);
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    RepeatingTask partnerWatchTask(PartnerWatch watch) {
        return new RepeatingTask("partner-watch", EVERY, watch::look);
    }

    /** Always UP: each partner's reachability at the last look is a detail, for people and dashboards. */
    @Bean
    HealthIndicator partnersHealthIndicator(PartnerWatch watch) {
        return () -> {
            Map<String, Object> details = new LinkedHashMap<>();
            watch.reaches().forEach((partner, reach) -> details.put(partner, Map.of("reachable", reach.reachable(),
                    "detail", reach.detail(), "at", reach.at().toString())));
            return Health.up().withDetails(details).build();
        };
    }

    /**
     * DOWN when one of the connector's own certificates has expired (partners refuse what it signs); a partner's that
     * has expired is a detail. Each certificate with its subject, end and days left.
     */
    @Bean
    HealthIndicator certificatesHealthIndicator(PartnerWatch watch, ObjectProvider<Clock> clock) {
        return () -> {
            Instant now = clock.getIfAvailable(Clock::systemUTC).instant();
            Map<String, Object> details = new LinkedHashMap<>();
            boolean ownExpired = false;
            for (HeldCertificate held : watch.certificates()) {
                Duration left = held.left(now);
                ownExpired |= held.own() && left.isNegative();
                details.put(held.holder() + "/" + held.use(), Map.of(
                        "subject", held.certificate().getSubjectX500Principal().getName(),
                        "notAfter", held.certificate().getNotAfter().toInstant().toString(),
                        "daysLeft", left.toDays()));
            }
            return (ownExpired ? Health.down() : Health.up()).withDetails(details).build();
        };
    }

    private static X509Certificate certificate(KeyStore store, String alias) {
        try {
            return (X509Certificate) store.getCertificate(alias);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the AS4 key store cannot be read: " + e.getMessage(), e);
        }
    }

    /** The server's TLS certificate, when it serves TLS from a key store. */
    private static Optional<X509Certificate> tls(Ssl ssl) {
        if (ssl == null || !ssl.isEnabled() || ssl.getKeyStore() == null) {
            return Optional.empty();
        }
        try (InputStream in = ResourceUtils.getURL(ssl.getKeyStore()).openStream()) {
            KeyStore store = KeyStore.getInstance(ssl.getKeyStoreType() == null ? "PKCS12" : ssl.getKeyStoreType());
            store.load(in, ssl.getKeyStorePassword() == null ? null : ssl.getKeyStorePassword().toCharArray());
            String alias = ssl.getKeyAlias() != null ? ssl.getKeyAlias() : store.aliases().nextElement();
            return Optional.ofNullable((X509Certificate) store.getCertificate(alias));
        } catch (IOException | GeneralSecurityException e) {
            return Optional.empty(); // the web server refuses to start on it, and says why
        }
    }
}

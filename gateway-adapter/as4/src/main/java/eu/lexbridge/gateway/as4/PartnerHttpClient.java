package eu.lexbridge.gateway.as4;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.ssl.TLS;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The one HTTP client for all sends: pooled and kept alive (phase4 would otherwise open a new client and a new TLS
 * session per message), TLS 1.3 or 1.2 with forward-secret AEAD suites only, trusting only the partners' TLS CAs.
 */
final class PartnerHttpClient {

    /** TLS 1.3 suites, then TLS 1.2 ECDHE with AEAD ciphers (eDelivery: PFS suites preferred, no CBC, no RSA key transport). */
    static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    private static final TimeValue IDLE_EVICTION = TimeValue.ofSeconds(30);

    private PartnerHttpClient() {
    }

    static CloseableHttpClient create(As4Settings settings) {
        SSLContext tls = sslContext(settings);
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setTlsSocketStrategy(ClientTlsStrategyBuilder.create()
                        .setSslContext(tls)
                        .setTlsVersions(TLS.V_1_3, TLS.V_1_2)
                        .setCiphers(supported(tls, CIPHER_SUITES))
                        .buildClassic())
                .setMaxConnPerRoute(settings.maxConnectionsPerRoute())
                .setMaxConnTotal(Math.max(settings.maxConnectionsPerRoute(), settings.maxConnectionsPerRoute() * 8))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setSocketTimeout(Timeout.of(settings.responseTimeout()))
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build())
                .build();
        return HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(settings.responseTimeout()))
                        .setConnectionRequestTimeout(Timeout.of(settings.responseTimeout()))
                        .setRedirectsEnabled(false)
                        .build())
                // Retries are the dispatch route's job, with the same ebMS id and durable state.
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableContentCompression()
                .evictIdleConnections(IDLE_EVICTION)
                .build();
    }

    private static SSLContext sslContext(As4Settings settings) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(settings.tlsTrustStore());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS for AS4 sending: " + e.getMessage(), e);
        }
    }

    private static String[] supported(SSLContext context, List<String> wanted) {
        Set<String> available = Set.of(context.getSupportedSSLParameters().getCipherSuites());
        String[] suites = wanted.stream().filter(available::contains).toArray(String[]::new);
        if (suites.length == 0) {
            throw new IllegalStateException("none of the TLS cipher suites " + wanted + " is available in this JVM: "
                    + Arrays.toString(context.getSupportedSSLParameters().getCipherSuites()));
        }
        return suites;
    }
}

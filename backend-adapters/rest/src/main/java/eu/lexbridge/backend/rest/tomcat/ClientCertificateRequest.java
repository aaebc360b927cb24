package eu.lexbridge.backend.rest.tomcat;

import eu.lexbridge.core.port.BackendCertificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * Mutual TLS for the back-ends on the server's TLS port ({@code server.ssl.*}): the server asks every client for its
 * certificate without requiring one (partners' access points and token callers present none), and trusts exactly the
 * back-ends' certificates ({@code lexbridge.backend-identity.certificates}) besides whatever the configured trust
 * store holds. The handshake proves the client holds the certificate's key; which back-end it is, is decided per
 * request by an exact match (the authentication filter), never by the chain alone. {@code server.ssl.client-auth=none}
 * keeps the server from asking; {@code need} is kept as it is.
 */
public final class ClientCertificateRequest implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private static final String ALIAS_PREFIX = "lexbridge-backend-";

    private final BackendCertificates certificates;

    public ClientCertificateRequest(BackendCertificates certificates) {
        this.certificates = certificates;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        Ssl ssl = factory.getSsl();
        if (certificates.backends().isEmpty() || ssl != null && ssl.getClientAuth() == Ssl.ClientAuth.NONE) {
            return; // nobody calls with a certificate, or the operator said not to ask: the handshake stays as it is
        }
        // Runs after Spring Boot has applied server.ssl to the connector, so it adds to that configuration.
        factory.addConnectorCustomizers(connector -> {
            for (SSLHostConfig host : connector.findSslHostConfigs()) {
                if (host.getCertificateVerification() != SSLHostConfig.CertificateVerification.REQUIRED) {
                    host.setCertificateVerification(SSLHostConfig.CertificateVerification.OPTIONAL.name());
                }
                host.setTrustStore(withBackends(configuredTrustStore(host)));
            }
        });
    }

    private KeyStore withBackends(KeyStore configured) {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            if (configured != null) {
                for (String alias : Collections.list(configured.aliases())) {
                    if (configured.isCertificateEntry(alias)) {
                        trusted.setCertificateEntry(alias, configured.getCertificate(alias));
                    }
                }
            }
            for (String backend : certificates.backends()) {
                trusted.setCertificateEntry(ALIAS_PREFIX + backend, certificates.certificateOf(backend).orElseThrow());
            }
            return trusted;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("the back-ends' certificates cannot be made TLS trust anchors: "
                    + e.getMessage(), e);
        }
    }

    private static KeyStore configuredTrustStore(SSLHostConfig host) {
        try {
            return host.getTruststore();
        } catch (IOException e) {
            throw new UncheckedIOException("server.ssl.trust-store cannot be read: " + e.getMessage(), e);
        }
    }
}

package eu.lexbridge.backend.rest;

import static eu.lexbridge.backend.rest.MutualTlsTest.PASSWORD;
import static eu.lexbridge.backend.rest.MutualTlsTest.PKI;
import static eu.lexbridge.backend.rest.MutualTlsTest.certificate;
import static eu.lexbridge.backend.rest.MutualTlsTest.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.backend.rest.tomcat.ClientCertificateRequest;
import eu.lexbridge.core.port.BackendCertificates;
import eu.lexbridge.trust.pki.TestPki;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.Ssl;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Mutual TLS without a trust store of the operator's: the back-ends' own certificates are the only TLS trust anchors,
 * so only a back-end's certificate gets through the handshake.
 */
@SpringBootTest(classes = {TestConnector.class, MutualTlsPinnedTest.Identities.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MutualTlsPinnedTest {

    @LocalServerPort int port;

    @TestConfiguration(proxyBeanMethods = false)
    static class Identities {
        @Bean
        BackendCertificates backendCertificates() {
            return BackendCertificates.of(Map.of("court-a", certificate("court-a")));
        }
    }

    @DynamicPropertySource
    static void tls(DynamicPropertyRegistry registry) {
        registry.add("server.ssl.enabled", () -> "true");
        registry.add("server.ssl.key-store", () -> PKI.parties().get("at-connector").tlsKeyStore().toString());
        registry.add("server.ssl.key-store-password", () -> new String(PASSWORD));
        registry.add("server.ssl.key-store-type", () -> "PKCS12");
        registry.add("server.ssl.key-alias", () -> TestPki.TLS_ALIAS);
    }

    @Test
    void aBackEndsCertificateIsTrustedAsItIs() throws Exception {
        HttpResponse<String> inbox = client(PKI.parties().get("court-a").tlsKeyStore()).send(inbox(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(inbox.statusCode()).isEqualTo(200);
    }

    @Test
    void anotherCertificateOfTheSameCaEndsTheHandshake() {
        assertThatThrownBy(() -> client(PKI.parties().get("stranger").tlsKeyStore()).send(inbox(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    }

    @Test
    void clientAuthNoneKeepsTheServerFromAsking() {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
        Ssl ssl = new Ssl();
        ssl.setClientAuth(Ssl.ClientAuth.NONE);
        factory.setSsl(ssl);
        BackendCertificates certificates = BackendCertificates.of(Map.of("court-a", certificate("court-a")));

        new ClientCertificateRequest(certificates).customize(factory);
        assertThat(factory.getTomcatConnectorCustomizers()).isEmpty();

        ssl.setClientAuth(null);
        new ClientCertificateRequest(certificates).customize(factory);
        assertThat(factory.getTomcatConnectorCustomizers()).hasSize(1);
    }

    private HttpRequest inbox() {
        return HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/api/v1/messages/inbox")).build();
    }
}

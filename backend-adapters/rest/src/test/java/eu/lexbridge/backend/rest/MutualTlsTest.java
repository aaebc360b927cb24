package eu.lexbridge.backend.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import eu.lexbridge.core.port.BackendCertificates;
import eu.lexbridge.trust.pki.GeneratedPki;
import eu.lexbridge.trust.pki.SharedTestPki;
import eu.lexbridge.trust.pki.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Mutual TLS over a real TLS port on loopback, with certificates of the test PKI: a back-end is known by its client
 * certificate as by its token, and the two must name one back-end.
 */
@SpringBootTest(classes = {TestConnector.class, MutualTlsTest.Identities.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class MutualTlsTest extends ApiTestSupport {

    static final char[] PASSWORD = "mtls-test-password".toCharArray();
    static final GeneratedPki PKI = SharedTestPki.copyTo(Path.of("target", "mtls-pki"),
            List.of("at-connector", "court-a", "court-b", "stranger"), PASSWORD);

    @LocalServerPort int port;

    /** The back-ends' certificates, as connector-app binds them from lexbridge.backend-identity.certificates. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Identities {
        @Bean
        BackendCertificates backendCertificates() {
            return BackendCertificates.of(Map.of("court-a", certificate("court-a"), "court-b", certificate("court-b")));
        }
    }

    @DynamicPropertySource
    static void tls(DynamicPropertyRegistry registry) {
        registry.add("server.ssl.enabled", () -> "true");
        registry.add("server.ssl.key-store", () -> PKI.parties().get("at-connector").tlsKeyStore().toString());
        registry.add("server.ssl.key-store-password", () -> new String(PASSWORD));
        registry.add("server.ssl.key-store-type", () -> "PKCS12");
        registry.add("server.ssl.key-alias", () -> TestPki.TLS_ALIAS);
        // The operator's own trust store (the test CA): a certificate of that CA passes the handshake, and is still
        // nobody's unless it is exactly a back-end's.
        registry.add("server.ssl.trust-store", () -> PKI.trustStore().toString());
        registry.add("server.ssl.trust-store-password", () -> new String(PASSWORD));
        registry.add("server.ssl.trust-store-type", () -> "PKCS12");
    }

    @Test
    void aBackEndIsKnownByItsClientCertificateWithoutAToken() throws Exception {
        UUID own = receive("urn:authority:court-a", XML, XML);
        UUID other = receive("urn:authority:court-b", XML, XML);

        HttpResponse<String> inbox = call("court-a", null, "/api/v1/messages/inbox");
        assertThat(inbox.statusCode()).isEqualTo(200);
        assertThat(inbox.body()).contains(own.toString()).doesNotContain(other.toString());
        assertThat(call("court-a", null, "/api/v1/messages/" + other).statusCode()).isEqualTo(404);
        assertThat(call("court-b", null, "/api/v1/messages/" + other).statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenAndACertificateOfOneBackEndAreAccepted() throws Exception {
        assertThat(call("court-a", COURT_A, "/api/v1/messages/inbox").statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenAndACertificateOfTwoBackEndsAreRefused(CapturedOutput log) throws Exception {
        UUID own = receive("urn:authority:court-a", XML, XML);

        HttpResponse<String> response = call("court-a", COURT_B, "/api/v1/messages/" + own);

        assertUnauthenticated(response, "the bearer token and the client certificate belong to different back-ends; "
                + "call with the credentials of one back-end");
        assertThat(log).contains("lexbridge.security")
                .contains("the bearer token is back-end court-b's and the client certificate back-end court-a's")
                .doesNotContain(COURT_B);
    }

    @Test
    void aCertificateOfNoBackEndWithoutATokenIsRefused(CapturedOutput log) throws Exception {
        HttpResponse<String> response = call("stranger", null, "/api/v1/messages/inbox");

        assertUnauthenticated(response, "a valid bearer token (Authorization: Bearer <token>) or a back-end's client "
                + "certificate is required");
        assertThat(log).contains("no bearer token, and the client certificate (CN=stranger TLS");
    }

    @Test
    void noCertificateAndNoTokenIsRefusedAndATokenAloneStillWorks() throws Exception {
        assertUnauthenticated(call(null, null, "/api/v1/messages/inbox"), "a valid bearer token (Authorization: "
                + "Bearer <token>) or a back-end's client certificate is required");
        assertThat(call(null, COURT_B, "/api/v1/messages/inbox").statusCode()).isEqualTo(200);
    }

    @Test
    void aClientCertificateTheServerDoesNotTrustEndsTheHandshake() throws Exception {
        Path elsewhere = Path.of("target", "mtls-pki-elsewhere");
        GeneratedPki other = TestPki.generate(elsewhere, List.of("court-a"), PASSWORD);
        HttpClient client = client(other.parties().get("court-a").tlsKeyStore());

        assertThatThrownBy(() -> client.send(request(null, "/api/v1/messages/inbox"),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    }

    private void assertUnauthenticated(HttpResponse<String> response, String detail) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = JSON.valueToTree(parse(response.body()));
        assertThat(problem.get("code").asText()).isEqualTo("LB-1200");
        assertThat(problem.get("detail").asText()).isEqualTo(detail);
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private HttpResponse<String> call(String party, String token, String path) throws Exception {
        HttpClient client = client(party == null ? null : PKI.parties().get(party).tlsKeyStore());
        return client.send(request(token, path), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String token, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://localhost:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    /** A client that trusts the test CA and, with a key store, presents its certificate. */
    static HttpClient client(Path keyStore) throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(PKI.trustStore()));
        KeyManager[] keys = null;
        if (keyStore != null) {
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(load(keyStore), PASSWORD);
            keys = new KeyManager[] {new AlwaysPresent((X509KeyManager) factory.getKeyManagers()[0])};
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).build();
    }

    private static KeyStore load(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD);
        }
        return store;
    }

    static X509Certificate certificate(String party) {
        try {
            return (X509Certificate) load(PKI.parties().get(party).tlsKeyStore()).getCertificate(TestPki.TLS_ALIAS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Presents the client's certificate whatever issuers the server names, as curl does: the server lists the
     * back-ends' own certificates as acceptable issuers, which the JDK's key manager would otherwise match against
     * the certificate's issuer and then send nothing.
     */
    private static final class AlwaysPresent extends X509ExtendedKeyManager {
        private final X509KeyManager keys;

        AlwaysPresent(X509KeyManager keys) {
            this.keys = keys;
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return TestPki.TLS_ALIAS;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            return TestPki.TLS_ALIAS;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[] {TestPki.TLS_ALIAS};
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return keys.getCertificateChain(alias);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return keys.getPrivateKey(alias);
        }
    }
}

package eu.lexbridge.gateway.as4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.core.message.Party;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.pki.SharedTestPki;
import eu.lexbridge.trust.pki.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TLS the embedded access point sends with, to partners of either AS4 profile (1.x and eDelivery AS4 2.0 share it):
 * TLS 1.3, or TLS 1.2 with forward-secret AEAD suites only. Against a partner's server on loopback that offers one
 * protocol and one suite at a time: the client takes what the profile allows and refuses the rest before any request
 * goes out.
 */
class PartnerHttpClientTest {

    private static final char[] PASSWORD = "pw-partner-http".toCharArray();
    private static final Party A = new Party("lexbridge-a", "urn:oasis:names:tc:ebcore:partyid-type:unregistered",
            "GW");

    @TempDir
    static Path dir;

    private static CloseableHttpClient client;
    private static SSLContext partnersTls;

    @BeforeAll
    static void start() throws Exception {
        var pki = SharedTestPki.copyTo(dir, List.of("lexbridge-a", "lexbridge-b"), PASSWORD);
        KeyStore trust = KeyStores.loadPkcs12(pki.trustStore(), PASSWORD);
        As4Settings settings = new As4Settings(A, "a.lexbridge.test", dir.resolve("data"),
                KeyStores.loadPkcs12(pki.parties().get("lexbridge-a").as4KeyStore(), PASSWORD), TestPki.AS4_ALIAS,
                PASSWORD, trust, trust, Duration.ofSeconds(5), Duration.ofSeconds(10), 2);
        client = PartnerHttpClient.create(settings);
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(KeyStores.loadPkcs12(pki.parties().get("lexbridge-b").tlsKeyStore(), PASSWORD), PASSWORD);
        partnersTls = SSLContext.getInstance("TLS");
        partnersTls.init(keys.getKeyManagers(), null, null);
    }

    @AfterAll
    static void stop() throws IOException {
        client.close();
    }

    @Test
    void tls13AndTls12WithForwardSecretAeadSuitesAreTaken() throws Exception {
        assertThat(exchange("TLSv1.3", null))
                .matches("TLSv1\\.3 TLS_(AES_128_GCM_SHA256|AES_256_GCM_SHA384|CHACHA20_POLY1305_SHA256)");
        assertThat(exchange("TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"))
                .isEqualTo("TLSv1.2 TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
        assertThat(exchange("TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"))
                .isEqualTo("TLSv1.2 TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
    }

    @Test
    void aPartnerOfferingOnlyCbcOrNoForwardSecrecyGetsNoRequest() {
        assertThatThrownBy(() -> exchange("TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256"))
                .isInstanceOf(SSLHandshakeException.class);
        assertThatThrownBy(() -> exchange("TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"))
                .isInstanceOf(SSLHandshakeException.class);
        // RSA key transport: refused by the client on JDK 17; from JDK 24 on, the JDK disables it on both ends
        assertThatThrownBy(() -> exchange("TLSv1.2", "TLS_RSA_WITH_AES_128_GCM_SHA256"))
                .isInstanceOf(SSLHandshakeException.class);
    }

    /**
     * One GET to a partner's server that speaks {@code protocol} only and, unless {@code null}, {@code suite} only.
     *
     * @return the server's session: its protocol and cipher suite, once it answered the request
     */
    private static String exchange(String protocol, String suite) throws Exception {
        try (SSLServerSocket server = (SSLServerSocket) partnersTls.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setEnabledProtocols(new String[] {protocol});
            if (suite != null) {
                server.setEnabledCipherSuites(new String[] {suite});
            }
            CompletableFuture<String> served = CompletableFuture.supplyAsync(() -> serveOne(server));
            try {
                int status = client.execute(new HttpGet("https://localhost:" + server.getLocalPort() + "/as4"),
                        response -> response.getCode());
                assertThat(status).isEqualTo(204);
                return served.get(10, TimeUnit.SECONDS);
            } finally {
                served.cancel(true);
            }
        }
    }

    /** Answers one request with 204 and gives the session's protocol and suite; a failed handshake gives null. */
    private static String serveOne(SSLServerSocket server) {
        try (SSLSocket socket = (SSLSocket) server.accept()) {
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            // the request's head ends with an empty line; a GET has no body
            int last = 0;
            for (int b = in.read(), run = 0; b >= 0; b = in.read()) {
                run = (b == '\n' && last == '\r') ? run + 1 : (b == '\r' ? run : 0);
                last = b;
                if (run == 2) {
                    break;
                }
            }
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return socket.getSession().getProtocol() + " " + socket.getSession().getCipherSuite();
        } catch (IOException e) {
            return null;
        }
    }
}

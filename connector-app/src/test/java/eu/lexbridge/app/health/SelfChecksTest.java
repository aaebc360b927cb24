package eu.lexbridge.app.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import eu.lexbridge.trust.lists.TrustedListStatus;
import eu.lexbridge.trust.pki.SharedTestPki;
import eu.lexbridge.trust.signature.FetchedCrls.Fetched;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * Issue 15 item 4: the trust data's freshness (trusted lists and CRLs against their next update, with an hour's
 * grace) and the AS4 receiver's self-check (real HTTP and TLS servers on loopback; the whole connector's in
 * ManagementOperationsTest).
 */
class SelfChecksTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    private static TrustedListStatus list(String location, Instant nextUpdate) {
        return new TrustedListStatus(location, false, "AT", true, "TOTAL_PASSED", nextUpdate, 3, true, List.of());
    }

    @Test
    void aListOrCrlPastItsNextUpdateByMoreThanTheGraceIsDown() {
        AtomicReference<Instant> crlNext = new AtomicReference<>(NOW.minus(Duration.ofMinutes(59)));
        var freshness = new TrustFreshness(() -> List.of(list("https://tl.example/at.xml", NOW.plus(Duration.ofDays(
                30)))), () -> Map.of("http://ca.example/ca.crl", new Fetched("http://ca.example/ca.crl", crlNext.get(),
                NOW.minus(Duration.ofHours(1)))), () -> NOW);

        Health within = freshness.health();
        assertThat(within.getStatus()).as("59 minutes late: within the grace").isEqualTo(Status.UP);
        assertThat(within.getDetails()).containsKeys("trusted-list https://tl.example/at.xml",
                "crl http://ca.example/ca.crl");

        crlNext.set(NOW.minus(Duration.ofMinutes(61)));
        Health stale = freshness.health();
        assertThat(stale.getStatus()).isEqualTo(Status.DOWN);
        assertThat(stale.getDetails().get("crl http://ca.example/ca.crl")).isEqualTo(Map.of(
                "nextUpdate", NOW.minus(Duration.ofMinutes(61)).toString(), "stale", true));

        var noNextUpdate = new TrustFreshness(() -> List.of(list("https://tl.example/x.xml", null)), Map::of,
                () -> NOW);
        assertThat(noNextUpdate.health().getStatus()).as("unknown is not stale").isEqualTo(Status.UP);
    }

    @Test
    void theReceiverIsUpWhenItAnswersDownWhenItFailsOrIsClosedAndAskedAtMostEveryThirtySeconds() throws IOException {
        AtomicInteger asked = new AtomicInteger();
        AtomicInteger answer = new AtomicInteger(405);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/as4", exchange -> {
            asked.incrementAndGet();
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        server.start();
        try {
            AtomicReference<Instant> now = new AtomicReference<>(NOW);
            Clock clock = new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now.get();
                }
            };
            var check = new As4ReceiverCheck(InetAddress.getLoopbackAddress(), () -> server.getAddress().getPort(),
                    "/as4", false, clock);

            assertThat(check.health().getStatus()).isEqualTo(Status.UP);
            assertThat(check.health().getDetails()).containsEntry("status", 405).containsEntry("tls", false);
            assertThat(asked).as("kept 30 s").hasValue(1);

            answer.set(503);
            now.set(NOW.plusSeconds(30));
            assertThat(check.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(asked).hasValue(2);
        } finally {
            server.stop(0);
        }

        int closed;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = free.getLocalPort();
        }
        var nobody = new As4ReceiverCheck(InetAddress.getLoopbackAddress(), () -> closed, "/as4", true,
                Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(nobody.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(nobody.health().getDetails()).containsEntry("error", "ConnectException");
        var notStarted = new As4ReceiverCheck(InetAddress.getLoopbackAddress(), () -> -1, "/as4", true,
                Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(notStarted.health().getStatus()).isEqualTo(Status.DOWN);
    }

    /**
     * Over TLS, against a real TLS server with the test PKI's TLS key: it answers; and when it requires a client
     * certificate, which the check cannot give, its refusal after taking the connection counts as an answer only where
     * the configuration says so.
     */
    @Test
    void overTlsTheReceiverAnswersAndAClientCertificateRequiredIsAnAnswerWhenConfigured(@TempDir Path dir)
            throws Exception {
        char[] password = "test-only".toCharArray();
        var pki = SharedTestPki.copyTo(dir, List.of("p"), password);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(pki.parties().get("p").tlsKeyStore())) {
            keys.load(in, password);
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, null);

        for (boolean need : new boolean[] {false, true}) {
            try (SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 5,
                    InetAddress.getLoopbackAddress())) {
                server.setNeedClientAuth(need);
                Thread answering = new Thread(() -> {
                    for (int i = 0; i < 2; i++) {
                        try (var socket = server.accept()) {
                            socket.getInputStream().read(new byte[512]);
                            socket.getOutputStream().write("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n"
                                    .getBytes(StandardCharsets.US_ASCII));
                        } catch (IOException e) {
                            // the handshake refused: what the check sees
                        }
                    }
                });
                answering.setDaemon(true);
                answering.start();
                Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
                Health strict = new As4ReceiverCheck(InetAddress.getLoopbackAddress(), server::getLocalPort, "/as4",
                        true, false, clock).health();
                Health configured = new As4ReceiverCheck(InetAddress.getLoopbackAddress(), server::getLocalPort,
                        "/as4", true, true, clock).health();
                if (need) {
                    assertThat(strict.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(configured.getStatus()).isEqualTo(Status.UP);
                    assertThat(configured.getDetails()).containsKey("detail");
                } else {
                    assertThat(strict.getStatus()).isEqualTo(Status.UP);
                    assertThat(strict.getDetails()).containsEntry("status", 405).containsEntry("tls", true);
                }
                answering.join(5000);
            }
        }
    }
}

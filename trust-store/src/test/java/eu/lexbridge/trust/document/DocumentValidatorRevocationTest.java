package eu.lexbridge.trust.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import eu.europa.esig.dss.enumerations.MimeTypeEnum;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.xades.XAdESSignatureParameters;
import eu.europa.esig.dss.xades.signature.XAdESService;
import eu.lexbridge.trust.signature.RevocationChecking;
import eu.lexbridge.trust.signature.RevocationStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Revocation with real CRLs: a root CA of this test, a CRL file in a temporary folder (and the same CRL over loopback
 * HTTP) that lists one revoked leaf, and DSS fetching it from the leaves' CRL distribution points.
 */
class DocumentValidatorRevocationTest {

    private static final String XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Order xmlns="urn:lexbridge:test"><Claim>EUR 1200.00</Claim></Order>
            """;

    @TempDir
    static Path dir;

    private static RevocationPki pki;
    private static Instant signedAt;
    private static Instant revokedAt;
    private static RevocationPki.Leaf good;
    private static RevocationPki.Leaf revoked;
    private static RevocationPki.Leaf servedOverHttp;
    private static RevocationPki.Leaf unreachable;
    private static RevocationPki.Leaf ldapOnly;
    private static RevocationPki.Leaf goodByOcsp;
    private static RevocationPki.Leaf revokedByOcsp;
    private static final AtomicInteger OCSP_REQUESTS = new AtomicInteger();
    private static HttpServer server;
    private static final AtomicInteger CRL_REQUESTS = new AtomicInteger();

    @BeforeAll
    static void pkiAndCrls() throws IOException {
        pki = RevocationPki.create();
        signedAt = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
        revokedAt = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);

        Path crlFile = dir.resolve("root.crl");
        String fileUrl = crlFile.toUri().toString();
        good = pki.leaf("Good Clerk", fileUrl);
        revoked = pki.leaf("Revoked Clerk", fileUrl);

        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String httpUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/crl/root.crl";
        servedOverHttp = pki.leaf("Http Clerk", httpUrl);
        unreachable = pki.leaf("Unreachable Clerk", "http://127.0.0.1:" + closedPort() + "/crl/root.crl");
        ldapOnly = pki.leaf("Ldap Clerk", "ldap://127.0.0.1/cn=root?certificateRevocationList");
        // Their CRL cannot be fetched: what they get, they get through OCSP.
        String ocspUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/ocsp";
        String deadCrl = "http://127.0.0.1:" + closedPort() + "/crl/root.crl";
        goodByOcsp = pki.leaf("Ocsp Good Clerk", deadCrl, ocspUrl);
        revokedByOcsp = pki.leaf("Ocsp Revoked Clerk", deadCrl, ocspUrl);
        Map<java.security.cert.X509Certificate, Instant> revokedForOcsp = Map.of(revokedByOcsp.certificate(),
                revokedAt);
        server.createContext("/ocsp", exchange -> {
            OCSP_REQUESTS.incrementAndGet();
            byte[] response = pki.ocspResponse(exchange.getRequestBody().readAllBytes(), revokedForOcsp);
            exchange.getResponseHeaders().set("Content-Type", "application/ocsp-response");
            exchange.sendResponseHeaders(200, response.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response);
            }
        });

        byte[] crl = pki.crl(Map.of(revoked.certificate(), revokedAt));
        Files.write(crlFile, crl);
        server.createContext("/crl/root.crl", exchange -> {
            CRL_REQUESTS.incrementAndGet();
            exchange.getResponseHeaders().set("Content-Type", "application/pkix-crl");
            exchange.sendResponseHeaders(200, crl.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(crl);
            }
        });
        server.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static DocumentValidator validator(RevocationChecking checking) {
        return new DocumentValidator(ValidationSources.offline(List.of(pki.root())).withRevocation(checking)
                .withFetchTimeout(Duration.ofSeconds(2)), Clock.systemUTC());
    }

    @Test
    void goodSignerFromAFileCrl() {
        SignatureResult result = validateOne(validator(RevocationChecking.CRL), good);

        assertThat(result.intact()).isTrue();
        assertThat(result.trusted()).isTrue();
        assertThat(result.revocation()).isEqualTo(RevocationStatus.GOOD);
        assertThat(result.revokedAt()).isNull();
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void revokedSignerIsNotTrusted() {
        SignatureResult result = validateOne(validator(RevocationChecking.CRL), revoked);

        assertThat(result.intact()).isTrue(); // the maths are fine; the signer may not sign any more
        assertThat(result.trusted()).isFalse();
        assertThat(result.revocation()).isEqualTo(RevocationStatus.REVOKED);
        assertThat(result.revokedAt()).isEqualTo(revokedAt);
        assertThat(result.problems()).anySatisfy(p -> assertThat(p)
                .contains("Revoked Clerk").contains("was revoked at " + revokedAt).contains("keyCompromise"));
    }

    @Test
    void revocationOffChecksNothing() {
        DocumentValidation validation = validate(validator(RevocationChecking.OFF), revoked);

        assertThat(validation.signatures()).singleElement().satisfies(s -> {
            assertThat(s.trusted()).isTrue(); // offline, the revocation is not known
            assertThat(s.revocation()).isEqualTo(RevocationStatus.NOT_CHECKED);
            assertThat(s.problems()).isEmpty();
        });
    }

    @Test
    void crlOverLoopbackHttp() {
        int before = CRL_REQUESTS.get();

        SignatureResult result = validateOne(validator(RevocationChecking.CRL), servedOverHttp);

        assertThat(CRL_REQUESTS.get()).isGreaterThan(before);
        assertThat(result.revocation()).isEqualTo(RevocationStatus.GOOD);
        assertThat(result.trusted()).isTrue();
    }

    @Test
    void unreachableCrlIsUnknownButStillTrusted() {
        long start = System.nanoTime();
        SignatureResult result = validateOne(validator(RevocationChecking.CRL), unreachable);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(result.revocation()).isEqualTo(RevocationStatus.UNKNOWN); // e-CODEX SUFFICIENT, yellow
        assertThat(result.trusted()).isTrue();
        assertThat(result.problems()).anySatisfy(p -> assertThat(p).contains("could not be determined"));
        assertThat(took).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void goodSignerByOcsp() {
        int before = OCSP_REQUESTS.get();

        SignatureResult result = validateOne(validator(RevocationChecking.OCSP_AND_CRL), goodByOcsp);

        assertThat(OCSP_REQUESTS.get()).isGreaterThan(before);
        assertThat(result.revocation()).isEqualTo(RevocationStatus.GOOD);
        assertThat(result.trusted()).isTrue();
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void revokedSignerByOcsp() {
        SignatureResult result = validateOne(validator(RevocationChecking.OCSP_AND_CRL), revokedByOcsp);

        assertThat(result.revocation()).isEqualTo(RevocationStatus.REVOKED);
        assertThat(result.revokedAt()).isEqualTo(revokedAt);
        assertThat(result.trusted()).isFalse();
        assertThat(result.problems()).anySatisfy(p -> assertThat(p).contains("was revoked at " + revokedAt));
    }

    @Test
    void crlCheckingAsksNoOcspResponder() {
        int before = OCSP_REQUESTS.get();

        SignatureResult result = validateOne(validator(RevocationChecking.CRL), goodByOcsp);

        assertThat(OCSP_REQUESTS.get()).isEqualTo(before);
        assertThat(result.revocation()).isEqualTo(RevocationStatus.UNKNOWN);
    }

    @Test
    void ldapDistributionPointIsNotFetched() {
        SignatureResult result = validateOne(validator(RevocationChecking.OCSP_AND_CRL), ldapOnly);

        assertThat(result.revocation()).isEqualTo(RevocationStatus.UNKNOWN);
    }

    @Test
    void withoutTrustedListsNothingIsQualified() {
        SignatureResult result = validateOne(validator(RevocationChecking.CRL), good);

        assertThat(result.qualified()).isFalse();
        assertThat(result.qualification()).isNotEqualTo("QESig").isNotEqualTo("QESeal");
    }

    private static SignatureResult validateOne(DocumentValidator validator, RevocationPki.Leaf signer) {
        DocumentValidation validation = validate(validator, signer);
        assertThat(validation.signatures()).hasSize(1);
        return validation.signatures().get(0);
    }

    private static DocumentValidation validate(DocumentValidator validator, RevocationPki.Leaf signer) {
        XAdESSignatureParameters parameters = new XAdESSignatureParameters();
        parameters.setSignatureLevel(SignatureLevel.XAdES_BASELINE_B);
        parameters.setSignaturePackaging(SignaturePackaging.ENVELOPED);
        byte[] signed = Signing.bytes(Signing.sign(new XAdESService(Signing.verifier()), signer.key(), signer.chain(),
                new InMemoryDocument(XML.getBytes(StandardCharsets.UTF_8), "order.xml", MimeTypeEnum.XML),
                parameters, signedAt));
        return validator.validate(new java.io.ByteArrayInputStream(signed), "order.xml");
    }
}

package eu.lexbridge.trust.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.tsl.TrustProperties;
import eu.europa.esig.dss.model.tsl.TrustServiceStatusAndInformationExtensions;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.tsl.TrustedListsCertificateSource;
import eu.europa.esig.dss.spi.x509.CommonCertificateSource;
import eu.europa.esig.dss.tsl.job.TLValidationJob;
import eu.europa.esig.dss.tsl.source.LOTLSource;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.pki.GeneratedPki;
import eu.lexbridge.trust.pki.SharedTestPki;
import eu.lexbridge.trust.pki.TestPki;
import eu.lexbridge.trust.signature.UrlDataLoader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustedListsLoaderTest {

    private static final char[] PASSWORD = "tl-secret".toCharArray();
    private static final String CA_QC = "http://uri.etsi.org/TrstSvc/Svctype/CA/QC";
    private static final String GRANTED = "http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted";
    private static final String FOR_E_SEALS = "http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/ForeSeals";
    private static final String FOR_E_SIGNATURES = "http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/ForeSignatures";

    @TempDir
    Path dir;

    @Test
    void loadsTheLotlFromAFileUrlAndTrustsTheIssuingCaAsAGrantedQualifiedCa() {
        GeneratedPki pki = SharedTestPki.copyTo(dir, List.of("de-court"), PASSWORD);
        TrustedListsLoader loader = loader(pki, null);
        assertThat(loader.summary().accepted()).isFalse();
        assertThat(loader.certificateSource().getNumberOfTrustedEntityKeys()).isZero();

        TrustedListsSummary summary = loader.refresh();

        assertThat(summary.accepted()).as(summary.toString()).isTrue();
        assertThat(summary.problems()).isEmpty();
        assertThat(summary.lotlLocation()).isEqualTo(pki.trustedLists().listOfTrustedListsLocation().toString());
        assertThat(summary.lists()).hasSize(2);
        TrustedListStatus lotl = summary.lists().get(0);
        assertThat(lotl.listOfTrustedLists()).isTrue();
        assertThat(lotl.territory()).isEqualTo("EU");
        assertThat(lotl.signatureValid()).isTrue();
        assertThat(lotl.signatureIndication()).isEqualTo("TOTAL_PASSED");
        TrustedListStatus tl = summary.territory("XX").get(0);
        assertThat(tl.location()).isEqualTo(pki.trustedLists().trustedListLocation().toString());
        assertThat(tl.signatureValid()).isTrue();
        assertThat(tl.used()).isTrue();
        assertThat(tl.trustServices()).isEqualTo(1);
        assertThat(tl.nextUpdate()).isAfter(summary.loadedAt().plus(Duration.ofDays(170)));
        assertThat(tl.problems()).isEmpty();

        assertGrantedQualifiedCa(loader.certificateSource(), pki);
        assertThat(loader.summary()).isEqualTo(summary);
    }

    @Test
    void loadsTheSameOverLoopbackHttp() throws Exception {
        List<String> requests = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        Path pkiDir = dir.resolve("pki");
        server.createContext("/tl/", exchange -> {
            requests.add(exchange.getRequestURI().getPath());
            Path file = pkiDir.resolve("tl").resolve(Path.of(exchange.getRequestURI().getPath()).getFileName()
                    .toString());
            byte[] body = Files.isRegularFile(file) ? Files.readAllBytes(file)
                    : "not here".getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(Files.isRegularFile(file) ? 200 : 404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tl/");
            GeneratedPki pki = TestPki.generate(pkiDir, List.of("de-court"), PASSWORD,
                    TestPki.Options.defaults().withListBaseUri(base));
            assertThat(pki.trustedLists().listOfTrustedListsLocation()).isEqualTo(base.resolve("lotl.xml"));

            TrustedListsLoader loader = loader(pki, dir.resolve("cache"));
            TrustedListsSummary summary = loader.refresh();

            assertThat(summary.accepted()).as(summary.toString()).isTrue();
            assertThat(summary.territory("XX")).singleElement().satisfies(tl -> {
                assertThat(tl.location()).isEqualTo(base.resolve("XX-tl.xml").toString());
                assertThat(tl.signatureValid()).isTrue();
            });
            assertThat(requests).contains("/tl/lotl.xml", "/tl/XX-tl.xml");
            assertGrantedQualifiedCa(loader.certificateSource(), pki);

            // With the server gone, the cache still starts a loader: the offline start-up of a connector.
            server.stop(0);
            TrustedListsLoader restarted = loader(pki, dir.resolve("cache"));
            TrustedListsSummary fromCache = restarted.refreshFromCache();
            assertThat(fromCache.accepted()).as(fromCache.toString()).isTrue();
            assertGrantedQualifiedCa(restarted.certificateSource(), pki);
        } finally {
            server.stop(0);
        }
    }

    /**
     * A trusted list changed after signing: DSS reports the signature as TOTAL_FAILED/HASH_FAILURE. DSS's own
     * default synchronisation (AcceptAllStrategy) would still put the list's CA among the trust anchors; the loader
     * leaves it out.
     */
    @Test
    void aTrustedListChangedAfterSigningIsReportedAndNotUsed() throws Exception {
        GeneratedPki pki = TestPki.generate(dir, List.of("de-court"), PASSWORD);
        Path tl = pki.trustedLists().trustedList();
        String original = Files.readString(tl);
        assertThat(original).contains("Testville");
        Files.writeString(tl, original.replace("Testville", "Testvilla"));

        TrustedListsSummary summary = loader(pki, null).refresh();

        assertThat(summary.accepted()).as("the LOTL itself is fine").isTrue();
        TrustedListStatus status = summary.territory("XX").get(0);
        assertThat(status.signatureValid()).isFalse();
        assertThat(status.signatureIndication()).isEqualTo("TOTAL_FAILED/HASH_FAILURE");
        assertThat(status.used()).isFalse();
        assertThat(status.problems()).anyMatch(p -> p.contains("signature is not valid")
                && p.contains("not used"));
        TrustedListsLoader loader = loader(pki, null);
        loader.refresh();
        assertThat(loader.certificateSource().isTrusted(issuingCa(pki))).isFalse();

        // What DSS does by default with the same lists: the CA of the broken list is trusted all the same.
        TrustedListsCertificateSource dssDefault = new TrustedListsCertificateSource();
        TLValidationJob job = new TLValidationJob();
        LOTLSource lotl = new LOTLSource();
        lotl.setUrl(pki.trustedLists().listOfTrustedListsLocation().toString());
        CommonCertificateSource signers = new CommonCertificateSource();
        signers.addCertificate(new CertificateToken(
                KeyStores.readCertificate(pki.trustedLists().listOfTrustedListsSigner())));
        lotl.setCertificateSource(signers);
        job.setListOfTrustedListSources(lotl);
        job.setOnlineDataLoader(url -> new InMemoryDocument(
                UrlDataLoader.forLists().get(url)));
        job.setTrustedListCertificateSource(dssDefault);
        job.onlineRefresh();
        assertThat(dssDefault.isTrusted(issuingCa(pki))).isTrue();
    }

    @Test
    void aLotlSignedByAnotherKeyIsRejectedAndNothingIsTrusted() {
        GeneratedPki pki = TestPki.generate(dir, List.of("de-court"), PASSWORD);
        X509Certificate wrongSigner = KeyStores.readCertificate(pki.trustedLists().trustedListSigner());
        TrustedListsLoader loader = TrustedListsLoader.create(pki.trustedLists().listOfTrustedListsLocation(),
                List.of(wrongSigner), null);

        TrustedListsSummary summary = loader.refresh();

        assertThat(summary.accepted()).isFalse();
        TrustedListStatus lotl = summary.lists().get(0);
        assertThat(lotl.listOfTrustedLists()).isTrue();
        assertThat(lotl.signatureValid()).isFalse();
        assertThat(lotl.signatureIndication()).startsWith("INDETERMINATE");
        assertThat(summary.problems()).anyMatch(p -> p.startsWith("LOTL " + lotl.location())
                && p.contains("signature is not valid"));
        assertThat(summary.problems()).last().asString().startsWith("No trusted lists loaded");
        assertThat(loader.certificateSource().getNumberOfTrustedEntityKeys()).isZero();
        assertThat(loader.certificateSource().isTrusted(issuingCa(pki))).isFalse();
    }

    @Test
    void aFailedRefreshKeepsTheLastGoodSource() throws Exception {
        GeneratedPki pki = TestPki.generate(dir, List.of("de-court"), PASSWORD);
        TrustedListsLoader loader = loader(pki, null);
        TrustedListsSummary good = loader.refresh();
        TrustedListsCertificateSource source = loader.certificateSource();
        assertThat(good.accepted()).isTrue();

        Path lotl = pki.trustedLists().listOfTrustedLists();
        Files.writeString(lotl, Files.readString(lotl).replace("no legal effect", "some legal effect"));
        TrustedListsSummary tampered = loader.refresh();

        assertThat(tampered.accepted()).isFalse();
        assertThat(tampered.problems()).anyMatch(p -> p.contains("HASH_FAILURE"));
        assertThat(tampered.problems()).last().asString()
                .isEqualTo("Kept the trusted lists loaded at " + good.loadedAt());
        assertThat(loader.certificateSource()).isSameAs(source);
        assertThat(loader.summary()).isEqualTo(tampered);
        assertGrantedQualifiedCa(loader.certificateSource(), pki);

        Files.delete(lotl);
        TrustedListsSummary missing = loader.refresh();
        assertThat(missing.accepted()).isFalse();
        assertThat(missing.problems()).anyMatch(p -> p.contains("cannot fetch it") && p.contains("lotl.xml"));
        assertThat(missing.problems()).last().asString()
                .isEqualTo("Kept the trusted lists loaded at " + good.loadedAt());
        assertThat(loader.certificateSource()).isSameAs(source);
    }

    /** Readers on other threads see the last good source throughout refreshes that fail and succeed. */
    @Test
    void readersNeverSeeAHalfBuiltOrEmptiedSource() throws Exception {
        GeneratedPki pki = TestPki.generate(dir, List.of("de-court"), PASSWORD);
        TrustedListsLoader loader = loader(pki, null);
        assertThat(loader.refresh().accepted()).isTrue();
        CertificateToken ca = issuingCa(pki);
        Path lotl = pki.trustedLists().listOfTrustedLists();
        String good = Files.readString(lotl);
        String bad = good.replace("no legal effect", "some legal effect");

        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger reads = new AtomicInteger();
        ExecutorService readers = Executors.newFixedThreadPool(2);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            results.add(readers.submit(() -> {
                boolean alwaysTrusted = true;
                while (!stop.get()) {
                    alwaysTrusted &= loader.certificateSource().isTrusted(ca);
                    reads.incrementAndGet();
                }
                return alwaysTrusted;
            }));
        }
        try {
            for (int i = 0; i < 6; i++) {
                Files.writeString(lotl, i % 2 == 0 ? bad : good);
                assertThat(loader.refresh().accepted()).isEqualTo(i % 2 == 1);
            }
        } finally {
            stop.set(true);
            readers.shutdown();
        }
        for (Future<Boolean> result : results) {
            assertThat(result.get(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(reads.get()).isPositive();
    }

    @Test
    void refusesLocationsItShouldNotFollowAndMissingSigners() {
        X509Certificate any = KeyStores.readCertificate(
                SharedTestPki.copyTo(dir, List.of("de-court"), PASSWORD).caCertificate());
        assertThatThrownBy(() -> TrustedListsLoader.create(URI.create("ldap://example.invalid/lotl"), List.of(any),
                null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ldap://example.invalid");
        assertThatThrownBy(() -> TrustedListsLoader.create(URI.create("file:/tmp/lotl.xml"), List.of(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("file:/tmp/lotl.xml");
        assertThatThrownBy(() -> TrustedListsLoader.create(URI.create("file:/tmp/lotl.xml"), List.of(any), null)
                .refreshFromCache()).isInstanceOf(IllegalStateException.class).hasMessageContaining("no cache");
        assertThatThrownBy(() -> UrlDataLoader.forLists().get("ftp://example.invalid/tl.xml"))
                .hasMessageContaining("ftp://example.invalid/tl.xml");
    }

    static TrustedListsLoader loader(GeneratedPki pki, Path cache) {
        return TrustedListsLoader.create(pki.trustedLists().listOfTrustedListsLocation(),
                List.of(KeyStores.readCertificate(pki.trustedLists().listOfTrustedListsSigner())), cache);
    }

    static CertificateToken issuingCa(GeneratedPki pki) {
        return new CertificateToken(KeyStores.readCertificate(pki.issuingCaCertificate()));
    }

    private static void assertGrantedQualifiedCa(TrustedListsCertificateSource source, GeneratedPki pki) {
        CertificateToken ca = issuingCa(pki);
        assertThat(source.isTrusted(ca)).isTrue();
        assertThat(source.isTrusted(new CertificateToken(KeyStores.readCertificate(pki.caCertificate())))).isFalse();
        List<TrustProperties> services = source.getTrustServices(ca);
        assertThat(services).hasSize(1);
        TrustServiceStatusAndInformationExtensions latest = services.get(0).getTrustService().getLatest();
        assertThat(latest.getType()).isEqualTo(CA_QC);
        assertThat(latest.getStatus()).isEqualTo(GRANTED);
        assertThat(latest.getAdditionalServiceInfoUris()).containsExactlyInAnyOrder(FOR_E_SIGNATURES, FOR_E_SEALS);
    }
}

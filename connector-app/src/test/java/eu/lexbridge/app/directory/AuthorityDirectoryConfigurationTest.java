package eu.lexbridge.app.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.lexbridge.core.authority.AuthorityRole;
import eu.lexbridge.core.authority.Instrument;
import eu.lexbridge.core.authority.RecipientQuery;
import eu.lexbridge.core.port.AuthorityDirectory;
import eu.lexbridge.directory.authority.SnapshotArchive;
import eu.lexbridge.trust.container.DetachedSeal;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.keys.SealKey;
import eu.lexbridge.trust.pki.GeneratedPki;
import eu.lexbridge.trust.pki.SharedTestPki;
import eu.lexbridge.trust.signature.XmlSealer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * {@code lexbridge.directory}: the snapshot taken at start, kept as the last good copy, refreshed from a service, shown
 * in health and gauges; a directory without its publisher, or a service over plain HTTP, stops the start.
 */
class AuthorityDirectoryConfigurationTest {

    private static final char[] PASSWORD = "directory-app-Pa55".toCharArray();
    private static final RecipientQuery BERLIN = new RecipientQuery(new Instrument("EIO"), AuthorityRole.EXECUTING,
            null, "DE", null, "10115", null, null, null);

    @TempDir
    static Path dir;
    private static Path publisherCertificate;
    private static SealKey publisher;

    @BeforeAll
    static void pki() {
        GeneratedPki pki = SharedTestPki.copyTo(dir.resolve("pki"), List.of("a"), PASSWORD);
        publisherCertificate = pki.directoryPublisher().certificate();
        publisher = SealKey.fromKeyStore(KeyStores.loadPkcs12(pki.directoryPublisher().keyStore(), PASSWORD),
                pki.directoryPublisher().alias(), PASSWORD);
    }

    private static byte[] snapshot(long version, String name) throws Exception {
        byte[] json = """
                {"format":"lexbridge-directory/1","version":%d,"published":"2026-12-01T00:00:00Z","publisher":"test",
                 "authorities":[{"id":"DE-STA-BERLIN","kind":"prosecutor","names":{"en":"%s"},"languages":["de"],
                  "address":{"finalRecipient":"urn:authority:sta-berlin","partyId":"de-court","partyIdType":"t"},
                  "competences":[{"instrument":"EIO","roles":["executing"],
                   "area":{"countries":["DE"],"postalCodes":[{"from":"10115","to":"14199"}]}}]}]}
                """.formatted(version, name).getBytes(StandardCharsets.UTF_8);
        byte[] signatures = DetachedSeal.seal(new XmlSealer(publisher, DigestAlgorithm.SHA256, Clock.systemUTC()),
                SnapshotArchive.JSON, MessageDigest.getInstance("SHA-256").digest(json));
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        SnapshotArchive.write(json, signatures, file);
        return file.toByteArray();
    }

    private ApplicationContextRunner runner(Path data) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AuthorityDirectoryAutoConfiguration.class))
                .withBean(SimpleMeterRegistry.class)
                .withPropertyValues("lexbridge.connector.party-id=at", "lexbridge.connector.ebms-id-domain=at.example",
                        "lexbridge.connector.default-backend=cms", "lexbridge.connector.data-directory=" + data);
    }

    @Test
    void withoutADirectoryNothingIsFoundAndHealthSaysSo() {
        runner(dir.resolve("none")).run(context -> {
            assertThat(context.getBean(AuthorityDirectory.class).find(BERLIN).matches()).isEmpty();
            assertThat(context.getBean("directoryHealthIndicator", HealthIndicator.class).health().getStatus())
                    .isEqualTo(Status.UNKNOWN);
        });
    }

    @Test
    void theConfiguredSnapshotIsTakenKeptAndShown() throws Exception {
        Path file = dir.resolve("configured.asics");
        Files.write(file, snapshot(1, "Public Prosecutor's Office Berlin"));
        Path data = dir.resolve("configured-data");

        runner(data).withPropertyValues("lexbridge.directory.snapshot=" + file,
                "lexbridge.directory.publisher-certificates=" + publisherCertificate).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(AuthorityDirectory.class).find(BERLIN).matches()).singleElement()
                            .satisfies(m -> assertThat(m.authorityId()).isEqualTo("DE-STA-BERLIN"));
                    var health = context.getBean("directoryHealthIndicator", HealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat(health.getDetails()).containsEntry("version", 1L).containsEntry("authorities", 1);
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    assertThat(meters.get("lexbridge.directory.snapshot.version").gauge().value()).isEqualTo(1.0);
                    assertThat(meters.get("lexbridge.directory.snapshot.age").gauge().value()).isPositive();
                });
        assertThat(data.resolve("directory/snapshot.asics")).exists();
    }

    @Test
    void aNewerSnapshotIsTakenFromTheServiceAtStart() throws Exception {
        byte[] newer = snapshot(2, "Staatsanwaltschaft Berlin");
        HttpServer service = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 5);
        service.createContext("/directory/v1/snapshot", exchange -> {
            exchange.sendResponseHeaders(200, newer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(newer);
            }
        });
        service.start();
        Path file = dir.resolve("older.asics");
        Files.write(file, snapshot(1, "Public Prosecutor's Office Berlin"));
        try {
            runner(dir.resolve("service-data")).withPropertyValues("lexbridge.directory.snapshot=" + file,
                    "lexbridge.directory.publisher-certificates=" + publisherCertificate,
                    "lexbridge.directory.service-url=http://127.0.0.1:" + service.getAddress().getPort()
                            + "/directory/v1").run(context -> {
                                AuthorityDirectory directory = context.getBean(AuthorityDirectory.class);
                                long deadline = System.nanoTime() + 20_000_000_000L;
                                while (!directory.find(BERLIN).source().startsWith("directory snapshot 2")
                                        && System.nanoTime() < deadline) {
                                    Thread.sleep(50);
                                }
                                assertThat(directory.find(BERLIN).matches()).singleElement().satisfies(m ->
                                        assertThat(m.name()).isEqualTo("Staatsanwaltschaft Berlin"));
                                var health = context.getBean("directoryHealthIndicator", HealthIndicator.class)
                                        .health();
                                assertThat(health.getDetails()).containsKey("lastContact")
                                        .doesNotContainKey("lastProblem");
                                assertThat(context.getBean(MeterRegistry.class).get("lexbridge.directory.contact.age")
                                        .gauge().value()).isGreaterThanOrEqualTo(0.0);
                            });
        } finally {
            service.stop(0);
        }
    }

    @Test
    void aDirectoryWithoutItsPublisherOrAPlainHttpServiceStopsTheStartNamingTheKey() {
        runner(dir.resolve("bad")).withPropertyValues("lexbridge.directory.snapshot=" + dir.resolve("x.asics"))
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining(
                        "publisher-certificates must name at least one certificate"));
        runner(dir.resolve("bad")).withPropertyValues("lexbridge.directory.service-url=http://cdb.example.eu/v1",
                        "lexbridge.directory.publisher-certificates=" + publisherCertificate)
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining(
                        "service-url must be https (http only on a loopback address)"));
    }
}

package eu.lexbridge.tools.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import eu.lexbridge.core.authority.AuthorityRole;
import eu.lexbridge.core.authority.Instrument;
import eu.lexbridge.core.authority.RecipientQuery;
import eu.lexbridge.core.port.SignatureVerifier;
import eu.lexbridge.directory.authority.DirectoryServiceClient;
import eu.lexbridge.directory.authority.DirectoryServiceClient.Refresh;
import eu.lexbridge.directory.authority.SnapshotArchive;
import eu.lexbridge.directory.authority.SnapshotDirectory;
import eu.lexbridge.directory.authority.SnapshotIntake;
import eu.lexbridge.directory.authority.SnapshotRefusedException;
import eu.lexbridge.trust.container.DetachedSeal;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.keys.SealKey;
import eu.lexbridge.trust.pki.GeneratedPki;
import eu.lexbridge.trust.pki.SharedTestPki;
import eu.lexbridge.trust.pki.TestPki;
import eu.lexbridge.trust.port.PublisherSignatures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connector's directory client against {@code directory serve} over loopback HTTP, with snapshots sealed on the
 * real test PKI: taken, unchanged (304), replaced by a newer one, kept when the service is down or sends a snapshot
 * that is refused, and started from the last good copy.
 */
class DirectoryServiceTest {

    private static final char[] PASSWORD = "directory-test-Pa55".toCharArray();
    private static final long MAX_BYTES = 8L * 1024 * 1024;
    private static final RecipientQuery BERLIN = new RecipientQuery(new Instrument("E-EVIDENCE"),
            AuthorityRole.ENFORCING, null, "DE", null, "10115", null, null, null);

    @TempDir
    static Path pkiDir;
    private static SealKey publisher;
    private static SealKey stranger;
    private static SignatureVerifier seals;
    private static String sample;

    @TempDir
    Path dir;
    private Path served;
    private DirectoryServer server;
    private SnapshotDirectory directory;
    private SnapshotIntake intake;

    @BeforeAll
    static void pki() throws IOException {
        GeneratedPki pki = SharedTestPki.copyTo(pkiDir, List.of("a"), PASSWORD);
        var files = pki.directoryPublisher();
        publisher = SealKey.fromKeyStore(KeyStores.loadPkcs12(files.keyStore(), PASSWORD), files.alias(), PASSWORD);
        stranger = SealKey.fromKeyStore(KeyStores.loadPkcs12(pki.parties().get("a").sealKeyStore(), PASSWORD),
                TestPki.SEAL_ALIAS, PASSWORD);
        seals = new PublisherSignatures(new DetachedSeal(List.of(KeyStores.readCertificate(files.certificate())),
                Clock.systemUTC()));
        try (InputStream in = DirectoryServiceTest.class.getResourceAsStream("/demo/directory.json")) {
            sample = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The sample directory as version {@code version}, sealed by {@code key}. */
    private static byte[] signed(long version, SealKey key) {
        String json = sample.replaceFirst("\"version\": 1,", "\"version\": " + version + ",");
        return SnapshotPublisher.seal(json.getBytes(StandardCharsets.UTF_8), key, Clock.systemUTC()).file();
    }

    @BeforeEach
    void serve() throws IOException {
        served = dir.resolve("served.asics");
        Files.write(served, signed(1, publisher));
        server = new DirectoryServer(served, seals, MAX_BYTES, loopback(0), null, Clock.systemUTC());
        directory = new SnapshotDirectory(Clock.systemUTC());
        intake = new SnapshotIntake(directory, seals, MAX_BYTES, dir.resolve("data/directory/snapshot.asics"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static InetSocketAddress loopback(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    private DirectoryServiceClient client(URI base) {
        return new DirectoryServiceClient(base, HttpClient.newHttpClient(), intake, directory, MAX_BYTES,
                Duration.ofSeconds(10), Clock.systemUTC());
    }

    /** Replaces the served file; its modification time moves on so the server sees the change. */
    private void publish(byte[] file) throws IOException {
        Instant before = Files.getLastModifiedTime(served).toInstant();
        Files.write(served, file);
        Files.setLastModifiedTime(served, FileTime.from(before.plusSeconds(2)));
    }

    @Test
    void theClientTakesTheSnapshotThenAsksWithItsTagAndTakesANewerOne() throws IOException {
        DirectoryServiceClient client = client(server.base());

        assertThat(client.refresh()).isEqualTo(Refresh.TAKEN);
        assertThat(directory.snapshot().orElseThrow().version()).isEqualTo(1);
        assertThat(directory.find(BERLIN).matches()).singleElement()
                .satisfies(m -> assertThat(m.authorityId()).isEqualTo("DE-LG-BERLIN-I"));
        assertThat(intake.lastGood()).exists();
        assertThat(client.lastContact()).isPresent();

        assertThat(client.refresh()).isEqualTo(Refresh.UNCHANGED);
        assertThat(server.snapshotsSent()).as("the second ask is answered 304, without the file").isEqualTo(1);

        publish(signed(2, publisher));
        assertThat(client.refresh()).isEqualTo(Refresh.TAKEN);
        assertThat(directory.snapshot().orElseThrow().version()).isEqualTo(2);
        assertThat(client.lastProblem()).isEmpty();
    }

    @Test
    void aServiceThatIsDownLeavesTheDirectoryInUseAndARestartStartsFromTheLastGoodCopy() throws IOException {
        DirectoryServiceClient client = client(server.base());
        client.refresh();
        server.close();

        assertThat(client.refresh()).isEqualTo(Refresh.FAILED);
        assertThat(client.lastProblem()).hasValueSatisfying(p -> assertThat(p).startsWith(
                "the directory service cannot be reached"));
        assertThat(directory.snapshot().orElseThrow().version()).isEqualTo(1);

        SnapshotDirectory restarted = new SnapshotDirectory(Clock.systemUTC());
        var snapshot = new SnapshotIntake(restarted, seals, MAX_BYTES, intake.lastGood()).start(null);
        assertThat(snapshot).hasValueSatisfying(s -> assertThat(s.version()).isEqualTo(1));
        assertThat(restarted.find(BERLIN).matches()).hasSize(1);
        server = new DirectoryServer(served, seals, MAX_BYTES, loopback(0), null, Clock.systemUTC());
    }

    /** What a service may send that is refused: the directory in use stays, and the problem says why. */
    @Test
    void aCorruptUnsignedWronglySignedOlderOrOversizedSnapshotIsRefusedAndTheCurrentOneKept() throws IOException {
        client(server.base()).refresh();
        publish(signed(3, publisher));
        client(server.base()).refresh();
        assertThat(directory.snapshot().orElseThrow().version()).isEqualTo(3);

        ByteArrayOutputStream unsigned = new ByteArrayOutputStream();
        SnapshotArchive.write(sample.getBytes(StandardCharsets.UTF_8), "<x/>".getBytes(StandardCharsets.UTF_8),
                unsigned);
        byte[] corrupt = signed(4, publisher);
        corrupt[corrupt.length / 2] ^= 0x55;
        byte[] huge = new byte[(int) MAX_BYTES + 1];
        List<Case> cases = List.of(
                new Case("corrupt", () -> corrupt, "refused"),
                new Case("unsigned", unsigned::toByteArray, "the snapshot's seal is not accepted"),
                new Case("wrongly signed", () -> signed(5, stranger), "the snapshot's seal is not accepted"),
                new Case("older", () -> signed(2, publisher), "snapshot version 2 is older than version 3 in use"),
                new Case("oversized", () -> huge, "more than the " + MAX_BYTES + " bytes allowed"));
        for (Case bad : cases) {
            try (RawService raw = new RawService(bad.body().get())) {
                DirectoryServiceClient client = client(raw.base());

                assertThat(client.refresh()).as(bad.name()).isEqualTo(Refresh.FAILED);
                assertThat(client.lastProblem()).as(bad.name()).hasValueSatisfying(p -> assertThat(p)
                        .contains(bad.problem()));
                assertThat(directory.snapshot().orElseThrow().version()).as(bad.name()).isEqualTo(3);
                assertThat(directory.find(BERLIN).matches()).as(bad.name()).hasSize(1);
                try (var left = Files.list(intake.lastGood().getParent())) {
                    assertThat(left.map(p -> p.getFileName().toString())).as(bad.name() + ": nothing left behind")
                            .containsExactly("snapshot.asics");
                }
            }
        }
    }

    private record Case(String name, Supplier<byte[]> body, String problem) {
    }

    /** A service that answers every request with the same bytes, whatever they are. */
    private static final class RawService implements AutoCloseable {
        private final HttpServer server;

        RawService(byte[] body) throws IOException {
            server = HttpServer.create(loopback(0), 10);
            server.createContext("/", exchange -> {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                } catch (IOException e) {
                    // the client stops reading an oversized body
                }
                exchange.close();
            });
            server.start();
        }

        URI base() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/directory/v1");
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    @Test
    void anyOrAListOfTagsNamingTheSnapshotInServiceIsAnsweredNotModified() throws Exception {
        String tag = "\"" + server.snapshot().sha256() + "\"";
        for (String header : List.of(tag, "W/" + tag, "*", "\"other\", " + tag)) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(server.base() + "/snapshot")).header("If-None-Match", header).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(header).isEqualTo(304);
        }
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.base() + "/snapshot"))
                .header("If-None-Match", "\"other\"").build(), HttpResponse.BodyHandlers.discarding()).statusCode())
                .isEqualTo(200);
        assertThat(server.snapshotsSent()).isEqualTo(1);
    }

    @Test
    void theServerKeepsServingItsSnapshotWhenTheFileIsReplacedByOneItRefuses() throws Exception {
        publish(signed(7, stranger));

        JsonNode status = get("/status");

        assertThat(status.get("version").asInt()).isEqualTo(1);
        assertThat(status.get("sha256").asText()).isEqualTo(server.snapshot().sha256());
    }

    @Test
    void theServerLooksUpByCompetenceAndRefusesAParameterItDoesNotKnow() throws Exception {
        JsonNode lookup = get("/authorities?instrument=E-EVIDENCE&role=enforcing&country=DE&postalCode=10115");
        assertThat(lookup.at("/matches/0/authorityId").asText()).isEqualTo("DE-LG-BERLIN-I");
        assertThat(lookup.at("/matches/0/reason").asText()).isEqualTo("E-EVIDENCE enforcing; postal code 10115 in "
                + "10115-14199");

        HttpResponse<String> unknown = send("/authorities?instrument=EIO&role=executing&postcode=10115");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(unknown.body()).contains("'postcode' is not a parameter");

        assertThat(send("/authorities?instrument=EIO&role=executing&criterion=measure:a&criterion=measure:b")
                .body()).contains("criterion measure is given twice");
        assertThat(get("/authorities/DE-LG-BERLIN-I").get("kind").asText()).isEqualTo("court");
        assertThat(get("/authorities/DE-LG-BERLIN-I").at("/competences/0/area/postalCodes/0/from").asText())
                .isEqualTo("10115");
        assertThat(send("/authorities/NOBODY").statusCode()).isEqualTo(404);
        assertThat(get("/instruments").get("instruments")).extracting(i -> i.get("instrument").asText())
                .contains("E-EVIDENCE", "EIO", "EAW", "EPO", "ESCP", "FREEZING", "SERVICE");
    }

    @Test
    void plainHttpIsServedOnLoopbackOnlyAndABadFileIsNeverServed() throws IOException {
        assertThatThrownBy(() -> new DirectoryServer(served, seals, MAX_BYTES,
                new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0), null, Clock.systemUTC()))
                .hasMessageStartingWith("plain HTTP is served on a loopback address only");
        Path wrong = dir.resolve("wrong.asics");
        Files.write(wrong, signed(1, stranger));
        assertThatThrownBy(() -> new DirectoryServer(wrong, seals, MAX_BYTES, loopback(0), null, Clock.systemUTC()))
                .isInstanceOf(SnapshotRefusedException.class).hasMessageStartingWith("the snapshot's seal is not "
                        + "accepted");
    }

    private HttpResponse<String> send(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.base() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = send(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }
}

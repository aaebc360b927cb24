package eu.lexbridge.trust.lists;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import eu.lexbridge.trust.pki.GeneratedPki;
import eu.lexbridge.trust.pki.TestPki;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile trusted lists (issue 8, Deliver 8): a list of trusted lists (LOTL) or a national list (TL) that is not what
 * it should be. Each row: the input, what the loader answers, and that nothing changed: a refused LOTL leaves the last
 * good lists in use (the issuing CA stays trusted), a refused TL trusts nothing it names, and no entity is fetched.
 */
class TrustedListHostileInputCorpusTest {

    private static final char[] PASSWORD = "tl-corpus".toCharArray();

    @TempDir
    static Path dir;
    private static GeneratedPki pki;
    private static HttpServer entityServer;
    private static final AtomicInteger ENTITY_REQUESTS = new AtomicInteger();

    /** What the loader makes of a hostile list. */
    enum Answer {
        /** The LOTL is refused: nothing new is trusted, the lists loaded before stay in use. */
        LOTL_REFUSED_LAST_GOOD_KEPT,
        /** The LOTL is fine, the national list is not used: the CA it names is not trusted. */
        TL_NOT_USED
    }

    @BeforeAll
    static void pkiAndAnEntityServer() throws IOException {
        pki = TestPki.generate(dir.resolve("pki"), List.of("de-court"), PASSWORD);
        entityServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        entityServer.createContext("/", exchange -> {
            ENTITY_REQUESTS.incrementAndGet();
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("ok".getBytes(StandardCharsets.US_ASCII));
            exchange.close();
        });
        entityServer.start();
    }

    @AfterAll
    static void stop() {
        entityServer.stop(0);
    }

    static Stream<Arguments> rows() {
        String entityUrl = "http://127.0.0.1:" + entityServer.getAddress().getPort() + "/entity";
        UnaryOperator<String> xxe = xml -> xml.replaceFirst("\\?>", "?><!DOCTYPE x [<!ENTITY e SYSTEM \""
                + entityUrl + "\">]>").replaceFirst("(<[^?!][^>]*>)", "$1&e;");
        UnaryOperator<String> laughs = xml -> xml.replaceFirst("\\?>", "?><!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
                + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY f \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
                + "<!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\"><!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">]>")
                .replaceFirst("(<[^?!][^>]*>)", "$1&h;");
        return Stream.of(
                Arguments.of("LOTL with an external entity (XXE)", true, xxe, Answer.LOTL_REFUSED_LAST_GOOD_KEPT),
                Arguments.of("LOTL with an entity bomb", true, laughs, Answer.LOTL_REFUSED_LAST_GOOD_KEPT),
                Arguments.of("LOTL of random bytes", true, (UnaryOperator<String>) xml -> "\u0001\u00ff\u0000PK"
                        + "x".repeat(500), Answer.LOTL_REFUSED_LAST_GOOD_KEPT),
                Arguments.of("LOTL empty", true, (UnaryOperator<String>) xml -> "",
                        Answer.LOTL_REFUSED_LAST_GOOD_KEPT),
                Arguments.of("LOTL that is another XML document", true,
                        (UnaryOperator<String>) xml -> "<?xml version=\"1.0\"?><html><body/></html>",
                        Answer.LOTL_REFUSED_LAST_GOOD_KEPT),
                Arguments.of("LOTL whose signature was removed", true, (UnaryOperator<String>) xml -> xml
                        .replaceAll("(?s)<ds:Signature .*</ds:Signature>", ""), Answer.LOTL_REFUSED_LAST_GOOD_KEPT),
                Arguments.of("LOTL changed after signing", true, (UnaryOperator<String>) xml -> xml
                        .replaceFirst("TSLSequenceNumber>(\\d)", "TSLSequenceNumber>9$1"),
                        Answer.LOTL_REFUSED_LAST_GOOD_KEPT),
                Arguments.of("TL changed after signing", false, (UnaryOperator<String>) xml -> xml
                        .replace("Testville", "Testvilla"), Answer.TL_NOT_USED),
                Arguments.of("TL with an external entity (XXE)", false, xxe, Answer.TL_NOT_USED),
                Arguments.of("TL of random bytes", false, (UnaryOperator<String>) xml -> "not a list",
                        Answer.TL_NOT_USED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void isRefusedAndChangesNothing(String input, boolean lotl, UnaryOperator<String> change, Answer expected)
            throws IOException {
        Path file = lotl ? lotlFile() : pki.trustedLists().trustedList();
        String original = Files.readString(file);
        TrustedListsLoader loader = TrustedListsLoaderTest.loader(pki, null);
        assertThat(loader.refresh().accepted()).as("the good lists load first").isTrue();
        assertThat(loader.certificateSource().isTrusted(TrustedListsLoaderTest.issuingCa(pki))).isTrue();
        int requestsBefore = ENTITY_REQUESTS.get();
        String hostile = change.apply(original);
        assertThat(hostile).as("the row changes the list").isNotEqualTo(original);
        Files.writeString(file, hostile);
        try {
            long started = System.nanoTime();
            TrustedListsSummary summary = loader.refresh();
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(took).as("bounded time").isLessThan(Duration.ofSeconds(30));
            assertThat(ENTITY_REQUESTS.get()).as("no entity fetched").isEqualTo(requestsBefore);
            if (expected == Answer.LOTL_REFUSED_LAST_GOOD_KEPT) {
                assertThat(summary.accepted()).isFalse();
                assertThat(summary.problems()).isNotEmpty()
                        .anyMatch(p -> p.contains("Kept the trusted lists loaded at"));
                assertThat(loader.certificateSource().isTrusted(TrustedListsLoaderTest.issuingCa(pki))).isTrue();
            } else {
                assertThat(summary.accepted()).isTrue();
                assertThat(summary.territory("XX")).singleElement()
                        .satisfies(tl -> assertThat(tl.used()).isFalse());
                assertThat(loader.certificateSource().isTrusted(TrustedListsLoaderTest.issuingCa(pki))).isFalse();
            }
        } finally {
            Files.writeString(file, original);
        }
    }

    private static Path lotlFile() {
        return Path.of(pki.trustedLists().listOfTrustedListsLocation());
    }
}

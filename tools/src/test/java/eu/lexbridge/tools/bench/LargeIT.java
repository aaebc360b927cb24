package eu.lexbridge.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.tools.demo.DemoConnector;
import eu.lexbridge.tools.demo.DomibusNetwork;
import eu.lexbridge.tools.demo.ItGateway;
import eu.lexbridge.tools.demo.SharedDemoPki;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench large}, bounded for the test suite: a 320 MiB attachment from the sending back-end's REST upload to the
 * receiving back-end's download, through two whole connectors with -Xmx256m each (container built and sealed,
 * signed and encrypted AS4 over HTTPS, container verified, evidences back): neither heap could hold the payload, so
 * its arrival whole shows that it streamed. The 2 GiB run, at -Xmx512m, is {@code ./lexbridge bench large}. On the
 * embedded access point here, on Domibus in {@link LargeOnDomibusIT}.
 */
class LargeIT {

    /** Larger than {@link #HEAP_MIB}: a connector that held the payload would run out of heap. */
    private static final long SIZE = 320L << 20;
    private static final int HEAP_MIB = 256;

    @TempDir
    Path dir;

    @Test
    void aPayloadLargerThanEitherHeapArrivesWhole() throws Exception {
        Path jar = Paths.get(System.getProperty("lexbridge.jar", "target/lexbridge.jar")).toAbsolutePath();
        assertThat(jar).as("the packaged application").exists();
        SharedDemoPki.into(dir.resolve("large"));
        var options = new LargeRun.Options(dir.resolve("large"), List.of(SIZE), Duration.ofMinutes(10),
                List.of("-Xmx" + HEAP_MIB + "m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"), null);

        // on Domibus (LargeOnDomibusIT) through two stand-in nodes in this JVM: the Domibus client streams as the
        // embedded access point does
        boolean onDomibus = ItGateway.of(getClass()) == ItGateway.DOMIBUS;
        DomibusNetwork[] domibus = new DomibusNetwork[1];
        DemoConnector[] sender = new DemoConnector[1];
        LargeRun.Report report;
        try {
            report = new LargeRun(options, jar, (network, connector) -> {
                if (!onDomibus) {
                    return List.of();
                }
                if (domibus[0] == null) {
                    domibus[0] = DomibusNetwork.start(network, dir.resolve("domibus"));
                    sender[0] = network.issuing();
                }
                return domibus[0].settings(connector, "1h");
            }).run();
            if (domibus[0] != null) {
                assertThat(domibus[0].node(sender[0]).submitted()).as("through the sender's node")
                        .hasSize(1);
            }
        } finally {
            if (domibus[0] != null) {
                domibus[0].close();
            }
        }

        assertThat(report.transfers()).singleElement().satisfies(t -> {
            assertThat(t.problem()).isNull();
            assertThat(t.bytes()).isEqualTo(SIZE);
            assertThat(t.hashesEqual()).as("sent, listed and downloaded SHA-256 equal").isTrue();
            assertThat(t.deliveredSeconds()).as("DELIVERED at the sender").isPositive();
            assertThat(t.leftovers()).as("no staged, spooled or half-written copy left").isEmpty();
            // the heap never held the payload: a copy would not fit (a connector that tried would have exited on
            // OutOfMemoryError, and the transfer ended with a problem); the samples were taken
            assertThat(t.senderHeapPeakMiB()).isPositive().isLessThanOrEqualTo(HEAP_MIB);
            assertThat(t.receiverHeapPeakMiB()).isPositive().isLessThanOrEqualTo(HEAP_MIB);
        });
        assertThat(report.passed()).isTrue();
    }
}

package eu.lexbridge.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.tools.demo.PackagedJar;
import eu.lexbridge.tools.demo.DemoConnector;
import eu.lexbridge.tools.demo.DemoNetwork;
import eu.lexbridge.tools.demo.DomibusNetwork;
import eu.lexbridge.tools.demo.ItGateway;
import eu.lexbridge.tools.demo.SharedDemoPki;
import java.nio.file.Path;
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
        Path jar = PackagedJar.path();
        SharedDemoPki.into(dir.resolve("large"));
        var options = new LargeRun.Options(dir.resolve("large"), List.of(SIZE), Duration.ofMinutes(10),
                List.of("-Xmx" + HEAP_MIB + "m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"), null);

        LargeRun.Report report;
        try (DomibusNodes domibus = new DomibusNodes(ItGateway.of(getClass()) == ItGateway.DOMIBUS)) {
            report = new LargeRun(options, jar, domibus).run();
            domibus.assertTheMessageWentThroughTheSendersNode();
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

    /**
     * On Domibus ({@link LargeOnDomibusIT}), the two stand-in nodes in this JVM, started when the run's first connector
     * asks for its settings (the run makes the network); on the embedded access point, nothing. The Domibus client
     * streams as the embedded access point does.
     */
    private final class DomibusNodes implements LargeRun.ConnectorSettings, AutoCloseable {

        private final boolean onDomibus;
        private DomibusNetwork nodes;
        private DemoConnector sender;

        DomibusNodes(boolean onDomibus) {
            this.onDomibus = onDomibus;
        }

        @Override
        public List<String> of(DemoNetwork network, DemoConnector connector) {
            if (!onDomibus) {
                return List.of();
            }
            if (nodes == null) {
                nodes = DomibusNetwork.start(network, dir.resolve("domibus"));
                sender = network.issuing();
            }
            return nodes.settings(connector, "1h");
        }

        void assertTheMessageWentThroughTheSendersNode() {
            if (nodes != null) {
                assertThat(nodes.node(sender).submitted()).as("through the sender's node").hasSize(1);
            }
        }

        @Override
        public void close() throws Exception {
            if (nodes != null) {
                nodes.close();
            }
        }
    }
}

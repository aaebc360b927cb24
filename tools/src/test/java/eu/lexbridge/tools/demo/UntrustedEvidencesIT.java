package eu.lexbridge.tools.demo;

import static eu.lexbridge.tools.demo.TwoConnectorsIT.await;
import static eu.lexbridge.tools.demo.TwoConnectorsIT.evidences;
import static eu.lexbridge.tools.demo.TwoConnectorsIT.find;
import static eu.lexbridge.tools.demo.TwoConnectorsIT.replaceWithKeyFromAnotherCa;
import static eu.lexbridge.tools.demo.TwoConnectorsIT.submit;
import static eu.lexbridge.tools.demo.TwoConnectorsIT.up;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.lexbridge.trust.pki.PartyKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evidences sealed by a key the sender does not trust, between two connector processes from the packaged jar: the
 * receiving connector's evidences do not change the message's state at the sender. On the embedded access point here,
 * on Domibus in {@link UntrustedEvidencesOnDomibusIT}: evidences travel as messages of their own, whichever the access
 * point.
 */
class UntrustedEvidencesIT {

    @TempDir
    Path root;

    @Test
    void evidencesSealedByAnUntrustedKeyAreRefusedAndChangeNoState() throws Exception {
        Path jar = Paths.get(System.getProperty("lexbridge.jar", "target/lexbridge.jar")).toAbsolutePath();
        assertThat(jar).as("the packaged application").exists();
        SharedDemoPki.into(root);
        DemoNetwork network = new DemoNetwork(root);
        network.prepare();
        DemoConnector at = network.issuing();
        DemoConnector de = network.enforcing();
        // Germany seals its evidences with a key from a CA that Austria does not trust.
        replaceWithKeyFromAnotherCa(root, de, "seal.p12", PartyKeys::sealKeyStore);
        DomibusNetwork domibus = ItGateway.of(getClass()) == ItGateway.DOMIBUS
                ? DomibusNetwork.start(network, root.resolve("domibus")) : null;
        try (var a = ConnectorProcess.start(at, jar, settings(domibus, at));
             var b = ConnectorProcess.start(de, jar, settings(domibus, de))) {
            var atBackend = up(a, network);
            var deBackend = up(b, network);
            JsonNode submitted = submit(network, atBackend, de);
            String sentId = submitted.path("connectorMessageId").asText();
            JsonNode arrived = await("the message in the German inbox", () -> find(deBackend.inbox(), submitted));
            if (domibus != null) { // it went through the Austrian node, not past it
                assertThat(domibus.node(at).submitted()).contains(submitted.path("ebmsMessageId").asText());
            }
            deBackend.acknowledge(arrived.path("connectorMessageId").asText());

            await("the DELIVERY evidence to be refused", () -> atBackend.timeline(sentId).path("entries").toString()
                    .contains("DELIVERY") ? true : null);
            JsonNode timeline = atBackend.timeline(sentId);
            assertThat(timeline.path("entries").toString()).contains("refused, state unchanged");
            assertThat(evidences(timeline)).containsExactly("SUBMISSION_ACCEPTANCE/ISSUED");
            assertThat(atBackend.message(sentId).path("state").asText()).isIn("ACCEPTED", "SENT");
            assertThat(Files.readString(at.logFile())).contains("lexbridge.security");
        } finally {
            if (domibus != null) {
                domibus.close();
            }
        }
    }

    /** On Domibus, the connector's node settings, pulling every 10 s as well; none on the embedded access point. */
    private static List<String> settings(DomibusNetwork domibus, DemoConnector connector) {
        return domibus == null ? List.of() : domibus.settings(connector, "10s");
    }
}

package eu.lexbridge.tools.demo;

import static eu.lexbridge.tools.demo.TwoConnectorsIT.await;
import static eu.lexbridge.tools.demo.TwoConnectorsIT.countOf;
import static eu.lexbridge.tools.demo.TwoConnectorsIT.evidences;
import static eu.lexbridge.tools.demo.TwoConnectorsIT.find;
import static eu.lexbridge.tools.demo.TwoConnectorsIT.replaceWithKeyFromAnotherCa;
import static eu.lexbridge.tools.demo.TwoConnectorsIT.submit;
import static eu.lexbridge.tools.demo.TwoConnectorsIT.up;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.lexbridge.trust.pki.PartyKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seals by the wrong key, between two connector processes from the packaged jar: a container sealed with a key that is
 * not the sender's is handed to nobody, and evidences sealed by a key the sender does not trust change nothing. The
 * connectors check seals themselves, whichever the access point: these tests run on the embedded access point here,
 * and on Domibus in {@link WrongSealsOnDomibusIT}.
 */
class WrongSealsIT {

    @TempDir
    Path root;

    private Path jar;
    private DemoNetwork network;
    /** The connectors' Domibus nodes in {@link WrongSealsOnDomibusIT}; {@code null} on the embedded access point. */
    private DomibusNetwork domibus;

    @BeforeEach
    void prepare() {
        jar = PackagedJar.path();
        network = SharedDemoPki.network(root);
        if (ItGateway.of(getClass()) == ItGateway.DOMIBUS) {
            domibus = DomibusNetwork.start(network, root.resolve("domibus"));
        }
    }

    @AfterEach
    void stopDomibus() throws Exception {
        if (domibus != null) {
            domibus.close();
        }
    }

    /**
     * Austria seals its container with a key that Germany trusts but that is not Austria's (Germany's own container
     * key). Germany pins Austria's container-seal certificate, so it answers NON_DELIVERY and hands nothing on.
     */
    @Test
    void aContainerSealedWithAnotherPartysKeyIsAnsweredNonDeliveryAndHandedToNobody() throws Exception {
        DemoConnector at = network.issuing();
        DemoConnector de = network.enforcing();
        Files.copy(root.resolve("pki").resolve(de.party()).resolve("container.p12"),
                root.resolve("pki").resolve(at.party()).resolve("container.p12"), StandardCopyOption.REPLACE_EXISTING);
        try (var a = start(at); var b = start(de)) {
            var atBackend = up(a, network);
            var deBackend = up(b, network);
            int securityEventsBefore = countOf("lexbridge.security", Files.readString(de.logFile()));
            JsonNode submitted = submit(network, atBackend, de);
            String refusedId = submitted.path("connectorMessageId").asText();

            await("NOT_DELIVERED at the sender", () -> "NOT_DELIVERED".equals(atBackend.message(refusedId)
                    .path("state").asText()) ? true : null);
            throughTheSendersNode(submitted);
            JsonNode timeline = atBackend.timeline(refusedId);
            assertThat(evidences(timeline)).contains("RELAY_REMMD_ACCEPTANCE/RECEIVED", "NON_DELIVERY/RECEIVED");
            // The sealed NON_DELIVERY says why, in its EventReason details: the token beside the container is checked
            // first, and it carries the same foreign seal.
            JsonNode nonDelivery = StreamSupport.stream(timeline.path("evidences").spliterator(), false)
                    .filter(e -> "NON_DELIVERY".equals(e.path("type").asText())).findFirst().orElseThrow();
            assertThat(new String(atBackend.download(nonDelivery.path("href").asText()), StandardCharsets.UTF_8))
                    .contains("TOKEN_SEAL").contains("not by the partner's CN=" + at.party() + " Container Seal");
            assertThat(deBackend.inbox().path("messages")).as("handed to nobody").isEmpty();
            assertThat(countOf("lexbridge.security", Files.readString(de.logFile())))
                    .as("the foreign container seal in Germany's security log").isGreaterThan(securityEventsBefore);
        }
    }

    /** Germany seals its evidences with a key from a CA that Austria does not trust. */
    @Test
    void evidencesSealedByAnUntrustedKeyAreRefusedAndChangeNoState() throws Exception {
        DemoConnector at = network.issuing();
        DemoConnector de = network.enforcing();
        replaceWithKeyFromAnotherCa(root, de, "seal.p12", PartyKeys::sealKeyStore);
        try (var a = start(at); var b = start(de)) {
            var atBackend = up(a, network);
            var deBackend = up(b, network);
            JsonNode submitted = submit(network, atBackend, de);
            String sentId = submitted.path("connectorMessageId").asText();
            JsonNode arrived = await("the message in the German inbox", () -> find(deBackend.inbox(), submitted));
            throughTheSendersNode(submitted);
            deBackend.acknowledge(arrived.path("connectorMessageId").asText());

            await("the DELIVERY evidence to be refused", () -> atBackend.timeline(sentId).path("entries").toString()
                    .contains("DELIVERY") ? true : null);
            JsonNode timeline = atBackend.timeline(sentId);
            assertThat(timeline.path("entries").toString()).contains("refused, state unchanged");
            assertThat(evidences(timeline)).containsExactly("SUBMISSION_ACCEPTANCE/ISSUED");
            assertThat(atBackend.message(sentId).path("state").asText()).isIn("ACCEPTED", "SENT");
            assertThat(Files.readString(at.logFile())).contains("lexbridge.security");
        }
    }

    /** {@code connector} from the packaged jar; on Domibus with its node's settings, pulling every 10 s as well. */
    private ConnectorProcess start(DemoConnector connector) {
        return ConnectorProcess.start(connector, jar, domibus == null ? List.of() : domibus.settings(connector, "10s"));
    }

    /** On Domibus: the message went through the Austrian node, not past it. */
    private void throughTheSendersNode(JsonNode submitted) {
        if (domibus != null) {
            assertThat(domibus.node(network.issuing()).submitted())
                    .contains(submitted.path("ebmsMessageId").asText());
        }
    }
}

package eu.lexbridge.tools.demo;

import static eu.lexbridge.tools.demo.TwoConnectorsIT.assertTheEpocArrivedWhole;
import static eu.lexbridge.tools.demo.TwoConnectorsIT.await;
import static eu.lexbridge.tools.demo.TwoConnectorsIT.countOf;
import static eu.lexbridge.tools.demo.TwoConnectorsIT.evidences;
import static eu.lexbridge.tools.demo.TwoConnectorsIT.find;
import static eu.lexbridge.tools.demo.TwoConnectorsIT.states;
import static eu.lexbridge.tools.demo.TwoConnectorsIT.submit;
import static eu.lexbridge.tools.demo.TwoConnectorsIT.up;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.lexbridge.gateway.domibus.DomibusPair;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-to-end exchange of {@link TwoConnectorsIT} with Domibus as both connectors' access point
 * ({@code lexbridge.gateway.kind: domibus}): two connector processes from the packaged jar, real HTTPS, Artemis
 * journals and databases, and between them two stand-in Domibus nodes in this JVM ({@link DomibusPair}, the domibus
 * adapter's test fixture): each connector submits to its node's WS plugin, the node carries the message to the
 * partner's node, which pushes it to the partner's connector, and reports {@code sendSuccess} to the sender. A
 * stand-in, not a real Domibus: the plugin contract is LexBridge's own reading of Domibus's (docs/gateway-domibus.md).
 * One pair of connectors for the four checks, one after the other, since starting them is the suite's most expensive
 * step: the exchange; Domibus down, the message waiting and going once; Domibus giving up (sendFailure, and why); a push
 * refused, the message pulled.
 */
class DomibusModeIT {

    /**
     * How long a stand-in node tries a push, or waits for the partner's node, before it gives up (a real Domibus tries
     * for its push rule's and PMode's retries, minutes to hours): long enough for any push to a running connector to
     * succeed, short enough to see the pull fallback and sendFailure within the test.
     */
    private static final Duration NODE_PATIENCE = Duration.ofSeconds(8);

    /**
     * The German connector also pulls, often: the stand-in holds a message for the pull only once it gave up pushing
     * it, so the pull hides no push that failed (the exchanges before check the pushes by id); the Austrian connector
     * does not pull within the test.
     */
    private static final String PULL_INTERVAL = "2s";

    @TempDir
    Path root;

    @Test
    void anEpocTravelsThroughDomibusAndWaitsInItsQueueWhileDomibusIsDown() throws Exception {
        Path jar = PackagedJar.path();
        DemoNetwork network = SharedDemoPki.network(root);
        DemoConnector at = network.issuing();
        DemoConnector de = network.enforcing();
        try (DomibusNetwork domibus = DomibusNetwork.start(network, root.resolve("domibus"), NODE_PATIENCE)) {
            DomibusPair.Node atDomibus = domibus.node(at);
            DomibusPair.Node deDomibus = domibus.node(de);
            try (var a = ConnectorProcess.start(at, jar, domibus.settings(at, "1h"));
                 var b = ConnectorProcess.start(de, jar, domibus.settings(de, PULL_INTERVAL))) {
                var atBackend = up(a, network);
                var deBackend = up(b, network);

                anEpocTravels(network, at, de, atBackend, deBackend, atDomibus, deDomibus);
                aMessageWaitsWhileDomibusIsDownAndGoesOnceWhenItIsBack(network, de, atBackend, deBackend, atDomibus,
                        deDomibus);
                whenDomibusGivesUpTheSenderSaysWhyAtOnce(network, de, atBackend, deBackend, atDomibus, deDomibus);
                domibus.pushTo(de, "not-" + domibus.pushPassword(de));
                aMessageWhosePushIsRefusedIsPulled(network, de, atBackend, deBackend, atDomibus, deDomibus);
            }
        }
    }

    private static void anEpocTravels(DemoNetwork network, DemoConnector at, DemoConnector de, BackendClient atBackend,
                                      BackendClient deBackend, DomibusPair.Node atDomibus, DomibusPair.Node deDomibus)
            throws Exception {
        JsonNode submitted = submit(network, atBackend, de);
        assertThat(submitted.path("state").asText()).isEqualTo("SUBMITTED");
        String sentId = submitted.path("connectorMessageId").asText();
        String ebmsId = submitted.path("ebmsMessageId").asText();

        JsonNode arrived = await("the message in the German inbox", () -> find(deBackend.inbox(), submitted));
        // it went through Domibus: submitted to the Austrian node, pushed by the German one, under its ebMS id
        assertThat(atDomibus.submitted()).containsExactly(ebmsId);
        await("the German node's push answered", () -> deDomibus.pushed().isEmpty() ? null : true);
        assertThat(deDomibus.pushed()).containsExactly(ebmsId);
        String receivedId = arrived.path("connectorMessageId").asText();
        JsonNode received = deBackend.message(receivedId);
        assertTheEpocArrivedWhole(received, deBackend, at);

        deBackend.acknowledge(receivedId);

        await("DELIVERED at the sender", () -> "DELIVERED".equals(atBackend.message(sentId).path("state").asText())
                ? true : null);

        // The same evidences as with the embedded access point: Domibus's sendSuccess (the partner's AS4 receipt) only
        // moves the message to SENT, as the embedded access point's receipt does; RELAY_REMMD_ACCEPTANCE and DELIVERY
        // are the partner connector's own, sealed, and come back as e-CODEX evidence messages through both nodes.
        JsonNode sent = atBackend.timeline(sentId);
        assertThat(states(sent)).containsSubsequence("SUBMITTED", "ACCEPTED", "SENT", "DELIVERED");
        assertThat(sent.path("entries").findValuesAsText("detail")).anySatisfy(detail -> assertThat(detail)
                .contains("Domibus reports the partner's receipt"));
        assertThat(evidences(sent)).containsExactlyInAnyOrder("SUBMISSION_ACCEPTANCE/ISSUED",
                "RELAY_REMMD_ACCEPTANCE/RECEIVED", "DELIVERY/RECEIVED");
        assertThat(sent.path("entries").toString()).contains("seal verified");
        JsonNode got = deBackend.timeline(receivedId);
        assertThat(states(got)).containsSubsequence("RECEIVED", "AVAILABLE_TO_BACKEND", "DELIVERED_TO_BACKEND");
        assertThat(got.path("entries").findValuesAsText("detail")).anySatisfy(detail -> assertThat(detail)
                .contains("intact and trusted").contains("its Trust OK token (Signature-based) sealed"));
        assertThat(evidences(got)).containsExactlyInAnyOrder("SUBMISSION_ACCEPTANCE/RECEIVED",
                "RELAY_REMMD_ACCEPTANCE/ISSUED", "DELIVERY/ISSUED");
        for (JsonNode evidence : got.path("evidences")) {
            String xml = new String(deBackend.download(evidence.path("href").asText()), StandardCharsets.UTF_8);
            assertThat(xml).contains("http://uri.etsi.org/02640/v2#").contains("SignatureValue");
        }
        // the two evidence messages went the other way: submitted to the German node, pushed by the Austrian one
        assertThat(deDomibus.submitted()).hasSize(2);
        await("both evidence messages pushed to the sender", () -> atDomibus.pushed().size() == 2 ? true : null);
        assertThat(atDomibus.pushed()).containsExactlyInAnyOrderElementsOf(deDomibus.submitted());
        assertThat(deBackend.inbox().path("messages")).isEmpty();
    }

    /** The issue's rule: "An unreachable Domibus: messages wait in their queue and go when it comes back". */
    private static void aMessageWaitsWhileDomibusIsDownAndGoesOnceWhenItIsBack(
            DemoNetwork network, DemoConnector de, BackendClient atBackend, BackendClient deBackend,
            DomibusPair.Node atDomibus, DomibusPair.Node deDomibus) throws Exception {
        atDomibus.stop();
        JsonNode submitted = submit(network, atBackend, de);
        String sentId = submitted.path("connectorMessageId").asText();
        String ebmsId = submitted.path("ebmsMessageId").asText();
        // each failed attempt is a line of the timeline; the message waits in ACCEPTED, not failed
        await("a failed attempt", () -> atBackend.timeline(sentId).path("entries").toString()
                .contains("send attempt ") ? true : null);
        await("a second failed attempt", () -> countOf("send attempt ",
                atBackend.timeline(sentId).path("entries").toString()) >= 2 ? true : null);
        assertThat(atBackend.message(sentId).path("state").asText()).isEqualTo("ACCEPTED");
        assertThat(atDomibus.submitted()).doesNotContain(ebmsId);

        atDomibus.start();
        JsonNode arrived = await("the message after Domibus came back", () -> find(deBackend.inbox(), submitted));
        String receivedId = arrived.path("connectorMessageId").asText();
        assertThat(StreamSupport.stream(deBackend.inbox().path("messages").spliterator(), false)
                .filter(m -> m.path("ebmsMessageId").asText().equals(ebmsId)).count()).as("received once")
                .isEqualTo(1);
        deBackend.acknowledge(receivedId);
        await("DELIVERED at the sender", () -> "DELIVERED".equals(atBackend.message(sentId).path("state").asText())
                ? true : null);
        assertThat(states(atBackend.timeline(sentId))).containsSubsequence("SUBMITTED", "ACCEPTED", "DELIVERED");
        // once: one submission Domibus took, one push, one message in the German connector
        assertThat(Collections.frequency(atDomibus.submitted(), ebmsId)).as("taken by Domibus once").isEqualTo(1);
        assertThat(Collections.frequency(deDomibus.pushed(), ebmsId)).as("pushed to the receiver once").isEqualTo(1);
        assertThat(deBackend.inbox().path("messages")).as("nothing more for the German back-end").isEmpty();
    }

    /**
     * The issue's "a send-failure notification issues RELAY_REMMD_FAILURE at once": the German node is down for longer
     * than the Austrian node retries, so Domibus records why and pushes sendFailure; the sender fails the message at
     * once, sealing RELAY_REMMD_FAILURE with Domibus's reason, rather than waiting for the relay timeout.
     */
    private static void whenDomibusGivesUpTheSenderSaysWhyAtOnce(
            DemoNetwork network, DemoConnector de, BackendClient atBackend, BackendClient deBackend,
            DomibusPair.Node atDomibus, DomibusPair.Node deDomibus) throws Exception {
        deDomibus.stop();
        try {
            JsonNode submitted = submit(network, atBackend, de);
            String sentId = submitted.path("connectorMessageId").asText();
            String ebmsId = submitted.path("ebmsMessageId").asText();
            await("RELAY_FAILED at the sender", () -> "RELAY_FAILED".equals(atBackend.message(sentId)
                    .path("state").asText()) ? true : null);
            assertThat(atDomibus.submitted()).contains(ebmsId);
            JsonNode timeline = atBackend.timeline(sentId);
            assertThat(states(timeline)).containsSubsequence("SUBMITTED", "ACCEPTED", "RELAY_FAILED");
            assertThat(evidences(timeline)).containsExactlyInAnyOrder("SUBMISSION_ACCEPTANCE/ISSUED",
                    "RELAY_REMMD_FAILURE/ISSUED");
            // the reason Domibus recorded (getMessageErrors), not only that it failed
            assertThat(timeline.path("entries").findValuesAsText("detail")).anySatisfy(detail -> assertThat(detail)
                    .contains("EBMS:0005").contains("Error dispatching message to the access point of " + de.party()));
            JsonNode failure = StreamSupport.stream(timeline.path("evidences").spliterator(), false)
                    .filter(e -> e.path("type").asText().equals("RELAY_REMMD_FAILURE")).findFirst().orElseThrow();
            assertThat(new String(atBackend.download(failure.path("href").asText()), StandardCharsets.UTF_8))
                    .contains("EBMS:0005").contains("SignatureValue");
        } finally {
            deDomibus.start();
        }
    }

    /**
     * The pull fallback between two connectors: the German node's push rule carries a wrong password, so the German
     * connector refuses every push; when the node gives up pushing it holds the message, and the German connector's
     * pull ({@code listPendingMessages}, {@code retrieveMessage}) takes it. The evidences go back by push as before.
     */
    private static void aMessageWhosePushIsRefusedIsPulled(
            DemoNetwork network, DemoConnector de, BackendClient atBackend, BackendClient deBackend,
            DomibusPair.Node atDomibus, DomibusPair.Node deDomibus) throws Exception {
        JsonNode submitted = submit(network, atBackend, de);
        String sentId = submitted.path("connectorMessageId").asText();
        String ebmsId = submitted.path("ebmsMessageId").asText();
        JsonNode arrived = await("the pulled message in the German inbox", () -> find(deBackend.inbox(), submitted));
        assertThat(deDomibus.pushed()).as("refused pushes").doesNotContain(ebmsId);
        await("the German node no longer holding it", () -> deDomibus.pending().isEmpty() ? true : null);
        assertThat(StreamSupport.stream(deBackend.inbox().path("messages").spliterator(), false)
                .filter(m -> m.path("ebmsMessageId").asText().equals(ebmsId)).count()).as("received once")
                .isEqualTo(1);
        String receivedId = arrived.path("connectorMessageId").asText();
        assertTheEpocArrivedWhole(deBackend.message(receivedId), deBackend, network.issuing());
        deBackend.acknowledge(receivedId);
        await("DELIVERED at the sender", () -> "DELIVERED".equals(atBackend.message(sentId).path("state").asText())
                ? true : null);
        assertThat(Collections.frequency(atDomibus.submitted(), ebmsId)).as("taken by Domibus once").isEqualTo(1);
        assertThat(deBackend.inbox().path("messages")).as("nothing more for the German back-end").isEmpty();
    }
}

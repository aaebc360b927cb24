package eu.lexbridge.gateway.domibus;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.port.SecurityEvents;
import eu.lexbridge.core.testkit.InMemoryPayloadStore;
import eu.lexbridge.core.testkit.SampleMessages;
import eu.lexbridge.core.transport.Envelope;
import eu.lexbridge.core.transport.IncomingPart;
import eu.lexbridge.core.transport.OutgoingPart;
import eu.lexbridge.core.transport.ReceptionOutcome;
import eu.lexbridge.core.transport.SendOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The relaying stand-in tools' DomibusModeIT runs two connectors on: what the Austrian connector submits to its node
 * reaches the German connector's push endpoint with its payloads intact, the Austrian connector hears sendSuccess, and
 * a node stopped and started again serves on the same address.
 */
class DomibusPairTest {

    @TempDir
    Path directory;

    private final InMemoryPayloadStore payloads = new InMemoryPayloadStore();
    private final RecordingOutcomes austrianReports = new RecordingOutcomes();
    /** What the German connector took: the ebMS id and the SHA-256 of each payload, read as it was pushed. */
    private final BlockingQueue<String> germanReception = new LinkedBlockingQueue<>();
    private LoopbackServer austria;
    private LoopbackServer germany;
    private DomibusPair pair;

    @BeforeEach
    void start() {
        pair = DomibusPair.start(directory.resolve("domibus"), "AT", "DE");
        austria = new LoopbackServer();
        germany = new LoopbackServer();
        PushEndpoint.publish(austria.bus(), "/domibus-push", new PushedNotifications(
                        (envelope, parts, signer) -> ReceptionOutcome.ACCEPTED, austrianReports, errorsAt("AT")),
                new PushCredentials("domibus", "at-push"), SecurityEvents.logOnly(), 1024 * 1024,
                directory.resolve("at-spool"));
        PushEndpoint.publish(germany.bus(), "/domibus-push", new PushedNotifications(this::receivedInGermany,
                        new RecordingOutcomes(), errorsAt("DE")), new PushCredentials("domibus", "de-push"),
                SecurityEvents.logOnly(), 1024 * 1024, directory.resolve("de-spool"));
        pair.node("AT").pushTo(URI.create(austria.url("/domibus-push")), "domibus", "at-push", null);
        pair.node("DE").pushTo(URI.create(germany.url("/domibus-push")), "domibus", "de-push", null);
    }

    @AfterEach
    void stop() throws Exception {
        pair.close();
        austria.close();
        germany.close();
    }

    @Test
    void aMessageSubmittedToOneNodeIsPushedByTheOtherAndTheSenderHearsSendSuccess() throws Exception {
        byte[] container = Sha256.randomBytes(300_000, 11);
        Envelope envelope = envelope();

        SendOutcome outcome = gatewayTo("AT").send(envelope, List.of(part("ASIC-S", container)),
                SampleMessages.germany());

        assertThat(outcome.status()).isEqualTo(SendOutcome.Status.PENDING);
        assertThat(austrianReports.next()).isEqualTo("sent " + envelope.ebmsMessageId());
        assertThat(germanReception.poll(10, TimeUnit.SECONDS)).isEqualTo(envelope.ebmsMessageId() + " "
                + Sha256.of(container));
        assertThat(pair.node("AT").submitted()).containsExactly(envelope.ebmsMessageId());
        // the node notes a push once the connector's answer came, a moment after the connector took the message
        assertThat(pushedBy(pair.node("DE"), 1)).containsExactly(envelope.ebmsMessageId());
        assertThat(pair.node("DE").submitted()).isEmpty();
    }

    @Test
    void aStoppedNodeRefusesConnectionsAndServesAgainOnTheSameAddressWhenStarted() throws Exception {
        DomibusPair.Node node = pair.node("AT");
        URI address = node.pluginUrl();
        node.stop();

        Envelope first = envelope();
        SendOutcome whileDown = gatewayTo("AT").send(first, List.of(part("ASIC-S", new byte[] {1})),
                SampleMessages.germany());
        assertThat(whileDown.status()).isEqualTo(SendOutcome.Status.RETRYABLE_FAILURE);

        node.start();
        assertThat(node.pluginUrl()).isEqualTo(address);
        SendOutcome again = gatewayTo("AT").send(first, List.of(part("ASIC-S", new byte[] {1})),
                SampleMessages.germany());
        assertThat(again.status()).isEqualTo(SendOutcome.Status.PENDING);
        assertThat(germanReception.poll(10, TimeUnit.SECONDS)).startsWith(first.ebmsMessageId());
        assertThat(node.submitted()).containsExactly(first.ebmsMessageId());
    }

    @Test
    void aMessageToAPartyNoNodeServesIsReportedSendFailureWithTheErrorTheNodeRecorded() throws Exception {
        Party france = new Party("FR", SampleMessages.PARTY_TYPE, SampleMessages.ROLE);
        Envelope envelope = new Envelope(UUID.randomUUID() + "@at.example", "conversation-" + UUID.randomUUID(), null,
                SampleMessages.SERVICE, SampleMessages.ACTION, SampleMessages.HOME, france, "urn:authority:at-court",
                "urn:authority:fr-prosecutor");

        gatewayTo("AT").send(envelope, List.of(part("ASIC-S", new byte[] {1})),
                SampleMessages.partner("fr-connector", france));

        assertThat(austrianReports.next()).isEqualTo("failed " + envelope.ebmsMessageId());
        assertThat(austrianReports.detail(envelope.ebmsMessageId())).isEqualTo("Domibus reports that sending failed "
                + "for good (its retries are over): EBMS:0005 Error dispatching message: no access point serves "
                + "party FR");
    }

    /** What {@code node} pushed, once it is {@code count} messages or 10 s have passed. */
    private static List<String> pushedBy(DomibusPair.Node node, int count) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (node.pushed().size() < count && System.nanoTime() - until < 0) {
            Thread.sleep(20);
        }
        return node.pushed();
    }

    private ReceptionOutcome receivedInGermany(Envelope envelope, List<IncomingPart> parts, String signer) {
        StringBuilder record = new StringBuilder(envelope.ebmsMessageId());
        for (IncomingPart part : parts) {
            try (InputStream in = part.content().open()) {
                record.append(' ').append(Sha256.of(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        germanReception.add(record.toString());
        return ReceptionOutcome.ACCEPTED;
    }

    /** Asks the node of {@code party} why a send failed, as its connector does. */
    private MessageErrors errorsAt(String party) {
        return new MessageErrors(DomibusGatewayTest.settings(pair.node(party).pluginUrl().toString(),
                DomibusPair.PLUGIN_PASSWORD));
    }

    private DomibusGateway gatewayTo(String party) {
        return new DomibusGateway(DomibusGatewayTest.settings(pair.node(party).pluginUrl().toString(),
                DomibusPair.PLUGIN_PASSWORD), payloads);
    }

    private OutgoingPart part(String description, byte[] bytes) {
        return new OutgoingPart(description, "application/vnd.etsi.asic-s+zip",
                payloads.put(PayloadKind.CONTAINER, "container.asics", "application/vnd.etsi.asic-s+zip", bytes));
    }

    private static Envelope envelope() {
        return new Envelope(UUID.randomUUID() + "@at.example", "conversation-" + UUID.randomUUID(), null,
                SampleMessages.SERVICE, SampleMessages.ACTION, SampleMessages.HOME, SampleMessages.GERMANY,
                "urn:authority:at-court", "urn:authority:de-prosecutor");
    }
}

package eu.lexbridge.gateway.domibus;

import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.Direction;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.testkit.InMemoryConnector;
import eu.lexbridge.core.transport.Envelope;
import eu.lexbridge.gateway.domibus.wire.ebms.Messaging;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A message Domibus received from the German connector for this one, as Domibus hands it to the plugin: the ebMS header
 * in the e-CODEX mapping and the payloads held as files by the stand-in; and what the connector stored of it.
 */
final class InboundFixture {

    static final String COURT = "urn:authority:court-a";

    final Envelope envelope;
    final Messaging header;
    final List<StandInDomibus.HeldPayload> payloads;

    private InboundFixture(Envelope envelope, Messaging header, List<StandInDomibus.HeldPayload> payloads) {
        this.envelope = envelope;
        this.header = header;
        this.payloads = payloads;
    }

    /** A message whose container has {@code containerBytes} pseudo-random bytes. */
    static InboundFixture message(InMemoryConnector connector, StandInDomibus domibus, int containerBytes, long seed) {
        Envelope envelope = connector.envelopeFor(COURT);
        byte[] container = Sha256.randomBytes(containerBytes, seed);
        List<EcodexHeader.WirePart> described = List.of(
                new EcodexHeader.WirePart("cid:payload_content", "messageContent", "content.xml", "text/xml"),
                new EcodexHeader.WirePart("cid:payload_container", "ASIC-S", "container.asics",
                        "application/vnd.etsi.asic-s+zip"),
                new EcodexHeader.WirePart("cid:payload_token", "tokenXML", "Token.xml", "text/xml"));
        // Domibus matches payloadId and href without regard to case
        List<StandInDomibus.HeldPayload> held = List.of(
                domibus.hold("cid:payload_content", "text/xml", stream("<order>1</order>")),
                domibus.hold("CID:PAYLOAD_CONTAINER", "application/octet-stream", new ByteArrayInputStream(container)),
                domibus.hold("cid:payload_token", "text/xml", stream("<token/>")));
        return new InboundFixture(envelope, EcodexHeader.outgoing(envelope, described), held);
    }

    String id() {
        return envelope.ebmsMessageId();
    }

    String containerSha256() {
        return payloads.get(1).sha256();
    }

    static Optional<ConnectorMessage> stored(InMemoryConnector connector, String ebmsMessageId) {
        return connector.store().findByEbmsId(ebmsMessageId, Direction.INBOUND);
    }

    /** The SHA-256 of the container as the connector stored it, read back from its payload store. */
    static String storedContainerSha256(InMemoryConnector connector, ConnectorMessage message) throws IOException {
        PayloadRef container = message.payloads().stream().filter(p -> p.kind() == PayloadKind.CONTAINER)
                .findFirst().orElseThrow();
        try (InputStream in = connector.payloads().open(container)) {
            return Sha256.of(in);
        }
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}

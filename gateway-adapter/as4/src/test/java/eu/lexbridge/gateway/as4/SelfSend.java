package eu.lexbridge.gateway.as4;

import eu.lexbridge.core.message.BusinessService;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.testkit.InMemoryPayloadStore;
import eu.lexbridge.core.transport.Envelope;
import eu.lexbridge.core.transport.OutgoingPart;
import eu.lexbridge.core.transport.SendOutcome;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** A valid message (1 MB binary part) from the fixture's party to itself, as a partner would send it. */
final class SelfSend {

    private SelfSend() {
    }

    static SendOutcome.Status send(ReceivingFixture endpoint) {
        InMemoryPayloadStore payloads = new InMemoryPayloadStore();
        byte[] binary = new byte[1 << 20];
        new Random(7).nextBytes(binary);
        PayloadRef document = payloads.put(PayloadKind.BUSINESS_DOCUMENT, "container.asics",
                "application/vnd.etsi.asic-s+zip", binary);
        Envelope envelope = new Envelope(UUID.randomUUID() + "@lexbridge.test", "conv-1", null,
                new BusinessService("EPO", "urn:e-codex:services:"), "Form_A",
                ReceivingFixture.HOME, ReceivingFixture.HOME,
                "urn:a", "urn:b");
        try (EmbeddedAccessPoint sender = new EmbeddedAccessPoint(endpoint.settings, payloads)) {
            return sender.send(envelope, List.of(new OutgoingPart("ASIC-S", "application/vnd.etsi.asic-s+zip",
                    document)), endpoint.self).status();
        }
    }
}

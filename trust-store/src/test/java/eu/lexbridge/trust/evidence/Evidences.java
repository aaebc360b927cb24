package eu.lexbridge.trust.evidence;

import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.evidence.RejectionReason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** Unsealed evidence documents about {@link TestMessages#outbound()}. */
final class Evidences {

    static final RemEvidenceFactory FACTORY =
            new RemEvidenceFactory("lexbridge-at", "https://as4.lexbridge.at/services/as4", ZoneId.of("Europe/Vienna"));

    private Evidences() {
    }

    static byte[] unsealed(EvidenceType type) {
        return FACTORY.create(type, UUID.randomUUID(), TestMessages.outbound().build(), Instant.now(),
                type.isPositive() ? null
                        : RejectionReason.DELIVERY_EVIDENCE_TIMEOUT.because("no delivery evidence within 24 hours"));
    }

    static String text(byte[] document) {
        return new String(document, StandardCharsets.UTF_8);
    }

    static byte[] bytes(String document) {
        return document.getBytes(StandardCharsets.UTF_8);
    }
}

package eu.lexbridge.trust.evidence;

import eu.lexbridge.core.message.BusinessService;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.Direction;
import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import java.time.Instant;

/** Business messages to write evidences about. */
final class TestMessages {

    static final String PDF_SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final String XML_SHA256 = "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae";

    private TestMessages() {
    }

    static ConnectorMessage.Builder outbound() {
        return ConnectorMessage.builder()
                .direction(Direction.OUTBOUND)
                .backendName("at-backend")
                .backendMessageId("AT-2025-000017")
                .ebmsMessageId("5b2a3c1e-7d4f-4e8a-9c3b-1f2e3d4c5b6a@lexbridge.at")
                .conversationId("conv-1")
                .service(new BusinessService("EPO", "urn:e-codex:services:"))
                .action("Form_A")
                .from(new Party("AT", "urn:oasis:names:tc:ebcore:partyid-type:iso3166-1", "GW"))
                .to(new Party("DE", "urn:oasis:names:tc:ebcore:partyid-type:iso3166-1", "GW"))
                .originalSender("at-prosecutor")
                .finalRecipient("de-court")
                .createdAt(Instant.parse("2025-03-04T09:15:30.123456789Z"))
                .addPayload(new PayloadRef("store-content-1", PayloadKind.BUSINESS_CONTENT, "messageContent",
                        "application/xml", 2048, XML_SHA256))
                .addPayload(new PayloadRef("store-document-1", PayloadKind.BUSINESS_DOCUMENT, "Claim.pdf",
                        "application/pdf", 40960, PDF_SHA256));
    }
}

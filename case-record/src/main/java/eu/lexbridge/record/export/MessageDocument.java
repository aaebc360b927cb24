package eu.lexbridge.record.export;

import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.record.XmlWriter;
import java.util.List;

/** A message's metadata as the export files it: ids, parties, service, state, each payload's digest; no content. */
final class MessageDocument {

    private MessageDocument() {
    }

    static byte[] write(ConnectorMessage m, List<Evidence> evidences) {
        XmlWriter xml = new XmlWriter("Message", CaseExport.NAMESPACE)
                .element("ConnectorMessageId", m.connectorMessageId())
                .element("Direction", m.direction())
                .element("EbmsMessageId", m.ebmsMessageId())
                .element("ConversationId", m.conversationId())
                .element("RefToMessageId", m.refToMessageId())
                .element("BackendMessageId", m.backendMessageId())
                .element("Backend", m.backendName())
                .element("Service", m.service().value(), "type", m.service().type())
                .element("Action", m.action())
                .element("From", m.from().partyId(), "type", m.from().partyIdType())
                .element("To", m.to().partyId(), "type", m.to().partyIdType())
                .element("OriginalSender", m.originalSender())
                .element("FinalRecipient", m.finalRecipient())
                .element("State", m.state())
                .element("CreatedAt", m.createdAt());
        xml.start("Payloads");
        for (PayloadRef p : m.payloads()) {
            xml.start("Payload").attribute("kind", p.kind()).attribute("name", p.name())
                    .attribute("mimeType", p.mimeType()).attribute("size", p.size())
                    .attribute("sha256", p.sha256()).end();
        }
        xml.end().start("Evidences");
        for (Evidence e : evidences) {
            xml.start("Evidence").attribute("type", e.type()).attribute("origin", e.origin())
                    .attribute("at", e.at()).attribute("sha256", e.document().sha256())
                    .element("Reason", e.reason()).end();
        }
        xml.end();
        return xml.toBytes();
    }
}

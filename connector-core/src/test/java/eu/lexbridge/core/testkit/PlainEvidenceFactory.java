package eu.lexbridge.core.testkit;

import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.evidence.Reason;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.port.EvidenceFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * An unsigned stand-in for the trust-store's ETSI-REM evidence: enough XML to tell evidences apart in tests. The real,
 * signed one is tested in trust-store.
 */
public final class PlainEvidenceFactory implements EvidenceFactory {

    @Override
    public byte[] create(EvidenceType type, UUID evidenceId, ConnectorMessage subject, Instant at, Reason reason) {
        String xml = "<REMEvidence xmlns=\"http://uri.etsi.org/02640/v2#\" type=\"" + type + "\" id=\"" + evidenceId
                + "\"><EventTime>" + at + "</EventTime><SubjectMessage>" + subject.ebmsMessageId()
                + "</SubjectMessage>" + (reason == null ? "" : "<Reason>" + reason.text() + "</Reason>")
                + "</REMEvidence>";
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}

package eu.lexbridge.trust.evidence;

import eu.lexbridge.core.evidence.EvidenceType;
import java.time.Instant;
import java.util.Objects;

/**
 * What an ETSI-REM evidence document says, as far as correlation and state need it.
 *
 * @param type derived from the root element and the event code
 * @param evidenceId the EvidenceIdentifier
 * @param eventCode the EventCode as written (e.g. {@code http:uri.etsi.org/02640/Event#Acceptance}); {@code null}
 *     only for a RelayREMMDFailure written without one
 * @param eventTime the EventTime
 * @param uaMessageIdentifier SenderMessageDetails/UAMessageIdentifier: the back-end (national) message id, or
 *     {@code null}
 * @param remmdMessageIdentifier SenderMessageDetails/MessageIdentifierByREMMD: the ebMS message id, or {@code null}
 * @param signed whether the document carries an enveloped ds:Signature (present, not verified)
 */
public record RemEvidenceSummary(EvidenceType type, String evidenceId, String eventCode, Instant eventTime,
                                 String uaMessageIdentifier, String remmdMessageIdentifier, boolean signed) {
    public RemEvidenceSummary {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(evidenceId, "evidenceId");
        Objects.requireNonNull(eventTime, "eventTime");
    }
}

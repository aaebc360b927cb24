package eu.lexbridge.record.timeline;

import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.record.CaseDeadline;
import eu.lexbridge.core.record.TransmissionRecord;
import java.time.Instant;
import java.util.List;

/** The procedural time limits a conversation's messages and records started, as they stand at a moment. */
@FunctionalInterface
public interface CaseDeadlines {

    /** No time limits: for a connector whose services carry none. */
    CaseDeadlines NONE = (messages, records, now) -> List.of();

    /**
     * @param messages the conversation's business messages, oldest first
     * @param records the transmissions recorded outside the system in it
     */
    List<CaseDeadline> of(List<ConnectorMessage> messages, List<TransmissionRecord> records, Instant now);
}

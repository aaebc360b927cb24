package eu.lexbridge.app.record;

import eu.lexbridge.backend.rest.RestBackendAutoConfiguration;
import eu.lexbridge.core.port.CaseRecord;
import eu.lexbridge.core.port.MessageStore;
import eu.lexbridge.core.port.PayloadStore;
import eu.lexbridge.core.port.Sealer;
import eu.lexbridge.core.port.SecurityEvents;
import eu.lexbridge.core.port.TransmissionRecords;
import eu.lexbridge.record.Conversations;
import eu.lexbridge.record.StoredCaseRecord;
import eu.lexbridge.record.timeline.CaseDeadlines;
import eu.lexbridge.record.timeline.ConversationTimeline;
import eu.lexbridge.record.transmission.TransmissionRecording;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The case record: transmissions recorded outside the system, sealed and kept, and each conversation's timeline with
 * its procedural time limits.
 */
// Before the REST API, whose record and conversation endpoints are there when the case record is.
@AutoConfiguration(before = RestBackendAutoConfiguration.class)
public class CaseRecordAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CaseDeadlines caseDeadlines() {
        return CaseDeadlines.NONE;
    }

    @Bean
    @ConditionalOnMissingBean
    CaseRecord caseRecord(MessageStore messages, TransmissionRecords records, PayloadStore payloads, Sealer sealer,
                          CaseDeadlines deadlines, SecurityEvents security, Clock clock) {
        Conversations conversations = new Conversations(messages);
        return new StoredCaseRecord(conversations,
                new TransmissionRecording(conversations, records, payloads, sealer, clock), records,
                new ConversationTimeline(messages, records, deadlines), payloads, security, clock);
    }
}

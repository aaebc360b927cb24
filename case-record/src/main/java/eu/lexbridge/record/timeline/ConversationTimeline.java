package eu.lexbridge.record.timeline;

import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.Direction;
import eu.lexbridge.core.message.TimelineEntry;
import eu.lexbridge.core.port.MessageStore;
import eu.lexbridge.core.port.TransmissionRecords;
import eu.lexbridge.core.record.CaseDeadline;
import eu.lexbridge.core.record.CaseTimeline;
import eu.lexbridge.core.record.CaseTimeline.Entry;
import eu.lexbridge.core.record.CaseTimeline.Kind;
import eu.lexbridge.core.record.TransmissionRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Puts a conversation together, in time order: each business message, the states and evidences of its own timeline,
 * the transmissions recorded outside the system and the procedural time limits, started and ended.
 */
public final class ConversationTimeline {

    private final MessageStore messages;
    private final TransmissionRecords records;
    private final CaseDeadlines deadlines;

    public ConversationTimeline(MessageStore messages, TransmissionRecords records, CaseDeadlines deadlines) {
        this.messages = messages;
        this.records = records;
        this.deadlines = deadlines;
    }

    /**
     * @param own the back-end's business messages of the conversation, oldest first
     * @param backendName the back-end whose records are shown
     */
    public CaseTimeline of(String conversationId, List<ConnectorMessage> own, String backendName, Instant now) {
        List<Entry> entries = new ArrayList<>();
        for (ConnectorMessage message : own) {
            entries.add(Entry.of(message.createdAt(), Kind.MESSAGE, message.connectorMessageId(),
                    (message.direction() == Direction.OUTBOUND ? "sent " : "received ") + message.action(),
                    describe(message)));
            for (TimelineEntry line : messages.timeline(message.connectorMessageId())) {
                entries.add(line.state() != null
                        ? Entry.of(line.at(), Kind.STATE, message.connectorMessageId(), line.state().name(),
                                line.detail())
                        : Entry.of(line.at(), Kind.EVIDENCE, message.connectorMessageId(),
                                line.evidenceType().name() + " " + line.evidenceOrigin().name()
                                        .toLowerCase(Locale.ROOT), line.detail()));
            }
        }
        List<TransmissionRecord> kept = records.inConversation(conversationId).stream()
                .filter(record -> record.backendName().equals(backendName)).toList();
        for (TransmissionRecord record : kept) {
            entries.add(Entry.of(record.transmittedAt(), Kind.TRANSMISSION, record.recordId(),
                    record.corrects() == null ? "transmitted outside the system"
                            : "correction of record " + record.corrects(), describe(record)));
        }
        List<CaseDeadline> limits = deadlines.of(own, kept, now);
        for (CaseDeadline limit : limits) {
            entries.add(new Entry(limit.startedAt(), Kind.DEADLINE, limit.id(), limit.id() + " started",
                    limit.title() + " (" + limit.source() + "); " + (limit.dueAt() == null ? "no end"
                            : "due " + limit.dueAt()) + ", for the " + limit.actor()));
            switch (limit.status()) {
                case MET, CANCELLED, CLOSED -> entries.add(new Entry(limit.closedAt(), Kind.DEADLINE, limit.id(),
                        limit.id() + " " + limit.status().name().toLowerCase(Locale.ROOT)
                                + (limit.late() ? " late" : ""), limit.title()));
                case MISSED -> entries.add(new Entry(limit.dueAt(), Kind.DEADLINE, limit.id(),
                        limit.id() + " missed", limit.title()));
                case RUNNING, SUSPENDED, OPEN -> { }
            }
        }
        return new CaseTimeline(conversationId, now, entries, limits, kept);
    }

    private static String describe(ConnectorMessage message) {
        boolean sent = message.direction() == Direction.OUTBOUND;
        String party = sent ? "to party " + message.to().partyId() : "from party " + message.from().partyId();
        return message.service().value() + " " + message.action() + " " + party
                + (message.finalRecipient() == null ? "" : " (final recipient " + message.finalRecipient() + ")")
                + (message.backendMessageId() == null ? "" : ", back-end id " + message.backendMessageId())
                + ", ebMS id " + message.ebmsMessageId() + ", now " + message.state();
    }

    private static String describe(TransmissionRecord record) {
        return record.fileName() + " (" + record.fileSize() + " bytes, " + record.contentHash().algorithm() + " "
                + record.contentHash().value() + ") from " + record.sender() + " to " + record.recipient() + " by "
                + record.channel() + ", because of " + record.reason().description() + "; " + record.instrument()
                + " " + record.form() + ", recorded " + record.recordedAt()
                + (record.operator() == null ? "" : " by " + record.operator());
    }
}

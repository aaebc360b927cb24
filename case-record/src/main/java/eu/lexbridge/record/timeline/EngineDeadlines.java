package eu.lexbridge.record.timeline;

import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.record.CaseDeadline;
import eu.lexbridge.core.record.TransmissionRecord;
import eu.lexbridge.record.deadline.Deadline;
import eu.lexbridge.record.deadline.DeadlineEngine;
import java.time.Instant;
import java.util.List;

/** The time limits of a conversation: its procedural steps ({@link ConversationSteps}) through the deadline engine. */
public final class EngineDeadlines implements CaseDeadlines {

    private final ConversationSteps steps;
    private final DeadlineEngine engine;

    public EngineDeadlines(ConversationSteps steps, DeadlineEngine engine) {
        this.steps = steps;
        this.engine = engine;
    }

    @Override
    public List<CaseDeadline> of(List<ConnectorMessage> messages, List<TransmissionRecord> records, Instant now) {
        return engine.evaluate(steps.of(messages, records), now).stream().map(EngineDeadlines::view).toList();
    }

    private static CaseDeadline view(Deadline d) {
        return new CaseDeadline(d.ruleId(), d.title(), d.source(), d.role(), d.triggerMessageId(), d.startedAt(),
                d.dueAt(), d.status(), d.closedAt(), d.late());
    }
}

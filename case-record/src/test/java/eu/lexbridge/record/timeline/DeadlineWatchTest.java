package eu.lexbridge.record.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.core.message.BusinessService;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.testkit.InMemoryMessageStore;
import eu.lexbridge.core.testkit.InMemoryPayloadStore;
import eu.lexbridge.core.testkit.InMemoryTransmissionRecords;
import eu.lexbridge.core.testkit.SampleMessages;
import eu.lexbridge.record.deadline.EEvidenceDeadlines;
import eu.lexbridge.record.deadline.ProcedureStep;
import eu.lexbridge.record.deadline.WorkingCalendars;
import eu.lexbridge.record.timeline.DeadlineWatch.Report;
import eu.lexbridge.record.timeline.DeadlineWatch.Watched;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The watch finds, over the active conversations, the limits due soon and those missed, per back-end. */
class DeadlineWatchTest {

    private static final Instant RECEIVED = Instant.parse("2026-12-01T09:15:00Z");

    private final InMemoryMessageStore messages = new InMemoryMessageStore();
    private final InMemoryPayloadStore payloads = new InMemoryPayloadStore();
    private final DeadlineWatch watch = new DeadlineWatch(messages, new InMemoryTransmissionRecords(),
            new EngineDeadlines(new ConversationSteps(List.of(StepMapping.ofMessages("EEvidence", "EPOC",
                    ProcedureStep.EPOC, Map.of())), messages, payloads, "AT", Map.of()),
                    EEvidenceDeadlines.engine(WorkingCalendars.standard(), "AT")),
            Duration.ofDays(120), Duration.ofDays(2));

    private ConnectorMessage received(String conversation, Instant at) {
        ConnectorMessage epoc = SampleMessages.inbound(at).service(new BusinessService("EEvidence", "t"))
                .action("EPOC").conversationId(conversation).backendName(SampleMessages.BACKEND)
                .state(MessageState.AVAILABLE_TO_BACKEND).build();
        messages.insert(epoc, "received");
        return epoc;
    }

    @Test
    void aLimitEndingWithinTheWarningIsDueSoonAndOneEndedIsMissed() {
        received("c-1", RECEIVED);
        // the end of 11 December, Vienna time
        Instant due = Instant.parse("2026-12-11T23:00:00Z");

        Report early = watch.check(due.minus(Duration.ofDays(5)));
        assertThat(early.dueSoon()).isEmpty();
        assertThat(early.missed()).isEmpty();
        assertThat(early.conversations()).isEqualTo(1);

        Report soon = watch.check(due.minus(Duration.ofDays(1)));
        assertThat(soon.dueSoon()).extracting(w -> w.deadline().id()).containsExactly("D2", "D11");
        assertThat(soon.dueSoon()).allSatisfy(w -> {
            assertThat(w.conversationId()).isEqualTo("c-1");
            assertThat(w.backendName()).isEqualTo(SampleMessages.BACKEND);
        });

        Report late = watch.check(due.plusSeconds(1));
        assertThat(late.missed()).extracting(Watched::deadline).extracting(d -> d.id()).containsExactly("D2");
        assertThat(late.dueSoon()).isEmpty();
    }

    @Test
    void aConversationQuietLongerThanTheHorizonIsNotWatched() {
        received("c-old", RECEIVED.minus(Duration.ofDays(200)));

        Report report = watch.check(RECEIVED);

        assertThat(report.conversations()).isZero();
        assertThat(report.missed()).isEmpty();
    }
}

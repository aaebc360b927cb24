package eu.lexbridge.record.timeline;

import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.message.BusinessService;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.record.CaseDeadline;
import eu.lexbridge.core.record.CaseDeadline.Status;
import eu.lexbridge.core.record.CaseTimeline;
import eu.lexbridge.core.record.CaseTimeline.Entry;
import eu.lexbridge.core.record.CaseTimeline.Kind;
import eu.lexbridge.core.testkit.InMemoryMessageStore;
import eu.lexbridge.core.testkit.InMemoryPayloadStore;
import eu.lexbridge.core.testkit.InMemoryTransmissionRecords;
import eu.lexbridge.core.testkit.SampleMessages;
import eu.lexbridge.core.testkit.TransmissionRecordsContract;
import eu.lexbridge.record.content.ContentCondition;
import eu.lexbridge.record.deadline.EEvidenceDeadlines;
import eu.lexbridge.record.deadline.ProcedureStep;
import eu.lexbridge.record.deadline.StepEvent.Flag;
import eu.lexbridge.record.deadline.WorkingCalendars;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A conversation put together from its messages, their timelines, the recorded transmissions and the time limits the
 * messages started: in time order, with the limits counted from when the other side received each message.
 */
class ConversationTimelineTest {

    private static final BusinessService EEVIDENCE = new BusinessService("EEvidence", "urn:e-codex:services:");
    private static final Instant SENT = Instant.parse("2026-12-01T09:15:00Z");
    private static final StepMapping EPOC = StepMapping.ofMessages("EEvidence", "EPOC", ProcedureStep.EPOC, Map.of(
            Flag.EMERGENCY, ContentCondition.parse("Emergency=true"),
            Flag.ENFORCING_AUTHORITY_NOTIFIED, ContentCondition.parse("NotifiedEnforcingState")));
    /** The data produced on a disk, recorded: as TransmissionRecordsContract.record records them. */
    private static final StepMapping DATA = StepMapping.ofRecords("E-EVIDENCE", "EPOC data",
            ProcedureStep.DATA_PRODUCED);

    private final InMemoryMessageStore store = new InMemoryMessageStore();
    private final InMemoryPayloadStore payloads = new InMemoryPayloadStore();
    private final InMemoryTransmissionRecords records = new InMemoryTransmissionRecords();
    private final EngineDeadlines deadlines = new EngineDeadlines(new ConversationSteps(List.of(EPOC, DATA), store,
            payloads, "AT", Map.of(SampleMessages.GERMANY.partyId(), "DE")),
            EEvidenceDeadlines.engine(WorkingCalendars.standard(), "AT"));
    private final ConversationTimeline timelines = new ConversationTimeline(store, records, deadlines);

    private ConnectorMessage epoc(String content, String conversation) {
        ConnectorMessage message = SampleMessages.outbound(SENT).service(EEVIDENCE).action("EPOC")
                .conversationId(conversation).payloads(List.of(payloads.put(PayloadKind.BUSINESS_CONTENT,
                        "messageContent", "application/xml", content.getBytes(StandardCharsets.UTF_8)))).build();
        store.insert(message, "submitted");
        return message;
    }

    private void received(ConnectorMessage sent, EvidenceType type, Instant at) {
        store.recordEvidence(new Evidence(UUID.randomUUID(), sent.connectorMessageId(), type,
                EvidenceOrigin.RECEIVED, SampleMessages.evidenceDocument(type), null, at, null), null,
                type.outboundState(), "received");
    }

    private CaseTimeline timeline(String conversation, Instant now) {
        return timelines.of(conversation, store.conversation(conversation, 100), SampleMessages.BACKEND, now);
    }

    @Test
    void aSentOrderStartsItsTimeLimitsWhenThePartnerReceivedItInThePartnersCalendar() {
        ConnectorMessage sent = epoc("<EPOC><SectionC><Emergency>false</Emergency></SectionC></EPOC>", "c-1");
        assertThat(timeline("c-1", SENT.plusSeconds(60)).deadlines()).as("not received yet").isEmpty();

        Instant delivered = SENT.plusSeconds(30);
        received(sent, EvidenceType.RELAY_REMMD_ACCEPTANCE, delivered);
        received(sent, EvidenceType.DELIVERY, delivered.plusSeconds(5));
        CaseTimeline timeline = timeline("c-1", delivered.plus(Duration.ofDays(1)));

        assertThat(timeline.deadlines()).extracting(CaseDeadline::id).containsExactly("D2", "D11");
        CaseDeadline production = timeline.deadlines().get(0);
        assertThat(production.startedAt()).isEqualTo(delivered);
        // 10 days from 1 December in Germany's calendar: the end of 11 December, Berlin time
        assertThat(production.dueAt()).isEqualTo(Instant.parse("2026-12-11T23:00:00Z"));
        assertThat(production.actor()).isEqualTo("addressee");
        assertThat(production.status()).isEqualTo(Status.RUNNING);
        assertThat(production.messageId()).isEqualTo(sent.connectorMessageId().toString());
    }

    @Test
    void theBusinessContentSetsTheFlagsThatChooseTheLimits() {
        ConnectorMessage urgent = epoc("""
                <EPOC xmlns="urn:test"><SectionC><Deadline>PT8H</Deadline><Emergency> true </Emergency></SectionC>
                <SectionK><NotifiedEnforcingState>DE</NotifiedEnforcingState></SectionK></EPOC>""", "c-2");
        received(urgent, EvidenceType.RELAY_REMMD_ACCEPTANCE, SENT);

        CaseTimeline timeline = timeline("c-2", SENT.plus(Duration.ofHours(9)));

        CaseDeadline emergency = timeline.deadlines().stream().filter(d -> d.id().equals("D5")).findFirst()
                .orElseThrow();
        // the hour of receipt does not count: from 10:00 to 18:00
        assertThat(emergency.dueAt()).isEqualTo(Instant.parse("2026-12-01T18:00:00Z"));
        assertThat(emergency.status()).isEqualTo(Status.MISSED);
        assertThat(timeline.entries()).extracting(Entry::title).contains("D5 started", "D5 missed");
        assertThat(timeline.deadlines()).extracting(CaseDeadline::id).doesNotContain("D2", "D4");
    }

    @Test
    void anUnreadableOrHostileContentSetsNoFlagAndStillCounts() {
        ConnectorMessage hostile = epoc("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><EPOC>&e;"
                + "<Emergency>true</Emergency></EPOC>", "c-3");
        received(hostile, EvidenceType.DELIVERY, SENT);

        assertThat(timeline("c-3", SENT.plusSeconds(60)).deadlines()).extracting(CaseDeadline::id)
                .containsExactly("D2", "D11");
    }

    @Test
    void everyMessageStateEvidenceRecordAndLimitIsInTimeOrder() {
        ConnectorMessage sent = epoc("<EPOC/>", "c-4");
        store.advance(sent.connectorMessageId(), MessageState.ACCEPTED, "accepted", SENT.plusSeconds(1));
        received(sent, EvidenceType.RELAY_REMMD_ACCEPTANCE, SENT.plusSeconds(20));
        records.insert(TransmissionRecordsContract.record(SampleMessages.BACKEND, null, "c-4",
                SENT.plus(Duration.ofDays(3))));
        records.insert(TransmissionRecordsContract.record("another-backend", null, "c-4", SENT));

        CaseTimeline timeline = timeline("c-4", SENT.plus(Duration.ofDays(20)));

        assertThat(timeline.entries()).isSortedAccordingTo((a, b) -> a.at().compareTo(b.at()));
        assertThat(timeline.entries()).extracting(Entry::kind).containsSubsequence(Kind.MESSAGE, Kind.STATE,
                Kind.EVIDENCE, Kind.DEADLINE, Kind.TRANSMISSION, Kind.DEADLINE);
        assertThat(timeline.entries().get(0).detail()).contains("EEvidence EPOC to party DE");
        assertThat(timeline.records()).as("another back-end's record is not shown").hasSize(1);
        // the data produced on a disk, recorded, meet the production limit; the objection window closes by itself
        assertThat(timeline.entries()).extracting(Entry::title).contains("D2 met", "D11 closed")
                .doesNotContain("D2 missed");
        assertThat(timeline.deadlines().get(0).closedAt()).isEqualTo(timeline.records().get(0).transmittedAt());
    }
}

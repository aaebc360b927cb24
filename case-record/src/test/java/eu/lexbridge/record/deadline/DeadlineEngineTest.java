package eu.lexbridge.record.deadline;

import eu.lexbridge.core.record.CaseDeadline.Status;
import eu.lexbridge.record.deadline.StepEvent.Flag;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import static eu.lexbridge.record.deadline.ProcedureStep.CLARIFICATION;
import static eu.lexbridge.record.deadline.ProcedureStep.CLARIFICATION_REQUEST;
import static eu.lexbridge.record.deadline.ProcedureStep.DATA_PRODUCED;
import static eu.lexbridge.record.deadline.ProcedureStep.ENFORCEMENT_REQUEST;
import static eu.lexbridge.record.deadline.ProcedureStep.EPOC;
import static eu.lexbridge.record.deadline.ProcedureStep.EPOC_NOTIFICATION;
import static eu.lexbridge.record.deadline.ProcedureStep.EPOC_PR;
import static eu.lexbridge.record.deadline.ProcedureStep.EX_POST_VALIDATION;
import static eu.lexbridge.record.deadline.ProcedureStep.NEW_DEADLINE;
import static eu.lexbridge.record.deadline.ProcedureStep.NO_REFUSAL_CONFIRMATION;
import static eu.lexbridge.record.deadline.ProcedureStep.PRESERVATION_EXTENSION;
import static eu.lexbridge.record.deadline.ProcedureStep.PRODUCTION_REQUEST_CONFIRMATION;
import static eu.lexbridge.record.deadline.ProcedureStep.REASONED_OBJECTION;
import static eu.lexbridge.record.deadline.ProcedureStep.RECOGNITION_DECISION;
import static eu.lexbridge.record.deadline.ProcedureStep.REFUSAL;
import static eu.lexbridge.record.deadline.ProcedureStep.WITHDRAWAL;
import static eu.lexbridge.record.deadline.StepEvent.Flag.EMERGENCY;
import static eu.lexbridge.record.deadline.StepEvent.Flag.ENFORCING_AUTHORITY_NOTIFIED;
import static eu.lexbridge.record.deadline.StepEvent.Flag.WITHOUT_PRIOR_VALIDATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine on e-Evidence conversations: the issuing authority in Germany, the addressee and the enforcing authority
 * in Austria unless a test says otherwise. The EPOC arrives on Monday 2 March 2026, 09:30 in Vienna.
 */
class DeadlineEngineTest {

    private static final DeadlineEngine ENGINE = EEvidenceDeadlines.engine(WorkingCalendars.standard(), "DE");

    private static final String EPOC_AT = "2026-03-02T08:30:00Z";
    /** Day 10 after 2 March is Thursday 12 March; it ends at midnight in Vienna. */
    private static final Instant TEN_DAYS_IN_AT = t("2026-03-12T23:00:00Z");

    private static Instant t(String instant) {
        return Instant.parse(instant);
    }

    /** A message from the issuing authority (DE) to the addressee or enforcing authority (AT). */
    private static StepEvent toAt(ProcedureStep step, String at, String messageId, Flag... flags) {
        return StepEvent.of(step, t(at), messageId, "DE", "AT", flags);
    }

    /** A message from the Austrian addressee or enforcing authority back to the issuing authority (DE). */
    private static StepEvent fromAt(ProcedureStep step, String at, String messageId) {
        return StepEvent.of(step, t(at), messageId, "AT", "DE");
    }

    private static Deadline only(List<Deadline> deadlines, String ruleId) {
        List<Deadline> found = deadlines.stream().filter(deadline -> deadline.ruleId().equals(ruleId)).toList();
        assertThat(found).as(ruleId).hasSize(1);
        return found.get(0);
    }

    @Test
    void anEpocWithoutNotificationStartsTheProductionLimitAndTheObjectionWindow() {
        List<Deadline> deadlines = ENGINE.evaluate(List.of(toAt(EPOC, EPOC_AT, "epoc")), t("2026-03-03T12:00:00Z"));

        assertThat(deadlines).extracting(Deadline::ruleId).containsExactly("D2", "D11");
        Deadline d2 = deadlines.get(0);
        assertThat(d2.status()).isEqualTo(Status.RUNNING);
        assertThat(d2.dueAt()).isEqualTo(TEN_DAYS_IN_AT);
        assertThat(d2.startedAt()).isEqualTo(t(EPOC_AT));
        assertThat(d2.triggerMessageId()).isEqualTo("epoc");
        assertThat(d2.role()).isEqualTo("addressee");
        assertThat(d2.source()).isEqualTo("Reg (EU) 2023/1543 Art 10(3)");
        assertThat(deadlines.get(1).status()).isEqualTo(Status.RUNNING);
        assertThat(deadlines.get(1).dueAt()).isEqualTo(TEN_DAYS_IN_AT);
    }

    @Test
    void dataInTimeMeetsTheLimitWhileTheObjectionWindowRunsOnAndCloses() {
        List<StepEvent> events = List.of(toAt(EPOC, EPOC_AT, "epoc"),
                fromAt(DATA_PRODUCED, "2026-03-10T12:00:00Z", "data"));

        List<Deadline> before = ENGINE.evaluate(events, t("2026-03-11T00:00:00Z"));
        assertThat(only(before, "D2").status()).isEqualTo(Status.MET);
        assertThat(only(before, "D2").late()).isFalse();
        assertThat(only(before, "D2").closedAt()).isEqualTo(t("2026-03-10T12:00:00Z"));
        assertThat(only(before, "D2").closedByMessageId()).isEqualTo("data");
        assertThat(only(before, "D11").status()).isEqualTo(Status.RUNNING);

        List<Deadline> after = ENGINE.evaluate(events, TEN_DAYS_IN_AT);
        assertThat(only(after, "D11").status()).isEqualTo(Status.CLOSED);
        assertThat(only(after, "D11").closedAt()).isEqualTo(TEN_DAYS_IN_AT);
    }

    @Test
    void noDataByTheDueTimeIsMissedAndDataAfterItIsMetLate() {
        List<StepEvent> epoc = List.of(toAt(EPOC, EPOC_AT, "epoc"));
        Instant justBefore = TEN_DAYS_IN_AT.minusSeconds(1);
        assertThat(only(ENGINE.evaluate(epoc, justBefore), "D2").status()).isEqualTo(Status.RUNNING);
        Deadline missed = only(ENGINE.evaluate(epoc, TEN_DAYS_IN_AT), "D2");
        assertThat(missed.status()).isEqualTo(Status.MISSED);

        List<StepEvent> late = List.of(toAt(EPOC, EPOC_AT, "epoc"),
                fromAt(DATA_PRODUCED, "2026-03-14T09:00:00Z", "late-data"));
        Deadline met = only(ENGINE.evaluate(late, t("2026-03-15T00:00:00Z")), "D2");
        assertThat(met.status()).isEqualTo(Status.MET);
        assertThat(met.late()).isTrue();
        assertThat(met.dueAt()).isEqualTo(TEN_DAYS_IN_AT);
        assertThat(met.closedAt()).isEqualTo(t("2026-03-14T09:00:00Z"));
    }

    @Test
    void anEmergencyEpocGivesEightHoursNotTenDays() {
        List<Deadline> deadlines = ENGINE.evaluate(List.of(toAt(EPOC, EPOC_AT, "epoc", EMERGENCY)),
                t("2026-03-02T10:00:00Z"));

        assertThat(deadlines).extracting(Deadline::ruleId).containsExactly("D5", "D11");
        // 09:30 Vienna: counting starts at 10:00 Vienna (09:00 UTC), 8 hours later is 17:00 UTC.
        assertThat(only(deadlines, "D5").dueAt()).isEqualTo(t("2026-03-02T17:00:00Z"));
    }

    @Test
    void aNotifiedEpocGivesTheAddresseeD4AndTheNotificationGivesTheEnforcingAuthorityD3() {
        List<StepEvent> events = List.of(toAt(EPOC, EPOC_AT, "epoc", ENFORCING_AUTHORITY_NOTIFIED),
                toAt(EPOC_NOTIFICATION, EPOC_AT, "notification"));
        List<Deadline> deadlines = ENGINE.evaluate(events, t("2026-03-03T00:00:00Z"));

        assertThat(deadlines).extracting(Deadline::ruleId).containsExactly("D3", "D4", "D11");
        assertThat(only(deadlines, "D3").role()).isEqualTo("enforcing authority");
        assertThat(only(deadlines, "D3").dueAt()).isEqualTo(TEN_DAYS_IN_AT);
        assertThat(only(deadlines, "D4").dueAt()).isEqualTo(TEN_DAYS_IN_AT);
        assertThat(only(deadlines, "D3").triggerMessageId()).isEqualTo("notification");

        List<StepEvent> refused = List.of(events.get(0), events.get(1),
                fromAt(REFUSAL, "2026-03-09T10:00:00Z", "refusal"));
        List<Deadline> afterRefusal = ENGINE.evaluate(refused, t("2026-03-09T12:00:00Z"));
        assertThat(only(afterRefusal, "D3").status()).isEqualTo(Status.MET);
        assertThat(only(afterRefusal, "D4").status()).isEqualTo(Status.CANCELLED);
        assertThat(only(afterRefusal, "D4").closedByMessageId()).isEqualTo("refusal");
    }

    @Test
    void aClarificationRequestSuspendsProductionAndTheClarificationResumesItWithTheTimeLeft() {
        List<StepEvent> events = List.of(toAt(EPOC, EPOC_AT, "epoc"),
                fromAt(CLARIFICATION_REQUEST, "2026-03-05T08:30:00Z", "question"));
        List<Deadline> suspended = ENGINE.evaluate(events, t("2026-03-06T00:00:00Z"));

        Deadline d2 = only(suspended, "D2");
        assertThat(d2.status()).isEqualTo(Status.SUSPENDED);
        assertThat(d2.remaining()).isEqualTo(Duration.between(t("2026-03-05T08:30:00Z"), TEN_DAYS_IN_AT))
                .isEqualTo(Duration.ofDays(7).plusHours(14).plusMinutes(30));
        assertThat(d2.dueAt()).isNull();
        assertThat(d2.pending()).isTrue();
        // D8 is the issuing authority's (DE): Thursday 5 March + 5 days = Tuesday 10 March, midnight in Berlin.
        Deadline d8 = only(suspended, "D8");
        assertThat(d8.status()).isEqualTo(Status.RUNNING);
        assertThat(d8.role()).isEqualTo("issuing authority");
        assertThat(d8.dueAt()).isEqualTo(t("2026-03-10T23:00:00Z"));
        assertThat(only(suspended, "D11").status()).isEqualTo(Status.RUNNING);
        assertThat(suspended).extracting(Deadline::ruleId).doesNotContain("D9");

        List<StepEvent> answered = List.of(events.get(0), events.get(1),
                toAt(CLARIFICATION, "2026-03-07T10:00:00Z", "answer"));
        List<Deadline> resumed = ENGINE.evaluate(answered, t("2026-03-08T00:00:00Z"));
        assertThat(only(resumed, "D8").status()).isEqualTo(Status.MET);
        assertThat(only(resumed, "D8").closedByMessageId()).isEqualTo("answer");
        assertThat(only(resumed, "D2").status()).isEqualTo(Status.RUNNING);
        assertThat(only(resumed, "D2").dueAt()).isEqualTo(t("2026-03-15T00:30:00Z"));
        assertThat(only(resumed, "D2").remaining()).isNull();
    }

    @Test
    void aNewDeadlineStartsTheProductionLimitAgainEvenAfterItWasMissed() {
        List<StepEvent> events = List.of(toAt(EPOC, EPOC_AT, "epoc"),
                toAt(NEW_DEADLINE, "2026-03-10T12:00:00Z", "new-deadline"));
        Deadline reset = only(ENGINE.evaluate(events, t("2026-03-13T00:00:00Z")), "D2");
        // Tuesday 10 March 13:00 Vienna + 10 days = Friday 20 March.
        assertThat(reset.status()).isEqualTo(Status.RUNNING);
        assertThat(reset.dueAt()).isEqualTo(t("2026-03-20T23:00:00Z"));
        assertThat(reset.countedFrom()).isEqualTo(t("2026-03-10T12:00:00Z"));
        assertThat(reset.startedAt()).isEqualTo(t(EPOC_AT));
        assertThat(reset.resets()).isEqualTo(1);

        List<StepEvent> afterMiss = List.of(toAt(EPOC, EPOC_AT, "epoc"),
                toAt(NEW_DEADLINE, "2026-03-16T09:00:00Z", "new-deadline"));
        Deadline restarted = only(ENGINE.evaluate(afterMiss, t("2026-03-17T00:00:00Z")), "D2");
        assertThat(restarted.status()).isEqualTo(Status.RUNNING);
        assertThat(restarted.dueAt()).isEqualTo(t("2026-03-26T23:00:00Z"));
    }

    @Test
    void aWithdrawalCancelsEverythingRunningButNotWhatWasAlreadyMet() {
        List<StepEvent> events = List.of(toAt(EPOC, EPOC_AT, "epoc", ENFORCING_AUTHORITY_NOTIFIED),
                toAt(EPOC_NOTIFICATION, EPOC_AT, "notification"),
                fromAt(NO_REFUSAL_CONFIRMATION, "2026-03-03T09:00:00Z", "no-refusal"),
                toAt(WITHDRAWAL, "2026-03-04T10:00:00Z", "withdrawal"));
        List<Deadline> deadlines = ENGINE.evaluate(events, t("2026-03-20T00:00:00Z"));

        assertThat(deadlines).extracting(Deadline::ruleId).containsExactly("D3", "D4", "D11");
        assertThat(only(deadlines, "D3").status()).isEqualTo(Status.MET);
        assertThat(only(deadlines, "D4").status()).isEqualTo(Status.CANCELLED);
        assertThat(only(deadlines, "D4").closedAt()).isEqualTo(t("2026-03-04T10:00:00Z"));
        assertThat(only(deadlines, "D4").late()).isFalse();
        assertThat(only(deadlines, "D11").status()).isEqualTo(Status.CANCELLED);
        assertThat(only(deadlines, "D11").closedByMessageId()).isEqualTo("withdrawal");
        assertThat(ENGINE.pending(events, t("2026-03-20T00:00:00Z"))).isEmpty();
    }

    @Test
    void preservationRunsSixtyDaysThenNinetyFromTheOrderThenUntilTheProductionOrder() {
        StepEvent order = toAt(EPOC_PR, EPOC_AT, "epoc-pr");
        List<Deadline> first = ENGINE.evaluate(List.of(order), t("2026-03-03T00:00:00Z"));
        assertThat(first).extracting(Deadline::ruleId).containsExactly("D12");
        // Day 60 is Friday 1 May, Labour Day in Germany (the issuing side): it ends with Monday 4 May, CEST.
        assertThat(first.get(0).dueAt()).isEqualTo(t("2026-05-04T22:00:00Z"));
        assertThat(first.get(0).role()).isEqualTo("issuing authority");

        StepEvent extension = toAt(PRESERVATION_EXTENSION, "2026-04-20T10:00:00Z", "extension");
        List<Deadline> extended = ENGINE.evaluate(List.of(order, extension), t("2026-04-21T00:00:00Z"));
        assertThat(only(extended, "D12").status()).isEqualTo(Status.MET);
        Deadline d13 = only(extended, "D13");
        // Day 90 from 2 March is Sunday 31 May: it ends with Monday 1 June.
        assertThat(d13.status()).isEqualTo(Status.RUNNING);
        assertThat(d13.startedAt()).isEqualTo(t("2026-04-20T10:00:00Z"));
        assertThat(d13.countedFrom()).isEqualTo(t(EPOC_AT));
        assertThat(d13.dueAt()).isEqualTo(t("2026-06-01T22:00:00Z"));

        StepEvent confirmation = toAt(PRODUCTION_REQUEST_CONFIRMATION, "2026-05-20T10:00:00Z", "confirmation");
        List<Deadline> confirmed = ENGINE.evaluate(List.of(order, extension, confirmation),
                t("2026-06-30T00:00:00Z"));
        assertThat(only(confirmed, "D13").status()).isEqualTo(Status.MET);
        Deadline d14 = only(confirmed, "D14");
        assertThat(d14.status()).isEqualTo(Status.OPEN);
        assertThat(d14.dueAt()).isNull();
        assertThat(d14.role()).isEqualTo("addressee");

        StepEvent production = toAt(EPOC, "2026-07-01T08:00:00Z", "epoc");
        List<Deadline> produced = ENGINE.evaluate(List.of(order, extension, confirmation, production),
                t("2026-07-02T00:00:00Z"));
        assertThat(only(produced, "D14").status()).isEqualTo(Status.MET);
        assertThat(only(produced, "D14").closedByMessageId()).isEqualTo("epoc");
        assertThat(produced).extracting(Deadline::ruleId).containsExactly("D12", "D13", "D14", "D2", "D11");
    }

    @Test
    void aClarificationRequestOnAPreservationOrderIsD9() {
        List<StepEvent> events = List.of(toAt(EPOC_PR, EPOC_AT, "epoc-pr"),
                fromAt(CLARIFICATION_REQUEST, "2026-03-05T08:30:00Z", "question"));
        List<Deadline> deadlines = ENGINE.evaluate(events, t("2026-03-06T00:00:00Z"));
        assertThat(deadlines).extracting(Deadline::ruleId).containsExactly("D12", "D9");
        assertThat(only(deadlines, "D9").title()).contains("released");
        assertThat(only(deadlines, "D12").status()).isEqualTo(Status.RUNNING);
    }

    @Test
    void enforcementCountsWorkingDaysInTheEnforcingAuthoritysState() {
        // Tuesday 2 June 2026; Thursday 4 June is Corpus Christi in Poland, not nationwide in Germany.
        StepEvent toPoland = StepEvent.of(ENFORCEMENT_REQUEST, t("2026-06-02T10:00:00Z"), "enforce", "DE", "PL");
        Deadline polish = only(ENGINE.evaluate(List.of(toPoland), t("2026-06-03T00:00:00Z")), "D15");
        assertThat(polish.dueAt()).isEqualTo(t("2026-06-10T22:00:00Z"));
        assertThat(polish.role()).isEqualTo("enforcing authority");

        // Without states the default (DE) applies: 4 June counts.
        StepEvent unnamed = StepEvent.of(ENFORCEMENT_REQUEST, t("2026-06-02T10:00:00Z"), "enforce", null, null);
        assertThat(only(ENGINE.evaluate(List.of(unnamed), t("2026-06-03T00:00:00Z")), "D15").dueAt())
                .isEqualTo(t("2026-06-09T22:00:00Z"));

        StepEvent recognised = StepEvent.of(RECOGNITION_DECISION, t("2026-06-08T10:00:00Z"), "recognised", "PL",
                "DE");
        assertThat(only(ENGINE.evaluate(List.of(toPoland, recognised), t("2026-06-20T00:00:00Z")), "D15").status())
                .isEqualTo(Status.MET);
    }

    @Test
    void anOrderWithoutPriorValidationNeedsValidationWithin48Hours() {
        List<StepEvent> events = List.of(toAt(EPOC, EPOC_AT, "epoc", EMERGENCY, WITHOUT_PRIOR_VALIDATION),
                StepEvent.of(EX_POST_VALIDATION, t("2026-03-03T15:00:00Z"), "validated", "DE", "AT"));
        List<Deadline> deadlines = ENGINE.evaluate(events, t("2026-03-02T09:00:00Z"));
        // At 09:00 only the EPOC is known: the validation, from the issuing side (DE), runs from 10:00 Berlin.
        assertThat(only(deadlines, "D7").dueAt()).isEqualTo(t("2026-03-04T09:00:00Z"));
        assertThat(only(deadlines, "D7").status()).isEqualTo(Status.RUNNING);
        assertThat(only(ENGINE.evaluate(events, t("2026-03-05T00:00:00Z")), "D7").status())
                .isEqualTo(Status.MET);
    }

    @Test
    void aReasonedObjectionUsesTheWindowAndSuspendsProduction() {
        List<StepEvent> events = List.of(toAt(EPOC, EPOC_AT, "epoc"),
                fromAt(REASONED_OBJECTION, "2026-03-06T10:00:00Z", "objection"));
        List<Deadline> deadlines = ENGINE.evaluate(events, t("2026-03-20T00:00:00Z"));
        assertThat(only(deadlines, "D11").status()).isEqualTo(Status.MET);
        assertThat(only(deadlines, "D2").status()).isEqualTo(Status.SUSPENDED);
    }

    @Test
    void stepsGivenOutOfOrderAreSortedAndStepsAfterNowIgnored() {
        List<StepEvent> shuffled = List.of(fromAt(DATA_PRODUCED, "2026-03-05T10:00:00Z", "data"),
                toAt(EPOC, EPOC_AT, "epoc"));
        assertThat(only(ENGINE.evaluate(shuffled, t("2026-03-06T00:00:00Z")), "D2").status())
                .isEqualTo(Status.MET);
        assertThat(only(ENGINE.evaluate(shuffled, t("2026-03-04T00:00:00Z")), "D2").status())
                .isEqualTo(Status.RUNNING);
        assertThat(ENGINE.evaluate(shuffled, t("2026-03-01T00:00:00Z"))).isEmpty();
        assertThat(ENGINE.evaluate(shuffled, t("2026-03-06T00:00:00Z")))
                .isEqualTo(ENGINE.evaluate(List.of(shuffled.get(1), shuffled.get(0)), t("2026-03-06T00:00:00Z")));
    }

    @Test
    void aStepMeetsOnlyDeadlinesStartedBeforeIt() {
        // Data produced before any order: nothing to meet; the EPOC after it starts D2 fresh.
        List<StepEvent> events = List.of(fromAt(DATA_PRODUCED, "2026-03-01T10:00:00Z", "stray"),
                toAt(EPOC, EPOC_AT, "epoc"));
        assertThat(only(ENGINE.evaluate(events, t("2026-03-03T00:00:00Z")), "D2").status())
                .isEqualTo(Status.RUNNING);
    }

    @Test
    void theEngineRefusesDuplicateRulesAndUnknownStates() {
        DeadlineRule d2 = EEvidenceDeadlines.rules().get(0);
        assertThatThrownBy(() -> new DeadlineEngine(List.of(d2, d2), WorkingCalendars.standard(), "DE"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("D2");
        assertThatThrownBy(() -> EEvidenceDeadlines.engine(WorkingCalendars.standard(), "XX"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'XX'");
        List<StepEvent> unknown = List.of(StepEvent.of(EPOC, t(EPOC_AT), "epoc", "DE", "US"));
        assertThatThrownBy(() -> ENGINE.evaluate(unknown, t("2026-03-03T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'US'");
    }
}

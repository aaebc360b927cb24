package eu.lexbridge.record.deadline;

import static eu.lexbridge.record.deadline.ProcedureStep.CLARIFICATION;
import static eu.lexbridge.record.deadline.ProcedureStep.CLARIFICATION_REQUEST;
import static eu.lexbridge.record.deadline.ProcedureStep.DATA_PRODUCED;
import static eu.lexbridge.record.deadline.ProcedureStep.EMERGENCY_OBJECTION;
import static eu.lexbridge.record.deadline.ProcedureStep.ENFORCEMENT_INFORMATION;
import static eu.lexbridge.record.deadline.ProcedureStep.ENFORCEMENT_INFORMATION_REQUEST;
import static eu.lexbridge.record.deadline.ProcedureStep.ENFORCEMENT_REQUEST;
import static eu.lexbridge.record.deadline.ProcedureStep.EPOC;
import static eu.lexbridge.record.deadline.ProcedureStep.EPOC_NOTIFICATION;
import static eu.lexbridge.record.deadline.ProcedureStep.EPOC_PR;
import static eu.lexbridge.record.deadline.ProcedureStep.EX_POST_VALIDATION;
import static eu.lexbridge.record.deadline.ProcedureStep.NEW_DEADLINE;
import static eu.lexbridge.record.deadline.ProcedureStep.NON_EXECUTION;
import static eu.lexbridge.record.deadline.ProcedureStep.NO_LONGER_NEEDED;
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

import java.util.List;

/**
 * The time limits of Regulation (EU) 2023/1543 on European Production and Preservation Orders (e-Evidence), counted
 * by Regulation (EEC, Euratom) No 1182/71 (see {@link TimeLimit}).
 *
 * <p>There is no D10. Art 10(7)-(8) and 11(6)-(7) oblige the addressee to send Annex III (non-execution) without undue
 * delay and at the latest within the production deadline: that is the same time limit as D2, D4 and D5, which
 * NON_EXECUTION meets. A separate entry would show one duty twice and count one miss twice.
 *
 * <p>Every rule is cancelled by a WITHDRAWAL of the order; all but D7 also by NO_LONGER_NEEDED (the validation of an
 * order issued without it is owed whatever became of the data).
 */
public final class EEvidenceDeadlines {

    private static final String REG = "Reg (EU) 2023/1543 ";
    private static final String ADDRESSEE = "addressee";
    private static final String ENFORCING_AUTHORITY = "enforcing authority";
    private static final String ISSUING_AUTHORITY = "issuing authority";

    private static final List<DeadlineRule> RULES = List.of(
            DeadlineRule.builder("D2")
                    .title("The addressee produces the data, or sends Annex III, within 10 days of the EPOC;"
                            + " if missed, enforcement (Art 16) and penalties (Art 15) may follow")
                    .source(REG + "Art 10(3)")
                    .startsOn(EPOC).excluding(ENFORCING_AUTHORITY_NOTIFIED, EMERGENCY)
                    .limit(TimeLimit.calendarDays(10)).actor(Actor.RECIPIENT, ADDRESSEE)
                    .metBy(DATA_PRODUCED, NON_EXECUTION)
                    .suspendedBy(CLARIFICATION_REQUEST, REASONED_OBJECTION).resumedBy(CLARIFICATION)
                    .resetBy(NEW_DEADLINE).cancelledBy(WITHDRAWAL, NO_LONGER_NEEDED)
                    .build(),
            DeadlineRule.builder("D3")
                    .title("The enforcing authority raises a ground for refusal, or confirms it raises none, within"
                            + " 10 days of the notification; if missed, it can no longer refuse and the addressee"
                            + " produces")
                    .source(REG + "Art 12(1)")
                    .startsOn(EPOC_NOTIFICATION).excluding(EMERGENCY)
                    .limit(TimeLimit.calendarDays(10)).actor(Actor.RECIPIENT, ENFORCING_AUTHORITY)
                    .metBy(REFUSAL, NO_REFUSAL_CONFIRMATION)
                    .cancelledBy(WITHDRAWAL, NO_LONGER_NEEDED)
                    .build(),
            DeadlineRule.builder("D4")
                    .title("The addressee produces the data, or sends Annex III, at the latest at the end of 10 days"
                            + " of the notified EPOC unless a ground for refusal is raised; if missed, enforcement"
                            + " (Art 16) and penalties (Art 15) may follow")
                    .source(REG + "Art 10(2), 8(4)")
                    .startsOn(EPOC).requiring(ENFORCING_AUTHORITY_NOTIFIED).excluding(EMERGENCY)
                    .limit(TimeLimit.calendarDays(10)).actor(Actor.RECIPIENT, ADDRESSEE)
                    .metBy(DATA_PRODUCED, NON_EXECUTION)
                    .suspendedBy(CLARIFICATION_REQUEST, REASONED_OBJECTION).resumedBy(CLARIFICATION)
                    .resetBy(NEW_DEADLINE).cancelledBy(WITHDRAWAL, NO_LONGER_NEEDED, REFUSAL)
                    .build(),
            DeadlineRule.builder("D5")
                    .title("In an emergency the addressee produces the data, or sends Annex III, within 8 hours of"
                            + " the EPOC; if missed, enforcement (Art 16) and penalties (Art 15) may follow")
                    .source(REG + "Art 10(4)")
                    .startsOn(EPOC).requiring(EMERGENCY)
                    .limit(TimeLimit.hours(8)).actor(Actor.RECIPIENT, ADDRESSEE)
                    .metBy(DATA_PRODUCED, NON_EXECUTION)
                    .suspendedBy(CLARIFICATION_REQUEST).resumedBy(CLARIFICATION)
                    .resetBy(NEW_DEADLINE).cancelledBy(WITHDRAWAL, NO_LONGER_NEEDED)
                    .build(),
            DeadlineRule.builder("D6")
                    .title("In an emergency the enforcing authority raises a ground for refusal or objects within 96"
                            + " hours of the notification; if missed, it can no longer refuse")
                    .source(REG + "Art 10(4), 12(1)")
                    .startsOn(EPOC_NOTIFICATION).requiring(EMERGENCY)
                    .limit(TimeLimit.hours(96)).actor(Actor.RECIPIENT, ENFORCING_AUTHORITY)
                    .metBy(EMERGENCY_OBJECTION, NO_REFUSAL_CONFIRMATION, REFUSAL)
                    .cancelledBy(WITHDRAWAL, NO_LONGER_NEEDED)
                    .build(),
            DeadlineRule.builder("D7")
                    .title("The issuing authority seeks ex-post validation within 48 hours of an emergency order"
                            + " issued without prior validation; without validation the order is withdrawn and the"
                            + " data deleted")
                    .source(REG + "Art 4(5)")
                    .startsOn(EPOC, EPOC_PR).requiring(WITHOUT_PRIOR_VALIDATION)
                    .limit(TimeLimit.hours(48)).actor(Actor.SENDER, ISSUING_AUTHORITY)
                    .metBy(EX_POST_VALIDATION)
                    .cancelledBy(WITHDRAWAL)
                    .build(),
            DeadlineRule.builder("D8")
                    .title("The issuing authority clarifies the EPOC within 5 days of the addressee's request;"
                            + " until it does, the production time limit does not run")
                    .source(REG + "Art 10(6)")
                    .startsOn(CLARIFICATION_REQUEST).following(EPOC)
                    .limit(TimeLimit.calendarDays(5)).actor(Actor.RECIPIENT, ISSUING_AUTHORITY)
                    .metBy(CLARIFICATION)
                    .cancelledBy(WITHDRAWAL, NO_LONGER_NEEDED)
                    .build(),
            DeadlineRule.builder("D9")
                    .title("The issuing authority clarifies the EPOC-PR within 5 days of the addressee's request;"
                            + " if missed, the service provider is released from preserving the data")
                    .source(REG + "Art 11(5)")
                    .startsOn(CLARIFICATION_REQUEST).following(EPOC_PR)
                    .limit(TimeLimit.calendarDays(5)).actor(Actor.RECIPIENT, ISSUING_AUTHORITY)
                    .metBy(CLARIFICATION)
                    .cancelledBy(WITHDRAWAL, NO_LONGER_NEEDED)
                    .build(),
            DeadlineRule.builder("D11")
                    .title("Window for the addressee's reasoned objection (conflict with a third country's law)"
                            + " within 10 days of the EPOC; once closed, no objection under Art 17 can be raised")
                    .source(REG + "Art 17(2)")
                    .startsOn(EPOC).window()
                    .limit(TimeLimit.calendarDays(10)).actor(Actor.RECIPIENT, ADDRESSEE)
                    .metBy(REASONED_OBJECTION)
                    .cancelledBy(WITHDRAWAL, NO_LONGER_NEEDED)
                    .build(),
            DeadlineRule.builder("D12")
                    .title("The issuing authority confirms the production request (Annex V) or extends the"
                            + " preservation (Annex VI) within 60 days of the EPOC-PR; if missed, the preservation"
                            + " lapses")
                    .source(REG + "Art 11(1)")
                    .startsOn(EPOC_PR)
                    .limit(TimeLimit.calendarDays(60)).actor(Actor.SENDER, ISSUING_AUTHORITY)
                    .metBy(PRODUCTION_REQUEST_CONFIRMATION, PRESERVATION_EXTENSION)
                    .cancelledBy(WITHDRAWAL, NO_LONGER_NEEDED)
                    .build(),
            DeadlineRule.builder("D13")
                    .title("After an extension the issuing authority confirms the production request (Annex V)"
                            + " within 90 days of the EPOC-PR; if missed, the preservation lapses")
                    .source(REG + "Art 11(1), Annex VI")
                    .startsOn(PRESERVATION_EXTENSION).countedFrom(EPOC_PR)
                    .limit(TimeLimit.calendarDays(90)).actor(Actor.SENDER, ISSUING_AUTHORITY)
                    .metBy(PRODUCTION_REQUEST_CONFIRMATION)
                    .cancelledBy(WITHDRAWAL, NO_LONGER_NEEDED)
                    .build(),
            DeadlineRule.builder("D14")
                    .title("The addressee preserves the data until the production order arrives; it ends when the"
                            + " order is withdrawn or the data are no longer needed")
                    .source(REG + "Art 11(2)")
                    .startsOn(PRODUCTION_REQUEST_CONFIRMATION)
                    .actor(Actor.RECIPIENT, ADDRESSEE)
                    .metBy(EPOC)
                    .cancelledBy(WITHDRAWAL, NO_LONGER_NEEDED)
                    .build(),
            DeadlineRule.builder("D15")
                    .title("The enforcing authority recognises the order, or raises a ground for refusal, within 5"
                            + " working days of the enforcement request; if missed, the enforcement is late")
                    .source(REG + "Art 16(2)")
                    .startsOn(ENFORCEMENT_REQUEST)
                    .limit(TimeLimit.workingDays(5)).actor(Actor.RECIPIENT, ENFORCING_AUTHORITY)
                    .metBy(RECOGNITION_DECISION, REFUSAL)
                    .cancelledBy(WITHDRAWAL, NO_LONGER_NEEDED)
                    .build(),
            DeadlineRule.builder("D16")
                    .title("The issuing authority answers the enforcing authority's request for information within 5"
                            + " working days; if missed, the enforcing authority decides on what it has")
                    .source(REG + "Art 16(7)")
                    .startsOn(ENFORCEMENT_INFORMATION_REQUEST)
                    .limit(TimeLimit.workingDays(5)).actor(Actor.RECIPIENT, ISSUING_AUTHORITY)
                    .metBy(ENFORCEMENT_INFORMATION)
                    .cancelledBy(WITHDRAWAL, NO_LONGER_NEEDED)
                    .build());

    private EEvidenceDeadlines() {
    }

    /** The built-in rules D2 to D16 (no D10, see above). */
    public static List<DeadlineRule> rules() {
        return RULES;
    }

    /** An engine over these rules. */
    public static DeadlineEngine engine(WorkingCalendars calendars, String defaultState) {
        return new DeadlineEngine(RULES, calendars, defaultState);
    }
}

package eu.lexbridge.app.config;

import eu.lexbridge.record.content.ContentCondition;
import eu.lexbridge.record.deadline.ProcedureStep;
import eu.lexbridge.record.deadline.StepEvent.Flag;
import eu.lexbridge.record.deadline.WorkingCalendars;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The case record: which messages carry which procedural step, so their time limits are tracked, and the calendars
 * the limits are counted in.
 *
 * @param memberState our Member State (two letters), whose calendar counts the limits we must keep;
 *     {@code lexbridge.container.country} when empty
 * @param partnerStates each partner's Member State, by AS4 party id, whose calendar counts the limits it must keep;
 *     a partner not named counts in ours
 * @param holidays public holidays beyond the nationwide ones built in (regional holidays, one-off days), by Member
 *     State
 * @param steps the procedural step each service and action carries, one element per pair: {@code service} and
 *     {@code action} (or, for transmissions recorded outside the system, {@code instrument} and {@code form}),
 *     {@code step} (e.g. {@code EPOC}, {@code DATA_PRODUCED}) and {@code flags}, what a message's business content
 *     says of the step (a flag, {@code EMERGENCY}, {@code ENFORCING_AUTHORITY_NOTIFIED} or
 *     {@code WITHOUT_PRIOR_VALIDATION}, and the element that sets it by local name, as {@code Element}: present and
 *     not empty, or {@code Element=value}); a message or record of no listed pair starts no time limit
 * @param partnerKinds each partner's kind of recipient, by AS4 party id (e.g. {@code service-provider} for a service
 *     provider's access point), which {@code confidential-parts} keeps parts from
 * @param confidentialParts parts of a message some kinds of recipient may not receive, one element per part:
 *     {@code service}, {@code action}, {@code part} (the element of the business content, by local name, as
 *     {@code Element} or {@code Element=value}), {@code not-to} (the kinds) and {@code why} (the rule in words); a
 *     submission that would carry one to such a partner is refused (LB-1013)
 * @param deadlineCheckInterval how often the conversations active lately are looked over for time limits due soon
 *     or missed ({@code lexbridge_case_deadlines}, {@code /actuator/deadlines}), 10 s to 1 day
 * @param deadlineWarning how long before its end a running time limit counts as due soon
 * @param deadlineHorizon how long after its last message a conversation is still looked over (the longest limit
 *     runs 90 days from the order it counts from)
 * @param dataCategoryElement the element of an order's business content, by local name, whose values are the
 *     categories of data asked for (Annex I Section F): the statistics' breakdown by data category
 * @param refusalGroundElement the element of a refusal's business content, by local name, whose values are its
 *     grounds (Art 12(1)(a)–(d)): the breakdown of the refusals counted under Art 28(2)(d)
 */
@Validated
@ConfigurationProperties("lexbridge.case-record")
public record CaseRecordProperties(String memberState, @DefaultValue Map<String, String> partnerStates,
                                   @DefaultValue Map<String, Set<LocalDate>> holidays,
                                   @Valid @DefaultValue List<Step> steps,
                                   @DefaultValue Map<String, String> partnerKinds,
                                   @Valid @DefaultValue List<ConfidentialPart> confidentialParts,
                                   @NotNull @DefaultValue("15m") Duration deadlineCheckInterval,
                                   @NotNull @DefaultValue("24h") Duration deadlineWarning,
                                   @NotNull @DefaultValue("120d") Duration deadlineHorizon,
                                   @NotBlank @DefaultValue("DataCategory") String dataCategoryElement,
                                   @NotBlank @DefaultValue("RefusalGround") String refusalGroundElement) {

    @AssertTrue(message = "deadline-check-interval must be between 10 seconds and 1 day, deadline-warning and "
            + "deadline-horizon positive")
    boolean isWatchSensible() {
        return deadlineCheckInterval == null || deadlineWarning == null || deadlineHorizon == null
                || deadlineCheckInterval.compareTo(Duration.ofSeconds(10)) >= 0
                && deadlineCheckInterval.compareTo(Duration.ofDays(1)) <= 0 && positive(deadlineWarning)
                && positive(deadlineHorizon);
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }

    /**
     * @param service the e-CODEX service of the messages it is a part of
     * @param action their action
     * @param part the element of the business content that is the part, by local name ({@code SectionM}), as
     *     {@code Element} (present, with text or child elements) or {@code Element=value}
     * @param notTo the kinds of recipient (as {@code partner-kinds} gives them) it may not go to
     * @param why the rule in words, for the refusal
     */
    public record ConfidentialPart(@NotBlank String service, @NotBlank String action, @NotBlank String part,
                                   @NotEmpty Set<String> notTo, String why) {

        @AssertTrue(message = "part must name an XML element, as Element or Element=value")
        boolean isPartReadable() {
            try {
                if (part != null) {
                    ContentCondition.parse(part);
                }
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    }

    /**
     * @param service the e-CODEX service
     * @param action the action
     * @param instrument instead of a service and action: the instrument of a recorded transmission
     * @param form with {@code instrument}: its form
     * @param step the procedural step it carries (e.g. {@code EPOC}, {@code DATA_PRODUCED})
     * @param flags what a message's business content says of the step: a flag ({@code EMERGENCY},
     *     {@code ENFORCING_AUTHORITY_NOTIFIED}, {@code WITHOUT_PRIOR_VALIDATION}) and the element that sets it, by
     *     local name, as {@code Element} (present, not empty) or {@code Element=value}
     */
    public record Step(String service, String action, String instrument, String form, @NotNull ProcedureStep step,
                       @DefaultValue Map<Flag, String> flags) {

        @AssertTrue(message = "each step names a service and an action, or (for recorded transmissions) an "
                + "instrument and a form")
        boolean isOnePair() {
            boolean message = present(service) && present(action) && !present(instrument) && !present(form);
            boolean record = present(instrument) && present(form) && !present(service) && !present(action)
                    && flags.isEmpty();
            return message || record;
        }

        private static boolean present(String value) {
            return value != null && !value.isBlank();
        }

        @AssertTrue(message = "flags must name an XML element, as Element or Element=value")
        boolean isFlagsReadable() {
            try {
                flags.values().forEach(ContentCondition::parse);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    }

    @AssertTrue(message = "member-state, partner-states and holidays must name Member States by two letters, "
            + "e.g. AT or DE (EL for Greece is taken)")
    boolean isStatesKnown() {
        var calendars = WorkingCalendars.standard();
        try {
            if (memberState != null) {
                calendars.forState(memberState);
            }
            partnerStates.values().forEach(calendars::forState);
            holidays.keySet().forEach(calendars::forState);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

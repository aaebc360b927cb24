package eu.lexbridge.record.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EEvidenceDeadlinesTest {

    private static final Map<String, DeadlineRule> RULES = EEvidenceDeadlines.rules().stream()
            .collect(Collectors.toMap(DeadlineRule::id, Function.identity()));

    @Test
    void theTableOfTheRegulation() {
        assertThat(EEvidenceDeadlines.rules()).extracting(DeadlineRule::id).containsExactly("D2", "D3", "D4", "D5",
                "D6", "D7", "D8", "D9", "D11", "D12", "D13", "D14", "D15", "D16");
        assertThat(RULES.get("D2").source()).isEqualTo("Reg (EU) 2023/1543 Art 10(3)");
        assertThat(RULES.get("D4").source()).isEqualTo("Reg (EU) 2023/1543 Art 10(2), 8(4)");
        assertThat(RULES.get("D13").source()).isEqualTo("Reg (EU) 2023/1543 Art 11(1), Annex VI");
        assertThat(RULES.get("D16").source()).isEqualTo("Reg (EU) 2023/1543 Art 16(7)");
        assertThat(RULES.get("D5").limit()).isEqualTo(TimeLimit.hours(8));
        assertThat(RULES.get("D6").limit()).isEqualTo(TimeLimit.hours(96));
        assertThat(RULES.get("D12").limit()).isEqualTo(TimeLimit.calendarDays(60));
        assertThat(RULES.get("D13").limit()).isEqualTo(TimeLimit.calendarDays(90));
        assertThat(RULES.get("D13").anchor()).isEqualTo(ProcedureStep.EPOC_PR);
        assertThat(RULES.get("D15").limit()).isEqualTo(TimeLimit.workingDays(5));
        assertThat(RULES.get("D14").openEnded()).isTrue();
        assertThat(RULES.get("D11").window()).isTrue();
        assertThat(RULES.values()).filteredOn(rule -> rule.window()).extracting(DeadlineRule::id)
                .containsExactly("D11");
        assertThat(RULES.values()).allSatisfy(rule ->
                assertThat(rule.cancelledBy()).contains(ProcedureStep.WITHDRAWAL));
    }

    @Test
    void aRuleIsCheckedWhenBuilt() {
        assertThatThrownBy(() -> DeadlineRule.builder("X1").title("t").source("s")
                .startsOn(ProcedureStep.EPOC).actor(Actor.RECIPIENT, "addressee").window().build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window");
        assertThatThrownBy(() -> DeadlineRule.builder("X2").title("t").source("s")
                .startsOn(ProcedureStep.EPOC).requiring(StepEvent.Flag.EMERGENCY).excluding(StepEvent.Flag.EMERGENCY)
                .limit(TimeLimit.hours(1)).actor(Actor.RECIPIENT, "addressee").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EMERGENCY");
        assertThatThrownBy(() -> DeadlineRule.builder("X3").title("t").source("s").limit(TimeLimit.hours(1))
                .actor(Actor.RECIPIENT, "addressee").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("starts");
        assertThatThrownBy(() -> DeadlineRule.builder("X4").title("t").source("s").startsOn(ProcedureStep.EPOC)
                .limit(TimeLimit.hours(1)).build()).isInstanceOf(NullPointerException.class);
        List<ProcedureStep> orders = List.of(ProcedureStep.values()).stream().filter(ProcedureStep::isOrder).toList();
        assertThat(orders).containsExactly(ProcedureStep.EPOC, ProcedureStep.EPOC_PR);
    }
}

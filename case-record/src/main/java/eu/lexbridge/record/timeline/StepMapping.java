package eu.lexbridge.record.timeline;

import eu.lexbridge.record.deadline.ProcedureStep;
import eu.lexbridge.record.deadline.StepEvent.Flag;
import java.util.Map;
import java.util.Objects;

/**
 * Which procedural step a message of one service and action carries, and which flags its business content sets: the
 * link between what travels on the e-CODEX network and the time limits of the law.
 *
 * @param flags each flag and the fact of the content that sets it
 */
public record StepMapping(String service, String action, ProcedureStep step, Map<Flag, ContentCondition> flags) {

    public StepMapping {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(step, "step");
        flags = Map.copyOf(flags);
    }

    boolean matches(String messageService, String messageAction) {
        return service.equals(messageService) && action.equals(messageAction);
    }
}

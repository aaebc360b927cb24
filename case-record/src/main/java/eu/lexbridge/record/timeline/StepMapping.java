package eu.lexbridge.record.timeline;

import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.record.TransmissionRecord;
import eu.lexbridge.record.content.ContentCondition;
import eu.lexbridge.record.deadline.ProcedureStep;
import eu.lexbridge.record.deadline.StepEvent.Flag;
import java.util.Map;
import java.util.Objects;

/**
 * Which procedural step a message of one service and action carries — or a transmission recorded outside the system
 * of one instrument and form, since data produced on a disk meet a time limit as data sent through the system do — and
 * which flags a message's business content sets: the link between what travels and the time limits of the law.
 *
 * @param service the message's service, or {@code null} for a mapping of records
 * @param action the message's action, with {@code service}
 * @param instrument the record's instrument, or {@code null} for a mapping of messages
 * @param form the record's form, with {@code instrument}
 * @param flags each flag and the fact of a message's content that sets it
 */
public record StepMapping(String service, String action, String instrument, String form, ProcedureStep step,
                          Map<Flag, ContentCondition> flags) {

    public StepMapping {
        Objects.requireNonNull(step, "step");
        if ((service == null) != (action == null) || (instrument == null) != (form == null)
                || (service == null) == (instrument == null)) {
            throw new IllegalArgumentException("a step is mapped from a service and action, or from an instrument "
                    + "and form");
        }
        flags = Map.copyOf(flags);
    }

    /** The step of the messages of one service and action. */
    public static StepMapping ofMessages(String service, String action, ProcedureStep step,
                                         Map<Flag, ContentCondition> flags) {
        return new StepMapping(service, action, null, null, step, flags);
    }

    /** The step of the transmissions recorded with one instrument and form. */
    public static StepMapping ofRecords(String instrument, String form, ProcedureStep step) {
        return new StepMapping(null, null, instrument, form, step, Map.of());
    }

    boolean matches(ConnectorMessage message) {
        return service != null && service.equals(message.service().value()) && action.equals(message.action());
    }

    boolean matches(TransmissionRecord record) {
        return instrument != null && instrument.equals(record.instrument()) && form.equals(record.form());
    }
}

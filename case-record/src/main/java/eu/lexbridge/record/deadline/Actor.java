package eu.lexbridge.record.deadline;

/**
 * Who must act on a time limit, relative to the message that started it; the calendar of that side's Member State
 * counts the days.
 */
public enum Actor {

    /** The recipient of the starting message (e.g. the addressee of an EPOC). */
    RECIPIENT,
    /** The sender of the starting message (e.g. the issuing authority that must seek validation). */
    SENDER;

    /** The Member State of this side of the event, or null when the event does not say. */
    public String stateIn(StepEvent event) {
        return this == RECIPIENT ? event.recipientState() : event.senderState();
    }
}

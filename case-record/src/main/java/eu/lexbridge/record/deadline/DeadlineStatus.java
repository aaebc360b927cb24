package eu.lexbridge.record.deadline;

/** Where a deadline stands at the time asked about. */
public enum DeadlineStatus {

    /** Counting; due at its due time. */
    RUNNING,
    /** Frozen (e.g. while a clarification is awaited): it keeps the time it had left. */
    SUSPENDED,
    /** The duty was done; {@link Deadline#late()} says whether after the due time. */
    MET,
    /** Its due time passed and the duty was not done (yet): a later meeting step turns it MET, late. */
    MISSED,
    /** No longer owed: withdrawn, no longer needed, refused. */
    CANCELLED,
    /** A window (time in which the actor may act) that ended without the act. */
    CLOSED,
    /** An open-ended duty, running until met or cancelled. */
    OPEN
}

package eu.lexbridge.record.deadline;

/**
 * A step of the procedure of Regulation (EU) 2023/1543 (e-Evidence) that a message carries. The deadline rules start,
 * meet, suspend, resume, reset and cancel time limits on these steps.
 */
public enum ProcedureStep {

    /** European Production Order Certificate (Annex I) sent to the addressee, Art 9(1). */
    EPOC,
    /** The EPOC (Annex I including Section M) notified to the enforcing authority, Art 8. */
    EPOC_NOTIFICATION,
    /** European Preservation Order Certificate (Annex II) sent to the addressee, Art 9(3). */
    EPOC_PR,
    /** The addressee transmits the data requested, Art 10(2) to (4). */
    DATA_PRODUCED,
    /** Annex III, sections D/F: the addressee asks for clarification of an incomplete or unclear certificate,
     *  Art 10(6), 11(5). */
    CLARIFICATION_REQUEST,
    /** The issuing authority's clarification or correction answering the request, Art 10(6), 11(5). */
    CLARIFICATION,
    /** Annex III: the addressee cannot comply (impossibility, non-delivery, late delivery), Art 10(7)-(8),
     *  11(6)-(7). */
    NON_EXECUTION,
    /** The issuing authority sets a new deadline for the production, Art 10(8): the production limit starts again. */
    NEW_DEADLINE,
    /** Annex III sections D and E: reasoned objection for conflicting obligations under a third country's law,
     *  Art 17. */
    REASONED_OBJECTION,
    /** The enforcing authority confirms before the end of its period that it will raise no ground for refusal,
     *  Art 10(2). */
    NO_REFUSAL_CONFIRMATION,
    /** The enforcing authority raises a ground for refusal, Art 12. */
    REFUSAL,
    /** In an emergency, the enforcing authority objects to the use of the data or sets conditions, Art 10(4). */
    EMERGENCY_OBJECTION,
    /** Annex VI: the issuing authority extends the preservation by 30 days, Art 11(1). */
    PRESERVATION_EXTENSION,
    /** Annex V: the issuing authority confirms that the subsequent request for production was issued,
     *  Art 11(1)-(2). */
    PRODUCTION_REQUEST_CONFIRMATION,
    /** The issuing authority withdraws the order, Art 10(5), 12(2). */
    WITHDRAWAL,
    /** The issuing authority informs that the data are no longer needed, Art 10(9), 11(3). */
    NO_LONGER_NEEDED,
    /** The issuing authority asks the enforcing authority to enforce the order, Art 16(1). */
    ENFORCEMENT_REQUEST,
    /** The enforcing authority recognises the order and takes the measures to enforce it, Art 16(2). */
    RECOGNITION_DECISION,
    /** Before refusing enforcement, the enforcing authority asks the issuing authority for information, Art 16(7). */
    ENFORCEMENT_INFORMATION_REQUEST,
    /** The issuing authority's reply to an information request in enforcement, Art 16(7). */
    ENFORCEMENT_INFORMATION,
    /** The validating authority's decision on an order issued in an emergency without prior validation, Art 4(5). */
    EX_POST_VALIDATION;

    /** Whether this step is an order itself (EPOC or EPOC-PR), the step a conversation's later steps refer to. */
    public boolean isOrder() {
        return this == EPOC || this == EPOC_PR;
    }
}

package eu.lexbridge.backend.jms;

import java.util.List;

/**
 * The names on the JMS wire, stated once: the JMS string properties (the submission metadata keeps the REST API's
 * JSON member names) and the ZIP entry folders of a body. The integration guide's JMS section documents them.
 */
public final class WireFormat {

    private WireFormat() {
    }

    // ---- submit (metadata, as the REST SubmissionMetadata)
    public static final String BACKEND_MESSAGE_ID = "backendMessageId";
    public static final String CONVERSATION_ID = "conversationId";
    public static final String SERVICE = "service";
    public static final String ACTION = "action";
    public static final String TO_PARTY_ID = "toPartyId";
    public static final String ORIGINAL_SENDER = "originalSender";
    public static final String FINAL_RECIPIENT = "finalRecipient";
    /**
     * Instead of {@link #TO_PARTY_ID} and {@link #FINAL_RECIPIENT}: the competent authority, as a URL query string,
     * e.g. {@code instrument=EIO&role=executing&country=DE&postalCode=10115}.
     */
    public static final String RECIPIENT = "recipient";

    // ---- ZIP body: one folder per role, the file name below it; the entry comment is the MIME type (optional)
    public static final String BUSINESS_CONTENT = "businessContent";
    public static final String BUSINESS_DOCUMENT = "businessDocument";
    public static final String DETACHED_SIGNATURE = "detachedSignature";
    public static final String ATTACHMENTS = "attachments";
    public static final List<String> PART_FOLDERS = List.of(BUSINESS_CONTENT, BUSINESS_DOCUMENT, DETACHED_SIGNATURE,
            ATTACHMENTS);

    // ---- confirm
    /** The connector's id of the message confirmed (confirm); of the message accepted or delivered (reply, deliver). */
    public static final String MESSAGE_ID = "messageId";
    /** DELIVERY, NON_DELIVERY, RETRIEVAL or NON_RETRIEVAL. */
    public static final String CONFIRMATION = "confirmation";
    /** Why, for NON_DELIVERY and NON_RETRIEVAL; optional. */
    public static final String REASON = "reason";

    // ---- reply
    /** {@value #ACCEPTED} or {@value #PROBLEM}. */
    public static final String OUTCOME = "outcome";
    public static final String ACCEPTED = "ACCEPTED";
    public static final String PROBLEM = "PROBLEM";
    /** The stable LB code of a problem. */
    public static final String CODE = "code";
    /** The field at fault, when there is one. */
    public static final String FIELD = "field";
    /** The sentence of a problem (also the text body of the reply). */
    public static final String DETAIL = "detail";

    // ---- deliver
    /** {@value #KIND_MESSAGE}, {@value #KIND_EVIDENCE} or {@value #KIND_DEADLINE_ALERT}. */
    public static final String KIND = "kind";
    public static final String KIND_MESSAGE = "MESSAGE";
    public static final String KIND_EVIDENCE = "EVIDENCE";
    public static final String EBMS_MESSAGE_ID = "ebmsMessageId";
    public static final String SERVICE_TYPE = "serviceType";
    public static final String FROM_PARTY_ID = "fromPartyId";
    public static final String EVIDENCE_TYPE = "evidenceType";
    public static final String EVIDENCE_ID = "evidenceId";
    /** A time limit of the back-end's conversation is due soon or missed: properties only, no body. */
    public static final String KIND_DEADLINE_ALERT = "DEADLINE_ALERT";
    /** {@code DUE_SOON} or {@code MISSED}. */
    public static final String ALERT = "alert";
    /** The alert's sequence (a long): the same alert put twice carries the same one. */
    public static final String ALERT_SEQUENCE = "alertSequence";
    public static final String DEADLINE_ID = "deadlineId";
    public static final String DEADLINE_TITLE = "deadlineTitle";
    public static final String DEADLINE_SOURCE = "deadlineSource";
    public static final String DEADLINE_ACTOR = "deadlineActor";
    /** The message that started the limit, when known. */
    public static final String STARTED_BY = "startedBy";
    /** ISO-8601 instants, UTC. */
    public static final String STARTED_AT = "startedAt";
    public static final String DUE_AT = "dueAt";
    public static final String RAISED_AT = "raisedAt";
}

package eu.lexbridge.backend.rest.webhook;

import eu.lexbridge.backend.rest.view.EvidenceView;
import eu.lexbridge.backend.rest.view.MessageSummary;
import java.time.Instant;

/**
 * The body of one webhook call, in the Standard Webhooks payload shape ({@code type}, {@code timestamp}, {@code data}).
 * {@code data} is what the API answers for the same thing: the message ({@code MessageView}, as
 * {@code GET /api/v1/messages/{id}}), the evidence with a summary of its message, or the alert ({@code DeadlineAlert},
 * as {@code GET /api/v1/deadline-alerts}).
 *
 * @param type {@value #MESSAGE_RECEIVED}, {@value #EVIDENCE_RECORDED}, {@value #DEADLINE_DUE_SOON} or
 *     {@value #DEADLINE_MISSED}
 */
public record WebhookEvent(String type, Instant timestamp, Object data) {

    /** A received message, routed to the back-end: fetch its payloads through their {@code href}. */
    public static final String MESSAGE_RECEIVED = "message.received";
    /** An evidence about one of the back-end's messages, issued here or received from the other side. */
    public static final String EVIDENCE_RECORDED = "evidence.recorded";

    /** A time limit of one of the back-end's conversations ends within the warning time. */
    public static final String DEADLINE_DUE_SOON = "deadline.due_soon";
    /** A time limit of one of the back-end's conversations ended and its duty is still owed. */
    public static final String DEADLINE_MISSED = "deadline.missed";

    /** The data of {@value #EVIDENCE_RECORDED}. */
    public record EvidenceRecorded(MessageSummary message, EvidenceView evidence) {
    }
}

package eu.lexbridge.backend.rest.webhook;

import eu.lexbridge.backend.rest.view.EvidenceView;
import eu.lexbridge.backend.rest.view.MessageSummary;
import java.time.Instant;

/**
 * The body of one webhook call, in the Standard Webhooks payload shape ({@code type}, {@code timestamp}, {@code data}).
 * {@code data} is what the API answers for the same thing: the message ({@code MessageView}, as
 * {@code GET /api/v1/messages/{id}}) or the evidence with a summary of its message.
 *
 * @param type {@value #MESSAGE_RECEIVED} or {@value #EVIDENCE_RECORDED}
 */
public record WebhookEvent(String type, Instant timestamp, Object data) {

    /** A received message, routed to the back-end: fetch its payloads through their {@code href}. */
    public static final String MESSAGE_RECEIVED = "message.received";
    /** An evidence about one of the back-end's messages, issued here or received from the other side. */
    public static final String EVIDENCE_RECORDED = "evidence.recorded";

    /** The data of {@value #EVIDENCE_RECORDED}. */
    public record EvidenceRecorded(MessageSummary message, EvidenceView evidence) {
    }
}

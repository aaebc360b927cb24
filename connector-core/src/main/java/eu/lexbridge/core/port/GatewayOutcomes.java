package eu.lexbridge.core.port;

import java.util.function.Supplier;

/**
 * Where an asynchronous gateway reports, later, what became of a message it took (its send answered
 * {@link eu.lexbridge.core.transport.SendOutcome.Status#PENDING PENDING}). Domibus works this way: its plugin
 * notifies "send success" or "send failure" once its own retries are over.
 *
 * <p>Reports are idempotent and may come more than once, or late: a report about a message that no longer waits for it
 * (unknown, already sent or ended, overtaken by an evidence) changes nothing.
 */
public interface GatewayOutcomes {

    /** What a report changed. */
    enum Effect {
        /** The message moved: SENT, or ended with its failure. */
        RECORDED,
        /** The message no longer waited for this report; nothing changed. */
        IGNORED
    }

    /**
     * The message was sent: the partner's access point returned a receipt the gateway verified.
     *
     * @param ebmsMessageId the ebMS id of the message, as in the envelope it was sent with
     * @param detail a sentence for people, e.g. the receipt's id
     */
    Effect sent(String ebmsMessageId, String detail);

    /**
     * The message could not be sent, for good: a business message ends with RELAY_REMMD_FAILURE for its back-end at
     * once, an evidence message is marked failed.
     *
     * @param detail why, in a sentence (it may quote the partner's answer); asked only when the message still waits
     *     for this report, since finding out may cost the gateway a call (Domibus is asked what it recorded)
     */
    Effect failed(String ebmsMessageId, Supplier<String> detail);
}

package eu.lexbridge.core.port;

import eu.lexbridge.core.transport.Envelope;
import eu.lexbridge.core.transport.OutgoingPart;
import eu.lexbridge.core.transport.Partner;
import eu.lexbridge.core.transport.SendOutcome;
import java.util.List;
import java.util.Optional;

/**
 * The access point side: sends one AS4 user message and reports what became of it, at once or later.
 *
 * <p>A synchronous gateway (the embedded AS4 access point) waits for the partner's receipt and answers DELIVERED,
 * RETRYABLE_FAILURE or FAILED. An asynchronous one (Domibus, which keeps its own queue and retries) answers PENDING:
 * it has taken the message, and reports through {@link GatewayOutcomes} whether it was sent, naming the message by
 * the ebMS id of the envelope. The message waits in ACCEPTED meanwhile; nothing sends it again.
 */
public interface GatewayLink {

    /** Sends, or hands the message over. Never throws for transport trouble: the outcome says it. */
    SendOutcome send(Envelope envelope, List<OutgoingPart> parts, Partner partner);

    /**
     * Why this access point cannot exchange with {@code partner} as it is described (an AS4 profile it holds no keys
     * for, certificates that do not fit that profile), in one sentence; empty when it can. Asked before a partner is
     * taken at run time, so that the change is refused instead of failing on the wire.
     */
    default Optional<String> unfit(Partner partner) {
        return Optional.empty();
    }
}

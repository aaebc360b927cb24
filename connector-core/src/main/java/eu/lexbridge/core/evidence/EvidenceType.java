package eu.lexbridge.core.evidence;

import eu.lexbridge.core.message.MessageState;
import java.util.Arrays;
import java.util.Optional;

/**
 * The nine e-CODEX evidence types (ETSI TS 102 640 v2), with the AS4 action an evidence message carries and the state
 * an outbound message reaches when this evidence about it arrives.
 */
public enum EvidenceType {
    SUBMISSION_ACCEPTANCE("SubmissionAcceptanceRejection", true, MessageState.ACCEPTED),
    SUBMISSION_REJECTION("SubmissionAcceptanceRejection", false, MessageState.REJECTED),
    RELAY_REMMD_ACCEPTANCE("RelayREMMDAcceptanceRejection", true, MessageState.RELAYED),
    RELAY_REMMD_REJECTION("RelayREMMDAcceptanceRejection", false, MessageState.RELAY_FAILED),
    RELAY_REMMD_FAILURE("RelayREMMDFailure", false, MessageState.RELAY_FAILED),
    DELIVERY("DeliveryNonDeliveryToRecipient", true, MessageState.DELIVERED),
    NON_DELIVERY("DeliveryNonDeliveryToRecipient", false, MessageState.NOT_DELIVERED),
    RETRIEVAL("RetrievalNonRetrievalToRecipient", true, MessageState.RETRIEVED),
    NON_RETRIEVAL("RetrievalNonRetrievalToRecipient", false, MessageState.NOT_RETRIEVED);

    private final String as4Action;
    private final boolean positive;
    private final MessageState outboundState;

    EvidenceType(String as4Action, boolean positive, MessageState outboundState) {
        this.as4Action = as4Action;
        this.positive = positive;
        this.outboundState = outboundState;
    }

    /** The AS4 action of a message that carries this evidence, as the official connector sends it. */
    public String as4Action() {
        return as4Action;
    }

    public boolean isPositive() {
        return positive;
    }

    /** The state of the outbound message this evidence is about, once the evidence is accepted. */
    public MessageState outboundState() {
        return outboundState;
    }

    /** The payload description an evidence part carries on the wire: the enum name. */
    public String payloadDescription() {
        return name();
    }

    public static Optional<EvidenceType> fromPayloadDescription(String description) {
        return Arrays.stream(values()).filter(t -> t.name().equals(description)).findFirst();
    }

    public static boolean isEvidenceAction(String action) {
        return Arrays.stream(values()).anyMatch(t -> t.as4Action.equals(action));
    }
}

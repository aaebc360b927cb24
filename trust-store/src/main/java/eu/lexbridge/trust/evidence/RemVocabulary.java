package eu.lexbridge.trust.evidence;

import eu.lexbridge.core.evidence.EvidenceType;
import java.util.Optional;

/**
 * The ETSI TS 102 640 v2 names the official e-CODEX connector writes: root element and event code per evidence
 * type, namespaces, version and policy.
 */
final class RemVocabulary {

    static final String REM_NS = "http://uri.etsi.org/02640/v2#";
    static final String DSIG_NS = "http://www.w3.org/2000/09/xmldsig#";
    static final String VERSION = "2.1.1";
    static final String POLICY_ID = "http://uri.eu-ecodex.eu/eDeliveryPolicy";

    /** Malformed on purpose (no "//" after "http:"): ETSI and the official connector write it so, byte for byte. */
    static final String EVENT_PREFIX = "http:uri.etsi.org/02640/Event#";
    /** The well-formed spelling a peer might write; accepted when reading, never written. */
    private static final String WELL_FORMED_EVENT_PREFIX = "http://uri.etsi.org/02640/Event#";

    static final String SUBMISSION = "SubmissionAcceptanceRejection";
    static final String RELAY = "RelayREMMDAcceptanceRejection";
    static final String RELAY_FAILURE = "RelayREMMDFailure";
    static final String DELIVERY = "DeliveryNonDeliveryToRecipient";
    /** "By", not "To" as in the AS4 action of the message that carries it. */
    static final String RETRIEVAL = "RetrievalNonRetrievalByRecipient";

    private RemVocabulary() {
    }

    static String rootElement(EvidenceType type) {
        return switch (type) {
            case SUBMISSION_ACCEPTANCE, SUBMISSION_REJECTION -> SUBMISSION;
            case RELAY_REMMD_ACCEPTANCE, RELAY_REMMD_REJECTION -> RELAY;
            case RELAY_REMMD_FAILURE -> RELAY_FAILURE;
            case DELIVERY, NON_DELIVERY -> DELIVERY;
            case RETRIEVAL, NON_RETRIEVAL -> RETRIEVAL;
        };
    }

    /**
     * The event code the official connector (SPOCS {@code SpocsConstants.Evidences}) writes: a relay failure is
     * always "DeliveryExpiration" (its cause goes into EventReason), a non-retrieval "RetrievalExpiration".
     */
    static String eventCode(EvidenceType type) {
        return EVENT_PREFIX + switch (type) {
            case SUBMISSION_ACCEPTANCE, RELAY_REMMD_ACCEPTANCE -> "Acceptance";
            case SUBMISSION_REJECTION, RELAY_REMMD_REJECTION -> "Rejection";
            case RELAY_REMMD_FAILURE -> "DeliveryExpiration";
            case DELIVERY -> "Delivery";
            case NON_DELIVERY -> "NonDelivery";
            case RETRIEVAL -> "Retrieval";
            case NON_RETRIEVAL -> "RetrievalExpiration";
        };
    }

    static boolean isSubmission(EvidenceType type) {
        return rootElement(type).equals(SUBMISSION);
    }

    /**
     * The evidence type a root element and event code stand for; empty when the pair is unknown. Tolerant of the
     * well-formed "http://" spelling and of the negative event names other REM implementations use.
     */
    static Optional<EvidenceType> typeOf(String rootElement, String eventCode) {
        if (RELAY_FAILURE.equals(rootElement)) {
            return Optional.of(EvidenceType.RELAY_REMMD_FAILURE);
        }
        String event = eventName(eventCode);
        EvidenceType type = switch (rootElement) {
            case SUBMISSION -> switch (event) {
                case "Acceptance" -> EvidenceType.SUBMISSION_ACCEPTANCE;
                case "Rejection" -> EvidenceType.SUBMISSION_REJECTION;
                default -> null;
            };
            case RELAY -> switch (event) {
                case "Acceptance" -> EvidenceType.RELAY_REMMD_ACCEPTANCE;
                case "Rejection" -> EvidenceType.RELAY_REMMD_REJECTION;
                default -> null;
            };
            case DELIVERY -> switch (event) {
                case "Delivery" -> EvidenceType.DELIVERY;
                case "NonDelivery", "DeliveryExpiration" -> EvidenceType.NON_DELIVERY;
                default -> null;
            };
            case RETRIEVAL -> switch (event) {
                case "Retrieval" -> EvidenceType.RETRIEVAL;
                case "RetrievalExpiration", "NonRetrieval" -> EvidenceType.NON_RETRIEVAL;
                default -> null;
            };
            default -> null;
        };
        return Optional.ofNullable(type);
    }

    static boolean isRootElement(String localName) {
        return switch (localName) {
            case SUBMISSION, RELAY, RELAY_FAILURE, DELIVERY, RETRIEVAL -> true;
            default -> false;
        };
    }

    private static String eventName(String eventCode) {
        if (eventCode == null) {
            return "";
        }
        String code = eventCode.trim();
        if (code.startsWith(EVENT_PREFIX)) {
            return code.substring(EVENT_PREFIX.length());
        }
        if (code.startsWith(WELL_FORMED_EVENT_PREFIX)) {
            return code.substring(WELL_FORMED_EVENT_PREFIX.length());
        }
        return "";
    }
}

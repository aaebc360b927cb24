package eu.lexbridge.core.flow;

import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;

/** The e-CODEX part descriptions on the wire (ecodex-wire.md §3.2) and the payload kinds they stand for. */
final class PayloadDescriptions {

    static final String MESSAGE_CONTENT = "messageContent";
    static final String BUSINESS_DOCUMENT = "businessDocument";
    static final String CONTAINER = "ASIC-S";
    static final String TRUST_TOKEN = "tokenXML";
    static final String DETACHED_SIGNATURE = "detachedSignature";

    private PayloadDescriptions() {
    }

    static String describe(PayloadRef ref) {
        return switch (ref.kind()) {
            case BUSINESS_CONTENT -> MESSAGE_CONTENT;
            case BUSINESS_DOCUMENT -> BUSINESS_DOCUMENT;
            case CONTAINER -> CONTAINER;
            case TRUST_TOKEN -> TRUST_TOKEN;
            case DETACHED_SIGNATURE -> DETACHED_SIGNATURE;
            case ATTACHMENT, EVIDENCE -> ref.name();
            case VALIDATION_REPORT -> throw new IllegalArgumentException("a validation report is never sent");
        };
    }

    static PayloadKind kindOf(String description) {
        if (MESSAGE_CONTENT.equals(description)) {
            return PayloadKind.BUSINESS_CONTENT;
        }
        if (BUSINESS_DOCUMENT.equals(description)) {
            return PayloadKind.BUSINESS_DOCUMENT;
        }
        if (CONTAINER.equals(description)) {
            return PayloadKind.CONTAINER;
        }
        if (TRUST_TOKEN.equals(description)) {
            return PayloadKind.TRUST_TOKEN;
        }
        if (DETACHED_SIGNATURE.equals(description)) {
            return PayloadKind.DETACHED_SIGNATURE;
        }
        return EvidenceType.fromPayloadDescription(description).isPresent() ? PayloadKind.EVIDENCE : PayloadKind.ATTACHMENT;
    }

    /** Content and evidences are known by their description; documents and attachments keep their file name. */
    static String storedName(PayloadKind kind, String description, String name) {
        return kind == PayloadKind.BUSINESS_DOCUMENT || kind == PayloadKind.DETACHED_SIGNATURE
                || kind == PayloadKind.ATTACHMENT ? name : description;
    }
}

package eu.lexbridge.core.flow;

import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;

/** The e-CODEX part descriptions on the wire (ecodex-wire.md §3.2) and the payload kinds they stand for. */
final class PayloadDescriptions {

    static final String MESSAGE_CONTENT = "messageContent";
    static final String CONTAINER = "ASIC-S";
    static final String TRUST_TOKEN = "tokenXML";

    private PayloadDescriptions() {
    }

    static String describe(PayloadRef ref) {
        return switch (ref.kind()) {
            case BUSINESS_CONTENT -> MESSAGE_CONTENT;
            case CONTAINER -> CONTAINER;
            case TRUST_TOKEN -> TRUST_TOKEN;
            case ATTACHMENT, EVIDENCE -> ref.name();
            // As the official connector: the document and its signature only ever travel inside the container.
            case BUSINESS_DOCUMENT, DETACHED_SIGNATURE -> throw new IllegalArgumentException("a " + ref.kind()
                    + " travels only inside the e-CODEX container");
            case VALIDATION_REPORT, TRANSMISSION_RECORD -> throw new IllegalArgumentException("a " + ref.kind()
                    + " stays at this connector");
        };
    }

    /**
     * The kind of a part received on the wire. Only the parts the e-CODEX wire carries have a kind of their own; the
     * business document, its detached signature and the attachments travel inside the sealed container, so a loose part
     * of any other description is an {@link PayloadKind#ATTACHMENT} outside it, which {@link ContainerIntake} refuses.
     */
    static PayloadKind kindOf(String description) {
        if (MESSAGE_CONTENT.equals(description)) {
            return PayloadKind.BUSINESS_CONTENT;
        }
        if (CONTAINER.equals(description)) {
            return PayloadKind.CONTAINER;
        }
        if (TRUST_TOKEN.equals(description)) {
            return PayloadKind.TRUST_TOKEN;
        }
        return EvidenceType.fromPayloadDescription(description).isPresent() ? PayloadKind.EVIDENCE : PayloadKind.ATTACHMENT;
    }

    /** Content, container, token and evidences are known by their description; a loose part keeps its file name. */
    static String storedName(PayloadKind kind, String description, String name) {
        return kind == PayloadKind.ATTACHMENT ? name : description;
    }
}

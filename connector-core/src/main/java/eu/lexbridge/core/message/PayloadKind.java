package eu.lexbridge.core.message;

/** What a payload is to the message that carries it. */
public enum PayloadKind {
    /** The structured (XML) form of the business message: the e-CODEX {@code messageContent}. */
    BUSINESS_CONTENT,
    /** The human-readable, usually signed, business document (PDF or signed XML). */
    BUSINESS_DOCUMENT,
    /** Any further attachment. */
    ATTACHMENT,
    /** An ETSI-REM evidence document. */
    EVIDENCE,
    /** The e-CODEX container (ASiC-S) around the business document and attachments; {@code ASIC-S} on the wire. */
    CONTAINER,
    /** The Trust OK token (XML) that travels beside the container; {@code tokenXML} on the wire. */
    TRUST_TOKEN
}

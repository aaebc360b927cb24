package eu.lexbridge.core.message;

/** What a payload is to the message that carries it. */
public enum PayloadKind {
    /** The structured (XML) form of the business message: the e-CODEX {@code messageContent}. */
    BUSINESS_CONTENT,
    /** The human-readable, usually signed, business document (PDF or signed XML). */
    BUSINESS_DOCUMENT,
    /**
     * The business document's detached signature (a CAdES {@code .p7s} or a detached XAdES), travelling inside the
     * container beside the document it signs.
     */
    DETACHED_SIGNATURE,
    /** Any further attachment. */
    ATTACHMENT,
    /** An ETSI-REM evidence document. */
    EVIDENCE,
    /** The e-CODEX container (ASiC-S) around the business document and attachments; {@code ASIC-S} on the wire. */
    CONTAINER,
    /** The Trust OK token (XML) that travels beside the container; {@code tokenXML} on the wire. */
    TRUST_TOKEN,
    /**
     * The DSS validation report of the business document's signatures, kept with the message for the record; it stays
     * at this connector (its summary travels in the Trust OK token).
     */
    VALIDATION_REPORT,
    /** A sealed record of a transmission made outside the system (Reg (EU) 2023/1543 Art 19(6)). */
    TRANSMISSION_RECORD
}

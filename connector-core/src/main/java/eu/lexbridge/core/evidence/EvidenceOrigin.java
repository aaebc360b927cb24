package eu.lexbridge.core.evidence;

/** Whether this connector issued an evidence or received it from the other side. */
public enum EvidenceOrigin {
    ISSUED,
    RECEIVED
}

package eu.lexbridge.core.message;

/** An AS4 user message carries either a business message or one evidence about an earlier message. */
public enum MessageKind {
    BUSINESS,
    EVIDENCE
}

package eu.lexbridge.core.error;

/** What kind of failure an error is; adapters map it to their protocol (an HTTP status, a SOAP fault code). */
public enum ErrorCategory {
    INVALID_INPUT,
    NOT_FOUND,
    CONFLICT,
    FORBIDDEN,
    TOO_LARGE,
    UNAVAILABLE,
    SECURITY,
    INTERNAL
}

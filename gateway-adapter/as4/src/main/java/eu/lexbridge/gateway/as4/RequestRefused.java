package eu.lexbridge.gateway.as4;

import eu.lexbridge.core.port.SecurityEvents;

/**
 * An AS4 request refused before phase4 saw it: the HTTP status, a sentence for the caller's operator (never an
 * exception message or a class name) and the kind of security event it counts as.
 */
final class RequestRefused extends Exception {

    private final int httpStatus;
    private final transient SecurityEvents.Kind kind;

    RequestRefused(int httpStatus, SecurityEvents.Kind kind, String sentence) {
        super(sentence, null, false, false);
        this.httpStatus = httpStatus;
        this.kind = kind;
    }

    int httpStatus() {
        return httpStatus;
    }

    SecurityEvents.Kind kind() {
        return kind;
    }

    /** The sentence sent to the caller and logged. */
    String sentence() {
        return getMessage();
    }
}

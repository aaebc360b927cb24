package eu.lexbridge.core.flow;

/** What a service/action requires of the business document's signature before it is sent. */
public enum DocumentPolicy {
    /** No requirement; the Trust OK token records the authenticated back-end (authentication-based). */
    AUTHENTICATION,
    /** At least one signature, cryptographically intact, by a signer that chains to a trusted CA. */
    ADVANCED_SIGNATURE
}

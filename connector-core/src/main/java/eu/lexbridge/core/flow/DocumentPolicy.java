package eu.lexbridge.core.flow;

import eu.lexbridge.core.port.DocumentChecker;

/**
 * What a service/action requires of the business document before it is sent (Regulation 2023/1543 Art 21(2): a form
 * that must be signed is signed with a qualified signature or seal). Every policy but {@link #AUTHENTICATION} is
 * signature-based: the document's signatures are validated and the Trust OK token summarises what was found.
 */
public enum DocumentPolicy {
    /** Authentication-based: no signature is validated; the Trust OK token records the authenticated back-end. */
    AUTHENTICATION,
    /** Signature-based, nothing required: signatures are validated and reported, an unsigned document is sent. */
    NONE,
    /** At least one signature, and every signature intact, by a trusted signer whose certificate is not revoked. */
    ADVANCED_SIGNATURE,
    /** As {@link #ADVANCED_SIGNATURE}, and a qualified signature or seal (QES/QESeal) by the trusted lists. */
    QUALIFIED;

    /** True when the business document's signatures are validated under this policy. */
    public boolean signatureBased() {
        return this != AUTHENTICATION;
    }

    /** True when a document checked at {@code level} may be sent under this policy. */
    public boolean acceptsDocumentAt(DocumentChecker.Level level) {
        return switch (this) {
            case AUTHENTICATION, NONE -> true;
            case ADVANCED_SIGNATURE -> level != DocumentChecker.Level.NONE;
            case QUALIFIED -> level == DocumentChecker.Level.QUALIFIED;
        };
    }
}

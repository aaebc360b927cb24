package eu.lexbridge.directory.partner;

/**
 * A partner change, or a partner set, that does not validate: the message names the element (e.g.
 * {@code partners[2].endpoint} or {@code party 'de-court'}) and what is wrong; the partners in force are unchanged.
 */
public final class PartnerRefusedException extends RuntimeException {

    public PartnerRefusedException(String message) {
        super(message);
    }
}

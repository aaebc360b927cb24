package eu.lexbridge.core.port;

import eu.lexbridge.core.authority.Lookup;
import eu.lexbridge.core.authority.RecipientQuery;

/**
 * Finds the authorities competent for a query (instrument, role, place and criteria, or an authority id) and the
 * e-CODEX address a message for each goes to. The Commission's competent-authorities database is such a directory; a
 * signed snapshot of it is another.
 */
public interface AuthorityDirectory {

    /** Every authority that matches, most specific first; none is an empty lookup, not an exception. */
    Lookup find(RecipientQuery query);
}

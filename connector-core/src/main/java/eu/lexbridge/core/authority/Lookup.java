package eu.lexbridge.core.authority;

import java.util.List;
import java.util.Objects;

/**
 * What a directory found for a query: the matches (only the most specific ones: an authority for the postal code wins
 * over one for the whole country; equally specific ones in the order of their ids), and the source it answered from.
 *
 * @param query what was searched
 * @param matches the authorities that match, each with why; several means the query does not choose one
 * @param undecided when nothing matches: the authorities competent for part of the query's country whose part the
 *     query's place does not say enough to decide on (a query with a country alone, an authority for some regions);
 *     a directory may list only the first of many
 * @param undecidedTotal how many undecided authorities there are, listed or not
 * @param source the directory's version, e.g. {@code snapshot 42 of 2026-12-01T00:00:00Z}
 */
public record Lookup(RecipientQuery query, List<Match> matches, List<Match> undecided, int undecidedTotal,
                     String source) {
    public Lookup {
        Objects.requireNonNull(query, "query");
        matches = List.copyOf(matches);
        undecided = List.copyOf(undecided);
        Objects.requireNonNull(source, "source");
        if (!matches.isEmpty() && !undecided.isEmpty()) {
            throw new IllegalArgumentException("undecided authorities are only listed when none matches");
        }
        if (undecidedTotal < undecided.size()) {
            throw new IllegalArgumentException("more undecided authorities listed than there are");
        }
    }

    /** A lookup that lists every undecided candidate. */
    public Lookup(RecipientQuery query, List<Match> matches, List<Match> undecided, String source) {
        this(query, matches, undecided, undecided.size(), source);
    }

    /** A lookup without undecided candidates. */
    public Lookup(RecipientQuery query, List<Match> matches, String source) {
        this(query, matches, List.of(), source);
    }

    /**
     * A competent authority, the address a message for it goes to and why it matched.
     *
     * @param authorityId the authority's directory id
     * @param name its name, for people (in English when the directory has it)
     * @param address where a message for it is sent: its own, or its central authority's when its State routes
     *     through one
     * @param reason why it matched, e.g. {@code EIO executing; postal code 10115 in 10115-14199; through central
     *     authority DE-BFJ}
     */
    public record Match(String authorityId, String name, EcodexAddress address, String reason) {
        public Match {
            Objects.requireNonNull(authorityId, "authorityId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(reason, "reason");
        }
    }
}

package eu.lexbridge.directory.authority;

import eu.lexbridge.core.authority.AuthorityRole;
import eu.lexbridge.core.authority.Instrument;
import java.util.Map;
import java.util.Set;

/**
 * What an authority is competent for: an instrument, the roles it plays under it, where, and for which cases.
 *
 * @param criteria non-geographic limits (e.g. {@code measure: [interception]}, {@code urgency: [urgent]}): a query
 *     must name one of the values of each; an empty map limits nothing
 * @param via the id of the central authority its State routes these messages through, or {@code null} when it is
 *     reached at its own address
 */
public record Competence(Instrument instrument, Set<AuthorityRole> roles, Area area,
                         Map<String, Set<String>> criteria, String via) {
    public Competence {
        roles = Set.copyOf(roles);
        criteria = criteria.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
                Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
    }
}

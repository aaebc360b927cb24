package eu.lexbridge.directory.authority;

import java.util.List;
import java.util.Set;

/**
 * Where a competence holds: in the listed countries (empty: in every country), and there, when any of the other
 * three is given, only in those regions (ISO 3166-2), postal-code ranges or named areas. The other three are
 * alternatives: a place inside any of them is inside the area.
 */
public record Area(Set<String> countries, Set<String> regions, List<PostalRange> postalCodes, Set<String> named) {
    public Area {
        countries = Set.copyOf(countries);
        regions = Set.copyOf(regions);
        postalCodes = List.copyOf(postalCodes);
        named = Set.copyOf(named);
    }

    /** Only part of a country, not the whole of it. */
    public boolean partial() {
        return !regions.isEmpty() || !postalCodes.isEmpty() || !named.isEmpty();
    }
}

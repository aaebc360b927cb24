package eu.lexbridge.trust.lists;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one refresh of the trusted lists.
 *
 * @param loadedAt when the refresh ran
 * @param lotlLocation the LOTL it started from
 * @param accepted whether this refresh produced the certificate source readers now get; false when the LOTL could
 *     not be fetched, parsed or verified, and the previous source (if any) was kept
 * @param lists each list seen, the LOTL first
 * @param problems what went wrong overall, in words; empty when nothing did
 */
public record TrustedListsSummary(Instant loadedAt, String lotlLocation, boolean accepted,
                                  List<TrustedListStatus> lists, List<String> problems) {
    public TrustedListsSummary {
        Objects.requireNonNull(loadedAt, "loadedAt");
        Objects.requireNonNull(lotlLocation, "lotlLocation");
        lists = List.copyOf(lists);
        problems = List.copyOf(problems);
    }

    /** The status of the list loaded from {@code location}, if it was seen. */
    public Optional<TrustedListStatus> list(String location) {
        return lists.stream().filter(list -> list.location().equals(location)).findFirst();
    }

    /** The trusted lists (not the LOTL) with the given scheme territory. */
    public List<TrustedListStatus> territory(String territory) {
        return lists.stream().filter(list -> !list.listOfTrustedLists() && territory.equals(list.territory()))
                .toList();
    }
}

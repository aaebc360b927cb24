package eu.lexbridge.directory.authority;

import eu.lexbridge.core.authority.AuthorityRole;
import eu.lexbridge.core.authority.EcodexAddress;
import eu.lexbridge.core.authority.Instrument;
import eu.lexbridge.core.authority.Lookup;
import eu.lexbridge.core.authority.RecipientQuery;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A snapshot arranged for lookups: its competences by instrument and role, then by country, so a query reads only the
 * few that can match. Immutable; a new snapshot makes a new index.
 *
 * <p>Matching: an authority matches when its competence is for the instrument and role, holds in the query's place,
 * meets the query's criteria, accepts its language and is valid on the day. Only the most specific matches are kept:
 * a postal-code range or named area beats a region, a region beats a whole country, a country beats anywhere, and
 * a competence limited by a criterion the query names beats one that is not. A competence for part of a country that
 * the query's place does not say enough to decide on is a weaker match than any decided one; so a query that gives
 * only a country lists the regional authorities as candidates when the country has no authority for the whole of it.
 */
public final class DirectoryIndex {

    /** A competence for anywhere is filed under this country. */
    private static final String ANYWHERE = "*";

    private final Snapshot snapshot;
    private final Map<String, AuthorityEntry> byId = new HashMap<>();
    private final Map<Key, Map<String, List<Posting>>> postings = new HashMap<>();
    /** The postal-code ranges of a country's competences, for a query with a postal code (the most specific). */
    private final Map<Key, Map<String, PostalIndex>> postalRanges = new HashMap<>();

    /** The most undecided candidates a lookup lists (with their reasons); the rest are counted. */
    static final int LISTED_UNDECIDED = 100;

    private record Key(Instrument instrument, AuthorityRole role) {
    }

    private record Posting(AuthorityEntry entry, Competence competence) {
    }

    private record RangePosting(PostalRange range, Posting posting) {
    }

    /**
     * Ranges sorted by their first code, with the greatest last code up to each: a code's ranges are found by a
     * binary search and a walk back that stops where no earlier range reaches the code (after one step or two when
     * ranges do not overlap), instead of a look at every competence of the country.
     */
    private static final class PostalIndex {
        private final RangePosting[] ranges;
        private final String[] greatestTo;

        PostalIndex(List<RangePosting> unsorted) {
            ranges = unsorted.toArray(RangePosting[]::new);
            java.util.Arrays.sort(ranges, Comparator.comparing(r -> r.range().from()));
            greatestTo = new String[ranges.length];
            for (int i = 0; i < ranges.length; i++) {
                String to = ranges[i].range().to();
                greatestTo[i] = i > 0 && greatestTo[i - 1].compareTo(to) > 0 ? greatestTo[i - 1] : to;
            }
        }

        /** The postings with a range that holds {@code code} (normalised). */
        List<Posting> containing(String code) {
            int low = 0;
            int high = ranges.length - 1;
            int last = -1;
            while (low <= high) {
                int middle = (low + high) >>> 1;
                if (ranges[middle].range().from().compareTo(code) <= 0) {
                    last = middle;
                    low = middle + 1;
                } else {
                    high = middle - 1;
                }
            }
            List<Posting> found = new ArrayList<>();
            for (int i = last; i >= 0 && greatestTo[i].compareTo(code) >= 0; i--) {
                if (ranges[i].range().containsNormal(code) && !found.contains(ranges[i].posting())) {
                    found.add(ranges[i].posting());
                }
            }
            return found;
        }
    }

    public DirectoryIndex(Snapshot snapshot) {
        this.snapshot = snapshot;
        Map<Key, Map<String, List<RangePosting>>> ranges = new HashMap<>();
        for (AuthorityEntry entry : snapshot.authorities()) {
            byId.put(entry.id(), entry);
            for (Competence competence : entry.competences()) {
                Set<String> countries = competence.area().countries().isEmpty() ? Set.of(ANYWHERE)
                        : competence.area().countries();
                for (AuthorityRole role : competence.roles()) {
                    var byCountry = postings.computeIfAbsent(new Key(competence.instrument(), role),
                            k -> new HashMap<>());
                    Posting posting = new Posting(entry, competence);
                    for (String country : countries) {
                        byCountry.computeIfAbsent(country, c -> new ArrayList<>()).add(posting);
                    }
                    if (!competence.area().postalCodes().isEmpty()) {
                        // postal codes are one country's (the reader holds a competence with them to one)
                        var builder = ranges.computeIfAbsent(new Key(competence.instrument(), role),
                                k -> new HashMap<>()).computeIfAbsent(countries.iterator().next(),
                                c -> new ArrayList<>());
                        competence.area().postalCodes().forEach(range -> builder.add(new RangePosting(range,
                                posting)));
                    }
                }
            }
        }
        ranges.forEach((key, byCountry) -> byCountry.forEach((country, list) -> postalRanges
                .computeIfAbsent(key, k -> new HashMap<>()).put(country, new PostalIndex(list))));
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    public Lookup find(RecipientQuery query, LocalDate day) {
        String postalCode = query.postalCode() == null ? null : PostalRange.normal(query.postalCode());
        if (postalCode != null && query.authorityId() == null && query.placeCountry() != null) {
            // A competence whose range holds the code beats every other kind: when one matches, no other can win.
            PostalIndex index = postalRanges.getOrDefault(new Key(query.instrument(), query.role()), Map.of())
                    .get(query.placeCountry());
            if (index != null) {
                Lookup byRange = find(query, postalCode, day, List.of(index.containing(postalCode)));
                if (!byRange.matches().isEmpty()) {
                    return byRange;
                }
            }
        }
        return find(query, postalCode, day, candidates(query));
    }

    private Lookup find(RecipientQuery query, String postalCode, LocalDate day, List<List<Posting>> candidates) {
        // Scored without words first: only the winners' reasons are written (a country has thousands of candidates).
        int best = NO_MATCH;
        List<Posting> winners = new ArrayList<>();
        for (List<Posting> list : candidates) {
            for (Posting posting : list) {
                int score = score(posting, query, postalCode, day, null);
                if (score == NO_MATCH || score < best) {
                    continue;
                }
                if (score > best) {
                    best = score;
                    winners.clear();
                }
                winners.add(posting);
            }
        }
        Map<String, Lookup.Match> matches = new java.util.LinkedHashMap<>();
        winners.sort(Comparator.comparing(p -> p.entry().id()));
        int total = (int) winners.stream().map(p -> p.entry().id()).distinct().count();
        for (Posting posting : winners) {
            if (best < 0 && matches.size() == LISTED_UNDECIDED) {
                break;
            }
            if (!matches.containsKey(posting.entry().id())) {
                List<String> why = new ArrayList<>();
                score(posting, query, postalCode, day, why);
                matches.put(posting.entry().id(), match(posting, String.join("; ", why)));
            }
        }
        List<Lookup.Match> found = List.copyOf(matches.values());
        return best < 0 ? new Lookup(query, List.of(), found, total, snapshot.describe())
                : new Lookup(query, found, snapshot.describe());
    }

    /** The postings that can match, as lists read in place (a country's list is not copied). */
    private List<List<Posting>> candidates(RecipientQuery query) {
        if (query.authorityId() != null) {
            AuthorityEntry entry = byId.get(query.authorityId());
            if (entry == null) {
                return List.of();
            }
            return List.of(entry.competences().stream().filter(c -> query.instrument() == null
                    || c.instrument().equals(query.instrument())).filter(c -> query.role() == null
                    || c.roles().contains(query.role())).map(c -> new Posting(entry, c)).toList());
        }
        Map<String, List<Posting>> byCountry = postings.getOrDefault(new Key(query.instrument(), query.role()),
                Map.of());
        String country = query.placeCountry();
        if (country == null) {
            return List.copyOf(byCountry.values());
        }
        return List.of(byCountry.getOrDefault(country, List.of()), byCountry.getOrDefault(ANYWHERE, List.of()));
    }

    /**
     * {@link #NO_MATCH} when the posting does not match; otherwise the score, which grows with how specifically it
     * does.
     *
     * @param postalCode the query's postal code as ranges compare it, or {@code null}
     * @param why where the reasons go, one phrase each; {@code null} when only the score is wanted
     */
    private static int score(Posting posting, RecipientQuery query, String postalCode, LocalDate day,
                             List<String> why) {
        AuthorityEntry entry = posting.entry();
        Competence competence = posting.competence();
        if (!entry.validOn(day)) {
            return NO_MATCH;
        }
        if (query.language() != null && !entry.languages().isEmpty() && !entry.languages().contains(query.language())) {
            return NO_MATCH;
        }
        if (why != null) {
            if (query.authorityId() != null) {
                why.add("authority " + entry.id());
            }
            why.add(competence.instrument().code() + " " + (query.role() != null ? query.role().code()
                    : competence.roles().stream().map(AuthorityRole::code).sorted().toList().toString()));
        }
        // An authority named by its id needs no place; one given is still checked.
        boolean placeless = query.placeCountry() == null && query.postalCode() == null && query.area() == null;
        int area = query.authorityId() != null && placeless ? ANY_COUNTRY
                : areaScore(competence.area(), query, postalCode, why);
        if (area == NO_MATCH) {
            return NO_MATCH;
        }
        int criteria = 0;
        for (var criterion : competence.criteria().entrySet()) {
            String value = query.criteria().get(criterion.getKey());
            if (value == null || !criterion.getValue().contains(value)) {
                return NO_MATCH;
            }
            if (why != null) {
                why.add(criterion.getKey() + " " + value);
            }
            criteria++;
        }
        if (why != null && query.language() != null && !entry.languages().isEmpty()) {
            why.add("accepts " + query.language());
        }
        return area * 100 + criteria;
    }

    private static final int NO_MATCH = Integer.MIN_VALUE;
    private static final int UNDECIDED = -1;
    private static final int ANY_COUNTRY = 0;
    private static final int COUNTRY = 1;
    private static final int REGION = 2;
    private static final int NAMED_AREA = 3;
    private static final int POSTAL_CODE = 4;

    private static int areaScore(Area area, RecipientQuery query, String postalCode, List<String> why) {
        String country = query.placeCountry();
        if (country != null && !area.countries().isEmpty() && !area.countries().contains(country)) {
            return NO_MATCH;
        }
        if (!area.partial()) {
            if (country == null) {
                return ANY_COUNTRY;
            }
            if (why != null) {
                why.add(area.countries().isEmpty() ? "competent anywhere" : "competent in all of " + country);
            }
            return area.countries().isEmpty() ? ANY_COUNTRY : COUNTRY;
        }
        boolean decided = false;
        if (postalCode != null && !area.postalCodes().isEmpty()) {
            decided = true;
            for (PostalRange range : area.postalCodes()) {
                if (range.containsNormal(postalCode)) {
                    if (why != null) {
                        why.add("postal code " + query.postalCode() + " in " + range);
                    }
                    return POSTAL_CODE;
                }
            }
        }
        if (query.area() != null && !area.named().isEmpty()) {
            decided = true;
            if (area.named().contains(query.area())) {
                if (why != null) {
                    why.add("area " + query.area());
                }
                return NAMED_AREA;
            }
        }
        if (query.region() != null && !area.regions().isEmpty()) {
            decided = true;
            if (area.regions().contains(query.region())) {
                if (why != null) {
                    why.add("region " + query.region());
                }
                return REGION;
            }
        }
        if (decided) {
            return NO_MATCH;
        }
        if (why != null) {
            why.add("competent in part of " + String.join(", ", area.countries().stream().sorted().toList())
                    + " (" + describe(area) + "); the query does not say which part");
        }
        return UNDECIDED;
    }

    private static String describe(Area area) {
        List<String> parts = new ArrayList<>();
        if (!area.regions().isEmpty()) {
            parts.add("regions " + String.join(", ", area.regions().stream().sorted().toList()));
        }
        if (!area.postalCodes().isEmpty()) {
            parts.add("postal codes " + String.join(", ", area.postalCodes().stream().map(PostalRange::toString)
                    .limit(5).toList()) + (area.postalCodes().size() > 5 ? ", …" : ""));
        }
        if (!area.named().isEmpty()) {
            parts.add("areas " + String.join(", ", area.named().stream().sorted().limit(5).toList()));
        }
        return String.join("; ", parts);
    }

    private Lookup.Match match(Posting posting, String reason) {
        AuthorityEntry entry = posting.entry();
        String via = posting.competence().via();
        if (via == null) {
            return new Lookup.Match(entry.id(), entry.name(), entry.address(), reason);
        }
        AuthorityEntry central = byId.get(via);
        EcodexAddress address = central.address();
        return new Lookup.Match(entry.id(), entry.name(), address, reason + "; through central authority "
                + central.id() + " (" + central.name() + ")");
    }
}

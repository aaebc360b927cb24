package eu.lexbridge.core.authority;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Who a message is for, as a sender knows it: the instrument, the role and the place (or the authority's id), instead
 * of an AS4 party. Every field but the instrument and role may be absent ({@code null}); an authority id alone names
 * one authority.
 *
 * @param instrument the instrument; {@code null} only with an authority id
 * @param role the recipient's role under it; {@code null} only with an authority id
 * @param authorityId the directory id of one authority
 * @param country ISO 3166-1 alpha-2 of the place, e.g. {@code DE}
 * @param region ISO 3166-2 subdivision of the place, e.g. {@code DE-BE}
 * @param postalCode the place's postal code, as the country writes it
 * @param area a named area the directory knows (a court district, a municipality)
 * @param language ISO 639-1 of the message's language: an authority that lists the languages it accepts and not this
 *     one is not a match
 * @param criteria non-geographic criteria, e.g. {@code measure=interception}, {@code stage=trial},
 *     {@code urgency=urgent}, {@code service-provider=example-mail}
 */
public record RecipientQuery(Instrument instrument, AuthorityRole role, String authorityId, String country,
                             String region, String postalCode, String area, String language,
                             Map<String, String> criteria) {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern REGION = Pattern.compile("[A-Z]{2}-[A-Z0-9]{1,3}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._/'-]{0,99}");
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    public RecipientQuery {
        criteria = criteria == null ? Map.of() : Map.copyOf(criteria);
        if (authorityId == null && (instrument == null || role == null)) {
            throw new IllegalArgumentException("a recipient is named by an instrument and a role, or by an authority id");
        }
        check(authorityId, TOKEN, "authorityId", "1 to 100 letters, digits, spaces or . _ / ' -");
        check(country, COUNTRY, "country", "two capital letters (ISO 3166-1)");
        check(region, REGION, "region", "an ISO 3166-2 code such as DE-BE");
        check(postalCode, TOKEN, "postalCode", "1 to 100 letters, digits, spaces or . _ / ' -");
        check(area, TOKEN, "area", "1 to 100 letters, digits, spaces or . _ / ' -");
        check(language, LANGUAGE, "language", "two small letters (ISO 639-1)");
        if (region != null && country != null && !region.startsWith(country + "-")) {
            throw new IllegalArgumentException("region '" + region + "' is not in country " + country);
        }
        if (criteria.size() > 16) {
            throw new IllegalArgumentException("at most 16 criteria");
        }
        criteria.forEach((key, value) -> {
            check(key, KEY, "a criterion's name", "a small letter then up to 31 small letters, digits or -");
            check(value, TOKEN, "criterion " + key, "1 to 100 letters, digits, spaces or . _ / ' -");
        });
    }

    /** The query by an authority's id alone. */
    public static RecipientQuery authority(String authorityId) {
        return new RecipientQuery(null, null, Objects.requireNonNull(authorityId, "authorityId"), null, null, null,
                null, null, null);
    }

    /** The parameters {@link #fromQueryString} reads. */
    public static final java.util.Set<String> PARAMETERS = java.util.Set.of("instrument", "role", "authorityId",
            "country", "region", "postalCode", "area", "language", "criterion");
    private static final int MAX_QUERY_STRING = 4096;

    /**
     * Reads a query in its URL form ({@code application/x-www-form-urlencoded}), as a directory service's
     * {@code /authorities} and a JMS submission's {@code recipient} property carry it:
     * {@code instrument=EIO&role=executing&country=DE&postalCode=10115&criterion=measure:hearing}. Every parameter
     * once ({@code criterion} once per name); one it does not know is refused, not ignored.
     *
     * @throws IllegalArgumentException naming the parameter at fault
     */
    public static RecipientQuery fromQueryString(String queryString) {
        if (queryString != null && queryString.length() > MAX_QUERY_STRING) {
            throw new IllegalArgumentException("the query is longer than " + MAX_QUERY_STRING + " characters");
        }
        Map<String, String> values = new java.util.LinkedHashMap<>();
        Map<String, String> criteria = new java.util.LinkedHashMap<>();
        if (queryString != null && !queryString.isEmpty()) {
            for (String pair : queryString.split("&")) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                if (!PARAMETERS.contains(name)) {
                    throw new IllegalArgumentException("'" + (name.length() > 40 ? name.substring(0, 40) + "…" : name)
                            .replaceAll("\\p{Cntrl}", "?") + "' is not a parameter; they are "
                            + new java.util.TreeSet<>(PARAMETERS));
                }
                if (name.equals("criterion")) {
                    int colon = value.indexOf(':');
                    if (colon < 1) {
                        throw new IllegalArgumentException("a criterion is name:value, e.g. measure:interception");
                    }
                    String key = value.substring(0, colon);
                    if (criteria.put(key, value.substring(colon + 1)) != null) {
                        throw new IllegalArgumentException("criterion " + (KEY.matcher(key).matches() ? key : "?")
                                + " is given twice");
                    }
                } else if (values.put(name, value) != null) {
                    throw new IllegalArgumentException(name + " is given twice");
                }
            }
        }
        return new RecipientQuery(values.containsKey("instrument") ? Instrument.of(values.get("instrument")) : null,
                values.containsKey("role") ? AuthorityRole.of(values.get("role")) : null, values.get("authorityId"),
                values.get("country"), values.get("region"), values.get("postalCode"), values.get("area"),
                values.get("language"), criteria);
    }

    private static String decode(String text) {
        try {
            return java.net.URLDecoder.decode(text, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the query has a malformed %-escape");
        }
    }

    /** The country of the place: the one given, or the region's. */
    public String placeCountry() {
        return country != null ? country : region == null ? null : region.substring(0, 2);
    }

    /** What was searched, in words, for a rejection or a log line (every value checked above). */
    public String describe() {
        StringBuilder text = new StringBuilder();
        append(text, "instrument", instrument == null ? null : instrument.code());
        append(text, "role", role == null ? null : role.code());
        append(text, "authority", authorityId);
        append(text, "country", country);
        append(text, "region", region);
        append(text, "postal code", postalCode);
        append(text, "area", area);
        append(text, "language", language);
        new TreeMap<>(criteria).forEach((key, value) -> append(text, key, value));
        return text.toString();
    }

    private static void append(StringBuilder text, String name, String value) {
        if (value != null) {
            text.append(text.isEmpty() ? "" : ", ").append(name).append(' ').append(value);
        }
    }

    private static void check(String value, Pattern pattern, String field, String expected) {
        if (value != null && !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be " + expected);
        }
    }
}

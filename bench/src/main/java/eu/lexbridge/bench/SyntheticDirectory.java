package eu.lexbridge.bench;

import eu.lexbridge.core.authority.AuthorityRole;
import eu.lexbridge.core.authority.Instrument;
import eu.lexbridge.core.authority.RecipientQuery;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A competent-authorities snapshot ({@code lexbridge-directory/1}) of exactly {@link #AUTHORITIES} authorities, made
 * from a fixed seed so every run reads the same bytes, and queries against it.
 *
 * <p>Shape: 27 Member States, each with authorities in proportion to its population. Most authorities are local
 * (prosecutor offices, criminal and civil courts, agencies for the service of documents, judicial authorities for
 * e-evidence): each family of them splits its country's five-digit postal codes 00000–99999 into two ranges per
 * authority, so for one country, instrument and role the ranges never overlap and every five-digit code has exactly
 * one authority. Then, per country, regional authorities (one per region: courts executing EAWs, enforcing
 * authorities for e-evidence, courts for interceptions limited by {@code measure}, duty courts limited by
 * {@code urgency}), one central authority for the whole country that some States route through ({@code via}), and
 * service providers' addressees for e-evidence over several countries each, limited by {@code service-provider}.
 * Some offices were replaced at the start of 2026 (an expired entry with the same ranges beside its successor), some
 * will be in 2027. Denmark takes part in none of EIO, freezing, EPO, ESCP, service or e-evidence, Ireland in neither
 * EIO nor freezing.
 */
final class SyntheticDirectory {

    static final int AUTHORITIES = 100_000;
    /** The day lookups are made on. */
    static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    static final long SEED = 13;

    static final String[] COUNTRIES = {"AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR",
        "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"};
    /** Population in hundreds of thousands, the weight of each country's share of local authorities and of queries. */
    private static final int[] POPULATION = {91, 117, 64, 9, 109, 840, 59, 14, 480, 56, 680, 104, 39, 96, 52, 590, 29,
        7, 19, 5, 179, 367, 105, 190, 105, 21, 54};
    private static final String[][] LANGUAGES = {{"de"}, {"nl", "fr", "de"}, {"bg"}, {"el", "tr"}, {"cs"}, {"de"},
        {"da"}, {"et"}, {"es"}, {"fi", "sv"}, {"fr"}, {"el"}, {"hr"}, {"hu"}, {"en", "ga"}, {"it"}, {"lt"},
        {"fr", "de", "lb"}, {"lv"}, {"mt", "en"}, {"nl"}, {"pl"}, {"pt"}, {"ro"}, {"sv"}, {"sl"}, {"sk"}};
    private static final String UNREGISTERED = "urn:oasis:names:tc:ebcore:partyid-type:unregistered";

    /** One competence of a family: an instrument, its roles, and optionally a criterion. */
    record Duty(String instrument, List<String> roles, String criterion, String value) {
        Duty(String instrument, String... roles) {
            this(instrument, List.of(roles), null, null);
        }
    }

    /** A kind of authority found in every country that takes part in one of its duties. */
    record Family(String code, String kind, String label, List<Duty> duties) {
    }

    /** Local authorities, each for two postal-code ranges of its country. */
    static final List<Family> POSTAL = List.of(
            new Family("PROS", "prosecutor", "Public Prosecutor's Office",
                    List.of(new Duty("EIO", "issuing", "executing"), new Duty("FREEZING", "issuing"))),
            new Family("CRIM", "court", "Criminal Court", List.of(new Duty("EAW", "issuing"),
                    new Duty("FREEZING", "executing"))),
            new Family("EPO", "court", "District Court, orders for payment", List.of(new Duty("EPO", "court"))),
            new Family("ESCP", "court", "District Court, small claims", List.of(new Duty("ESCP", "court"))),
            new Family("SRVR", "agency", "Receiving Agency", List.of(new Duty("SERVICE", "receiving"))),
            new Family("SRVT", "agency", "Transmitting Agency", List.of(new Duty("SERVICE", "transmitting"))),
            new Family("EEVI", "judicial-authority", "Issuing Authority for Electronic Evidence",
                    List.of(new Duty("E-EVIDENCE", "issuing"))));

    /** Regional authorities, one per region of its country. */
    static final List<Family> REGIONAL = List.of(
            new Family("EAWX", "court", "Court of Appeal, execution of arrest warrants",
                    List.of(new Duty("EAW", "executing"))),
            new Family("EEVX", "enforcement-authority", "Enforcing Authority for Electronic Evidence",
                    List.of(new Duty("E-EVIDENCE", "enforcing"))),
            new Family("INTC", "court", "Investigating Court, interceptions",
                    List.of(new Duty("EIO", List.of("executing"), "measure", "interception"))),
            new Family("URGT", "court", "Duty Court, urgent warrants",
                    List.of(new Duty("EAW", List.of("issuing"), "urgency", "urgent"))));

    static final int ADDRESSEES = 2_000;
    static final int PROVIDERS = 800;

    /** What a query is meant to exercise. */
    enum Kind {
        /** Instrument, role, country and a postal code: one authority. */
        POSTAL,
        /** Instrument, role and a country only: the authorities for parts of it, undecided. */
        COUNTRY,
        /** An authority's id, alone or with instrument and role. */
        ID,
        /** A criterion with a region (interceptions, urgent warrants) or a country (a service provider). */
        CRITERIA,
        /** Nothing matches: a State that does not take part, a postal code of another length, an unknown id or provider. */
        NONE
    }

    record TaggedQuery(Kind kind, RecipientQuery query) {
    }

    private final Random random = new Random(SEED);
    private final int[] regions = new int[COUNTRIES.length];
    /** Members of each postal family in each country, predecessors and successors not counted. */
    private final int[][] postalMembers = new int[POSTAL.size()][COUNTRIES.length];
    private final List<String> ids = new ArrayList<>(AUTHORITIES);
    private final List<List<Integer>> providerCountries = new ArrayList<>();
    private final int[] cumulativePopulation = new int[COUNTRIES.length];
    private int written;
    private int competences;

    SyntheticDirectory() {
        int sum = 0;
        for (int c = 0; c < COUNTRIES.length; c++) {
            regions[c] = Math.max(3, Math.min(16, 2 + (int) Math.round(Math.sqrt(POPULATION[c]) / 2)));
            sum += POPULATION[c];
            cumulativePopulation[c] = sum;
        }
        sizePostalFamilies();
    }

    static boolean takesPart(String country, String instrument) {
        return switch (country) {
            case "DK" -> instrument.equals("EAW");
            case "IE" -> !instrument.equals("EIO") && !instrument.equals("FREEZING");
            default -> true;
        };
    }

    private static List<Duty> duties(Family family, String country) {
        return family.duties().stream().filter(d -> takesPart(country, d.instrument())).toList();
    }

    /** Prosecutor offices replaced on 2026-01-01: an expired predecessor is written beside each. */
    private static boolean replaced(Family family, int member) {
        return family.code().equals("PROS") && member % 64 == 17;
    }

    /** Criminal courts to be replaced in 2027: a successor valid from then is written beside each. */
    private static boolean toBeReplaced(Family family, int member) {
        return family.code().equals("CRIM") && member % 64 == 41;
    }

    private static int postalEntries(Family family, int members) {
        int extra = 0;
        for (int m = 0; m < members; m++) {
            extra += (replaced(family, m) ? 1 : 0) + (toBeReplaced(family, m) ? 1 : 0);
        }
        return members + extra;
    }

    private int regionalCount() {
        int count = 0;
        for (Family family : REGIONAL) {
            for (int c = 0; c < COUNTRIES.length; c++) {
                if (!duties(family, COUNTRIES[c]).isEmpty()) {
                    count += regions[c];
                }
            }
        }
        return count;
    }

    /** Shares the authorities left after the regional, central and addressee ones by population. */
    private void sizePostalFamilies() {
        int budget = AUTHORITIES - regionalCount() - COUNTRIES.length - ADDRESSEES;
        int weight = 0;
        for (Family family : POSTAL) {
            for (int c = 0; c < COUNTRIES.length; c++) {
                weight += duties(family, COUNTRIES[c]).isEmpty() ? 0 : POPULATION[c];
            }
        }
        // two families of seven have one extra entry in 64 members
        double perWeight = budget / (weight * (1 + 2.0 / 7 / 64));
        int total = 0;
        for (int f = 0; f < POSTAL.size(); f++) {
            for (int c = 0; c < COUNTRIES.length; c++) {
                if (!duties(POSTAL.get(f), COUNTRIES[c]).isEmpty()) {
                    postalMembers[f][c] = Math.max(4, (int) (POPULATION[c] * perWeight));
                    total += postalEntries(POSTAL.get(f), postalMembers[f][c]);
                }
            }
        }
        // the EPO family has no replacements: its German share takes the rounding exactly
        int epo = 2;
        int de = List.of(COUNTRIES).indexOf("DE");
        postalMembers[epo][de] += budget - total;
    }

    /** The snapshot's JSON, UTF-8. */
    byte[] json() {
        StringBuilder out = new StringBuilder(90 * 1024 * 1024);
        out.append("{\n\"format\": \"lexbridge-directory/1\",\n\"version\": 100000,\n")
                .append("\"published\": \"2026-12-01T00:00:00Z\",\n\"publisher\": \"LexBridge benchmark (synthetic)\",\n")
                .append("\"authorities\": [\n");
        for (int c = 0; c < COUNTRIES.length; c++) {
            central(out, c);
        }
        for (int f = 0; f < POSTAL.size(); f++) {
            for (int c = 0; c < COUNTRIES.length; c++) {
                postal(out, POSTAL.get(f), c, postalMembers[f][c]);
            }
        }
        for (Family family : REGIONAL) {
            for (int c = 0; c < COUNTRIES.length; c++) {
                regional(out, family, c);
            }
        }
        addressees(out);
        out.setLength(out.length() - 2); // the last ",\n"
        out.append("\n]\n}\n");
        if (written != AUTHORITIES) {
            throw new IllegalStateException("wrote " + written + " authorities, not " + AUTHORITIES);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    int competences() {
        return competences;
    }

    static String centralId(int c) {
        return COUNTRIES[c] + "-CA";
    }

    /** States whose service agencies send through their central authority. */
    private static boolean serviceViaCentral(int c) {
        return c % 3 == 0;
    }

    /** States whose e-evidence enforcing authorities are reached through their central authority. */
    private static boolean enforcingViaCentral(int c) {
        return c % 4 == 1;
    }

    private void central(StringBuilder out, int c) {
        String country = COUNTRIES[c];
        List<String> competenceJson = new ArrayList<>();
        for (String instrument : List.of("EIO", "EAW", "SERVICE", "E-EVIDENCE")) {
            if (!takesPart(country, instrument)) {
                continue;
            }
            String roles = instrument.equals("EAW") ? "[\"central\", \"transit\"]" : "[\"central\"]";
            competenceJson.add("{\"instrument\": \"" + instrument + "\", \"roles\": " + roles
                    + ", \"area\": {\"countries\": [\"" + country + "\"]}}");
        }
        entry(out, centralId(c), "central-authority", "Central Authority of " + country, c, true, null, null,
                competenceJson, null);
    }

    private void postal(StringBuilder out, Family family, int c, int members) {
        List<Duty> duties = duties(family, COUNTRIES[c]);
        if (duties.isEmpty()) {
            return;
        }
        int[] cuts = cuts(2 * members);
        int[] order = permutation(2 * members);
        String via = family.code().equals("SRVT") && serviceViaCentral(c) ? centralId(c) : null;
        for (int m = 0; m < members; m++) {
            int a = order[2 * m];
            int b = order[2 * m + 1];
            String ranges = range(cuts, Math.min(a, b)) + ", " + range(cuts, Math.max(a, b));
            List<String> competenceJson = new ArrayList<>();
            for (Duty duty : duties) {
                competenceJson.add(competence(duty, "\"countries\": [\"" + COUNTRIES[c] + "\"], \"postalCodes\": ["
                        + ranges + "]", via));
            }
            String id = COUNTRIES[c] + "-" + family.code() + "-" + pad(m, 5);
            String name = family.label() + " " + COUNTRIES[c] + " " + (m + 1);
            boolean address = via == null;
            if (replaced(family, m)) {
                entry(out, id + "-OLD", family.kind(), name + " (until 2025)", c, address, "2019-01-01",
                        "2025-12-31", competenceJson, null);
                entry(out, id, family.kind(), name, c, address, "2026-01-01", null, competenceJson, null);
            } else if (toBeReplaced(family, m)) {
                entry(out, id, family.kind(), name, c, address, null, "2027-06-30", competenceJson, null);
                entry(out, id + "-NEW", family.kind(), name + " (from 2027)", c, address, "2027-07-01", null,
                        competenceJson, null);
            } else {
                entry(out, id, family.kind(), name, c, address, m % 10 == 3 ? "2021-03-01" : null, null,
                        competenceJson, null);
            }
        }
    }

    private void regional(StringBuilder out, Family family, int c) {
        List<Duty> duties = duties(family, COUNTRIES[c]);
        if (duties.isEmpty()) {
            return;
        }
        String via = family.code().equals("EEVX") && enforcingViaCentral(c) ? centralId(c) : null;
        for (int r = 0; r < regions[c]; r++) {
            List<String> competenceJson = new ArrayList<>();
            for (Duty duty : duties) {
                competenceJson.add(competence(duty, "\"countries\": [\"" + COUNTRIES[c] + "\"], \"regions\": [\""
                        + region(c, r) + "\"]", via));
            }
            entry(out, COUNTRIES[c] + "-" + family.code() + "-" + pad(r + 1, 2), family.kind(),
                    family.label() + " " + region(c, r), c, via == null, null, null, competenceJson, null);
        }
    }

    /** Each provider has one to four addressees that share the 26 taking part among them. */
    private void addressees(StringBuilder out) {
        List<Integer> taking = new ArrayList<>();
        for (int c = 0; c < COUNTRIES.length; c++) {
            if (takesPart(COUNTRIES[c], "E-EVIDENCE")) {
                taking.add(c);
            }
        }
        int[] perProvider = new int[PROVIDERS];
        int left = ADDRESSEES;
        for (int p = 0; p < PROVIDERS; p++) {
            perProvider[p] = 1;
            left--;
        }
        while (left > 0) {
            int p = random.nextInt(PROVIDERS);
            if (perProvider[p] < 4) {
                perProvider[p]++;
                left--;
            }
        }
        for (int p = 0; p < PROVIDERS; p++) {
            String provider = String.format("provider-%04d", p);
            List<Integer> shuffled = new ArrayList<>(taking);
            java.util.Collections.shuffle(shuffled, random);
            List<Integer> all = new ArrayList<>();
            for (int a = 0; a < perProvider[p]; a++) {
                List<Integer> share = new ArrayList<>();
                for (int i = a; i < shuffled.size(); i += perProvider[p]) {
                    share.add(shuffled.get(i));
                }
                share.sort(null);
                all.addAll(share);
                int home = share.get(0);
                StringBuilder countries = new StringBuilder();
                for (int c : share) {
                    countries.append(countries.isEmpty() ? "" : ", ").append('"').append(COUNTRIES[c]).append('"');
                }
                String kind = a % 2 == 0 ? "designated-establishment" : "legal-representative";
                entry(out, provider.toUpperCase() + "-" + COUNTRIES[home], kind, "Provider " + p + " - "
                                + kind.replace('-', ' ') + " in " + COUNTRIES[home], home, true, null, null,
                        List.of("{\"instrument\": \"E-EVIDENCE\", \"roles\": [\"addressee\"], \"area\": {\"countries\": ["
                                + countries + "]}, \"criteria\": {\"service-provider\": [\"" + provider + "\"]}}"),
                        provider);
            }
            providerCountries.add(all);
        }
    }

    private static String competence(Duty duty, String area, String via) {
        StringBuilder json = new StringBuilder("{\"instrument\": \"").append(duty.instrument()).append("\", \"roles\": [");
        for (int i = 0; i < duty.roles().size(); i++) {
            json.append(i == 0 ? "" : ", ").append('"').append(duty.roles().get(i)).append('"');
        }
        json.append("], \"area\": {").append(area).append('}');
        if (duty.criterion() != null) {
            json.append(", \"criteria\": {\"").append(duty.criterion()).append("\": [\"").append(duty.value())
                    .append("\"]}");
        }
        if (via != null) {
            json.append(", \"via\": \"").append(via).append('"');
        }
        return json.append('}').toString();
    }

    private void entry(StringBuilder out, String id, String kind, String name, int c, boolean address, String from,
                       String until, List<String> competenceJson, String provider) {
        String[] languages = LANGUAGES[c];
        out.append("{\"id\": \"").append(id).append("\", \"kind\": \"").append(kind).append("\", \"names\": {\"")
                .append(languages[0]).append("\": \"").append(name).append('"');
        if (!languages[0].equals("en")) {
            out.append(", \"en\": \"").append(name).append('"');
        }
        out.append("}, \"languages\": [");
        for (int i = 0; i < languages.length; i++) {
            out.append(i == 0 ? "" : ", ").append('"').append(languages[i]).append('"');
        }
        // a third accept English as well
        if (written % 3 == 0 && !List.of(languages).contains("en")) {
            out.append(", \"en\"");
        }
        out.append(']');
        if (address) {
            String lower = id.toLowerCase();
            out.append(", \"address\": {\"finalRecipient\": \"urn:lexbridge:authority:").append(lower)
                    .append("\", \"partyId\": \"").append(provider != null ? provider : "justice-" + COUNTRIES[c]
                            .toLowerCase()).append("\", \"partyIdType\": \"").append(UNREGISTERED).append("\"}");
        }
        if (from != null) {
            out.append(", \"validFrom\": \"").append(from).append('"');
        }
        if (until != null) {
            out.append(", \"validUntil\": \"").append(until).append('"');
        }
        if (provider != null) {
            out.append(", \"serviceProvider\": \"").append(provider).append('"');
        }
        out.append(", \"competences\": [");
        for (int i = 0; i < competenceJson.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(competenceJson.get(i));
        }
        out.append("]},\n");
        ids.add(id);
        written++;
        competences += competenceJson.size();
    }

    /** {@code n} ranges covering 00000–99999: {@code n - 1} distinct cuts, sorted, with 0 and 100000 at the ends. */
    private int[] cuts(int n) {
        boolean[] taken = new boolean[100_000];
        int[] cuts = new int[n + 1];
        for (int i = 1; i < n; i++) {
            int cut;
            do {
                cut = 1 + random.nextInt(99_999);
            } while (taken[cut]);
            taken[cut] = true;
            cuts[i] = cut;
        }
        cuts[n] = 100_000;
        java.util.Arrays.sort(cuts, 1, n);
        return cuts;
    }

    private static String range(int[] cuts, int i) {
        int from = cuts[i];
        int to = cuts[i + 1] - 1;
        return from == to ? "\"" + pad(from, 5) + "\""
                : "{\"from\": \"" + pad(from, 5) + "\", \"to\": \"" + pad(to, 5) + "\"}";
    }

    /** {@code value} in decimal, zeros before it to {@code width} digits. */
    static String pad(int value, int width) {
        String digits = Integer.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    private int[] permutation(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private static String region(int c, int r) {
        return COUNTRIES[c] + "-" + pad(r + 1, 2);
    }

    // ---------------------------------------------------------------------------------------------- queries

    /**
     * {@code count} queries, from their own fixed seed: of {@code kind}, or for {@code null} the mix (half postal,
     * a tenth country-only, 15 % by id, 15 % with criteria, a tenth matching nothing). Call after {@link #json()}.
     */
    List<TaggedQuery> queries(Kind kind, int count, long seed) {
        Random r = new Random(seed);
        List<TaggedQuery> queries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Kind k = kind;
            if (k == null) {
                int roll = r.nextInt(100);
                k = roll < 50 ? Kind.POSTAL : roll < 60 ? Kind.COUNTRY : roll < 75 ? Kind.ID : roll < 90 ? Kind.CRITERIA
                        : Kind.NONE;
            }
            queries.add(new TaggedQuery(k, query(k, r)));
        }
        return queries;
    }

    private RecipientQuery query(Kind kind, Random r) {
        return switch (kind) {
            case POSTAL -> {
                int c = country(r);
                Family family;
                List<Duty> duties;
                do {
                    family = POSTAL.get(r.nextInt(POSTAL.size()));
                    duties = duties(family, COUNTRIES[c]);
                } while (duties.isEmpty());
                Duty duty = duties.get(r.nextInt(duties.size()));
                String role = duty.roles().get(r.nextInt(duty.roles().size()));
                String postalCode = String.format("%05d", r.nextInt(100_000));
                String region = r.nextInt(10) < 3 ? region(c, r.nextInt(regions[c])) : null;
                String language = r.nextBoolean() ? LANGUAGES[c][0] : null;
                yield new RecipientQuery(new Instrument(duty.instrument()), AuthorityRole.of(role), null,
                        COUNTRIES[c], region, postalCode, null, language, null);
            }
            case COUNTRY -> {
                int c = country(r);
                // two in three for a local family (hundreds to thousands undecided), one for a regional one
                List<Family> families = r.nextInt(3) < 2 ? POSTAL : REGIONAL.subList(0, 2);
                Family family;
                List<Duty> duties;
                do {
                    family = families.get(r.nextInt(families.size()));
                    duties = duties(family, COUNTRIES[c]);
                } while (duties.isEmpty());
                Duty duty = duties.get(0);
                yield new RecipientQuery(new Instrument(duty.instrument()), AuthorityRole.of(duty.roles().get(0)), null,
                        COUNTRIES[c], null, null, null, null, null);
            }
            case ID -> {
                String id = ids.get(r.nextInt(ids.size()));
                yield r.nextInt(3) == 0 && id.contains("-PROS-")
                        ? new RecipientQuery(new Instrument("EIO"), AuthorityRole.EXECUTING, id, null, null, null, null,
                        null, null)
                        : RecipientQuery.authority(id);
            }
            case CRITERIA -> {
                int roll = r.nextInt(3);
                if (roll < 2) {
                    int c;
                    do {
                        c = country(r);
                    } while (!takesPart(COUNTRIES[c], roll == 0 ? "EIO" : "EAW"));
                    String region = region(c, r.nextInt(regions[c]));
                    yield roll == 0
                            ? new RecipientQuery(new Instrument("EIO"), AuthorityRole.EXECUTING, null, COUNTRIES[c],
                            region, null, null, null, Map.of("measure", "interception"))
                            : new RecipientQuery(new Instrument("EAW"), AuthorityRole.ISSUING, null, COUNTRIES[c],
                            region, null, null, null, Map.of("urgency", "urgent"));
                }
                int p = r.nextInt(PROVIDERS);
                List<Integer> countries = providerCountries.get(p);
                int c = countries.get(r.nextInt(countries.size()));
                yield new RecipientQuery(new Instrument("E-EVIDENCE"), AuthorityRole.ADDRESSEE, null, COUNTRIES[c],
                        null, null, null, null, Map.of("service-provider", String.format("provider-%04d", p)));
            }
            case NONE -> {
                int roll = r.nextInt(4);
                int c = country(r);
                yield switch (roll) {
                    case 0 -> new RecipientQuery(new Instrument("EIO"), AuthorityRole.EXECUTING, null,
                            r.nextBoolean() ? "DK" : "IE", null, String.format("%05d", r.nextInt(100_000)), null, null,
                            null);
                    case 1 -> new RecipientQuery(new Instrument("EIO"), AuthorityRole.EXECUTING, null,
                            takesPart(COUNTRIES[c], "EIO") ? COUNTRIES[c] : "DE", null,
                            String.format("%04d", r.nextInt(10_000)), null, null, null);
                    case 2 -> RecipientQuery.authority(COUNTRIES[c] + "-PROS-9" + String.format("%04d", r.nextInt(10_000)));
                    default -> new RecipientQuery(new Instrument("E-EVIDENCE"), AuthorityRole.ADDRESSEE, null,
                            takesPart(COUNTRIES[c], "E-EVIDENCE") ? COUNTRIES[c] : "DE", null, null, null, null,
                            Map.of("service-provider", "provider-unknown"));
                };
            }
        };
    }

    /** A country, in proportion to population: where traffic goes. */
    private int country(Random r) {
        int roll = r.nextInt(cumulativePopulation[COUNTRIES.length - 1]);
        for (int c = 0; c < COUNTRIES.length; c++) {
            if (roll < cumulativePopulation[c]) {
                return c;
            }
        }
        throw new IllegalStateException();
    }

    /** For the report: members per postal family in a country. */
    Map<String, Integer> postalMembers(String country) {
        int c = List.of(COUNTRIES).indexOf(country);
        Map<String, Integer> members = new LinkedHashMap<>();
        for (int f = 0; f < POSTAL.size(); f++) {
            members.put(POSTAL.get(f).code(), postalMembers[f][c]);
        }
        return members;
    }
}

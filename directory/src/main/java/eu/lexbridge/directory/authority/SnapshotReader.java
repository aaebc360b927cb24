package eu.lexbridge.directory.authority;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.lexbridge.core.authority.AuthorityRole;
import eu.lexbridge.core.authority.EcodexAddress;
import eu.lexbridge.core.authority.Instrument;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a directory snapshot's JSON ({@code lexbridge-directory/1}, described in {@code docs/directory-api.md}) and
 * checks every value, naming the first that does not hold by its place in the document. It streams: one authority
 * is held as a tree at a time, so a snapshot of a hundred thousand authorities costs the records it makes.
 *
 * <p>Closed to what a parser can be made to do: a duplicate member, a member it does not know, strings or nesting
 * past bounds are refused.
 */
public final class SnapshotReader {

    public static final String FORMAT = "lexbridge-directory/1";

    private static final Pattern ID = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._/'-]{0,99}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern REGION = Pattern.compile("[A-Z]{2}-[A-Z0-9]{1,3}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final int MAX_TEXT = 500;

    private final ObjectMapper mapper;

    public SnapshotReader() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxStringLength(4096)
                        .maxNumberLength(32).build())
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // the rest of the file is read after the object, for its digest
                .disable(com.fasterxml.jackson.core.StreamReadFeature.AUTO_CLOSE_SOURCE)
                .build();
        this.mapper = new ObjectMapper(factory);
    }

    /**
     * @param json the snapshot's JSON; read to its end (its SHA-256 is the snapshot's)
     * @throws SnapshotRefusedException naming the first value that does not hold
     */
    public Snapshot read(InputStream json) {
        MessageDigest sha256 = sha256();
        try (DigestInputStream in = new DigestInputStream(json, sha256);
             JsonParser parser = mapper.getFactory().createParser(in)) {
            Header header = new Header();
            List<AuthorityEntry> authorities = new ArrayList<>();
            expect(parser.nextToken() == JsonToken.START_OBJECT, "the snapshot is not a JSON object");
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "authorities" -> {
                        expect(value == JsonToken.START_ARRAY, "authorities is not an array");
                        while (parser.nextToken() == JsonToken.START_OBJECT) {
                            String path = "authorities[" + authorities.size() + "]";
                            authorities.add(authority(parser.readValueAsTree(), path));
                        }
                        expect(parser.currentToken() == JsonToken.END_ARRAY, "authorities holds a value that is not "
                                + "an object");
                    }
                    case "format", "version", "published", "publisher" -> header.put(field, parser.readValueAsTree());
                    default -> throw refused(field, "is not a member of a snapshot");
                }
            }
            expect(parser.nextToken() == null, "the snapshot goes on after its object");
            while (in.read() >= 0) {
                // whitespace after the object: part of the file, so part of its digest
            }
            return header.snapshot(HexFormat.of().formatHex(sha256.digest()), checked(authorities));
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new SnapshotRefusedException("the snapshot is not valid JSON" + (at == null ? "" : " at line "
                    + at.getLineNr() + ", column " + at.getColumnNr()) + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new SnapshotRefusedException("the snapshot cannot be read: " + e.getMessage(), e);
        }
    }

    /** The members before or after the authorities, checked once all are read. */
    private static final class Header {
        private final Map<String, JsonNode> members = new HashMap<>();

        void put(String field, JsonNode value) {
            members.put(field, value);
        }

        Snapshot snapshot(String sha256, List<AuthorityEntry> authorities) {
            String format = text(members.get("format"), "format", true);
            if (!FORMAT.equals(format)) {
                throw refused("format", "is '" + format + "', not " + FORMAT);
            }
            JsonNode version = members.get("version");
            if (version == null || !version.canConvertToExactIntegral() || !version.canConvertToLong()
                    || version.asLong() < 1) {
                throw refused("version", "must be a whole number from 1 (the publisher's sequence)");
            }
            Instant published;
            try {
                published = Instant.parse(text(members.get("published"), "published", true));
            } catch (DateTimeParseException e) {
                throw refused("published", "is not an instant such as 2026-12-01T00:00:00Z");
            }
            return new Snapshot(version.asLong(), published, text(members.get("publisher"), "publisher", true),
                    sha256, authorities);
        }
    }

    private AuthorityEntry authority(JsonNode node, String path) {
        known(node, path, "id", "kind", "names", "languages", "address", "validFrom", "validUntil",
                "serviceProvider", "competences");
        String id = matching(node.get("id"), path + ".id", ID, "1 to 100 letters, digits, spaces or . _ / ' -");
        AuthorityKind kind;
        try {
            kind = AuthorityKind.of(text(node.get("kind"), path + ".kind", true));
        } catch (IllegalArgumentException e) {
            throw refused(path + ".kind", e.getMessage());
        }
        Map<String, String> names = new LinkedHashMap<>();
        JsonNode nameNode = object(node.get("names"), path + ".names", true);
        for (Iterator<Map.Entry<String, JsonNode>> it = nameNode.fields(); it.hasNext(); ) {
            var name = it.next();
            String at = path + ".names." + name.getKey();
            if (!LANGUAGE.matcher(name.getKey()).matches()) {
                throw refused(at, "is not named by an ISO 639-1 language");
            }
            names.put(name.getKey(), text(name.getValue(), at, true));
        }
        if (names.isEmpty()) {
            throw refused(path + ".names", "must give the name in at least one language");
        }
        List<String> languages = List.copyOf(strings(node.get("languages"), path + ".languages", LANGUAGE,
                "an ISO 639-1 language such as de"));
        EcodexAddress address = address(node.get("address"), path + ".address");
        LocalDate from = date(node.get("validFrom"), path + ".validFrom");
        LocalDate until = date(node.get("validUntil"), path + ".validUntil");
        if (from != null && until != null && until.isBefore(from)) {
            throw refused(path + ".validUntil", "is before validFrom");
        }
        String provider = text(node.get("serviceProvider"), path + ".serviceProvider", false);
        boolean addressee = kind == AuthorityKind.DESIGNATED_ESTABLISHMENT || kind == AuthorityKind.LEGAL_REPRESENTATIVE;
        if (addressee != (provider != null)) {
            throw refused(path + ".serviceProvider", addressee ? "is required of a " + kind.code()
                    : "is only for a designated establishment or a legal representative");
        }
        JsonNode competenceNodes = node.get("competences");
        if (competenceNodes == null || !competenceNodes.isArray() || competenceNodes.isEmpty()) {
            throw refused(path + ".competences", "must list at least one competence");
        }
        List<Competence> competences = new ArrayList<>();
        for (int i = 0; i < competenceNodes.size(); i++) {
            Competence competence = competence(competenceNodes.get(i), path + ".competences[" + i + "]");
            if (competence.via() == null && address == null) {
                throw refused(path + ".competences[" + i + "]", "has no via, and the authority has no address");
            }
            competences.add(competence);
        }
        return new AuthorityEntry(id, kind, names, languages, address, from, until, provider, competences);
    }

    private Competence competence(JsonNode node, String path) {
        object(node, path, true);
        known(node, path, "instrument", "roles", "area", "criteria", "via");
        Instrument instrument;
        try {
            instrument = new Instrument(text(node.get("instrument"), path + ".instrument", true));
        } catch (IllegalArgumentException e) {
            throw refused(path + ".instrument", e.getMessage());
        }
        Set<AuthorityRole> roles = new LinkedHashSet<>();
        JsonNode roleNodes = node.get("roles");
        if (roleNodes == null || !roleNodes.isArray() || roleNodes.isEmpty()) {
            throw refused(path + ".roles", "must list at least one role");
        }
        for (int i = 0; i < roleNodes.size(); i++) {
            try {
                roles.add(AuthorityRole.of(text(roleNodes.get(i), path + ".roles[" + i + "]", true)));
            } catch (IllegalArgumentException e) {
                throw refused(path + ".roles[" + i + "]", e.getMessage());
            }
        }
        Area area = area(node.get("area"), path + ".area");
        Map<String, Set<String>> criteria = new LinkedHashMap<>();
        JsonNode criteriaNode = object(node.get("criteria"), path + ".criteria", false);
        if (criteriaNode != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = criteriaNode.fields(); it.hasNext(); ) {
                var criterion = it.next();
                String at = path + ".criteria." + criterion.getKey();
                if (!KEY.matcher(criterion.getKey()).matches()) {
                    throw refused(at, "is not a criterion's name (small letters, digits and -)");
                }
                Set<String> values = strings(criterion.getValue(), at, ID, "1 to 100 letters, digits, spaces or . _ / ' -");
                if (values.isEmpty()) {
                    throw refused(at, "must list at least one value");
                }
                criteria.put(criterion.getKey(), values);
            }
        }
        String via = node.has("via") ? matching(node.get("via"), path + ".via", ID, "an authority id") : null;
        return new Competence(instrument, roles, area, criteria, via);
    }

    private Area area(JsonNode node, String path) {
        object(node, path, true);
        known(node, path, "countries", "regions", "postalCodes", "named");
        Set<String> countries = strings(node.get("countries"), path + ".countries", COUNTRY,
                "two capital letters (ISO 3166-1)");
        Set<String> regions = strings(node.get("regions"), path + ".regions", REGION, "an ISO 3166-2 code such as DE-BE");
        for (String region : regions) {
            if (!countries.contains(region.substring(0, 2))) {
                throw refused(path + ".regions", "names " + region + " outside the area's countries");
            }
        }
        List<PostalRange> postalCodes = new ArrayList<>();
        JsonNode codes = node.get("postalCodes");
        if (codes != null) {
            if (!codes.isArray()) {
                throw refused(path + ".postalCodes", "is not an array");
            }
            if (!codes.isEmpty() && countries.size() != 1) {
                throw refused(path + ".postalCodes", "needs exactly one country: postal codes are a country's own");
            }
            for (int i = 0; i < codes.size(); i++) {
                String at = path + ".postalCodes[" + i + "]";
                JsonNode code = codes.get(i);
                try {
                    if (code.isObject()) {
                        known(code, at, "from", "to");
                        postalCodes.add(new PostalRange(text(code.get("from"), at + ".from", true),
                                text(code.get("to"), at + ".to", true)));
                    } else {
                        String single = text(code, at, true);
                        postalCodes.add(new PostalRange(single, single));
                    }
                } catch (IllegalArgumentException e) {
                    throw refused(at, e.getMessage());
                }
            }
        }
        Set<String> named = strings(node.get("named"), path + ".named", ID, "1 to 100 letters, digits, spaces or . _ / ' -");
        return new Area(countries, regions, postalCodes, named);
    }

    private static EcodexAddress address(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return null;
        }
        object(node, path, true);
        known(node, path, "finalRecipient", "partyId", "partyIdType");
        return new EcodexAddress(text(node.get("finalRecipient"), path + ".finalRecipient", true),
                text(node.get("partyId"), path + ".partyId", true),
                text(node.get("partyIdType"), path + ".partyIdType", true));
    }

    /** Every id once; every via names an authority with an address of its own. */
    private static List<AuthorityEntry> checked(List<AuthorityEntry> authorities) {
        Map<String, AuthorityEntry> byId = new HashMap<>();
        for (int i = 0; i < authorities.size(); i++) {
            if (byId.put(authorities.get(i).id(), authorities.get(i)) != null) {
                throw refused("authorities[" + i + "].id", "'" + authorities.get(i).id() + "' is given twice");
            }
        }
        for (int i = 0; i < authorities.size(); i++) {
            List<Competence> competences = authorities.get(i).competences();
            for (int c = 0; c < competences.size(); c++) {
                String via = competences.get(c).via();
                if (via == null) {
                    continue;
                }
                AuthorityEntry central = byId.get(via);
                if (central == null || central.address() == null) {
                    throw refused("authorities[" + i + "].competences[" + c + "].via", "'" + via + "' is "
                            + (central == null ? "no authority of the snapshot" : "an authority without an address"));
                }
            }
        }
        return authorities;
    }

    private static LocalDate date(JsonNode node, String path) {
        String text = text(node, path, false);
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw refused(path, "is not a date such as 2026-12-01");
        }
    }

    private static Set<String> strings(JsonNode node, String path, Pattern pattern, String expected) {
        Set<String> values = new LinkedHashSet<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (!node.isArray()) {
            throw refused(path, "is not an array");
        }
        for (int i = 0; i < node.size(); i++) {
            values.add(matching(node.get(i), path + "[" + i + "]", pattern, expected));
        }
        return values;
    }

    private static String matching(JsonNode node, String path, Pattern pattern, String expected) {
        String text = text(node, path, true);
        if (!pattern.matcher(text).matches()) {
            throw refused(path, "must be " + expected);
        }
        return text;
    }

    private static String text(JsonNode node, String path, boolean required) {
        if (node == null || node.isNull()) {
            if (required) {
                throw refused(path, "is required");
            }
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank() || node.asText().length() > MAX_TEXT
                || node.asText().chars().anyMatch(Character::isISOControl)) {
            throw refused(path, "must be text of 1 to " + MAX_TEXT + " characters without control characters");
        }
        return node.asText();
    }

    private static JsonNode object(JsonNode node, String path, boolean required) {
        if (node == null || node.isNull()) {
            if (required) {
                throw refused(path, "is required");
            }
            return null;
        }
        if (!node.isObject()) {
            throw refused(path, "is not an object");
        }
        return node;
    }

    private static void known(JsonNode node, String path, String... members) {
        Set<String> allowed = new HashSet<>(List.of(members));
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                throw refused(path + "." + name, "is not a member here");
            }
        }
    }

    private static void expect(boolean condition, String sentence) {
        if (!condition) {
            throw new SnapshotRefusedException(sentence);
        }
    }

    private static SnapshotRefusedException refused(String path, String problem) {
        return new SnapshotRefusedException(path + " " + problem);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}

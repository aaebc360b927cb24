package eu.lexbridge.directory.authority;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Snapshot JSON for tests: a header around authorities written as JSON text. */
final class SnapshotJson {

    static final String ADDRESS_TYPE = "urn:oasis:names:tc:ebcore:partyid-type:unregistered";

    private SnapshotJson() {
    }

    static String snapshot(long version, List<String> authorities) {
        return """
                {"format":"lexbridge-directory/1","version":%d,"published":"2026-12-01T00:00:00Z",
                 "publisher":"test publisher","authorities":[%s]}
                """.formatted(version, String.join(",\n", authorities));
    }

    static byte[] bytes(long version, List<String> authorities) {
        return snapshot(version, authorities).getBytes(StandardCharsets.UTF_8);
    }

    /** An authority reached at its own address, with the competences given as JSON objects. */
    static String authority(String id, String kind, String partyId, String... competences) {
        return """
                {"id":"%1$s","kind":"%2$s","names":{"en":"Authority %1$s"},"languages":["de","en"],
                 "address":{"finalRecipient":"urn:authority:%1$s","partyId":"%3$s","partyIdType":"%4$s"},
                 "competences":[%5$s]}""".formatted(id, kind, partyId, ADDRESS_TYPE, String.join(",", competences));
    }

    static String competence(String instrument, String role, String area) {
        return "{\"instrument\":\"" + instrument + "\",\"roles\":[\"" + role + "\"],\"area\":" + area + "}";
    }
}

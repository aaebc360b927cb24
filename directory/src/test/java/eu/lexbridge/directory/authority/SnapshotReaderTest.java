package eu.lexbridge.directory.authority;

import static eu.lexbridge.directory.authority.SnapshotJson.authority;
import static eu.lexbridge.directory.authority.SnapshotJson.competence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.core.authority.AuthorityRole;
import eu.lexbridge.core.authority.Instrument;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SnapshotReaderTest {

    private static final String BERLIN = competence("EIO", "executing",
            "{\"countries\":[\"DE\"],\"regions\":[\"DE-BE\"],\"postalCodes\":[{\"from\":\"10115\",\"to\":\"14199\"},"
                    + "\"14532\"],\"named\":[\"Berlin\"]}");

    private static Snapshot read(String json) {
        return new SnapshotReader().read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aSnapshotIsReadWithEveryPartOfItsAuthorities() throws Exception {
        String json = SnapshotJson.snapshot(42, List.of(authority("DE-STA-BERLIN", "prosecutor", "de-court", BERLIN,
                "{\"instrument\":\"EAW\",\"roles\":[\"issuing\",\"executing\"],\"area\":{\"countries\":[\"DE\"]},"
                        + "\"criteria\":{\"urgency\":[\"urgent\"]}}")));

        Snapshot snapshot = read(json);

        assertThat(snapshot.version()).isEqualTo(42);
        assertThat(snapshot.published()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(snapshot.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(json.getBytes(StandardCharsets.UTF_8))));
        AuthorityEntry berlin = snapshot.authorities().get(0);
        assertThat(berlin.kind()).isEqualTo(AuthorityKind.PROSECUTOR);
        assertThat(berlin.name()).isEqualTo("Authority DE-STA-BERLIN");
        assertThat(berlin.address().partyId()).isEqualTo("de-court");
        Competence eio = berlin.competences().get(0);
        assertThat(eio.instrument()).isEqualTo(new Instrument("EIO"));
        assertThat(eio.roles()).containsExactly(AuthorityRole.EXECUTING);
        assertThat(eio.area().postalCodes()).containsExactly(new PostalRange("10115", "14199"),
                new PostalRange("14532", "14532"));
        assertThat(eio.area().named()).containsExactly("Berlin");
        assertThat(berlin.competences().get(1).criteria()).containsEntry("urgency", java.util.Set.of("urgent"));
        assertThat(berlin.validOn(LocalDate.of(2026, 12, 5))).isTrue();
    }

    /** Each value that does not hold is refused by its place in the document. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"DE\"|\"Germany\"|authorities[0].competences[0].area.countries[0] must be two capital letters (ISO 3166-1)",
        "\"executing\"|\"judge\"|authorities[0].competences[0].roles[0] role 'judge' is none of",
        "\"DE-BE\"|\"FR-75\"|authorities[0].competences[0].area.regions names FR-75 outside the area's countries",
        "\"14199\"|\"1419\"|authorities[0].competences[0].area.postalCodes[0] postal-code range '10115' to '1419'",
        "\"prosecutor\"|\"judge\"|authorities[0].kind 'judge' is none of",
        "\"named\"|\"towns\"|authorities[0].competences[0].area.towns is not a member here",
        "\"de-court\"|\"\"|authorities[0].address.partyId must be text of 1 to 500 characters",
        "\"version\":42|\"version\":0|version must be a whole number from 1",
        "lexbridge-directory/1|lexbridge-directory/2|format is 'lexbridge-directory/2', not lexbridge-directory/1",
    })
    void aValueThatDoesNotHoldIsRefusedByItsPlace(String from, String to, String message) {
        String json = SnapshotJson.snapshot(42, List.of(authority("DE-STA-BERLIN", "prosecutor", "de-court",
                BERLIN))).replace(from, to);

        assertThatThrownBy(() -> read(json)).isInstanceOf(SnapshotRefusedException.class)
                .hasMessageStartingWith(message);
    }

    /** A file's stream, unlike a byte array's, cannot be read once closed. */
    @Test
    void aSnapshotIsReadFromAFileToItsEnd(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder)
            throws Exception {
        var file = folder.resolve("directory.json");
        java.nio.file.Files.writeString(file, SnapshotJson.snapshot(3, List.of(authority("A", "court", "p", BERLIN)))
                + "\n\n");

        try (var in = java.nio.file.Files.newInputStream(file)) {
            assertThat(new SnapshotReader().read(in).sha256()).isEqualTo(HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(java.nio.file.Files.readAllBytes(file))));
        }
    }

    @Test
    void twoAuthoritiesWithOneIdAreRefused() {
        String json = SnapshotJson.snapshot(1, List.of(authority("A", "court", "p", BERLIN),
                authority("A", "court", "p", BERLIN)));

        assertThatThrownBy(() -> read(json)).hasMessage("authorities[1].id 'A' is given twice");
    }

    @Test
    void aCompetenceThroughAnUnknownCentralAuthorityIsRefused() {
        String json = SnapshotJson.snapshot(1, List.of(authority("A", "court", "p",
                "{\"instrument\":\"EIO\",\"roles\":[\"executing\"],\"area\":{\"countries\":[\"IE\"]},\"via\":\"X\"}")));

        assertThatThrownBy(() -> read(json)).hasMessage("authorities[0].competences[0].via 'X' is no authority of "
                + "the snapshot");
    }

    @Test
    void anAddresseeNamesItsServiceProviderAndOnlyAnAddresseeDoes() {
        String provider = authority("LR-1", "legal-representative", "p", competence("E-EVIDENCE", "addressee",
                "{\"countries\":[\"DE\",\"FR\"]}"));

        assertThatThrownBy(() -> read(SnapshotJson.snapshot(1, List.of(provider)))).hasMessage(
                "authorities[0].serviceProvider is required of a legal-representative");
        assertThat(read(SnapshotJson.snapshot(1, List.of(provider.replace("\"kind\"",
                "\"serviceProvider\":\"Example Mail Ltd\",\"kind\"")))).authorities().get(0).serviceProvider())
                .isEqualTo("Example Mail Ltd");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[]|the snapshot is not a JSON object",
        "{\"format\":\"lexbridge-directory/1\",\"format\":\"x\"}|the snapshot is not valid JSON at line 1",
        "{\"authorities\":[1]}|authorities holds a value that is not an object",
        "{\"extra\":1}|extra is not a member of a snapshot",
        "{\"authorities\":[]} {}|the snapshot goes on after its object",
    })
    void aDocumentThatIsNoSnapshotIsRefused(String json, String message) {
        assertThatThrownBy(() -> read(json)).isInstanceOf(SnapshotRefusedException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void nestingPastItsBoundIsRefusedBeforeItIsBuilt() {
        String deep = "[".repeat(100) + "]".repeat(100);
        String json = "{\"format\":" + deep + "}";

        assertThatThrownBy(() -> read(json)).isInstanceOf(SnapshotRefusedException.class)
                .hasMessageContaining("nesting depth");
    }
}

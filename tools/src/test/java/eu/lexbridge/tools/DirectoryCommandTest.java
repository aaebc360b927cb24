package eu.lexbridge.tools;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.trust.pki.GeneratedPki;
import eu.lexbridge.trust.pki.SharedTestPki;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lexbridge directory sign} and {@code find} on the sample directory, sealed on a generated test PKI. */
class DirectoryCommandTest {

    private static final String PASSWORD = "directory-cli-Pa55";

    @TempDir
    static Path dir;
    private static GeneratedPki pki;
    private static Path snapshot;

    @BeforeAll
    static void sealTheSample() throws Exception {
        pki = SharedTestPki.copyTo(dir.resolve("pki"), List.of("a"), PASSWORD.toCharArray());
        Path json = dir.resolve("directory.json");
        try (InputStream in = DirectoryCommandTest.class.getResourceAsStream("/demo/directory.json")) {
            Files.write(json, in.readAllBytes());
        }
        snapshot = dir.resolve("directory.asics");
        CliRun sign = CliRun.of("directory", "sign", json.toString(), "--out", snapshot.toString(), "--pki",
                dir.resolve("pki").toString(), "--password=" + PASSWORD);
        assertThat(sign.exit()).as(sign.err()).isZero();
        assertThat(sign.out()).contains("sealed snapshot 1 (107 authorities, SHA-256 ");
    }

    private static CliRun find(String... query) {
        List<String> args = new java.util.ArrayList<>(List.of("directory", "find", "--snapshot", snapshot.toString(),
                "--publisher", pki.directoryPublisher().certificate().toString(), "--on", "2026-12-05"));
        args.addAll(List.of(query));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void findNamesTheOneCompetentAuthorityAndWhy() {
        CliRun run = find("--instrument", "EIO", "--role", "executing", "--country", "DE", "--postal-code", "10115");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("searched instrument EIO, role executing, country DE, postal code 10115 in "
                + "directory snapshot 1 of 2026-12-01T00:00:00Z", "match: DE-STA-BERLIN", "at party de-court",
                "because: EIO executing; postal code 10115 in 10115-14199");
    }

    @Test
    void aPlaceThatDoesNotDecideListsTheCandidatesAndExitsOne() {
        CliRun run = find("--instrument", "E-EVIDENCE", "--role", "enforcing", "--country", "DE");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("undecided: DE-LG-BERLIN-I", "the query does not say which part")
                .doesNotContain("match:");
    }

    @Test
    void aBadQueryOrAnotherPublishersSnapshotExitsTwo() {
        CliRun badRole = find("--instrument", "EIO", "--role", "judge", "--country", "DE");
        assertThat(badRole.exit()).isEqualTo(2);
        assertThat(badRole.err()).contains("role 'judge' is none of");

        CliRun otherPublisher = CliRun.of("directory", "find", "--snapshot", snapshot.toString(), "--publisher",
                pki.caCertificate().toString().replace("ca.crt", "a/seal.crt"), "--instrument", "EIO", "--role",
                "executing");
        assertThat(otherPublisher.exit()).isEqualTo(2);
        assertThat(otherPublisher.err()).contains("the snapshot's seal is not accepted");
    }

    @Test
    void signRefusesJsonThatDoesNotHoldNamingWhere() throws Exception {
        Path bad = dir.resolve("bad.json");
        try (InputStream in = DirectoryCommandTest.class.getResourceAsStream("/demo/directory.json")) {
            Files.writeString(bad, new String(in.readAllBytes()).replaceFirst("\"countries\": \\[\"AT\"\\]",
                    "\"countries\": [\"Austria\"]"));
        }

        CliRun run = CliRun.of("directory", "sign", bad.toString(), "--out", dir.resolve("bad.asics").toString(),
                "--pki", dir.resolve("pki").toString(), "--password=" + PASSWORD);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("authorities[0].competences[0].area.countries[0] must be two capital letters");
        assertThat(dir.resolve("bad.asics")).doesNotExist();
    }
}

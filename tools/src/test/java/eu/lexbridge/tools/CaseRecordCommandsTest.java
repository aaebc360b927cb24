package eu.lexbridge.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code record-transmission} and {@code timeline} against a back-end API on loopback that answers as the connector
 * does: what they send, and their exit codes — 0 taken, 2 refused with the sentence and the field, 1 the connector
 * cannot be used. (The commands against a real connector: KeepRunningDemoIT.)
 */
class CaseRecordCommandsTest {

    @TempDir
    Path dir;

    private ScriptedServer server;

    @BeforeEach
    void startApi() throws IOException {
        server = ScriptedServer.below("/api/v1/");
        Files.writeString(dir.resolve("token"), "court-a-token\n");
        Files.writeString(dir.resolve("data.bin"), "the data");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String apiAddress() {
        return server.address();
    }

    private CliRun record(String... more) {
        List<String> args = new ArrayList<>(List.of("record-transmission", "--api", apiAddress(), "--token-file",
                dir.resolve("token").toString(), "--conversation", "conv-1", "--transmitted-at",
                "2026-12-06T09:30:00+01:00", "--sender", "AT", "--recipient", "DE", "--reason", "data-size",
                "--channel", "courier", "--instrument", "E-EVIDENCE", "--form", "EPOC data"));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void aFileIsRecordedByItsNameSizeAndSha256ReadFromIt() {
        server.answer(201, "{\"recordId\":\"r-1\"}");

        CliRun run = record("--file", dir.resolve("data.bin").toString(), "--backend-record-id", "OFF-1");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"recordId\" : \"r-1\"");
        assertThat(server.requests()).singleElement().satisfies(request -> assertThat(request)
                .startsWith("POST /api/v1/records Bearer court-a-token {")
                .contains("\"fileName\":\"data.bin\"", "\"fileSize\":8", "\"algorithm\":\"SHA-256\"",
                        // SHA-256 of "the data"
                        "\"value\":\"" + sha256("the data") + "\"", "\"transmittedAt\":\"2026-12-06T09:30+01:00\"",
                        "\"backendRecordId\":\"OFF-1\""));
    }

    @Test
    void aRefusalExitsTwoWithTheSentenceAndTheField() {
        server.answer(400, "{\"code\":\"LB-1002\",\"field\":\"transmittedAt\",\"detail\":\"transmittedAt is in the future\"}");

        CliRun run = record("--file-name", "x.zip", "--file-size", "5", "--content-hash", "ab".repeat(32));

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("refused (400): transmittedAt is in the future (field transmittedAt) "
                + "[LB-1002]");
    }

    @Test
    void aConnectorThatCannotBeUsedExitsOne() {
        server.answer(503, "{\"code\":\"LB-2002\",\"detail\":\"unavailable\"}");
        assertThat(record("--file", dir.resolve("data.bin").toString()).exit()).isEqualTo(1);

        server.close();
        CliRun down = record("--file", dir.resolve("data.bin").toString());
        assertThat(down.exit()).isEqualTo(1);
        assertThat(down.err()).contains("cannot be used");
    }

    @Test
    void anUnknownConversationsTimelineExitsTwo() {
        server.answer(404, "{\"code\":\"LB-1102\",\"field\":\"conversationId\",\"detail\":\"there is no such conversation\"}");

        CliRun run = CliRun.of("timeline", "conv/with slash", "--api", apiAddress(), "--token-file",
                dir.resolve("token").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("there is no such conversation");
        assertThat(server.requests()).singleElement().satisfies(request -> assertThat(request)
                .startsWith("GET /api/v1/conversations/conv%2Fwith%20slash/timeline Bearer court-a-token"));
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package eu.lexbridge.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code partner hold|release|holds}, {@code messages resend}, {@code dlq list|replay|discard} and {@code availability} against a management port on loopback that answers
 * as the connector does: the request they make and their exit codes — 0 done, 2 refused (with the sentence), 1 the
 * connector cannot be used. (The endpoints themselves: ManagementOperationsTest in connector-app.)
 */
class OperatorCommandsTest {

    @TempDir
    Path dir;

    private static final String OPERATOR = "Basic b3BlcmF0b3I6b3BlcmF0b3Itc2VjcmV0";

    private ScriptedServer server;

    @BeforeEach
    void startManagement() throws IOException {
        server = ScriptedServer.below("/actuator/");
        Files.writeString(dir.resolve("password"), "operator-secret\n");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRun run(String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("--management", server.address(),
                "--password-file", dir.resolve("password").toString()));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void aPartnerIsHeldWithTheReasonAndReleased() {
        server.answer(200, "{\"partner\":\"de-court\",\"heldBy\":\"operator\"}");

        CliRun held = run("partner", "hold", "de-court", "--reason", "maintenance 08:00-12:00");
        CliRun listed = run("partner", "holds");
        CliRun released = run("partner", "release", "de-court");

        assertThat(held.exit()).as(held.err()).isZero();
        assertThat(held.out()).contains("\"heldBy\" : \"operator\"");
        assertThat(listed.exit()).isZero();
        assertThat(released.exit()).isZero();
        assertThat(server.requests()).containsExactly(
                "POST /actuator/holds/de-court " + OPERATOR + " {\"reason\":\"maintenance 08:00-12:00\"}",
                "GET /actuator/holds " + OPERATOR + " ",
                "DELETE /actuator/holds/de-court " + OPERATOR + " ");
    }

    @Test
    void aRefusalIsExitTwoWithTheSentenceAndALoginRefusedIsExitOne() {
        server.answer(404, "{\"code\":\"LB-1104\",\"detail\":\"no partner is named 'xx'\"}");
        CliRun unknown = run("partner", "hold", "xx");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("answered 404: no partner is named 'xx'");

        server.answer(409, "{\"code\":\"LB-1303\",\"detail\":\"message m is outbound and SENT; only an outbound "
                + "message whose send failed (RELAY_FAILED) can be sent again\"}");
        CliRun notFailed = run("messages", "resend", "7a1e0d52-9c3b-4f0e-8d7a-1b2c3d4e5f60");
        assertThat(notFailed.exit()).isEqualTo(2);
        assertThat(notFailed.err()).contains("only an outbound message whose send failed");
        assertThat(server.requests()).last()
                .isEqualTo("POST /actuator/resend/7a1e0d52-9c3b-4f0e-8d7a-1b2c3d4e5f60 " + OPERATOR + " {}");

        server.answer(403, "{}");
        assertThat(run("messages", "resend", "7a1e0d52-9c3b-4f0e-8d7a-1b2c3d4e5f60").exit()).isEqualTo(1);
    }

    @Test
    void aFailedMessageIsResent() {
        server.answer(200, "{\"connectorMessageId\":\"7a1e0d52-9c3b-4f0e-8d7a-1b2c3d4e5f60\",\"state\":\"ACCEPTED\"}");

        CliRun resent = run("messages", "resend", "7a1e0d52-9c3b-4f0e-8d7a-1b2c3d4e5f60");

        assertThat(resent.exit()).as(resent.err()).isZero();
        assertThat(resent.out()).contains("\"state\" : \"ACCEPTED\"");
    }

    @Test
    void aDeadLetterIsListedReplayedAndDiscardedByItsQueueAndBrokerId() {
        server.answer(200, "{\"count\":1,\"deadLetters\":[{\"queue\":\"lexbridge.outbound.dispatch\"}]}");

        CliRun listed = run("dlq", "list");
        CliRun replayed = run("dlq", "replay", "lexbridge.outbound.dispatch", "ID:5b1e-77");
        CliRun discarded = run("dlq", "discard", "lexbridge.inbound.received", "ID:9c2f-01");

        assertThat(listed.exit()).as(listed.err()).isZero();
        assertThat(listed.out()).contains("\"queue\" : \"lexbridge.outbound.dispatch\"");
        assertThat(replayed.exit()).isZero();
        assertThat(discarded.exit()).isZero();
        assertThat(server.requests()).containsExactly(
                "GET /actuator/deadletters " + OPERATOR + " ",
                "POST /actuator/deadletters/lexbridge.outbound.dispatch/ID%3A5b1e-77 " + OPERATOR + " {}",
                "DELETE /actuator/deadletters/lexbridge.inbound.received/ID%3A9c2f-01 " + OPERATOR + " ");

        server.answer(404, "{\"code\":\"LB-1105\",\"detail\":\"no dead letter ID:5b1e-77 of "
                + "lexbridge.outbound.dispatch (replayed or discarded already?)\"}");
        CliRun again = run("dlq", "replay", "lexbridge.outbound.dispatch", "ID:5b1e-77");
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("replayed or discarded already?");
    }

    @Test
    void messagesAreSearchedByTheirCriteriaAndOneIsShownByItsId() {
        server.answer(200, "{\"count\":0,\"messages\":[]}");

        CliRun searched = run("messages", "search", "--conversation", "case 2026/417", "--state", "RELAY_FAILED",
                "--limit", "10");
        CliRun shown = run("messages", "show", "05a8f20e-846c@lexbridge.at.test");

        assertThat(searched.exit()).as(searched.err()).isZero();
        assertThat(shown.exit()).isZero();
        assertThat(server.requests()).containsExactly(
                "GET /actuator/messages?conversation=case+2026%2F417&state=RELAY_FAILED&limit=10 " + OPERATOR + " ",
                "GET /actuator/messages/05a8f20e-846c%40lexbridge.at.test " + OPERATOR + " ");
    }

    @Test
    void theAvailabilityOfAMonthAndTheOutagesAreAskedForAndAMonthRefusedIsExitTwo() {
        server.answer(200, "{\"month\":{\"period\":\"2026-11\",\"ratio\":0.9991}}");

        CliRun month = run("availability", "--month", "2026-11");
        CliRun current = run("availability");
        CliRun outages = run("availability", "outages");

        assertThat(month.exit()).as(month.err()).isZero();
        assertThat(month.out()).contains("\"ratio\" : 0.9991");
        assertThat(current.exit()).isZero();
        assertThat(outages.exit()).isZero();
        assertThat(server.requests()).containsExactly(
                "GET /actuator/availability?month=2026-11 " + OPERATOR + " ",
                "GET /actuator/availability " + OPERATOR + " ",
                "GET /actuator/availability/outages " + OPERATOR + " ");

        server.answer(400, "{\"code\":\"LB-1002\",\"detail\":\"month is a month as YYYY-MM, from 2026-01 to a "
                + "year from now\"}");
        CliRun refused = run("availability", "--month", "11/2026");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("month is a month as YYYY-MM");
    }
}

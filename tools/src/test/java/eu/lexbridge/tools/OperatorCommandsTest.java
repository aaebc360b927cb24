package eu.lexbridge.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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
 * {@code partner hold|release|holds} and {@code messages resend} against a management port on loopback that answers
 * as the connector does: the request they make and their exit codes — 0 done, 2 refused (with the sentence), 1 the
 * connector cannot be used. (The endpoints themselves: BackendRulesManagementTest in connector-app.)
 */
class OperatorCommandsTest {

    @TempDir
    Path dir;

    private HttpServer server;
    private final List<String> requests = new ArrayList<>();
    private int status;
    private String answer;

    @BeforeEach
    void startManagement() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/actuator/", this::answer);
        server.start();
        Files.writeString(dir.resolve("password"), "operator-secret\n");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        byte[] body = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private CliRun run(String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("--management", "http://127.0.0.1:" + server.getAddress().getPort(),
                "--password-file", dir.resolve("password").toString()));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void aPartnerIsHeldWithTheReasonAndReleased() {
        status = 200;
        answer = "{\"partner\":\"de-court\",\"heldBy\":\"operator\"}";

        CliRun held = run("partner", "hold", "de-court", "--reason", "maintenance 08:00-12:00");
        CliRun listed = run("partner", "holds");
        CliRun released = run("partner", "release", "de-court");

        assertThat(held.exit()).as(held.err()).isZero();
        assertThat(held.out()).contains("\"heldBy\" : \"operator\"");
        assertThat(listed.exit()).isZero();
        assertThat(released.exit()).isZero();
        assertThat(requests).containsExactly(
                "POST /actuator/holds/de-court {\"reason\":\"maintenance 08:00-12:00\"}",
                "GET /actuator/holds ",
                "DELETE /actuator/holds/de-court ");
    }

    @Test
    void aRefusalIsExitTwoWithTheSentenceAndALoginRefusedIsExitOne() {
        status = 404;
        answer = "{\"code\":\"LB-1104\",\"detail\":\"no partner is named 'xx'\"}";
        CliRun unknown = run("partner", "hold", "xx");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("answered 404: no partner is named 'xx'");

        status = 409;
        answer = "{\"code\":\"LB-1303\",\"detail\":\"message m is outbound and SENT; only an outbound message whose "
                + "send failed (RELAY_FAILED) can be sent again\"}";
        CliRun notFailed = run("messages", "resend", "7a1e0d52-9c3b-4f0e-8d7a-1b2c3d4e5f60");
        assertThat(notFailed.exit()).isEqualTo(2);
        assertThat(notFailed.err()).contains("only an outbound message whose send failed");
        assertThat(requests).last().isEqualTo("POST /actuator/resend/7a1e0d52-9c3b-4f0e-8d7a-1b2c3d4e5f60 {}");

        status = 403;
        answer = "{}";
        assertThat(run("messages", "resend", "7a1e0d52-9c3b-4f0e-8d7a-1b2c3d4e5f60").exit()).isEqualTo(1);
    }

    @Test
    void aFailedMessageIsResent() {
        status = 200;
        answer = "{\"connectorMessageId\":\"7a1e0d52-9c3b-4f0e-8d7a-1b2c3d4e5f60\",\"state\":\"ACCEPTED\"}";

        CliRun resent = run("messages", "resend", "7a1e0d52-9c3b-4f0e-8d7a-1b2c3d4e5f60");

        assertThat(resent.exit()).as(resent.err()).isZero();
        assertThat(resent.out()).contains("\"state\" : \"ACCEPTED\"");
    }
}

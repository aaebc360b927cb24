package eu.lexbridge.backend.rest;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.core.testkit.GuideExamples;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * docs/integration-guide.md's REST examples, run with curl as a reader runs them, against this module's connector (the
 * real API on a real server, core flows on in-memory ports, the demo's service and partner). An example that no longer
 * answers what its comments promise, or stops the shell, fails the test.
 */
class IntegrationGuideExamplesTest extends ApiTestSupport {

    private static final Path GUIDE = Path.of("..", "..", "docs", "integration-guide.md");

    @LocalServerPort int port;

    @Test
    void theGuidesRestExamplesAnswerWhatTheyPromise(@TempDir Path work) throws Exception {
        UUID waiting = receive("urn:authority:court-a", XML, XML); // what the reader's inbox holds
        GuideExamples guide = GuideExamples.in(Files.readString(GUIDE, StandardCharsets.UTF_8), "rest");
        assertThat(guide.examples()).as("tested examples in the guide").hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(e -> assertThat(e.promised()).as("example at line " + e.line()).isNotEmpty());

        GuideExamples.Run run = guide.run(work, Map.of("LEXBRIDGE", "http://localhost:" + port, "TOKEN", COURT_A));

        assertThat(run.exitCode()).as("the examples' shell, which printed:\n" + run.output()).isZero();
        for (int i = 0; i < guide.examples().size(); i++) {
            GuideExamples.Example example = guide.examples().get(i);
            assertThat(run.statuses().get(i)).as("the statuses of the example at line " + example.line()
                    + " of the guide; the shell printed:\n" + run.output()).isEqualTo(example.promised());
        }
        // The examples did what they say, not only answered: a message submitted, the waiting one confirmed.
        assertThat(store.all()).filteredOn(m -> m.backendMessageId() != null && m.backendMessageId().startsWith("AT-"))
                .hasSize(1);
        assertThat(store.find(waiting).orElseThrow().state().name()).isEqualTo("RETRIEVED_BY_BACKEND");
        assertThat(work.resolve("received-form.xml")).hasBinaryContent(XML);
    }

    @Test
    void anExampleThatAnswersOtherwiseThanPromisedIsCaught(@TempDir Path work) throws Exception {
        GuideExamples wrong = GuideExamples.in("""
                <!-- tested: rest -->
                ```bash
                # the inbox → 200
                curl -sS "$LEXBRIDGE/api/v1/messages/inbox"
                ```
                <!-- tested: rest -->
                ```bash
                ID=$(jq -r .id missing.json)
                # a message → 200
                curl -sS -H "Authorization: Bearer $TOKEN" "$LEXBRIDGE/api/v1/messages/$ID"
                ```
                """, "rest");

        GuideExamples.Run run = wrong.run(work, Map.of("LEXBRIDGE", "http://localhost:" + port, "TOKEN", COURT_A));

        assertThat(wrong.examples().get(0).promised()).containsExactly(200);
        assertThat(run.statuses().get(0)).containsExactly(401); // no token: what the test compares would differ
        assertThat(run.exitCode()).isNotZero(); // jq found no file: the shell stops
        assertThat(run.statuses().get(1)).isEmpty();
    }
}

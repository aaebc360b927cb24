package eu.lexbridge.backend.soap;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.testkit.GuideExamples;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/integration-guide.md's SOAP examples, run with curl as a reader runs them, against this module's connector (the
 * real SOAP API on a real server, core flows on in-memory ports, the demo's service and partner), as court-a with its
 * HTTP Basic fallback. An example that no longer answers what its comments promise, or stops the shell, fails.
 */
class SoapGuideExamplesTest extends SoapTestSupport {

    private static final Path GUIDE = Path.of("..", "..", "docs", "integration-guide.md");

    @Test
    void theGuidesSoapExamplesAnswerWhatTheyPromise(@TempDir Path work) throws Exception {
        GuideExamples guide = GuideExamples.in(Files.readString(GUIDE, StandardCharsets.UTF_8), "soap");
        assertThat(guide.examples()).as("tested SOAP examples in the guide").isNotEmpty()
                .allSatisfy(e -> assertThat(e.promised()).as("example at line " + e.line()).isNotEmpty());

        GuideExamples.Run run = guide.run(work, Map.of("LEXBRIDGE", "http://localhost:" + port,
                "BACKEND", COURT_A, "PASSWORD", COURT_A_PASSWORD));

        assertThat(run.exitCode()).as("the examples' shell, which printed:\n" + run.output()).isZero();
        for (int i = 0; i < guide.examples().size(); i++) {
            GuideExamples.Example example = guide.examples().get(i);
            assertThat(run.statuses().get(i)).as("the statuses of the example at line " + example.line()
                    + " of the guide; the shell printed:\n" + run.output()).isEqualTo(example.promised());
        }
        // what the examples say they did: one message submitted (the repeat stored nothing), the form as written
        List<ConnectorMessage> submitted = store.all().stream()
                .filter(m -> m.backendMessageId() != null && m.backendMessageId().startsWith("AT-SOAP-")).toList();
        assertThat(submitted).hasSize(1);
        assertThat(submitted.get(0).service().value()).isEqualTo("EEvidence");
        assertThat(Files.readString(work.resolve("pending.xml"))).contains("ListPendingMessageIdsResponse");
    }
}

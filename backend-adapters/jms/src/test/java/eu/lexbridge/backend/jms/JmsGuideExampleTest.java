package eu.lexbridge.backend.jms;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.testkit.SampleMessages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The integration guide's complete JMS client, as the guide prints it: compiled from the guide's text and run against
 * the connector's broker over TLS, as a back-end would run it. When the example no longer works, this fails.
 */
class JmsGuideExampleTest extends JmsTestSupport {

    private static final Path GUIDE = Path.of("../../docs/integration-guide.md");
    private static final String MARK = "<!-- tested: jms -->\n```java\n";

    @TempDir
    Path work;

    @Test
    void theGuidesClientSubmitsAFormAndADocumentAndReadsTheAnswer() throws Exception {
        Path form = Files.write(work.resolve("form.xml"), XML);
        Path order = Files.write(work.resolve("order.pdf"), "%PDF-1.7 order".getBytes(StandardCharsets.US_ASCII));
        Class<?> client = compile(example());

        String first = run(client, "AT-2026-17", form, order);
        String again = run(client, "AT-2026-17", form, order);

        ConnectorMessage stored = store.findByBackendMessageId(COURT_A, "AT-2026-17").orElseThrow();
        assertThat(first).isEqualTo("ACCEPTED messageId=" + stored.connectorMessageId());
        assertThat(again).startsWith("PROBLEM LB-1006 ");
        PayloadRef document = stored.payloads().stream().filter(p -> p.kind() == PayloadKind.BUSINESS_DOCUMENT)
                .findFirst().orElseThrow();
        assertThat(document.name()).isEqualTo("order.pdf");
        assertThat(document.mimeType()).isEqualTo("application/pdf");
    }

    private static String example() throws IOException {
        String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
        int start = guide.indexOf(MARK);
        assertThat(start).as("the guide's tested JMS example").isNotNegative();
        int from = start + MARK.length();
        return guide.substring(from, guide.indexOf("\n```", from) + 1);
    }

    private Class<?> compile(String source) throws Exception {
        Path file = Files.writeString(work.resolve("SubmitOverJms.java"), source);
        Path classes = Files.createDirectories(work.resolve("classes"));
        // surefire names the whole test class path here; java.class.path may be its manifest-only booter jar
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int result = javac.run(null, null, errors, "-classpath", classPath, "-d", classes.toString(),
                file.toString());
        assertThat(result).as("the example compiles: " + errors.toString(StandardCharsets.UTF_8)).isZero();
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
        return loader.loadClass("SubmitOverJms");
    }

    /** Runs the example's main as a back-end would, and returns the line it printed. */
    private String run(Class<?> client, String backendMessageId, Path form, Path order) throws Exception {
        Method main = client.getMethod("main", String[].class);
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        synchronized (System.class) {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            try {
                main.invoke(null, (Object) List.of(brokerUrl(), COURT_A, COURT_A_PASSWORD, backendMessageId,
                        SampleMessages.SERVICE.value(), SampleMessages.ACTION, SampleMessages.GERMANY.partyId(),
                        form.toString(), order.toString()).toArray(String[]::new));
            } finally {
                System.setOut(console);
            }
        }
        // the connector, in the same process, logs to the console too: the example's answer is its last line
        List<String> lines = printed.toString(StandardCharsets.UTF_8).strip().lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
}

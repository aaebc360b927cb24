package eu.lexbridge.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.Yaml;

/**
 * The log pattern the connector ships is the backstop against forged log lines (issue 8): whatever a message holds,
 * it is one line; a stack trace keeps its lines.
 */
class LogLineTest {

    /** The test's own logback, which has the MDC the pattern reads. */
    private static final LoggerContext CONTEXT = (LoggerContext) LoggerFactory.getILoggerFactory();

    @Test
    void aLineBreakInAMessageCannotStartAForgedLine() throws IOException {
        PatternLayout layout = layout(pattern("console"));
        String line = layout.doLayout(event("AS4 message abc@x\r\n2026-12-05T00:00:00Z  INFO all clear\u2028more"));

        assertThat(line.strip().lines()).hasSize(1);
        assertThat(line).contains("abc@x\\n\\n2026-12-05T00:00:00Z  INFO all clear\\nmore");
    }

    @Test
    void theFileLogUsesTheSamePattern() throws IOException {
        assertThat(pattern("file")).isEqualTo(pattern("console"));
    }

    @Test
    void aStackTraceKeepsItsLines() throws IOException {
        LoggingEvent event = event("failed");
        event.setThrowableProxy(new ch.qos.logback.classic.spi.ThrowableProxy(new IllegalStateException("boom")));
        String text = layout(pattern("console")).doLayout(event);
        assertThat(text.lines().count()).isGreaterThan(2);
        assertThat(text.lines().findFirst()).get().asString().endsWith(": failed");
    }

    private static LoggingEvent event(String message) {
        return new LoggingEvent("test", CONTEXT.getLogger("lexbridge.security"), Level.WARN, message, null, null);
    }

    private static PatternLayout layout(String pattern) {
        PatternLayout layout = new PatternLayout();
        layout.setContext(CONTEXT);
        // Spring Boot registers its stack-trace converter the same way when it configures logback.
        layout.getInstanceConverterMap().put("wEx",
                org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter::new);
        layout.setPattern(pattern);
        layout.start();
        return layout;
    }

    @SuppressWarnings("unchecked")
    private static String pattern(String appender) throws IOException {
        try (InputStream in = LogLineTest.class.getResourceAsStream("/application.yml")) {
            Map<String, Object> yaml = new Yaml().load(in);
            Map<String, Object> logging = (Map<String, Object>) yaml.get("logging");
            return (String) ((Map<String, Object>) logging.get("pattern")).get(appender);
        }
    }
}

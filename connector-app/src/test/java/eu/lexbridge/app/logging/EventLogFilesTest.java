package eu.lexbridge.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Issue 15 item 6: the security log and the audit log each in a file of its own, laid out as the connector's log file
 * (its pattern, with line breaks escaped, or JSON), and only their own events in it.
 */
class EventLogFilesTest {

    @Configuration(proxyBeanMethods = false)
    @Import(EventLogsAutoConfiguration.class)
    static class LogFilesOnly {
    }

    @TempDir
    Path dir;

    @Test
    void securityAndAuditEventsGoToTheirOwnFilesAndNothingElseDoes() throws Exception {
        try (ConfigurableApplicationContext context = start("lexbridge.logs.directory=" + dir)) {
            LoggerFactory.getLogger("lexbridge.security").warn("UNKNOWN_PARTNER: AS4 message {} refused",
                    "abc@x\n2026-12-05T00:00:00Z  INFO forged");
            LoggerFactory.getLogger("lexbridge.audit").info("operator {} replayed dead letter {}", "ops", "ID:1");
            LoggerFactory.getLogger("eu.lexbridge.routes").info("an ordinary event");
        }

        List<String> security = Files.readAllLines(dir.resolve("security.log"), StandardCharsets.UTF_8);
        assertThat(security).hasSize(1);
        assertThat(security.get(0)).contains(" WARN ").contains("lexbridge.security")
                .contains("UNKNOWN_PARTNER: AS4 message abc@x\\n2026-12-05T00:00:00Z  INFO forged refused");
        assertThat(Files.readString(dir.resolve("audit.log"))).contains("operator ops replayed dead letter ID:1")
                .doesNotContain("UNKNOWN_PARTNER").doesNotContain("an ordinary event");
    }

    @Test
    void withStructuredLoggingForTheFileEachLineIsOneJsonObject() throws Exception {
        try (ConfigurableApplicationContext context = start("lexbridge.logs.directory=" + dir,
                "logging.structured.format.file=ecs")) {
            LoggerFactory.getLogger("lexbridge.audit").info("back-end {} read payload {}", "at-case\nmanagement", "p1");
        }

        List<String> audit = Files.readAllLines(dir.resolve("audit.log"), StandardCharsets.UTF_8);
        assertThat(audit).hasSize(1);
        assertThat(new ObjectMapper().readTree(audit.get(0)).path("message").asText())
                .isEqualTo("back-end at-case\nmanagement read payload p1");
    }

    @Test
    void aLogSwitchedOffHasNoFile() throws Exception {
        try (ConfigurableApplicationContext context = start("lexbridge.logs.directory=" + dir,
                "lexbridge.logs.security=false")) {
            LoggerFactory.getLogger("lexbridge.security").warn("UNSAFE_INPUT: a DOCTYPE");
            LoggerFactory.getLogger("lexbridge.audit").info("operator ops held partner de-court");
        }

        assertThat(dir.resolve("security.log")).doesNotExist();
        assertThat(dir.resolve("audit.log")).content().contains("held partner de-court");
    }

    private static ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(LogFilesOnly.class).web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off", "lexbridge.connector.party-id=at-prosecutor",
                        "lexbridge.connector.ebms-id-domain=lexbridge.test", "lexbridge.connector.default-backend=b")
                .properties(properties).run();
    }
}

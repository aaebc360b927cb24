package eu.lexbridge.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * Structured JSON logging by configuration alone (issue 8, Deliver 5): with {@code logging.structured.format.console}
 * every log line is one JSON object, so a line break in a value stays inside its string.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogTest {

    @Configuration(proxyBeanMethods = false)
    static class NothingElse {
    }

    @Test
    void everyLineIsOneJsonObject(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(NothingElse.class)
                .web(WebApplicationType.NONE)
                .properties("logging.structured.format.console=ecs", "spring.main.banner-mode=off")
                .run()) {
            LoggerFactory.getLogger("lexbridge.security").warn("UNKNOWN_PARTNER: AS4 message {} refused",
                    "abc@x\n2026-12-05T00:00:00Z  INFO forged");
        }
        List<String> lines = output.getOut().lines().filter(l -> l.contains("UNKNOWN_PARTNER")).toList();
        assertThat(lines).hasSize(1);
        JsonNode line = new ObjectMapper().readTree(lines.get(0));
        assertThat(line.path("log").path("level").asText()).isEqualTo("WARN");
        assertThat(line.path("log").path("logger").asText()).isEqualTo("lexbridge.security");
        assertThat(line.path("message").asText()).contains("abc@x\n2026-12-05T00:00:00Z  INFO forged");
    }
}

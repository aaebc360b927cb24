package eu.lexbridge.app.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import eu.lexbridge.app.config.ConnectorProperties;
import eu.lexbridge.app.config.LogFilesProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The security log ({@code lexbridge.security}) and the audit log ({@code lexbridge.audit}) in files of their own,
 * {@code security.log} and {@code audit.log}, laid out as the connector's log file is ({@code logging.pattern.file},
 * or JSON with {@code logging.structured.format.file}).
 */
@AutoConfiguration
@ConditionalOnClass(LoggerContext.class)
@EnableConfigurationProperties({LogFilesProperties.class, ConnectorProperties.class})
public class EventLogsAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    EventLogFiles eventLogFiles(LogFilesProperties logs, ConnectorProperties connector, Environment environment) {
        List<EventLogFiles.File> files = new ArrayList<>();
        if (logs.security()) {
            files.add(new EventLogFiles.File("lexbridge.security", "security"));
        }
        if (logs.audit()) {
            files.add(new EventLogFiles.File("lexbridge.audit", "audit"));
        }
        Path directory = logs.directory() != null ? logs.directory() : connector.dataDirectory().resolve("logs");
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context) || files.isEmpty()) {
            return new EventLogFiles(null, directory, List.of(), logs.maxHistory(), null);
        }
        return new EventLogFiles(context, directory.toAbsolutePath(), files, logs.maxHistory(), encoders(environment));
    }

    private static Supplier<Encoder<ILoggingEvent>> encoders(Environment environment) {
        String structured = environment.getProperty("logging.structured.format.file");
        if (structured != null && !structured.isBlank()) {
            return () -> {
                StructuredLogEncoder encoder = new StructuredLogEncoder();
                encoder.setFormat(structured);
                encoder.setCharset(StandardCharsets.UTF_8);
                return encoder;
            };
        }
        return EventLogFiles.pattern(environment.getProperty("logging.pattern.file",
                "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %5p --- %logger : %m%n"));
    }
}

package eu.lexbridge.app.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Writes some loggers' events to files of their own as well, each rolled over daily: the security log and the audit
 * log beside the connector's log. The events still reach the connector's log too.
 */
public final class EventLogFiles implements AutoCloseable {

    /** One logger's file: {@code name.log} in the folder, {@code name.YYYY-MM-DD.log.gz} once rolled over. */
    public record File(String logger, String name) {
    }

    private final List<Attached> attached = new ArrayList<>();

    /**
     * @param encoders makes the layout of each file's lines: the connector log's pattern, or its structured format
     */
    public EventLogFiles(LoggerContext context, Path directory, List<File> files, int maxHistory,
                         Supplier<Encoder<ILoggingEvent>> encoders) {
        for (File file : files) {
            RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
            appender.setContext(context);
            appender.setName("lexbridge-" + file.name() + "-file");
            appender.setFile(directory.resolve(file.name() + ".log").toString());

            TimeBasedRollingPolicy<ILoggingEvent> rolling = new TimeBasedRollingPolicy<>();
            rolling.setContext(context);
            rolling.setParent(appender);
            rolling.setFileNamePattern(directory.resolve(file.name() + ".%d{yyyy-MM-dd, UTC}.log.gz").toString());
            rolling.setMaxHistory(maxHistory);
            rolling.start();
            appender.setRollingPolicy(rolling);

            Encoder<ILoggingEvent> encoder = encoders.get();
            encoder.setContext(context);
            encoder.start();
            appender.setEncoder(encoder);
            appender.start();

            Logger logger = context.getLogger(file.logger());
            logger.addAppender(appender);
            attached.add(new Attached(logger, appender));
        }
    }

    /** A pattern encoder, with Spring Boot's conversion words ({@code %wEx}) known to the context it is started in. */
    public static Supplier<Encoder<ILoggingEvent>> pattern(String pattern) {
        return () -> {
            PatternLayoutEncoder encoder = new PatternLayoutEncoder();
            encoder.setPattern(pattern);
            encoder.setCharset(StandardCharsets.UTF_8);
            return encoder;
        };
    }

    @Override
    public void close() {
        for (Attached a : attached) {
            a.logger().detachAppender(a.appender());
            a.appender().stop();
        }
        attached.clear();
    }

    private record Attached(Logger logger, RollingFileAppender<ILoggingEvent> appender) {
    }
}

package eu.lexbridge.app.tracing;

import java.util.Set;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Spring Boot's OpenTelemetry and tracing auto-configurations only when {@code lexbridge.tracing.enabled} is true.
 * With the OpenTelemetry bridge on the class path Spring Boot makes a tracer, samples and records spans of every HTTP
 * request and starts the span processor's thread whatever {@code management.tracing.enabled} says (that key only
 * stops the export): off must mean no tracer and no thread, so they are not imported at all.
 */
public final class TracingSwitch implements AutoConfigurationImportFilter, EnvironmentAware {

    static final String ENABLED = "lexbridge.tracing.enabled";
    private static final String ACTUATE = "org.springframework.boot.actuate.autoconfigure.";
    static final Set<String> SWITCHED = Set.of(
            ACTUATE + "opentelemetry.OpenTelemetryAutoConfiguration",
            ACTUATE + "logging.OpenTelemetryLoggingAutoConfiguration",
            ACTUATE + "logging.otlp.OtlpLoggingAutoConfiguration",
            ACTUATE + "tracing.MicrometerTracingAutoConfiguration",
            ACTUATE + "tracing.NoopTracerAutoConfiguration",
            ACTUATE + "tracing.OpenTelemetryTracingAutoConfiguration",
            ACTUATE + "tracing.otlp.OtlpTracingAutoConfiguration",
            ACTUATE + "tracing.prometheus.PrometheusExemplarsAutoConfiguration");

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean on = environment.getProperty(ENABLED, Boolean.class, false);
        boolean[] match = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < match.length; i++) {
            String name = autoConfigurationClasses[i]; // null: an earlier filter has left it out
            match[i] = on || name == null || !SWITCHED.contains(name);
        }
        return match;
    }
}

package eu.lexbridge.tools;

import eu.lexbridge.app.config.RouteProperties;
import eu.lexbridge.messaging.QueueSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.validation.FieldError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code lexbridge broker-settings}: the queues and their redelivery policy as {@code broker.xml} settings for an
 * external Artemis, from the same configuration the connector reads ({@code lexbridge.routes.*} in
 * {@code application.yml}, {@code ./config/application.yml}, the environment and {@code --key=value} arguments), so
 * the external broker retries exactly as the embedded one would.
 */
@Command(name = "broker-settings", mixinStandardHelpOptions = true,
        description = {"Print the <addresses> and <address-settings> for an external Artemis broker.xml, from the"
                + " connector's configuration (lexbridge.routes.*; --key=value arguments as for serve).",
                "Exit codes: 0 printed, 2 invalid configuration."})
public final class BrokerSettingsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** As for {@code serve}: everything after the command is Spring Boot's {@code --key=value} settings. */
    @Unmatched
    private List<String> configuration = new ArrayList<>();

    @Override
    public Integer call() {
        try {
            QueueSettings queues = queueSettings(configuration);
            var out = spec.commandLine().getOut();
            out.print(queues.brokerXml());
            out.flush();
            return 0;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 2;
        }
    }

    /**
     * The queue settings a connector with this configuration applies to its embedded broker.
     *
     * @param configuration Spring Boot's {@code --key=value} arguments, read with the connector's other sources
     * @throws IllegalArgumentException one line per refused key
     */
    public static QueueSettings queueSettings(List<String> configuration) {
        // Only the configuration binding and its validation: no web server, no broker, no database.
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Settings.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                // the command prints the one sentence that matters; Spring Boot's failure report is for servers
                .properties("logging.level.root=OFF")
                .run(configuration.toArray(String[]::new))) {
            return context.getBean(RouteProperties.class).queueSettings();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(problems(e), e);
        }
    }

    /** One line per refused key, {@code lexbridge.routes.max-prepare-attempts: must be …}. */
    private static String problems(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindValidationException invalid) {
                var errors = invalid.getValidationErrors();
                return errors.getAllErrors().stream()
                        .map(error -> errors.getName() + (error instanceof FieldError field
                                ? "." + kebab(field.getField()) : "") + ": " + error.getDefaultMessage())
                        .collect(Collectors.joining(System.lineSeparator()));
            }
        }
        return "The configuration is not usable: " + e.getMessage();
    }

    private static String kebab(String javaName) {
        return javaName.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RouteProperties.class)
    static class Settings {
    }
}

package eu.lexbridge.tools;

import eu.lexbridge.app.config.RouteProperties;
import java.util.concurrent.Callable;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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
final class BrokerSettingsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "--key=value", description = "configuration, as for serve")
    String[] configuration = new String[0];

    @Override
    public Integer call() {
        // Only the configuration binding and its validation: no web server, no broker, no database.
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Settings.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .run(configuration)) {
            spec.commandLine().getOut().print(context.getBean(RouteProperties.class).queueSettings().brokerXml());
            return 0;
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("The configuration is not usable: " + rootMessage(e));
            return 2;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RouteProperties.class)
    static class Settings {
    }
}

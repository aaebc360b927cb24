package eu.lexbridge.tools;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import eu.lexbridge.gateway.as4.StreamingGcmProvider;
import eu.lexbridge.tools.bench.BenchCommand;
import eu.lexbridge.tools.directory.DirectoryCommand;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code lexbridge <command>}: the one command-line entry. Exit codes: 0 success, 1 the answer is "no" or the run
 * failed, 2 unusable input.
 */
@Command(name = "lexbridge", mixinStandardHelpOptions = true, version = "LexBridge 0.1.0",
        description = "An e-CODEX connector.",
        subcommands = {ServeCommand.class, DemoCommand.class, PkiCommand.class, EvidenceCommand.class,
                ContainerCommand.class, DocumentCommand.class, ManagementCommand.class,
                BrokerSettingsCommand.class, BenchCommand.class, DirectoryCommand.class,
                PartnerCommand.class, RecordTransmissionCommand.class, TimelineCommand.class,
                StatisticsCommand.class, MessagesCommand.class, DeadLettersCommand.class,
                MaintenanceCommand.class, AvailabilityCommand.class})
public final class LexbridgeCommand implements Runnable {

    public static void main(String[] args) {
        quietLogging(); // first, before anything logs
        // JDK 17 decrypts AES-GCM quadratically (JDK-8298249); must happen before any cipher is created
        StreamingGcmProvider.installIfNeeded();
        // Skip a class-path scan on every XML document, evidence and AS4 message (measured: a quarter of the
        // receiver's CPU for the transformer factory alone, 11-13 % for the others)
        JaxpFactories.nameTheOnesFound();
        int exit = new CommandLine(new LexbridgeCommand())
                .setParameterExceptionHandler((e, a) -> {
                    e.getCommandLine().getErr().println(e.getMessage());
                    e.getCommandLine().usage(e.getCommandLine().getErr());
                    return 2;
                })
                .execute(args);
        if (exit != 0 || !ServeCommand.isServing()) {
            System.exit(exit);
        }
    }

    /**
     * A command prints what it was asked for and nothing else: the libraries below it (DSS, PDFBox, ...) log errors
     * only, to stderr, as {@code logback-cli.xml} says, java.util.logging included. {@code serve} hands logging to
     * Spring Boot, which configures it afresh from application.yml. {@code -Dlogback.configurationFile=...} (in
     * {@code LEXBRIDGE_JAVA_OPTS}) takes precedence, to see more of a command.
     */
    private static void quietLogging() {
        if (System.getProperty("logback.configurationFile") == null
                && LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            logback.reset();
            var configurator = new JoranConfigurator();
            configurator.setContext(logback);
            try {
                configurator.doConfigure(LexbridgeCommand.class.getResource("/logback-cli.xml"));
            } catch (JoranException e) {
                throw new IllegalStateException("logback-cli.xml in the jar cannot be read", e);
            }
        }
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}

package eu.lexbridge.tools;

import eu.lexbridge.gateway.as4.StreamingGcmProvider;
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
                BrokerSettingsCommand.class})
public final class LexbridgeCommand implements Runnable {

    public static void main(String[] args) {
        // JDK 17 decrypts AES-GCM quadratically (JDK-8298249); must happen before any cipher is created
        StreamingGcmProvider.installIfNeeded();
        quietLogging(); // commands print their own results; `serve` hands logging to Spring Boot, which resets it
        // Skip a class-path scan on every AS4 message (measured: a quarter of the receiver's CPU); the JDK's own
        // XSLTC is what the scan finds anyway unless someone sets another factory on purpose.
        if (System.getProperty("javax.xml.transform.TransformerFactory") == null) {
            System.setProperty("javax.xml.transform.TransformerFactory",
                    "com.sun.org.apache.xalan.internal.xsltc.trax.TransformerFactoryImpl");
        }
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

    private static void quietLogging() {
        if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
            // DSS warns of "no revocation found" for every certificate it meets when a command seals or validates;
            // the commands print each signer's revocation status themselves (as application.yml does for the server)
            if (org.slf4j.LoggerFactory.getLogger("eu.europa.esig.dss.spi.validation.SignatureValidationContext")
                    instanceof ch.qos.logback.classic.Logger dss) {
                dss.setLevel(ch.qos.logback.classic.Level.ERROR);
            }
        }
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
